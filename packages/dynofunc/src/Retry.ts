/**
 * Retry schedules shared by every part of dynofunc that tries again: exponential backoff with **full jitter**, as
 * AWS recommends ("Exponential Backoff And Jitter"): the delay before retry `i` (from 0) is a uniformly random
 * duration in `[0, min(cap, base × 2^i))`. `Schedule.jittered` is not that: it only varies each delay by ±20%.
 *
 * @example
 * import { Effect, Schedule } from "effect"
 * import { Retry } from "dynofunc"
 *
 * // At most 5 retries, delays random below 50 ms, 100 ms, 200 ms, … capped at 2 s.
 * const policy = Retry.fullJitter({ base: "50 millis", cap: "2 seconds" }).pipe(Schedule.intersect(Schedule.recurs(5)))
 * const flaky = Effect.fail("busy" as const)
 * const program = Effect.retry(flaky, policy)
 */
import { Duration, Effect, Random, Schedule } from "effect"

/** The two numbers of a full-jitter backoff. */
export interface FullJitterOptions {
  /** The first delay's upper bound; each retry doubles it. */
  readonly base: Duration.DurationInput
  /** No delay's upper bound grows past this. */
  readonly cap: Duration.DurationInput
}

/**
 * A schedule that recurs forever, waiting `random × min(cap, base × 2^i)` before recurrence `i` (from 0); its output
 * is the recurrence count. Bound it with `Schedule.recurs` or `Schedule.upTo`. The randomness comes from Effect's
 * `Random` service, so a test can fix it (`Effect.withRandom`).
 *
 * @example
 * import { Schedule } from "effect"
 * import { Retry } from "dynofunc"
 *
 * const fourAttempts = Retry.fullJitter({ base: "25 millis", cap: "20 seconds" }).pipe(Schedule.intersect(Schedule.recurs(3)))
 */
export const fullJitter = (options: FullJitterOptions): Schedule.Schedule<number> => {
  const base = Duration.toMillis(options.base)
  const cap = Duration.toMillis(options.cap)
  return Schedule.forever.pipe(
    Schedule.addDelayEffect((recurrence) =>
      Effect.map(Random.next, (random) => Duration.millis(random * upperBound(base, cap, recurrence)))
    )
  )
}

/**
 * The upper bound of the delay before recurrence `recurrence` (from 0): `min(cap, base × 2^recurrence)`, in
 * milliseconds.
 *
 * @example
 * import { Retry } from "dynofunc"
 *
 * Retry.upperBound(25, 20_000, 3) // 200
 */
export const upperBound = (base: number, cap: number, recurrence: number): number =>
  Math.min(cap, base * 2 ** Math.min(recurrence, 1023))
