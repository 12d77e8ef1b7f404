/**
 * One owner per public type: every type a public module of the published packages exports (the list
 * `scripts/public-modules.ts` keeps for the docs too) is declared in a public module, never declared under `internal/`
 * and re-exported. Internal code imports public types from their public module. Read with the TypeScript compiler (each
 * export resolved to its declaration), over the repository's own sources only.
 */
import { describe, expect, it } from "@effect/vitest"
import ts from "typescript"
import { publicModules, root } from "../../../scripts/public-modules.js"

/**
 * Types still declared under `internal/`, each with why. Listed here, they are not an error; a listed one that is
 * gone fails too, so the list only ever shrinks.
 */
const pending: ReadonlyArray<string> = [
  // The command table is generated (`scripts/`): `Operation.ts` names it and derives every per-command type from it.
  "core/Operation.ts Commands"
]

/** The public modules of the published packages (barrels aside), as absolute paths. */
const modules = publicModules().map((file) => `${root}${file}`)

/** `package/file` of a module, for the messages. */
const short = (file: string): string => file.slice(`${root}packages/`.length).replace("/src/", "/")

const typeFlags = ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface | ts.SymbolFlags.Class | ts.SymbolFlags.Enum

/** Every exported type of `modules` that is declared under `internal/`, as `package/Module.ts Name`. */
const typesFromInternal = (): Array<string> => {
  const options = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))
    }
  })!.options
  const host = ts.createCompilerHost(options)
  // Only the repository's sources: a dependency's declarations are not read (they declare nothing of ours).
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      const resolved = ts.resolveModuleName(literal.text, containingFile, options, host).resolvedModule
      return { resolvedModule: resolved === undefined || resolved.isExternalLibraryImport || resolved.resolvedFileName.includes("/node_modules/") ? undefined : resolved }
    })
  const program = ts.createProgram(modules, { ...options, noLib: true, types: [] }, host)
  const checker = program.getTypeChecker()
  const found: Array<string> = []
  for (const file of modules) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)
    if (module === undefined) continue
    for (const exported of checker.getExportsOfModule(module)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      if ((target.flags & typeFlags) === 0) continue
      if ((target.declarations ?? []).some((declaration) => declaration.getSourceFile().fileName.includes("/src/internal/"))) {
        found.push(`${short(file)} ${exported.name}`)
      }
    }
  }
  return found.sort()
}

describe("public types", () => {
  it("are declared in their public module, not under internal/ (but for the pending ones)", { timeout: 120_000 }, () => {
    expect(modules.length).toBeGreaterThan(20)
    const found = typesFromInternal()
    expect(found.filter((entry) => !pending.includes(entry)), "declared under internal/ and re-exported").toEqual([])
    expect(pending.filter((entry) => !found.includes(entry)), "pending no more: take it off the list").toEqual([])
  })
})
