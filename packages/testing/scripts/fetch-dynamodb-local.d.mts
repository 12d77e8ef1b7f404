/** Types of `fetch-dynamodb-local.mjs`: see that file. */
export declare const SIMULATOR_PACKAGE: string
export declare const SIMULATOR_VERSION: string
export declare const SIMULATOR_INTEGRITY: string
export declare const DYNAMODB_LOCAL_VERSION: string
export declare const DIR_ENV: "DYNOFUNC_DYNAMODB_LOCAL_DIR"
export declare const isInstalled: (dir: string) => boolean
export declare const findProjectRoot: (from: string) => string
export declare const defaultDir: (options?: {
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly cwd?: string
}) => string
export declare const fetchDynamoDBLocal: (options?: {
  readonly dir?: string
  readonly log?: (message: string) => void
  readonly signal?: AbortSignal
}) => Promise<string>
