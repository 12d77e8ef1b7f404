import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import ts from "typescript"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const readme = readFileSync(`${root}README.md`, "utf8")

/** The README's TypeScript examples, each with the line it starts on. */
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => ({
  code: match[1]!,
  line: readme.slice(0, match.index).split("\n").length + 1
}))

/** Type-checks each block as its own module of the examples package, with the workspace's strict settings. */
const diagnose = (): ReadonlyArray<string> => {
  const configFile = ts.readConfigFile(`${root}tsconfig.json`, (path) => ts.sys.readFile(path))
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root)
  const files = new Map(blocks.map((block, index) => [`${root}packages/examples/src/__readme_${index}.ts`, block.code]))
  const host = ts.createCompilerHost(options)
  const readFile = host.readFile.bind(host)
  const fileExists = host.fileExists.bind(host)
  host.readFile = (path) => files.get(path) ?? readFile(path)
  host.fileExists = (path) => files.has(path) || fileExists(path)
  const program = ts.createProgram([...files.keys()], { ...options, noUnusedLocals: false }, host)
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const index = [...files.keys()].indexOf(diagnostic.file?.fileName ?? "")
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : 0
    const line = index >= 0 ? blocks[index]!.line + where : -1
    return `README.md:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`
  })
}

describe("README", () => {
  it("has TypeScript examples", () => {
    expect(blocks.length).toBeGreaterThan(3)
  })

  it("every TypeScript example compiles under the workspace's strict settings", () => {
    expect(diagnose()).toEqual([])
  }, 120_000)
})
