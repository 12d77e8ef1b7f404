/**
 * Retry schedules shared by every part of dynofunc that tries again: exponential backoff with **full jitter**, as
 * AWS recommends ("Exponential Backoff And Jitter"): the delay before retry `i` (from 0) is a uniformly random
 * duration in `[0, min(cap, base × 2^i))`. `Schedule.jittered` is not that: it only varies each delay by ±20%.
 *
 * `Policy` is the request-level retry policy `execute` follows (in place of the SDK's hidden retry loop): by default
 * the AWS SDK's values for DynamoDB, overridable in any scope with `Effect.provideService(Retry.Policy, …)`.
 *
 * @example
 * import { Effect, Schedule } from "effect"
 * import { Retry } from "dynofunc"
 *
 * // At most 5 retries, delays random below 50 ms, 100 ms, 200 ms, … capped at 2 s.
 * const policy = Retry.fullJitter({ base: "50 millis", cap: "2 seconds" }).pipe(Schedule.intersect(Schedule.recurs(5)))
 * const flaky = Effect.fail("busy" as const)
 * const program = Effect.retry(flaky, policy)
 *
 * @since 0.1.0
 */
import { Duration, Effect, Random, type Schedule } from "effect"
import * as A from "#adapter"
import type { DynamoError } from "./DynamoError.js"

/**
 * The two numbers of a full-jitter backoff.
 *
 * @since 0.1.0
 * @category models
 */
export interface FullJitterOptions<In = unknown> {
  /** The first delay's upper bound; each retry doubles it. A function picks it from the schedule's input. */
  readonly base: A.DurationInput | ((input: In) => A.DurationInput)
  /** No delay's upper bound grows past this. */
  readonly cap: A.DurationInput
}

/**
 * A schedule that recurs forever, waiting `random × min(cap, base × 2^i)` (whole milliseconds) before recurrence `i` (from 0); its output
 * is the recurrence count. Bound it with `Schedule.recurs` or `Schedule.upTo`. The randomness comes from Effect's
 * `Random` service, so a test can fix it (`Effect.withRandom`).
 *
 * @example
 * import { Schedule } from "effect"
 * import { Retry } from "dynofunc"
 *
 * const fourAttempts = Retry.fullJitter({ base: "25 millis", cap: "20 seconds" }).pipe(Schedule.intersect(Schedule.recurs(3)))
 *
 * @since 0.1.0
 * @category combinators
 */
export const fullJitter = <In = unknown>(options: FullJitterOptions<In>): Schedule.Schedule<number, In> => {
  const base = options.base
  const baseOf = typeof base === "function" ? (input: In) => Duration.toMillis(base(input)) : () => Duration.toMillis(base)
  const cap = Duration.toMillis(options.cap)
  return A.delayedForever<In>((input, recurrence) =>
    // Whole milliseconds: a fractional one has no exact nanosecond count (the TestClock cannot tell its time then).
    Effect.map(Random.next, (random) => Duration.millis(Math.floor(random * upperBound(baseOf(input), cap, recurrence))))
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
 *
 * @since 0.1.0
 * @category combinators
 */
export const upperBound = (base: number, cap: number, recurrence: number): number =>
  Math.min(cap, base * 2 ** Math.min(recurrence, 1023))

/** AWS error codes that mean "slow down" (the SDK's throttling list). */
const throttlingCodes = new Set([
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "TransactionInProgressException"
])

/** AWS error codes that mean the request was signed with a clock too far off (the SDK corrects its clock on them). */
const clockSkewCodes = new Set([
  "AuthFailure",
  "InvalidSignatureException",
  "RequestExpired",
  "RequestInTheFuture",
  "RequestTimeTooSkewed",
  "SignatureDoesNotMatch"
])

const codeOf = (error: DynamoError): string | undefined => ("code" in error ? error.code : undefined)
const statusOf = (error: DynamoError): number | undefined => ("statusCode" in error ? error.statusCode : undefined)

/**
 * Whether `error` means "slow down": a throttling code, or HTTP 429.
 *
 * @example
 * import { ThrottlingError, Retry } from "dynofunc"
 *
 * Retry.isThrottling(new ThrottlingError({ code: "ThrottlingException", message: "slow down" })) // true
 *
 * @since 0.1.0
 * @category guards
 */
export const isThrottling = (error: DynamoError): boolean => {
  const code = codeOf(error)
  return (code !== undefined && throttlingCodes.has(code)) || statusOf(error) === 429
}

/**
 * Whether trying `error`'s request again may succeed, as the AWS SDK judges it: throttling, a 5xx answer, a
 * transport failure (connection refused or reset, a timeout, a bad gateway, an answer damaged on the way), or a
 * clock-skew error. A failed condition, a validation error, a missing table, a malformed response, a request refused
 * before sending, and a `TransportError` of reason `Other` (a client's own failure: missing credentials, a bug) are
 * never retried.
 *
 * @example
 * import { InternalServerError, ValidationError, Retry } from "dynofunc"
 *
 * Retry.isRetryable(new InternalServerError({ code: "InternalServerError", message: "oops", statusCode: 500 })) // true
 * Retry.isRetryable(new ValidationError({ code: "ValidationException", message: "bad key" })) // false
 *
 * @since 0.1.0
 * @category guards
 */
export const isRetryable = (error: DynamoError): boolean => {
  if (error._tag === "TransportError") return error.reason !== "Other"
  if (error._tag === "InvalidInputError" || error._tag === "MalformedResponseError") return false
  const code = codeOf(error)
  const status = statusOf(error)
  return isThrottling(error) || (code !== undefined && clockSkewCodes.has(code)) || (status !== undefined && status >= 500 && status <= 599)
}

/**
 * The numbers of a request retry policy; the defaults are the AWS SDK's for DynamoDB.
 *
 * @since 0.1.0
 * @category models
 */
export interface PolicyOptions {
  /** Attempts in all, the first included (default 4). */
  readonly maxAttempts?: number | undefined
  /** The first delay's upper bound for most retryable errors (default 25 ms). */
  readonly base?: A.DurationInput | undefined
  /** The first delay's upper bound after throttling (default 1 second). */
  readonly throttlingBase?: A.DurationInput | undefined
  /** No delay's upper bound grows past this (default 20 seconds). */
  readonly cap?: A.DurationInput | undefined
}

/**
 * A request retry policy: retries only what `isRetryable` allows, at most `maxAttempts - 1` times, waiting a
 * full-jitter delay whose base is `throttlingBase` after throttling and `base` otherwise.
 *
 * @example
 * import { Effect } from "effect"
 * import { Retry, execute, find } from "dynofunc"
 *
 * // Up to 8 attempts for this batch job's reads.
 * const patient = execute(find("users", { id: "u1" })).pipe(Effect.provideService(Retry.Policy, Retry.policy({ maxAttempts: 8 })))
 *
 * @since 0.1.0
 * @category combinators
 */
export const policy = (options: PolicyOptions = {}): Schedule.Schedule<unknown, DynamoError> => {
  const base = options.base ?? "25 millis"
  const throttlingBase = options.throttlingBase ?? "1 second"
  return A.limited(fullJitter<DynamoError>({ base: (error) => (isThrottling(error) ? throttlingBase : base), cap: options.cap ?? "20 seconds" }), {
    while: isRetryable,
    times: Math.max(0, (options.maxAttempts ?? 4) - 1)
  })
}

/**
 * The retry policy `execute` follows for each request: a `Schedule` fed with each failure (a `DynamoError`). The
 * default is `policy()`: 4 attempts, full jitter from 25 ms (1 s after throttling), capped at 20 s, retryable errors
 * only. Provide another in any scope; `Schedule.recurs(0)` turns retries off. Each retry is an event named `retry` on the
 * call's span.
 *
 * @example
 * import { Effect, Schedule } from "effect"
 * import { Retry, execute, find } from "dynofunc"
 *
 * const once = execute(find("users", { id: "u1" })).pipe(Effect.provideService(Retry.Policy, Schedule.recurs(0)))
 *
 * @since 0.1.0
 * @category models
 */
export class Policy extends A.reference<Policy>()("dynofunc/Retry/Policy", (): Schedule.Schedule<unknown, DynamoError> => policy()) {}
