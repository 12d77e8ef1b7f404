import { describe, expect, it } from "@effect/vitest"
import { Cause, Clock, Effect, Exit, Fiber, Option, Schedule } from "effect"
import { DynamoClient, Retry, execute, find } from "dynofunc"
import { recordingTracer } from "./support/tracing.js"
import * as A from "#adapter"
import * as T from "#test-effect"

/** The first `count` delays of `schedule` (millis), stepped as a retry would step it. */
const delaysOf = (schedule: Schedule.Schedule<number>, count: number) =>
  Effect.gen(function* () {
    const stepper = A.stepper(schedule)
    const delays: Array<number> = []
    let state = stepper.initial
    for (let now = 0; delays.length < count; ) {
      const next = yield* stepper.step(state, delays.length, now)
      if (next === undefined) break
      delays.push(next.delay)
      state = next.state
      now += next.delay
    }
    return delays
  })

describe("Retry.fullJitter", () => {
  it.effect("every delay lies in [0, min(cap, base × 2^i))", () =>
    Effect.gen(function* () {
      for (let seed = 0; seed < 20; seed++) {
        const delays = yield* delaysOf(Retry.fullJitter({ base: "25 millis", cap: "1 second" }), 12).pipe(
          T.withSeed(seed)
        )
        delays.forEach((delay, i) => {
          expect(delay).toBeGreaterThanOrEqual(0)
          expect(delay).toBeLessThan(Math.min(1000, 25 * 2 ** i))
        })
      }
    }))

  it.effect("the delays are spread over the whole range, not clustered near the bound", () =>
    Effect.gen(function* () {
      const firsts: Array<number> = []
      for (let seed = 0; seed < 200; seed++) {
        const [first] = yield* delaysOf(Retry.fullJitter({ base: "100 millis", cap: "1 second" }), 1).pipe(
          T.withSeed(seed)
        )
        firsts.push(first!)
      }
      expect(Math.min(...firsts)).toBeLessThan(20)
      expect(Math.max(...firsts)).toBeGreaterThan(80)
    }))

  it("upperBound doubles from base up to cap and never overflows", () => {
    expect([0, 1, 2, 3, 10].map((i) => Retry.upperBound(25, 20_000, i))).toEqual([25, 50, 100, 200, 20_000])
    expect(Retry.upperBound(25, 20_000, 5000)).toBe(20_000)
  })
})

/** A client failing with `errors` in turn (then answering), noting the TestClock time of each attempt. */
const flaky = (errors: ReadonlyArray<unknown>) => {
  const times: Array<number> = []
  const layer = DynamoClient.layerTest(() =>
    Effect.flatMap(Clock.currentTimeMillis, (now) => {
      times.push(now)
      const error = errors[times.length - 1]
      return error === undefined ? Effect.succeed({ Item: { id: { S: "u1" } } }) : Effect.fail(error)
    })
  )
  return { times, layer }
}

const awsError = (name: string, statusCode: number) => ({ name, $fault: statusCode >= 500 ? "server" : "client", message: name, $metadata: { httpStatusCode: statusCode } })
const throttling = awsError("ThrottlingException", 400)
const serverError = awsError("InternalServerError", 500)

/** Runs `effect` in a fiber, moving the TestClock ahead 100 ms at a time (each sleep still ends at its own time) until it is done; its exit. */
const withClockRunning = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const fiber = yield* T.fork(effect)
    for (let step = 0; step < 1_000 && Option.isNone(yield* T.poll(fiber)); step++) yield* T.adjustClock("100 millis")
    return yield* Fiber.await(fiber)
  })

const gaps = (times: ReadonlyArray<number>) => times.slice(1).map((time, i) => time - times[i]!)

describe("Retry.Policy: execute's request retries", () => {
  it.effect("by default: 4 attempts, full-jitter delays below 25, 50, 100 ms after a 5xx", () =>
    Effect.gen(function* () {
      for (let seed = 0; seed < 10; seed++) {
        const { times, layer } = flaky([serverError, serverError, serverError])
        const exit = yield* withClockRunning(execute(find("users", { id: "u1" })).pipe(Effect.provide(layer), T.withSeed(seed)))
        expect(Exit.isSuccess(exit)).toBe(true)
        expect(times).toHaveLength(4)
        gaps(times).forEach((gap, i) => expect(gap).toBeLessThan(25 * 2 ** i))
      }
    }))

  it.effect("after throttling, the delays start from 1 s: below 1, 2, 4 s", () =>
    Effect.gen(function* () {
      const seen: Array<number> = []
      for (let seed = 0; seed < 10; seed++) {
        const { times, layer } = flaky([throttling, throttling, throttling])
        yield* withClockRunning(execute(find("users", { id: "u1" })).pipe(Effect.provide(layer), T.withSeed(seed)))
        expect(times).toHaveLength(4)
        gaps(times).forEach((gap, i) => expect(gap).toBeLessThan(1000 * 2 ** i))
        seen.push(...gaps(times))
      }
      expect(Math.max(...seen)).toBeGreaterThan(100)
    }))

  it.effect("gives up after 4 attempts with the last error", () =>
    Effect.gen(function* () {
      const { times, layer } = flaky([serverError, serverError, serverError, serverError, serverError])
      const exit = yield* withClockRunning(execute(find("users", { id: "u1" })).pipe(Effect.provide(layer)))
      expect(times).toHaveLength(4)
      expect(Exit.isFailure(exit) && Cause.squash(exit.cause)).toMatchObject({ _tag: "InternalServerError" })
    }))

  it.effect.each([
    ["ValidationException", awsError("ValidationException", 400)],
    ["ConditionalCheckFailedException", awsError("ConditionalCheckFailedException", 400)],
    ["ResourceNotFoundException", awsError("ResourceNotFoundException", 400)],
    ["a client's own failure", new Error("no credentials")],
    ["a malformed response", undefined]
  ] as const)("never retries %s", ([, error]) =>
    Effect.gen(function* () {
      const { times, layer } =
        error === undefined
          ? (() => {
              const at: Array<number> = []
              return { times: at, layer: DynamoClient.layerTest((() => Effect.sync(() => (at.push(0), { Item: "not a map" }))) as never) }
            })()
          : flaky([error, error])
      const exit = yield* withClockRunning(execute(find("users", { id: "u1" })).pipe(Effect.provide(layer)))
      expect(Exit.isFailure(exit)).toBe(true)
      expect(times).toHaveLength(1)
    }))

  it.effect("never sends a request refused before sending", () =>
    Effect.gen(function* () {
      const { times, layer } = flaky([])
      yield* withClockRunning(execute(find("a b", { id: "u1" })).pipe(Effect.provide(layer)))
      expect(times).toHaveLength(0)
    }))

  it.effect("any scope can override the policy", () =>
    Effect.gen(function* () {
      const twice = flaky([serverError, serverError, serverError])
      yield* withClockRunning(execute(find("users", { id: "u1" })).pipe(Effect.provide(twice.layer), Effect.provideService(Retry.Policy, Retry.policy({ maxAttempts: 2 }))))
      expect(twice.times).toHaveLength(2)
      const once = flaky([serverError])
      yield* withClockRunning(execute(find("users", { id: "u1" })).pipe(Effect.provide(once.layer), Effect.provideService(Retry.Policy, Schedule.recurs(0))))
      expect(once.times).toHaveLength(1)
    }))

  it.effect("each retry is an event on the call's span: attempt, delay, the error that caused it", () =>
    Effect.gen(function* () {
      const { spans, tracer } = recordingTracer()
      const { times, layer } = flaky([throttling, serverError])
      yield* withClockRunning(execute(find("users", { id: "u1" })).pipe(Effect.provide(layer), Effect.withTracer(tracer)))
      const [call] = spans.filter((span) => span.name === "DynamoDB.GetItem")
      expect(times).toHaveLength(3)
      expect(spans.map((span) => span.name)).toEqual(["DynamoDB.GetItem"])
      const events = (call as unknown as { events: Array<[string, bigint, Record<string, unknown>]> }).events
      expect(events.map(([name, , attributes]) => [name, attributes["dynofunc.attempt"], attributes["error.type"]])).toEqual([
        ["retry", 2, "ThrottlingError"],
        ["retry", 3, "InternalServerError"]
      ])
      events.forEach(([, , attributes], i) => expect(attributes["dynofunc.delay_ms"]).toBeCloseTo(gaps(times)[i]!, 3))
    }))
})
