/**
 * Type-checks snippets of TypeScript (README blocks, doc-comment examples) as modules of the examples package, with
 * the workspace's strict settings, in one TypeScript program.
 */
import { fileURLToPath } from "node:url"
import ts from "typescript"

export const root = fileURLToPath(new URL("../../../../", import.meta.url))

/** One snippet: its code, and where a diagnostic at its line `n` (from 0) is reported. */
export interface Snippet {
  readonly code: string
  readonly where: (line: number) => string
}

/** The workspace's compiler options, as `tsc -p tsconfig.json` reads them. */
export const workspaceOptions = (): ts.CompilerOptions => {
  const configFile = ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path))
  return ts.parseJsonConfigFileContent(configFile.config, ts.sys, root).options
}

/** The diagnostics of every snippet, each as `where: message`; snippets may leave names unused. */
export const typecheck = (snippets: ReadonlyArray<Snippet>, name: string): ReadonlyArray<string> => {
  const options = { ...workspaceOptions(), noUnusedLocals: false, noUnusedParameters: false }
  const files = new Map(snippets.map((snippet, index) => [`${root}packages/examples/src/__${name}_${index}.ts`, snippet]))
  const host = ts.createCompilerHost(options)
  const readFile = host.readFile.bind(host)
  const fileExists = host.fileExists.bind(host)
  host.readFile = (path) => files.get(path)?.code ?? readFile(path)
  host.fileExists = (path) => files.has(path) || fileExists(path)
  const program = ts.createProgram([...files.keys()], options, host)
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const snippet = files.get(diagnostic.file?.fileName ?? "")
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : 0
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")
    return `${snippet?.where(line) ?? diagnostic.file?.fileName ?? "?"}: ${message}`
  })
}
