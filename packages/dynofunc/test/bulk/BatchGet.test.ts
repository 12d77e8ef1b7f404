import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Option, Stream } from "effect"
import type { BatchGetItemCommandInput } from "@aws-sdk/client-dynamodb"
import { BatchGet, DynamoClient, Retry, Value, batchGetItem, execute } from "dynofunc"
import { makeStore } from "../support/faultyStore.js"
import * as A from "#adapter"
import * as T from "#test-effect"

const keys = { users: ["id"], events: ["pk", "sk"] }
const retry = (attempts: number) =>
  A.limited(Retry.fullJitter({ base: "1 millis", cap: "4 millis" }), { times: attempts - 1 })

/** A store holding users u0 … u999 (even n only) and events p0..p4 × 0..99. */
const seeded = (faults: Parameters<typeof makeStore>[1]) => {
  const store = makeStore(keys, faults)
  store.seed("users", Array.from({ length: 500 }, (_, i) => Value.toItem({ id: `u${2 * i}`, n: 2 * i })))
  store.seed("events", Array.from({ length: 500 }, (_, i) => Value.toItem({ pk: `p${i % 5}`, sk: i, at: i })))
  return store
}
/** u0 … u999 twice, and events, some missing. */
const gets: ReadonlyArray<BatchGet.Get> = [
  ...Array.from({ length: 1000 }, (_, i) => ({ table: "users", key: { id: `u${i}` } })),
  ...Array.from({ length: 1000 }, (_, i) => ({ table: "users", key: { id: `u${999 - i}` } })),
  ...Array.from({ length: 600 }, (_, i) => ({ table: "events", key: { sk: i, pk: `p${i % 5}` } }))
]

describe("BatchGet under faults", () => {
  it.live("every distinct key read once: found items and missing keys, despite throttling and unprocessed keys", () =>
    Effect.gen(function* () {
      const store = seeded({ throttle: 0.3, unprocessed: 0.3, seed: 21 })
      const { items, missing } = yield* BatchGet.run(gets, { retry: retry(30) }).pipe(Effect.provide(store.layer))
      const ids = (list: ReadonlyArray<Value.Item> | undefined) => (list ?? []).map((item) => String(item["id"])).sort()
      expect(ids(items["users"])).toEqual(Array.from({ length: 500 }, (_, i) => `u${2 * i}`).sort())
      expect(items["users"]!.find((item) => item["id"] === "u42")).toEqual({ id: "u42", n: 42 })
      expect(ids(missing["users"])).toEqual(Array.from({ length: 500 }, (_, i) => `u${2 * i + 1}`).sort())
      expect(items["events"]).toHaveLength(500)
      expect(missing["events"]?.map((key) => key["sk"]).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 100 }, (_, i) => 500 + i))
      expect(Math.max(...store.sent.values())).toBeLessThanOrEqual(30)
    }).pipe(T.withSeed(21)))

  it.live("with too few attempts: the results streamed and the keys reported unread are every distinct key", () =>
    Effect.gen(function* () {
      const store = seeded({ throttle: 0.3, unprocessed: 0.5, seed: 4 })
      const delivered: Array<BatchGet.Got> = []
      const exit = yield* BatchGet.stream(gets, { retry: retry(2) }).pipe(
        Stream.runForEach((got) => Effect.sync(() => delivered.push(got))),
        Effect.provide(store.layer),
        Effect.exit
      )
      if (Exit.isSuccess(exit)) throw new Error("expected the retries to run out")
      const error = Option.getOrThrow(A.failureOption(exit.cause))
      expect(error.reason).toBe("RetriesExhausted")
      const name = (get: { readonly table: string; readonly key: Value.Item }) => `${get.table}/${JSON.stringify(Object.entries(get.key).sort())}`
      const all = new Set(gets.map(name))
      const reported = [...delivered.map(name), ...error.unread.map(name)]
      expect(reported.length).toBe(all.size)
      expect(new Set(reported)).toEqual(all)
    }).pipe(T.withSeed(4)))

  it.live("ending the stream early stops the reads and leaves no fiber", () =>
    Effect.gen(function* () {
      const store = seeded({ throttle: 0, unprocessed: 0, latencyMs: 2 })
      const tracked = yield* T.trackFibers(BatchGet.stream(gets, { concurrency: 2 }).pipe(Stream.take(150), Stream.runCollect, Effect.provide(store.layer)))
      expect(Array.from(yield* tracked.exit)).toHaveLength(150)
      const requests = store.requests
      expect(requests).toBeLessThan(10)
      yield* Effect.sleep("20 millis")
      expect(store.requests).toBe(requests)
      expect(yield* tracked.alive).toBe(0)
    }))

  it.effect("projection keeps the key attributes; bad keys are refused before anything is sent", () =>
    Effect.gen(function* () {
      const store = seeded({ throttle: 0, unprocessed: 0 })
      const projected = yield* BatchGet.run([{ table: "users", key: { id: "u2" } }], { tables: { users: { projection: ["n"], consistent: true } } }).pipe(
        Effect.provide(store.layer)
      )
      expect(projected.items["users"]).toHaveLength(1)
      const bad: ReadonlyArray<BatchGet.Get> = [
        { table: "users", key: { id: "u1" } },
        { table: "users", key: { name: "no id" } },
        { table: "events", key: { pk: "p1", sk: 1, at: 3 } },
        { table: "x", key: { id: "u1" } }
      ]
      const before = store.requests
      const exit = yield* BatchGet.run(bad).pipe(Effect.provide(store.layer), Effect.exit)
      const error = Exit.isFailure(exit) ? Option.getOrThrow(A.failureOption(exit.cause)) : undefined
      expect(error?.reason).toBe("InvalidInput")
      expect(error?.cause?._tag === "InvalidInputError" && error.cause.problems.map((problem) => problem.part)).toEqual([
        "keys[1].key",
        "keys[2].key",
        "keys[3].table"
      ])
      expect(error?.unread).toEqual(bad)
      expect(store.requests).toBe(before)
    }))
})

describe("BatchGet's requests, checked once", () => {
  /** The requests the reader sends for `gets` (DynamoDB finds nothing). */
  const sendAll = (reads: ReadonlyArray<BatchGet.Get>, options: BatchGet.Options) =>
    Effect.gen(function* () {
      const sent: Array<BatchGetItemCommandInput> = []
      const layer = DynamoClient.layerTest({ BatchGetItem: (request) => Effect.sync(() => (sent.push(request.input), { Responses: {}, UnprocessedKeys: {} })) })
      const exit = yield* BatchGet.run(reads, options).pipe(Effect.provide(layer), Effect.exit)
      return { sent, exit }
    })

  it.effect("each request the reader sends passes execute's full checks when a user builds it again, and stays as it was checked", () =>
    Effect.gen(function* () {
      const { sent } = yield* sendAll(gets, { tables: { users: { projection: ["n"], consistent: true } } })
      expect(sent.length).toBe(16) // 1,600 distinct keys, 100 a request
      const answered = DynamoClient.layerTest({ BatchGetItem: () => Effect.succeed({ Responses: {}, UnprocessedKeys: {} }) })
      for (const input of sent) {
        // A copy is the user's own request: nothing marks it as checked.
        const exit = yield* Effect.exit(execute(batchGetItem(structuredClone(input))).pipe(Effect.provide(answered)))
        expect(Exit.isSuccess(exit) ? "sent" : exit.cause.toString()).toBe("sent")
      }
      const users = sent[0]!.RequestItems!["users"]!
      expect(() => users.Keys!.push({ id: { S: "" } })).toThrow(TypeError)
      expect(() => void (users.ProjectionExpression = "#bad")).toThrow(TypeError)
      expect(() => void (users.ExpressionAttributeNames!["#n0"] = "other")).toThrow(TypeError)
      expect(() => void (sent[0]!.RequestItems!["users"] = { Keys: [] })).toThrow(TypeError)
    }))

  it.effect("a key or a table setting DynamoDB would refuse is refused before anything is sent", () =>
    Effect.gen(function* () {
      const reasons = []
      for (const [reads, options] of [
        [[{ table: "users", key: { id: "u1" } }, { table: "users", key: { id: "" } }], {}],
        [[{ table: "users", key: { id: "u1" } }], { tables: { users: { consistent: "yes" as unknown as boolean } } }]
      ] as const) {
        const { sent, exit } = yield* sendAll(reads, options)
        expect(sent).toEqual([])
        const error = Exit.isFailure(exit) ? Option.getOrThrow(A.failureOption(exit.cause)) : undefined
        reasons.push(error?.cause?._tag === "InvalidInputError" && error.cause.problems.map((problem) => problem.part))
      }
      expect(reasons).toEqual([["keys[1].key.id"], ["tables.users.ConsistentRead"]])
    }))
})
