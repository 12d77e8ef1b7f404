/**
 * Batch writes and gets through a client that throttles far more than DynamoDB should: a share of the requests refused
 * whole, a share of each accepted batch left unprocessed. The run goes on while it makes progress; a write or key that
 * runs out of attempts is set aside and reported, and the rest of the run finishes.
 */
import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { type Duration, Effect, Exit, Option, Stream } from "effect"
import { BatchGet, BatchWrite, Retry, Value } from "dynofunc"
import { makeStore } from "../support/faultyStore.js"
import * as A from "#adapter"
import * as T from "#test-effect"

const keys = { users: ["id"] }
const users = (count: number): Array<BatchWrite.Write & { readonly put: { readonly id: string } }> =>
  Array.from({ length: count }, (_, i) => ({ table: "users", put: { id: `u${i}`, n: i } }))
/** The default's shape (full jitter, `attempts` in all) with delays of a few milliseconds at most. */
const retry = (attempts: number, cap: Duration.DurationInput = "2 millis") =>
  A.limited(Retry.fullJitter({ base: "1 millis", cap }), { times: attempts - 1 })

const failureOf = <A, E>(exit: Exit.Exit<A, E>): E | undefined =>
  Exit.isSuccess(exit) ? undefined : Option.getOrThrow(A.failureOption(exit.cause))

/**
 * Every write is stored exactly once (applied once, never twice) or reported not applied (and then not stored), never
 * both; `written` counts the stored ones.
 */
const expectAccounted = (
  store: ReturnType<typeof makeStore>,
  writes: ReadonlyArray<BatchWrite.Write & { readonly put: { readonly id: string } }>,
  unapplied: ReadonlyArray<BatchWrite.Write>,
  written: number
) => {
  const reported = new Set(unapplied)
  expect(reported.size).toBe(unapplied.length)
  let stored = 0
  for (const write of writes) {
    const key = store.keyOf("users", Value.toItem({ id: write.put.id }))
    const applied = store.applied.get(key) ?? 0
    if (reported.has(write)) expect({ key, applied, stored: store.items("users").has(key) }).toEqual({ key, applied: 0, stored: false })
    else {
      stored++
      expect({ key, applied }).toEqual({ key, applied: 1 })
    }
  }
  expect(stored).toBe(written)
  expect(store.items("users").size).toBe(written)
}

/** Every key has one result (found when its number is even) or is reported unread, never both. */
const expectRead = (gets: ReadonlyArray<BatchGet.Get>, delivered: ReadonlyArray<BatchGet.Got>, unread: ReadonlyArray<string>) => {
  const results = new Map<string, number>()
  for (const got of delivered) {
    const id = String(got.key["id"])
    results.set(id, (results.get(id) ?? 0) + 1)
    expect({ id, found: got.item !== undefined }).toEqual({ id, found: Number(id.slice(1)) % 2 === 0 })
  }
  expect([...results.values()].every((count) => count === 1)).toBe(true)
  for (const id of unread) expect(results.has(id)).toBe(false)
  expect(results.size + new Set(unread).size).toBe(gets.length)
}

describe("batches through heavy throttling (a third of the requests throttled, 45% of each accepted batch unprocessed)", () => {
  it.live("10,000 puts with the default's 10 attempts: the run goes on; at most a few writes run out, each reported", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0.33, unprocessed: 0.45, seed: 20 })
      const writes = users(10_000)
      const exit = yield* BatchWrite.run(writes, { retry: retry(10), keys }).pipe(Effect.provide(store.layer), Effect.exit)
      const error = failureOf(exit)
      const written = Exit.isSuccess(exit) ? exit.value.written : error!.written
      const unapplied = error?.unapplied ?? []
      expect(error === undefined || error.reason === "RetriesExhausted").toBe(true)
      expect(written + unapplied.length).toBe(writes.length)
      expect(written).toBeGreaterThan(9_950)
      expectAccounted(store, writes, unapplied, written)
    }).pipe(T.withSeed(20)))

  it.live("10,000 puts with 20 attempts: every write stored exactly once", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0.33, unprocessed: 0.45, seed: 21 })
      const writes = users(10_000)
      const summary = yield* BatchWrite.run(writes, { retry: retry(20), keys }).pipe(Effect.provide(store.layer))
      expect(summary.written).toBe(writes.length)
      expectAccounted(store, writes, [], writes.length)
    }).pipe(T.withSeed(21)))

  it.live("10,000 keys read with the default's 10 attempts: at most a few keys unread, each reported; every other key read once", () =>
    Effect.gen(function* () {
      const store = makeStore(keys, { throttle: 0.33, unprocessed: 0.45, seed: 22 })
      store.seed("users", Array.from({ length: 5_000 }, (_, i) => Value.toItem({ id: `u${2 * i}` })))
      const gets = Array.from({ length: 10_000 }, (_, i): BatchGet.Get => ({ table: "users", key: { id: `u${i}` } }))
      const delivered: Array<BatchGet.Got> = []
      const exit = yield* BatchGet.stream(gets, { retry: retry(10) }).pipe(
        Stream.runForEach((got) => Effect.sync(() => delivered.push(got))),
        Effect.provide(store.layer),
        Effect.exit
      )
      const error = failureOf(exit)
      expect(error === undefined || error.reason === "RetriesExhausted").toBe(true)
      const unread = (error?.unread ?? []).map((get) => String(get.key["id"]))
      expect(unread.length).toBeLessThan(50)
      expectRead(gets, delivered, unread)
    }).pipe(T.withSeed(22)))
})

/** Fault rates well above any DynamoDB should show, a seed for the store and one for the jitter, and a run's shape. */
type FaultRun = typeof faults extends fc.Arbitrary<infer F> ? F : never
const faults = fc.record({
  throttle: fc.double({ min: 0, max: 0.9, noNaN: true }),
  unprocessed: fc.double({ min: 0, max: 0.9, noNaN: true }),
  seed: fc.integer(),
  jitter: fc.integer(),
  attempts: fc.integer({ min: 1, max: 8 }),
  concurrency: fc.integer({ min: 1, max: 8 })
})
const runs = { numRuns: 40 }

/** `BatchWrite.run` of `writes` into `store` with the run's shape `f`: its exit, and its error (only ever out of attempts). */
const writeAll = async (store: ReturnType<typeof makeStore>, writes: ReadonlyArray<BatchWrite.Write>, f: FaultRun) => {
  const exit = await Effect.runPromise(
    BatchWrite.run(writes, { retry: retry(f.attempts), keys, concurrency: f.concurrency }).pipe(
      Effect.provide(store.layer),
      T.withSeed(f.jitter),
      Effect.exit
    )
  )
  const error = failureOf(exit)
  if (error !== undefined) expect(error.reason).toBe("RetriesExhausted")
  return { exit, error }
}

describe("batches under any fault rates (fast-check picks the rates and seeds)", () => {
  it.live("BatchWrite of distinct items: each stored exactly once or reported not applied, never both, never twice", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(faults, fc.integer({ min: 1, max: 300 }), async (f, count) => {
          const store = makeStore(keys, f)
          const writes = users(count)
          const { exit, error } = await writeAll(store, writes, f)
          const unapplied = error?.unapplied ?? []
          const written = Exit.isSuccess(exit) ? exit.value.written : error!.written
          expect(written + unapplied.length).toBe(count)
          expectAccounted(store, writes, unapplied, written)
          // In the order given, and each write sent a bounded number of times.
          const order = unapplied.map((write) => writes.indexOf(write as (typeof writes)[number]))
          expect(order).toEqual([...order].sort((a, b) => a - b))
          expect(Math.max(...store.sent.values())).toBeLessThanOrEqual(50)
          if (f.unprocessed === 0) expect(Math.max(...store.sent.values())).toBeLessThanOrEqual(f.attempts)
        }),
        runs
      )
    ))

  it.live("BatchWrite of many writes per item: the writes of an item not applied are the last ones, the item holds the last applied", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(faults, fc.array(fc.tuple(fc.integer({ min: 0, max: 19 }), fc.boolean()), { minLength: 1, maxLength: 200 }), async (f, shape) => {
          const store = makeStore(keys, f)
          const writes: ReadonlyArray<BatchWrite.Write> = shape.map(([id, put], n) =>
            put ? { table: "users", put: { id: `u${id}`, n } } : { table: "users", delete: { id: `u${id}` } }
          )
          const { error } = await writeAll(store, writes, f)
          const unapplied = new Set(error?.unapplied ?? [])
          expect(unapplied.size).toBe(error?.unapplied.length ?? 0)
          for (let id = 0; id < 20; id++) {
            const mine = writes.filter((write) => ("put" in write ? write.put : write.delete)["id"] === `u${id}`)
            const applied = mine.filter((write) => !unapplied.has(write))
            // What was not applied is a tail: nothing after it was applied, so writing it again keeps the order.
            expect(mine.slice(0, applied.length)).toEqual(applied)
            const key = store.keyOf("users", Value.toItem({ id: `u${id}` }))
            expect(store.applied.get(key) ?? 0).toBe(applied.length)
            const last = applied.at(-1)
            const stored = store.items("users").get(key)
            expect(stored === undefined ? undefined : Value.fromItem(stored)).toEqual(last !== undefined && "put" in last ? last.put : undefined)
          }
        }),
        runs
      )
    ))

  it.live("BatchGet: each distinct key has one result or is reported unread, never both", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(faults, fc.integer({ min: 1, max: 400 }), async (f, count) => {
          const store = makeStore(keys, f)
          store.seed("users", Array.from({ length: Math.ceil(count / 2) }, (_, i) => Value.toItem({ id: `u${2 * i}` })))
          const gets = Array.from({ length: count }, (_, i): BatchGet.Get => ({ table: "users", key: { id: `u${i}` } }))
          const delivered: Array<BatchGet.Got> = []
          const exit = await Effect.runPromise(
            BatchGet.stream([...gets, ...gets.slice(0, 10)], { retry: retry(f.attempts), concurrency: f.concurrency }).pipe(
              Stream.runForEach((got) => Effect.sync(() => delivered.push(got))),
              Effect.provide(store.layer),
              T.withSeed(f.jitter),
              Effect.exit
            )
          )
          const error = failureOf(exit)
          if (error !== undefined) expect(error.reason).toBe("RetriesExhausted")
          const unread = (error?.unread ?? []).map((get) => String(get.key["id"]))
          expect(new Set(unread).size).toBe(unread.length)
          expectRead(gets, delivered, unread)
          expect(Math.max(...store.sent.values())).toBeLessThanOrEqual(50)
        }),
        runs
      )
    ))
})
