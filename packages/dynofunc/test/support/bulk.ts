/**
 * The bulk helpers through the public API, as a suite any engine Layer can run: batch writes over two tables (keys
 * given and described), writes of one item in order, a failing request, batch gets with missing and repeated keys.
 */
import { expect, layer } from "@effect/vitest"
import { Effect, Stream, type Layer } from "effect"
import { BatchGet, BatchWrite, create, createTableAndWait, execute, scan, type DynamoClient } from "dynofunc"

const fast = { interval: "50 millis", timeout: "30 seconds" } as const
let counter = 0
const fresh = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`

const tables = Effect.gen(function* () {
  const users = fresh("bulk-users")
  const events = fresh("bulk-events")
  yield* createTableAndWait(create(users, "id"), fast)
  yield* createTableAndWait(create(events, "pk", { rangeKey: { name: "sk", type: "N" } }), fast)
  return { users, events }
})

const count = (table: string) =>
  Effect.map(execute(scan(table, { input: { Select: "COUNT" } })), (result) => result.count)

export const bulkSuite = (engine: string, engineLayer: Layer.Layer<DynamoClient.DynamoClient, unknown>) =>
  layer(engineLayer, { timeout: "120 seconds", excludeTestServices: true })(`bulk helpers on ${engine}`, (it) => {
    it.effect("BatchWrite over two tables (keys given for one, described for the other), then BatchGet with missing and repeated keys", () =>
      Effect.gen(function* () {
        const { users, events } = yield* tables
        const writes: Array<BatchWrite.Write> = [
          ...Array.from({ length: 130 }, (_, i) => ({ table: users, put: { id: `u${i}`, n: i, tags: new Set(["a", `t${i % 3}`]) } })),
          ...Array.from({ length: 120 }, (_, i) => ({ table: events, put: { pk: `p${i % 4}`, sk: i, payload: "x".repeat(i * 10) } }))
        ]
        const summary = yield* BatchWrite.run(writes, { keys: { [users]: ["id"] } })
        expect(summary.written).toBe(250)
        expect(summary.requests).toBeGreaterThanOrEqual(10)
        expect([yield* count(users), yield* count(events)]).toEqual([130, 120])

        const keys: Array<BatchGet.Get> = [
          ...Array.from({ length: 150 }, (_, i) => ({ table: users, key: { id: `u${i}` } })),
          ...Array.from({ length: 50 }, (_, i) => ({ table: users, key: { id: `u${i}` } })),
          { table: events, key: { pk: "p1", sk: 1 } },
          { table: events, key: { sk: 1, pk: "p1" } },
          { table: events, key: { pk: "p1", sk: 2 } }
        ]
        const { items, missing } = yield* BatchGet.run(keys, { tables: { [users]: { projection: ["n"], consistent: true } } })
        expect(items[users]).toHaveLength(130)
        expect(items[users]!.find((item) => item["id"] === "u7")).toEqual({ id: "u7", n: 7 })
        expect(missing[users]!.map((key) => key["id"]).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `u${130 + i}`).sort())
        expect(items[events]).toEqual([{ pk: "p1", sk: 1, payload: "x".repeat(10) }])
        expect(missing[events]).toEqual([{ pk: "p1", sk: 2 }])
      }))

    it.effect("writes of one item apply in the order given; a Stream through the Sink deletes", () =>
      Effect.gen(function* () {
        const { users } = yield* tables
        const writes: Array<BatchWrite.Write> = []
        for (let round = 0; round < 4; round++) {
          for (let i = 0; i < 40; i++) writes.push({ table: users, put: { id: `u${i}`, round } })
        }
        writes.push({ table: users, delete: { id: "u3" } })
        yield* BatchWrite.run(Stream.fromIterable(writes))
        const { items, missing } = yield* BatchGet.run(Array.from({ length: 40 }, (_, i) => ({ table: users, key: { id: `u${i}` } })))
        expect(items[users]!.every((item) => item["round"] === 3)).toBe(true)
        expect(missing[users]).toEqual([{ id: "u3" }])
        const deleted = yield* Stream.run(
          Stream.range(0, 39).pipe(Stream.map((i): BatchWrite.Write => ({ table: users, delete: { id: `u${i}` } }))),
          BatchWrite.sink({ keys: { [users]: ["id"] } })
        )
        expect(deleted.written).toBe(40)
        expect(yield* count(users)).toBe(0)
      }))

    it.effect("a request the engine refuses stops the run: everything not applied is reported, the rest is stored", () =>
      Effect.gen(function* () {
        const { users } = yield* tables
        // A key of the wrong type: the engine answers ValidationException for its whole request.
        const writes: Array<BatchWrite.Write> = [
          ...Array.from({ length: 60 }, (_, i) => ({ table: users, put: { id: `u${i}` } })),
          { table: users, put: { id: 61 } },
          ...Array.from({ length: 60 }, (_, i) => ({ table: users, put: { id: `v${i}` } }))
        ]
        const error = yield* Effect.flip(BatchWrite.run(writes, { concurrency: 1, keys: { [users]: ["id"] } }))
        expect(error.reason).toBe("RequestFailed")
        expect(error.cause?._tag).toBe("ValidationError")
        expect(error.unapplied).toContain(writes[60])
        expect(error.written + error.unapplied.length).toBe(writes.length)
        expect(yield* count(users)).toBe(error.written)
        const missing = yield* Effect.flip(BatchWrite.run([{ table: fresh("bulk-none"), put: { id: "x" } }]))
        expect([missing.reason, missing.cause?._tag, missing.unapplied.length]).toEqual(["RequestFailed", "ResourceNotFoundError", 1])
      }))
  })
