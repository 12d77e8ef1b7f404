/**
 * Bundles a program as a Lambda user would (esbuild `--bundle --minify --platform=node --format=esm`, with the
 * `require` shim an ESM bundle of the SDK's CommonJS modules needs), dynofunc resolved to its sources, and reports
 * the bundle's size and the modules it holds. Used by P8 and by the bundle size check (`test/bundleSize.test.ts`).
 *
 * @example
 * const { bytes, inputs } = await bundle({ file: leanProgram })
 */
import { build } from "esbuild"
import { fileURLToPath } from "node:url"

/** The lean program (`leanProgram.ts` beside this file). */
export const leanProgram = fileURLToPath(new URL("./leanProgram.ts", import.meta.url))

/** This package's directory: where a program given as source resolves its imports from. */
export const packageDir = fileURLToPath(new URL("../..", import.meta.url))

/** A bundle's size in bytes and the paths of the modules that contribute code to it. */
export interface Bundle {
  readonly bytes: number
  readonly inputs: ReadonlyArray<string>
}

/**
 * A program (a file, or TypeScript source resolved from this package) bundled and minified for Node (ESM);
 * `external` packages left out; written to `outfile` when given.
 *
 * @example
 * const withoutUndici = await bundle({ file: leanProgram }, { external: ["undici"] })
 */
export const bundle = async (
  program: { readonly file: string } | { readonly source: string },
  options: { readonly external?: ReadonlyArray<string> | undefined; readonly outfile?: string | undefined } = {}
): Promise<Bundle> => {
  const result = await build({
    ...("file" in program ? { entryPoints: [program.file] } : { stdin: { contents: program.source, resolveDir: packageDir, loader: "ts" } }),
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    conditions: ["@dynofunc/source"],
    external: [...(options.external ?? [])],
    // The SDK's CommonJS modules `require` Node's built-ins: an ESM bundle needs a `require` (as on Lambda).
    banner: { js: `import { createRequire } from "node:module"; const require = createRequire(import.meta.url);` },
    outfile: options.outfile ?? "bundle.mjs",
    write: options.outfile !== undefined,
    metafile: true,
    logLevel: "silent"
  })
  const output = Object.values(result.metafile.outputs)[0]!
  return {
    bytes: output.bytes,
    inputs: Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path)
  }
}
