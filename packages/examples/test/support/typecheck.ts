/**
 * Type-checks snippets of TypeScript (README blocks, doc-comment examples) as modules of the examples package, with
 * the workspace's strict settings, in one TypeScript program.
 */
import { fileURLToPath } from "node:url"
import ts from "typescript"

export const root = fileURLToPath(new URL("../../../../", import.meta.url))

/**
 * One snippet: its code, the file it is compiled as (by default a module of the examples package), and where a
 * diagnostic at its line `n` (from 0) is reported.
 */
export interface Snippet {
  readonly code: string
  readonly fileName?: string
  readonly where: (line: number) => string
}

/** The compiler options of one of the workspace's tsconfig files, as `tsc -p <file>` reads them. */
export const workspaceOptions = (file = "tsconfig.json"): ts.CompilerOptions => {
  const configFile = ts.readConfigFile(`${root}${file}`, (path) => ts.sys.readFile(path))
  return ts.parseJsonConfigFileContent(configFile.config, ts.sys, root).options
}

/**
 * The diagnostics of every snippet, each as `where: message`; snippets may leave names unused. `base` are the
 * compiler options to check them with (by default the workspace's, on Effect 3).
 */
export const typecheck = (snippets: ReadonlyArray<Snippet>, name: string, base: ts.CompilerOptions = workspaceOptions()): ReadonlyArray<string> => {
  const options = { ...base, noUnusedLocals: false, noUnusedParameters: false }
  const files = new Map(snippets.map((snippet, index) => [snippet.fileName ?? `${root}packages/examples/src/__${name}_${index}.ts`, snippet]))
  const host = ts.createCompilerHost(options)
  const readFile = host.readFile.bind(host)
  const fileExists = host.fileExists.bind(host)
  host.readFile = (path) => files.get(path)?.code ?? readFile(path)
  host.fileExists = (path) => files.has(path) || fileExists(path)
  const program = ts.createProgram([...files.keys()], options, host)
  // Only the snippets' own diagnostics: the library sources they use are checked by `pnpm typecheck`, and asking for
  // theirs here would check every source file again (most of the time this takes).
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[...files.keys()].flatMap((file) => {
      const source = program.getSourceFile(file)!
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    })
  ]
  return diagnostics.map((diagnostic) => {
    const snippet = files.get(diagnostic.file?.fileName ?? "")
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : 0
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")
    return `${snippet?.where(line) ?? diagnostic.file?.fileName ?? "?"}: ${message}`
  })
}
