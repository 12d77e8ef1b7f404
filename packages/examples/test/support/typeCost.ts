/**
 * The type-check cost of typed tables: the same 20-entity program written with `Entity` and with the plain
 * operations (both validate with the same Schemas), and an empty program, each type-checked in memory (the files
 * are never written); prints the instantiation counts as JSON. Run by `test/typeCost.test.ts`.
 */
import path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"

const root = fileURLToPath(new URL("../../../../", import.meta.url))
const dir = path.join(root, "packages/examples/src/typecost")
const entities = Array.from({ length: 20 }, (_, i) => i)

const schema = (i: number) => `Schema.Struct({
  tenant: Schema.String,
  id: Schema.String,
  name${i}: Schema.String,
  count: Schema.Number,
  status: Schema.Literal("a", "b", "c"),
  tags: Schema.Array(Schema.String),
  at: Schema.Date,
  note: Schema.optional(Schema.String)
})`

const prelude = `import { Effect, Schema } from "effect"\n`

const typed = () =>
  prelude +
  `import { Entity, TypedTable } from "dynofunc"
const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk", indexes: { gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" } } })
` +
  entities
    .map(
      (i) => `
const E${i} = Entity.make({
  table: app,
  name: "E${i}",
  schema: ${schema(i)},
  primary: { partition: { prefix: "T", fields: ["tenant"] }, sort: { prefix: "E${i}", fields: ["id"] } },
  indexes: { gsi1: { partition: { prefix: "S", fields: ["status"] }, sort: { prefix: "E${i}", fields: ["id"] } } }
})
export const program${i} = Effect.gen(function* () {
  yield* TypedTable.execute(E${i}.put({ tenant: "t", id: "1", name${i}: "n", count: 1, status: "a", tags: [], at: new Date() }))
  const { item } = yield* TypedTable.execute(E${i}.get({ tenant: "t", id: "1" }))
  yield* TypedTable.execute(E${i}.update({ tenant: "t", id: "1" }, { count: Entity.increment(), tags: Entity.append(["x"]) }, { condition: E${i}.attr("count").lt(10) }))
  const { items } = yield* TypedTable.execute(E${i}.query("gsi1", { status: "a" }))
  return [item?.name${i}, items.length] as const
})`
    )
    .join("\n")

const plain = () =>
  prelude +
  `import { add, attr, execute, find, query, update, cand } from "dynofunc"
` +
  entities
    .map(
      (i) => `
const S${i} = ${schema(i)}
const encode${i} = Schema.encode(S${i})
const decode${i} = Schema.decodeUnknown(S${i})
export const program${i} = Effect.gen(function* () {
  const value: typeof S${i}.Type = { tenant: "t", id: "1", name${i}: "n", count: 1, status: "a", tags: [], at: new Date() }
  const encoded = yield* encode${i}(value)
  yield* execute(add("app", { ...encoded, _entity: "E${i}", pk: "T#" + value.tenant, sk: "E${i}#" + value.id, gsi1pk: "S#" + value.status, gsi1sk: "E${i}#" + value.id }))
  const found = yield* execute(find("app", { pk: "T#t", sk: "E${i}#1" }))
  const item = found.item === undefined ? undefined : yield* decode${i}(found.item)
  yield* execute(update("app", { pk: "T#t", sk: "E${i}#1" }, { count: attr.increment(), tags: attr.append(["x"]) }, { condition: attr("count").lt(10) }))
  const page = yield* execute(query("app", cand(attr("gsi1pk").equals("S#a"), attr("gsi1sk").beginsWith("E${i}#")), { index: "gsi1" }))
  const items = yield* Effect.forEach(page.items, (raw) => decode${i}(raw))
  return [item?.name${i}, items.length] as const
})`
    )
    .join("\n")

const empty = () => prelude + `import { execute } from "dynofunc"\nexport const program = [Effect.void, Schema.String, execute] as const\n`

/** The workspace's compiler options, `dynofunc` mapped to its sources. */
const options = (): ts.CompilerOptions => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
  return { ...config!.options, noEmit: true, declaration: false, declarationMap: false }
}

/** One host for every program: a library file is parsed once. */
const host = (files: ReadonlyMap<string, string>): ts.CompilerHost => {
  const base = ts.createCompilerHost(options())
  const parsed = new Map<string, ts.SourceFile | undefined>()
  return {
    ...base,
    fileExists: (file) => files.has(file) || base.fileExists(file),
    readFile: (file) => files.get(file) ?? base.readFile(file),
    getSourceFile: (file, language) => {
      const code = files.get(file)
      if (code !== undefined) return ts.createSourceFile(file, code, language)
      if (!parsed.has(file)) parsed.set(file, base.getSourceFile(file, language))
      return parsed.get(file)
    }
  }
}

/**
 * The instantiations TypeScript makes to check `name`'s program (the count `tsc --extendedDiagnostics` prints,
 * here for what the program's own file needs); its diagnostics must be empty.
 */
const instantiations = (programs: ReadonlyMap<string, string>): Record<string, number> => {
  const files = new Map([...programs].map(([name, code]) => [path.join(dir, `${name}.ts`), code] as const))
  const shared = host(files)
  const counts: Record<string, number> = {}
  for (const [name] of programs) {
    const file = path.join(dir, `${name}.ts`)
    const program = ts.createProgram([file], options(), shared)
    const diagnostics = program.getSemanticDiagnostics(program.getSourceFile(file))
    if (diagnostics.length > 0) throw new Error(ts.formatDiagnostics(diagnostics, shared))
    counts[name] = program.getInstantiationCount()
  }
  return counts
}

process.stdout.write(JSON.stringify(instantiations(new Map([["typed", typed()], ["plain", plain()], ["empty", empty()]]))))
