import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Option, Stream } from "effect"
import type { BatchWriteItemCommandInput } from "@aws-sdk/client-dynamodb"
import { BatchWrite, DynamoClient, Retry, Value, batchWriteItem, execute } from "dynofunc"
import { makeStore } from "../support/faultyStore.js"
import * as A from "#adapter"
import * as T from "#test-effect"

const keys = { users: ["id"], events: ["pk", "sk"] }
const users = (count: number, from = 0): Array<{ readonly table: string; readonly put: { readonly id: string } }> =>
  Array.from({ length: count }, (_, i) => ({ table: "users", put: { id: `u${from + i}`, n: from + i, name: `user ${from + i}` } }))
/** Fast, bounded retries: `attempts` in all. */
const retry = (attempts: number) =>
  A.limited(Retry.fullJitter({ base: "1 millis", cap: "4 millis" }), { times: attempts - 1 })

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E => {
  if (Exit.isSuccess(exit)) throw new Error("expected a failure")
  return Option.getOrThrow(A.failureOption(exit.cause))
}

/** Every write is either in the store (and not reported) or reported as not applied (and not in the store). */
const expectAccounted = (store: ReturnType<typeof makeStore>, writes: ReadonlyArray<BatchWrite.Write>, unapplied: ReadonlyArray<BatchWrite.Write>) => {
  const reported = new Set(unapplied)
  expect(reported.size).toBe(unapplied.length)
  for (const write of writes) {
    const key = store.keyOf(write.table, Value.toItem("put" in write ? { id: write.put["id"] } : write.delete))
    expect({ id: key, stored: store.items(write.table).has(key) }).toEqual({ id: key, stored: !reported.has(write) })
  }
}

describe("BatchWrite under faults (an in-memory store that throttles 30% of requests and leaves writes unprocessed)", () => {
  it.live("10,000 items: all written exactly once, attempts per item within the bound", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0.3, unprocessed: 0.3, seed: 7 })
      const writes = users(10_000)
      const attempts = 30
      const summary = yield* BatchWrite.run(writes, { retry: retry(attempts), keys }).pipe(Effect.provide(store.layer))
      expect(summary.written).toBe(10_000)
      expect(store.items("users").size).toBe(10_000)
      for (const write of writes) {
        const key = store.keyOf("users", Value.toItem({ id: write.put.id }))
        expect(store.items("users").get(key)).toEqual(Value.toItem(write.put))
        expect(store.applied.get(key)).toBe(1)
      }
      expect(Math.max(...store.sent.values())).toBeLessThanOrEqual(attempts)
      expect(summary.retries).toBeGreaterThan(0)
      expect(summary.requests).toBe(store.requests)
    }).pipe(T.withSeed(7)))

  it.live("with too few attempts, the error lists exactly the writes not applied, in the order given; the others are written", () =>
    Effect.gen(function* () {
      // Throttling only: every attempt that does not apply a write makes no progress for it, and counts.
      const store = makeStore(keys, { throttle: 0.5, unprocessed: 0, seed: 11 })
      const writes: ReadonlyArray<BatchWrite.Write> = users(2_000)
      const exit = yield* BatchWrite.run(writes, { retry: retry(2), keys }).pipe(Effect.provide(store.layer), Effect.exit)
      const error = failureOf(exit)
      expect(error._tag).toBe("BatchWriteError")
      expect(error.reason).toBe("RetriesExhausted")
      expect(error.unapplied.length).toBeGreaterThan(0)
      expect(error.written + error.unapplied.length).toBe(writes.length)
      expect(error.written).toBe(store.items("users").size)
      expectAccounted(store, writes, error.unapplied)
      const order = error.unapplied.map((write) => writes.indexOf(write))
      expect(order).toEqual([...order].sort((a, b) => a - b))
      expect(Math.max(...store.sent.values())).toBeLessThanOrEqual(2)
      // One write out of attempts does not stop the others: about three in four get through in two attempts.
      expect(error.written).toBeGreaterThan(1_300)
    }).pipe(T.withSeed(11)))

  it.live("interrupted mid-way: the requests in flight finish, no fiber is left, applied + reported is everything", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0.3, unprocessed: 0.3, latencyMs: 2, seed: 3 })
      const writes = users(5_000)
      const tracked = yield* T.trackFibers(
        Effect.gen(function* () {
          const fiber = yield* T.fork(Effect.provide(BatchWrite.run(writes, { retry: retry(30), keys }), store.layer))
          while (store.items("users").size < 500) yield* Effect.sleep("2 millis")
          return yield* T.interrupt(fiber)
        })
      )
      const error = failureOf(yield* tracked.exit)
      expect(error.reason).toBe("Interrupted")
      expect(store.items("users").size).toBeLessThan(writes.length)
      expect(error.written).toBe(store.items("users").size)
      expectAccounted(store, writes, error.unapplied)
      expect(yield* tracked.alive).toBe(0)
      // Nothing is sent after the interruption.
      const requests = store.requests
      yield* Effect.sleep("20 millis")
      expect(store.requests).toBe(requests)
    }).pipe(T.withSeed(3)))

  it.live("a fixed pool of workers: at most `concurrency` requests in flight, and as many fibers, however many requests", () =>
    Effect.gen(function* () {
      let inFlight = 0
      let most = 0
      let requests = 0
      const layer = DynamoClient.layerTest({
        BatchWriteItem: () =>
          Effect.acquireUseRelease(
            Effect.sync(() => {
              requests++
              most = Math.max(most, ++inFlight)
            }),
            () => Effect.as(Effect.sleep("1 millis"), { UnprocessedItems: {} }),
            () => Effect.sync(() => inFlight--)
          )
      })
      const tracked = yield* T.trackFibers(BatchWrite.run(users(2_000), { keys, concurrency: 3 }).pipe(Effect.provide(layer)))
      const summary = yield* tracked.exit
      expect(summary).toEqual({ written: 2_000, requests: 80, retries: 0 })
      expect(requests).toBe(80)
      expect(most).toBe(3)
      expect(tracked.started).toBe(3)
    }))

  it.live("a request failing with an error not worth retrying stops the run; its writes and the unsent ones are reported", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0, unprocessed: 0 })
      const writes = [...users(300), { table: "missing", put: { id: "x" } }, ...users(300, 300)]
      const exit = yield* BatchWrite.run(writes, { keys: { ...keys, missing: ["id"] }, concurrency: 1 }).pipe(
        Effect.provide(store.layer),
        Effect.exit
      )
      const error = failureOf(exit)
      expect(error.reason).toBe("RequestFailed")
      expect(error.cause?._tag).toBe("ResourceNotFoundError")
      expect(error.written + error.unapplied.length).toBe(writes.length)
      expect(error.unapplied).toContain(writes[300])
      expect(error.unapplied.at(-1)).toBe(writes.at(-1))
    }))

  it.live("two writes of one item never share a request and apply in the order given, even when left over", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0.3, unprocessed: 0.5, seed: 5 })
      const writes: Array<BatchWrite.Write> = []
      for (let round = 0; round < 20; round++) {
        for (let i = 0; i < 30; i++) writes.push({ table: "users", put: { id: `u${i}`, round } })
        writes.push({ table: "users", delete: { id: `u${round}` } })
      }
      yield* BatchWrite.run(writes, { retry: retry(40), keys }).pipe(Effect.provide(store.layer))
      for (let i = 0; i < 30; i++) {
        const stored = store.items("users").get(store.keyOf("users", Value.toItem({ id: `u${i}` })))
        expect(stored === undefined ? undefined : Value.fromItem(stored)).toEqual(i === 19 ? undefined : { id: `u${i}`, round: 19 })
      }
    }).pipe(T.withSeed(5)))

  it.live("many tables, keys found with DescribeTable, from a Stream and through the Sink", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0.2, unprocessed: 0.2, seed: 9 })
      const events = Array.from({ length: 120 }, (_, i): BatchWrite.Write => ({ table: "events", put: { pk: `p${i % 7}`, sk: i, at: i } }))
      const writes = [...users(100), ...events]
      const deletes = [...users(100).map(({ table, put }): BatchWrite.Write => ({ table, delete: { id: put.id } })), ...events]
      const fromStream = yield* BatchWrite.run(Stream.fromIterable(writes).pipe(Stream.rechunk(7)), { retry: retry(30) }).pipe(
        Effect.provide(store.layer)
      )
      expect(fromStream.written).toBe(220)
      expect([store.items("users").size, store.items("events").size]).toEqual([100, 120])
      const throughSink = yield* Stream.run(Stream.fromIterable(deletes), BatchWrite.sink({ retry: retry(30) })).pipe(Effect.provide(store.layer))
      expect(throughSink.written).toBe(220)
      expect(store.items("users").size).toBe(0)
    }).pipe(T.withSeed(9)))

  it.live("a failing Stream: the writes taken and not applied are reported with the stream's error", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0, unprocessed: 0, latencyMs: 1 })
      const writes = users(60)
      const source = Stream.concat(Stream.fromIterable(writes), Stream.fail("disk gone" as const))
      const error = failureOf(yield* BatchWrite.run(source, { keys }).pipe(Effect.provide(store.layer), Effect.exit))
      expect(error.reason).toBe("SourceFailed")
      expect(error.cause).toBe("disk gone")
      expectAccounted(store, writes, error.unapplied)
    }))

  it.effect("an invalid write in an Iterable: InvalidInput naming it, nothing sent, everything reported", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0, unprocessed: 0 })
      const writes: Array<BatchWrite.Write> = [
        ...users(30),
        { table: "users", put: { name: "no id" } },
        { table: "users", delete: { id: "u1", name: "extra" } },
        { table: "users", put: { id: "big", blob: "x".repeat(400 * 1024) } },
        { table: "users", put: { id: "" } },
        { table: "events", delete: { pk: "p", sk: new Uint8Array(0) } },
        { table: "users", put: { id: "x".repeat(2049) } },
        { table: "events", put: { pk: "p".repeat(1025), sk: "s".repeat(1025) } },
        // At the limits (a partition key of 2,048 bytes, a sort key of 1,024): no problem.
        { table: "events", put: { pk: "p".repeat(2048), sk: "é".repeat(512) } }
      ]
      const error = failureOf(yield* BatchWrite.run(writes, { keys }).pipe(Effect.provide(store.layer), Effect.exit))
      expect(error.reason).toBe("InvalidInput")
      expect(error.cause?._tag).toBe("InvalidInputError")
      expect(error.cause?._tag === "InvalidInputError" && error.cause.problems.map((problem) => problem.part)).toEqual([
        "writes[30].put",
        "writes[31].delete",
        "writes[32].put",
        "writes[33].put",
        "writes[34].delete",
        "writes[35].put",
        "writes[36].put"
      ])
      expect(error.cause?._tag === "InvalidInputError" && error.cause.problems.slice(5).map((problem) => problem.message)).toEqual([
        "key attribute \"id\" is 2049 bytes; a partition key is at most 2048, a sort key 1024",
        "two key attributes over 1024 bytes: a sort key is at most 1024"
      ])
      expect(error.unapplied).toEqual(writes)
      expect(store.requests).toBe(0)
    }))
})

describe("BatchWrite's requests, checked once", () => {
  /** Puts and deletes over two tables, some of one item (sent in later requests), and the requests the writer sent. */
  const writes: ReadonlyArray<BatchWrite.Write> = Array.from({ length: 300 }, (_, i) =>
    i % 7 === 3
      ? { table: "events", delete: { pk: `p${i % 5}`, sk: i % 11 } }
      : i % 2 === 0
        ? { table: "users", put: { id: `u${i % 40}`, n: i, tags: new Set([`t${i % 3}`]), blob: new Uint8Array([i % 256]) } }
        : { table: "events", put: { pk: `p${i % 5}`, sk: i % 11, at: { list: [i, `x${i}`] } } }
  )
  const sendAll = Effect.gen(function* () {
    const sent: Array<BatchWriteItemCommandInput> = []
    const layer = DynamoClient.layerTest({
      BatchWriteItem: (request) => Effect.sync(() => (sent.push(request.input), { UnprocessedItems: {} }))
    })
    yield* BatchWrite.run(writes, { keys }).pipe(Effect.provide(layer))
    return sent
  })

  it.effect("each request the writer sends passes execute's full checks when a user builds it again", () =>
    Effect.gen(function* () {
      const sent = yield* sendAll
      // 300 writes: at least 12 requests of 25, and no request holds two writes of one item.
      expect(sent.length).toBeGreaterThanOrEqual(12)
      const answered = DynamoClient.layerTest({ BatchWriteItem: () => Effect.succeed({ UnprocessedItems: {} }) })
      for (const input of sent) {
        // A copy is the user's own request: nothing marks it as checked.
        const exit = yield* Effect.exit(execute(batchWriteItem(structuredClone(input))).pipe(Effect.provide(answered)))
        expect(Exit.isSuccess(exit) ? "sent" : exit.cause.toString()).toBe("sent")
      }
    }))

  it.effect("a request the writer sent stays as it was checked: no write can be added to it or swapped", () =>
    Effect.gen(function* () {
      const [first] = yield* sendAll
      const users = first!.RequestItems!["users"]!
      expect(() => users.push(users[0]!)).toThrow(TypeError)
      expect(() => {
        users[0] = { PutRequest: { Item: { id: { S: "u1" }, blob: { S: "x".repeat(401 * 1024) } } } }
      }).toThrow(TypeError)
      expect(() => {
        first!.RequestItems!["users"] = []
      }).toThrow(TypeError)
    }))
})
