/**
 * What the bulk helpers share around the dispatcher: the default retry policy, which failures of a whole request are
 * retried, and how a run that stops early (a failure, an interruption) becomes the caller's error.
 */
import type { Schedule} from "effect";
import { type Cause, Effect, Exit, Option, Stream } from "effect"
import { failureOption, isInterruptedOnly, isStream, limited } from "#adapter"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import { InvalidInputError } from "../../DynamoError.js"
import * as Retry from "../../Retry.js"
import type { DynamoClient } from "../../DynamoClient.js"
import * as Dispatch from "./dispatch.js"
import type { Stop } from "./dispatch.js"

/** Why a bulk run stopped before the end. */
export type Halt<C, E> =
  | Stop<C>
  | { readonly reason: "InvalidInput"; readonly cause: InvalidInputError }
  | { readonly reason: "SourceFailed"; readonly cause: E }

/** A halt the caller hears about (a defect stays a defect). */
export type Reported<C, E> = Exclude<Halt<C, E>, { readonly reason: "Defect" }> | { readonly reason: "Interrupted"; readonly cause: undefined }

/**
 * The most times one write or key is sent, whatever the retry schedule allows: attempts that make some progress (a
 * request DynamoDB did part of) do not step the schedule, so this bounds them.
 */
export const maxSends = 50

/** Requests in progress at once, unless told otherwise. */
export const defaultConcurrency = 8

/**
 * Ten attempts per write or key that make no progress: full-jitter delays below 50 ms, 100 ms, 200 ms, … capped at 5 s
 * (about 8 s in all, on average).
 */
export const defaultRetry: Schedule.Schedule<unknown> = limited(Retry.fullJitter({ base: "50 millis", cap: "5 seconds" }), { times: 9 })

const throttlingTags: ReadonlySet<string> = new Set(["ProvisionedThroughputExceededError", "ThrottlingError", "RequestLimitExceededError"])

/** Whether a whole request failed from throttling (then it is sent again, as DynamoDB advises). */
export const throttled = (error: { readonly _tag: string }): boolean => throttlingTags.has(error._tag)

/**
 * A dispatcher with the caller's concurrency and retry schedule (or the defaults), retrying throttled requests. Its
 * workers run with the `Retry.Policy` in scope kept for every failure but throttling, which the dispatcher retries
 * itself (with its own schedule, per write or key): one retry loop per failure kind, not two nested. That policy
 * is built once per run and provided once per worker.
 */
export const dispatcher = <A extends Dispatch.Entry, E extends { readonly _tag: string }>(
  options: { readonly concurrency?: number | undefined; readonly retry?: Schedule.Schedule<unknown> | undefined },
  limits: { readonly maxCount: number; readonly maxBytes: number },
  send: (entries: ReadonlyArray<A>) => Effect.Effect<Dispatch.Sent<A>, E, DynamoClient>
) =>
  Effect.flatMap(Retry.Policy, (policy) => {
    const notThrottling = limited(policy, { while: (error: { readonly _tag: string }) => !throttled(error) })
    return Dispatch.make<A, E>({
      ...limits,
      concurrency: options.concurrency ?? defaultConcurrency,
      schedule: options.retry ?? defaultRetry,
      maxSends,
      send,
      retryable: throttled,
      around: (worker) => Effect.provideService(worker, Retry.Policy, notThrottling)
    })
  })

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
      const failure = failureOption(exit.cause)
      if (Option.isSome(failure)) {
        const halt = failure.value
        return halt.reason === "Defect" ? Effect.andThen(abort, Effect.die(halt.defect)) : Effect.flatMap(report(halt), Effect.fail)
      }
      return isInterruptedOnly(exit.cause)
        ? Effect.flatMap(report({ reason: "Interrupted", cause: undefined }), Effect.fail)
        : Effect.andThen(abort, Effect.failCause(exit.cause as Cause.Cause<never>))
    })
  )

/** The halt for inputs DynamoDB would refuse: an `InvalidInputError` naming each. */
export const invalid = (operation: string, what: string, problems: ReadonlyArray<InputProblem>) => ({
  reason: "InvalidInput" as const,
  cause: new InvalidInputError({
    operation,
    problems,
    message: `${what} not sent: ${problems.map((p) => `${p.part}: ${p.message}`).join("; ")}`
  })
})

/** Every input checked: the entries, and what is wrong with the others. */
export const checkAll = <In, A>(
  inputs: ReadonlyArray<In>,
  check: (input: In, seq: number) => A | InputProblem
): { readonly entries: ReadonlyArray<A>; readonly problems: ReadonlyArray<InputProblem> } => {
  const entries: Array<A> = []
  const problems: Array<InputProblem> = []
  inputs.forEach((input, seq) => {
    const entry = check(input, seq)
    if (typeof entry === "object" && entry !== null && "part" in entry) problems.push(entry as InputProblem)
    else entries.push(entry as A)
  })
  return { entries, problems }
}

/** What a bulk helper does with its input, whichever form it comes in. */
export interface Feed<In, H, R> {
  /** One input from a `Stream`. */
  readonly add: (input: In) => Effect.Effect<void, H, R>
  /** A whole `Iterable`, read at once. */
  readonly addAll: (inputs: ReadonlyArray<In>) => Effect.Effect<void, H, R>
}

/**
 * Gives `source` to `feed`: an `Iterable` whole, a `Stream` input by input, its failure becoming a `SourceFailed`
 * halt.
 */
export const feed = <In, H, R, E, R2>(
  source: Iterable<In> | Stream.Stream<In, E, R2>,
  to: Feed<In, H, R>
): Effect.Effect<void, H | { readonly reason: "SourceFailed"; readonly cause: E }, R | R2> =>
  isStream(source)
    ? Stream.runForEach(
        Stream.mapError(source as Stream.Stream<In, E, R2>, (cause) => ({ reason: "SourceFailed" as const, cause })),
        to.add
      )
    : to.addAll(Array.from(source as Iterable<In>))

/** In the order given: the entries not done, then the inputs not queued yet. */
export const inOrder = <A extends { readonly seq: number }, In>(
  entries: ReadonlyArray<A>,
  input: (entry: A) => In,
  unqueued: ReadonlyArray<In>
): ReadonlyArray<In> => [...[...entries].sort((a, b) => a.seq - b.seq).map(input), ...unqueued]

/** The message of a bulk helper's error. */
export const stopMessage = (what: string, halt: Reported<unknown, unknown>, counts: string): string => {
  switch (halt.reason) {
    case "RetriesExhausted":
      return `${what}: some ran out of attempts, the rest was done (${counts})`
    case "Interrupted":
      return `${what} interrupted (${counts})`
    case "SourceFailed":
      return `${what}: the source failed (${counts})`
    default: {
      const cause = halt.cause as { readonly _tag?: string; readonly message?: string }
      return `${what}: ${cause._tag}: ${cause.message} (${counts})`
    }
  }
}
