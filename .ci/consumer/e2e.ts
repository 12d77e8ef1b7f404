/**
 * A consumer's end-to-end test of the packed packages, for `.ci/packed-import`: type-checked with tsc in a fresh
 * project, then run by plain Node. Written for Effect 4's entry points (`dynofunc`, `dynofunc/sdk`,
 * `@dynofunc/testing`); the Effect 3 project gets a copy importing `dynofunc/effect3`, `dynofunc/effect3/sdk` and
 * `@dynofunc/testing/effect3` instead. It uses only what both majors spell the same: a Layer, `Effect.catchTag`,
 * a Stream of pages and a typed entity on Effect Schema, on DynamoDB Local and on dynalite.
 *
 * @example
 * // npx tsc … e2e.ts && node e2e.js   (prints "e2e ok on DynamoDB Local and dynalite")
 */
import { Effect, type Layer, Schema, Stream } from "effect"
import { DynamoClient, Entity, Pages, TypedTable, execute, find, scan } from "dynofunc"
import { sdkCredentials } from "dynofunc/sdk"
import { Dynalite, DynamoDBLocal } from "@dynofunc/testing"

const notes = TypedTable.make({ name: "notes", partitionKey: "pk", sortKey: "sk" })

const Note = Entity.make({
  table: notes,
  name: "Note",
  schema: Schema.Struct({ author: Schema.String, id: Schema.String, stars: Schema.Number }),
  primary: { partition: { prefix: "AUTHOR", fields: ["author"] }, sort: { prefix: "NOTE", fields: ["id"] } }
})

const program = Effect.gen(function* () {
  yield* execute(TypedTable.create(notes))
  for (const stars of [0, 1, 2, 3, 4]) {
    yield* TypedTable.execute(Note.put({ author: "ada", id: `n${stars}`, stars }))
  }
  const missing = yield* execute(find("no-such-table", { id: "x" })).pipe(
    Effect.as("found"),
    Effect.catchTag("ResourceNotFoundError", () => Effect.succeed("no table"))
  )
  const pageSizes: Array<number> = []
  yield* Pages.pages(scan("notes", { limit: 2 })).pipe(
    Stream.runForEach((page) => Effect.sync(() => pageSizes.push(page.count)))
  )
  const { item } = yield* TypedTable.execute(Note.get({ author: "ada", id: "n3" }))
  return { missing, pageSizes, stars: item?.stars }
})

const expected = JSON.stringify({ missing: "no table", pageSizes: [2, 2, 1], stars: 3 })

const engines: ReadonlyArray<readonly [string, Layer.Layer<DynamoClient.DynamoClient, unknown>]> = [
  ["DynamoDB Local", DynamoDBLocal.layer()],
  ["dynalite", Dynalite.layer()]
]

for (const [engine, layer] of engines) {
  const result = JSON.stringify(await Effect.runPromise(program.pipe(Effect.provide(layer))))
  if (result !== expected) throw new Error(`${engine}: expected ${expected}, got ${result}`)
}
if (typeof sdkCredentials !== "function" || typeof DynamoClient.layer !== "function") {
  throw new Error("an entry point lacks its exports")
}
console.log(`e2e ok on ${engines.map(([engine]) => engine).join(" and ")}`)
