import { describe, expect, it } from "@effect/vitest"
import { Chunk, Duration, Effect, Random, Schedule } from "effect"
import { Retry } from "dynofunc"

const delaysOf = (schedule: Schedule.Schedule<number>, count: number) =>
  Effect.map(Schedule.run(Schedule.delays(schedule), 0, Array.from({ length: count }, (_, i) => i)), (delays) =>
    Chunk.toReadonlyArray(delays).map(Duration.toMillis)
  )

describe("Retry.fullJitter", () => {
  it.effect("every delay lies in [0, min(cap, base × 2^i))", () =>
    Effect.gen(function* () {
      for (let seed = 0; seed < 20; seed++) {
        const delays = yield* delaysOf(Retry.fullJitter({ base: "25 millis", cap: "1 second" }), 12).pipe(
          Effect.withRandom(Random.make(seed))
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
          Effect.withRandom(Random.make(seed))
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
