/**
 * What the bulk helpers share around the dispatcher: the default retry policy, which failures of a whole request are
 * retried, and how a run that stops early (a failure, an interruption) becomes the caller's error.
 */
import { Cause, Effect, Exit, Option, Schedule } from "effect"
import type { InvalidInputError } from "../../DynamoError.js"
import * as Retry from "../../Retry.js"
import type { Stop } from "./dispatch.js"

/** Why a bulk run stopped before the end. */
export type Halt<C, E> =
  | Stop<C>
  | { readonly reason: "InvalidInput"; readonly cause: InvalidInputError }
  | { readonly reason: "SourceFailed"; readonly cause: E }

/** A halt the caller hears about (a defect stays a defect). */
export type Reported<C, E> = Exclude<Halt<C, E>, { readonly reason: "Defect" }> | { readonly reason: "Interrupted"; readonly cause: undefined }

/** Requests in progress at once, unless told otherwise. */
export const defaultConcurrency = 8

/** Ten attempts per write or key: full-jitter delays below 50 ms, 100 ms, 200 ms, … capped at 5 s (about 8 s in all, on average). */
export const defaultRetry: Schedule.Schedule<unknown> = Retry.fullJitter({ base: "50 millis", cap: "5 seconds" }).pipe(
  Schedule.intersect(Schedule.recurs(9))
)

const throttlingTags: ReadonlySet<string> = new Set(["ProvisionedThroughputExceededError", "ThrottlingError", "RequestLimitExceededError"])

/** Whether a whole request failed from throttling (then it is sent again, as DynamoDB advises). */
export const throttled = (error: { readonly _tag: string }): boolean => throttlingTags.has(error._tag)

/**
 * Runs `work`. When it halts or is interrupted, `report` (which stops the requests: those in flight finish) builds
 * the caller's error from the reason; the run fails with it, interrupted or not, so whoever awaits the fiber sees it
 * in the exit. A defect stays a defect, once the requests in flight have finished.
 */
export const reporting = <A, C, E, Err, R>(
  work: Effect.Effect<A, Halt<C, E>, R>,
  abort: Effect.Effect<unknown>,
  report: (halt: Reported<C, E>) => Effect.Effect<Err>
): Effect.Effect<A, Err, R> =>
  Effect.uninterruptibleMask((restore) =>
    Effect.flatMap(Effect.exit(restore(work)), (exit): Effect.Effect<A, Err> => {
      if (Exit.isSuccess(exit)) return Effect.succeed(exit.value)
      const failure = Cause.failureOption(exit.cause)
      if (Option.isSome(failure)) {
        const halt = failure.value
        return halt.reason === "Defect" ? Effect.zipRight(abort, Effect.die(halt.defect)) : Effect.flatMap(report(halt), Effect.fail)
      }
      return Cause.isInterruptedOnly(exit.cause)
        ? Effect.flatMap(report({ reason: "Interrupted", cause: undefined }), Effect.fail)
        : Effect.zipRight(abort, Effect.failCause(exit.cause as Cause.Cause<never>))
    })
  )
