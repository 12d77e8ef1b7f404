/**
 * The engine the bulk helpers share. Entries go into requests of a bounded size; at most `concurrency` requests are
 * in progress at once; what DynamoDB did not get to (its leftovers, or a whole throttled request) is sent again,
 * alone, after the retry schedule's delay, until nothing is left or the schedule is done. A request in flight is
 * never aborted: when the work stops (a failure, an interruption), the requests in flight finish first, so what was
 * applied is known exactly and everything else is handed back.
 */
import { Cause, Deferred, Effect, Exit, Fiber, FiberId, Option, type Schedule, type Scope } from "effect"
import * as ScheduleModule from "effect/Schedule"
import type { DynamoClient } from "../../DynamoClient.js"

/** One unit of work: its position in the caller's input, and its size in bytes against the request's limit. */
export interface Entry {
  readonly seq: number
  readonly size: number
}

/** What one request did: the entries it did not get to, and what to do (outside the request) with its result. */
export interface Sent<A> {
  readonly leftovers: ReadonlyArray<A>
  readonly after?: Effect.Effect<void> | undefined
}

export interface Config<A extends Entry, E> {
  readonly maxCount: number
  readonly maxBytes: number
  readonly concurrency: number
  /** Driven once per request lineage: each recurrence is one more attempt for its leftovers. */
  readonly schedule: Schedule.Schedule<unknown, unknown>
  /** Sends one request. Runs uninterruptibly: whatever it records about the entries stays true. */
  readonly send: (entries: ReadonlyArray<A>) => Effect.Effect<Sent<A>, E, DynamoClient>
  /** Whether a failure of a whole request is worth another attempt (throttling). */
  readonly retryable: (error: E) => boolean
}

/** Why the work stopped before everything was done. */
export type Stop<E> =
  | { readonly reason: "RetriesExhausted"; readonly cause: E | undefined }
  | { readonly reason: "RequestFailed"; readonly cause: E }
  | { readonly reason: "Defect"; readonly defect: unknown }

export interface Counters {
  /** Requests sent (every attempt counts). */
  requests: number
  /** Attempts after the first (leftovers and throttled requests sent again). */
  retries: number
}

interface Lineage<A> {
  pending: ReadonlyArray<A>
}

export interface Dispatcher<A extends Entry, E> {
  /** Queues an entry; sends a request when one is full (waiting for a free slot: backpressure). */
  readonly add: (entry: A) => Effect.Effect<void, Stop<E>, DynamoClient>
  /**
   * Queues an entry without sending anything, even once stopped: `true` when a request's worth is queued, to be
   * sent by `drain` (`add` without an effect per entry, for a caller that queues many at once).
   */
  readonly offer: (entry: A) => boolean
  /** Sends the full requests queued, each waiting for a free slot; fails once stopped. */
  readonly drain: Effect.Effect<void, Stop<E>, DynamoClient>
  /** Queues an entry without sending anything (from inside a request's bookkeeping). */
  readonly release: (entry: A) => void
  /** Sends everything queued and waits until every request lineage is done. */
  readonly finish: Effect.Effect<void, Stop<E>, DynamoClient>
  /** Stops: interrupts the lineages (their requests in flight finish first) and gives back every entry not done. */
  readonly abort: Effect.Effect<ReadonlyArray<A>>
  readonly counters: Readonly<Counters>
}

/** A dispatcher whose request fibers live in the current scope. */
export const make = <A extends Entry, E>(config: Config<A, E>): Effect.Effect<Dispatcher<A, E>, never, Scope.Scope> =>
  Effect.map(Effect.scope, (scope) => {
    let ready: Array<A> = []
    let readyBytes = 0
    const active = new Map<Lineage<A>, Fiber.RuntimeFiber<void>>()
    /** Entries of lineages that ended without finishing (failed or interrupted). */
    const stranded: Array<A> = []
    let stop: Stop<E> | undefined
    let signal = Deferred.unsafeMake<void>(FiberId.none)
    const counters: Counters = { requests: 0, retries: 0 }

    const notify = () => {
      const fired = signal
      signal = Deferred.unsafeMake<void>(FiberId.none)
      Deferred.unsafeDone(fired, Exit.void)
    }
    const halt = (reason: Stop<E>) => {
      stop ??= reason
      notify()
    }

    /** The first entries of `ready` that fit one request. */
    const takeRequest = (): ReadonlyArray<A> => {
      let bytes = 0
      let count = 0
      while (count < ready.length && count < config.maxCount) {
        const size = ready[count]!.size
        if (count > 0 && bytes + size > config.maxBytes) break
        bytes += size
        count++
      }
      const taken = ready.slice(0, count)
      ready = ready.slice(count)
      readyBytes -= bytes
      return taken
    }

    const lineage = (self: Lineage<A>): Effect.Effect<void, never, DynamoClient> =>
      Effect.gen(function* () {
        const driver = yield* ScheduleModule.driver(config.schedule)
        while (self.pending.length > 0) {
          counters.requests++
          const exit = yield* Effect.uninterruptible(
            Effect.exit(config.send(self.pending)).pipe(
              Effect.tap((exit) => {
                if (Exit.isSuccess(exit)) self.pending = exit.value.leftovers
              })
            )
          )
          let lastError: E | undefined
          if (Exit.isSuccess(exit)) {
            if (exit.value.after !== undefined) yield* exit.value.after
            if (self.pending.length === 0) return
          } else {
            const failure = Cause.failureOption(exit.cause)
            if (Option.isNone(failure)) return halt({ reason: "Defect", defect: Cause.squash(exit.cause) })
            if (!config.retryable(failure.value)) return halt({ reason: "RequestFailed", cause: failure.value })
            lastError = failure.value
          }
          const next = yield* Effect.either(driver.next(lastError ?? self.pending))
          if (next._tag === "Left") return halt({ reason: "RetriesExhausted", cause: lastError })
          counters.retries++
        }
      }).pipe(
        Effect.ensuring(
          Effect.sync(() => {
            active.delete(self)
            stranded.push(...self.pending)
            notify()
          })
        )
      )

    /** Waits for a free slot, then starts a lineage with the next request's entries. */
    const dispatch: Effect.Effect<void, Stop<E>, DynamoClient> = Effect.suspend(() => {
      if (stop !== undefined) return Effect.fail(stop)
      if (active.size >= config.concurrency) return Effect.zipRight(Deferred.await(signal), dispatch)
      const self: Lineage<A> = { pending: takeRequest() }
      return Effect.map(Effect.forkIn(lineage(self), scope), (fiber) => {
        active.set(self, fiber)
      })
    })

    const push = (entry: A) => {
      ready.push(entry)
      readyBytes += entry.size
    }

    /** A full request's worth is queued (or more: released entries may overfill it). */
    const full = () => ready.length >= config.maxCount || readyBytes >= config.maxBytes

    const drain: Effect.Effect<void, Stop<E>, DynamoClient> = Effect.suspend(() =>
      stop !== undefined ? Effect.fail(stop) : full() ? Effect.zipRight(dispatch, drain) : Effect.void
    )

    const offer = (entry: A): boolean => {
      push(entry)
      return full()
    }

    const add = (entry: A): Effect.Effect<void, Stop<E>, DynamoClient> => {
      if (stop !== undefined) return Effect.fail(stop)
      return offer(entry) ? drain : Effect.void
    }

    const finish: Effect.Effect<void, Stop<E>, DynamoClient> = Effect.suspend(() => {
      if (stop !== undefined) return Effect.fail(stop)
      if (ready.length > 0) return Effect.zipRight(dispatch, finish)
      if (active.size > 0) return Effect.zipRight(Deferred.await(signal), finish)
      return Effect.void
    })

    const abort: Effect.Effect<ReadonlyArray<A>> = Effect.map(
      Effect.suspend(() => Fiber.interruptAll([...active.values()])),
      () => {
        const left = [...stranded, ...ready]
        stranded.length = 0
        ready = []
        readyBytes = 0
        return left
      }
    )

    return { add, offer, drain, release: push, finish, abort, counters }
  })
