/**
 * The engine the bulk helpers share. Entries go into requests of a bounded size; at most `concurrency` requests are
 * in progress at once; what DynamoDB did not get to (its leftovers, or a whole throttled request) is sent again,
 * alone, after the retry schedule's delay, until nothing is left or the schedule is done. A request in flight is
 * never aborted: when the work stops (a failure, an interruption), the requests in flight finish first, so what was
 * applied is known exactly and everything else is handed back.
 */
import { Cause, Deferred, Effect, Exit, Fiber, Option, type Schedule, type Scope } from "effect"
import { type Driver, deferredDoneUnsafe, deferredUnsafe, driver as scheduleDriver, failureOption } from "#adapter"
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
  /** What each worker runs in (once per worker, not per request), e.g. a service its requests read. */
  readonly around: (worker: Effect.Effect<void, never, DynamoClient>) => Effect.Effect<void, never, DynamoClient>
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

/** What one worker holds: the entries of the request lineage it runs (none between lineages). */
interface Lineage<A> {
  pending: ReadonlyArray<A>
}

/**
 * Fibers waiting for the dispatcher's state to change. `wait` makes the waiter's `Deferred` in the step that found
 * there is something to wait for, so no wake is missed; a wake completes it (a fiber interrupted while waiting is only
 * ever interrupted by `abort`, after which nobody wakes anyone).
 */
interface Signal {
  readonly wait: () => Effect.Effect<void>
  readonly wakeOne: () => void
  readonly wakeAll: () => void
}

const makeSignal = (): Signal => {
  let waiting: Array<Deferred.Deferred<void>> = []
  return {
    wait: () => {
      const deferred = deferredUnsafe<void>()
      waiting.push(deferred)
      return Deferred.await(deferred)
    },
    wakeOne: () => {
      const next = waiting.shift()
      if (next !== undefined) deferredDoneUnsafe(next, Exit.void)
    },
    wakeAll: () => {
      if (waiting.length === 0) return
      const all = waiting
      waiting = []
      for (const deferred of all) deferredDoneUnsafe(deferred, Exit.void)
    }
  }
}

export interface Dispatcher<A extends Entry, E> {
  /** Queues an entry; once a request's worth is queued, waits until a worker takes it (backpressure). */
  readonly add: (entry: A) => Effect.Effect<void, Stop<E>, DynamoClient>
  /**
   * Queues an entry without sending anything, even once stopped: `true` when a request's worth is queued, to be
   * sent by `drain` (`add` without an effect per entry, for a caller that queues many at once).
   */
  readonly offer: (entry: A) => boolean
  /** Waits until the workers have taken every full request queued (starting them the first time); fails once stopped. */
  readonly drain: Effect.Effect<void, Stop<E>, DynamoClient>
  /** Queues an entry without sending anything (from inside a request's bookkeeping). */
  readonly release: (entry: A) => void
  /** Sends everything queued, the last request not full, and waits until every worker is done. */
  readonly finish: Effect.Effect<void, Stop<E>, DynamoClient>
  /** Stops: interrupts the workers (their requests in flight finish first) and gives back every entry not done. */
  readonly abort: Effect.Effect<ReadonlyArray<A>>
  readonly counters: Readonly<Counters>
}

/**
 * A dispatcher whose workers live in the current scope: `concurrency` fibers, started by the first request's worth,
 * each taking the next request from the queue and running its lineage (the request, then its leftovers, each after
 * the retry schedule's delay) before taking another. One fiber and one schedule driver per worker, not per request.
 */
export const make = <A extends Entry, E>(config: Config<A, E>): Effect.Effect<Dispatcher<A, E>, never, Scope.Scope> =>
  Effect.map(Effect.scope, (scope) => {
    /** Entries queued, `ready.slice(head)`: a taken request moves `head` instead of copying what is left. */
    let ready: Array<A> = []
    let head = 0
    let readyBytes = 0
    const workers: Array<Fiber.Fiber<void>> = []
    /** Workers not ended, and those running a lineage. */
    let running = 0
    let busy = 0
    /** Set by `finish`: a request that is not full is sent too, and workers end once nothing is left. */
    let finishing = false
    /** Entries of lineages that ended without finishing (failed or interrupted). */
    const stranded: Array<A> = []
    let stop: Stop<E> | undefined
    const counters: Counters = { requests: 0, retries: 0 }
    /** Idle workers wait on `work`, a producer with a full request queued on `space`, `finish` on `ended`. */
    const work = makeSignal()
    const space = makeSignal()
    const ended = makeSignal()

    const halt = (reason: Stop<E>) => {
      stop ??= reason
      work.wakeAll()
      space.wakeAll()
      ended.wakeAll()
    }

    const queuedCount = () => ready.length - head
    /** A full request's worth is queued (or more: released entries may overfill it). */
    const full = () => queuedCount() >= config.maxCount || readyBytes >= config.maxBytes
    /** A worker may take a request: a full one, or whatever is left once finishing. */
    const takeable = () => full() || (finishing && queuedCount() > 0)

    /** The first queued entries that fit one request. */
    const takeRequest = (): ReadonlyArray<A> => {
      let bytes = 0
      let count = 0
      const available = queuedCount()
      while (count < available && count < config.maxCount) {
        const size = ready[head + count]!.size
        if (count > 0 && bytes + size > config.maxBytes) break
        bytes += size
        count++
      }
      const taken = ready.slice(head, head + count)
      head += count
      readyBytes -= bytes
      if (head * 2 >= ready.length) {
        ready = ready.slice(head)
        head = 0
      }
      return taken
    }

    /** The next request's entries for a worker; `undefined` when it is to end (stopped, or finished with nothing left). */
    const take: Effect.Effect<ReadonlyArray<A> | undefined> = Effect.suspend(() => {
      if (stop !== undefined) return Effect.succeed(undefined)
      if (takeable()) {
        busy++
        const taken = takeRequest()
        space.wakeAll()
        if (takeable()) work.wakeOne()
        return Effect.succeed(taken)
      }
      if (finishing && busy === 0) {
        // Nothing queued and no lineage left to release entries: every worker ends.
        work.wakeAll()
        return Effect.succeed(undefined)
      }
      return Effect.andThen(work.wait(), take)
    })

    /** Runs `self`'s request until nothing is left over, the schedule ends or a request fails. */
    const lineage = (self: Lineage<A>, driver: Driver<unknown, unknown>): Effect.Effect<void, never, DynamoClient> =>
      Effect.gen(function* () {
        let retried = false
        while (self.pending.length > 0) {
          counters.requests++
          const exit = yield* Effect.uninterruptible(
            Effect.exit(config.send(self.pending)).pipe(
              // `map`, not `tap`: Effect 4's `tap` takes only a function returning an Effect.
              Effect.map((exit) => {
                if (Exit.isSuccess(exit)) self.pending = exit.value.leftovers
                return exit
              })
            )
          )
          let lastError: E | undefined
          if (Exit.isSuccess(exit)) {
            if (exit.value.after !== undefined) yield* exit.value.after
            if (self.pending.length === 0) break
          } else {
            const failure = failureOption(exit.cause)
            if (Option.isNone(failure)) return strand(self, { reason: "Defect", defect: Cause.squash(exit.cause) })
            if (!config.retryable(failure.value)) return strand(self, { reason: "RequestFailed", cause: failure.value })
            lastError = failure.value
          }
          retried = true
          const next = yield* Effect.exit(driver.next(lastError ?? self.pending))
          if (Exit.isFailure(next)) return strand(self, { reason: "RetriesExhausted", cause: lastError })
          counters.retries++
        }
        if (retried) yield* driver.reset
      })

    /** Ends `self`'s lineage without finishing it: its entries are handed back, and the work stops. */
    const strand = (self: Lineage<A>, reason: Stop<E>) => {
      stranded.push(...self.pending)
      self.pending = []
      halt(reason)
    }

    const worker = (): Effect.Effect<void, never, DynamoClient> => {
      const self: Lineage<A> = { pending: [] }
      return Effect.gen(function* () {
        const driver = yield* scheduleDriver(config.schedule)
        while (true) {
          const taken = yield* take
          if (taken === undefined) return
          self.pending = taken
          yield* lineage(self, driver)
          busy--
        }
      }).pipe(
        Effect.ensuring(
          Effect.sync(() => {
            stranded.push(...self.pending)
            self.pending = []
            running--
            ended.wakeAll()
          })
        )
      )
    }

    const start: Effect.Effect<void, never, DynamoClient> = Effect.suspend(() => {
      running = config.concurrency
      return Effect.forEach(
        Array.from({ length: config.concurrency }, worker),
        (effect) => Effect.map(Effect.forkIn(config.around(effect), scope), (fiber) => void workers.push(fiber)),
        { discard: true }
      )
    })

    const push = (entry: A) => {
      ready.push(entry)
      readyBytes += entry.size
    }

    const drain: Effect.Effect<void, Stop<E>, DynamoClient> = Effect.suspend(() => {
      if (stop !== undefined) return Effect.fail(stop)
      if (!full()) return Effect.void
      if (workers.length === 0) return Effect.andThen(start, drain)
      work.wakeOne()
      return Effect.andThen(space.wait(), drain)
    })

    const offer = (entry: A): boolean => {
      push(entry)
      return full()
    }

    const add = (entry: A): Effect.Effect<void, Stop<E>, DynamoClient> => {
      if (stop !== undefined) return Effect.fail(stop)
      return offer(entry) ? drain : Effect.void
    }

    const release = (entry: A) => {
      push(entry)
      if (takeable()) work.wakeOne()
    }

    const finish: Effect.Effect<void, Stop<E>, DynamoClient> = Effect.suspend(() => {
      if (stop !== undefined) return Effect.fail(stop)
      if (!finishing) {
        finishing = true
        work.wakeAll()
      }
      if (workers.length === 0 && queuedCount() > 0) return Effect.andThen(start, finish)
      if (running === 0) return Effect.void
      return Effect.andThen(ended.wait(), finish)
    })

    const abort: Effect.Effect<ReadonlyArray<A>> = Effect.map(
      Effect.suspend(() => Fiber.interruptAll(workers)),
      () => {
        const left = [...stranded, ...ready.slice(head)]
        stranded.length = 0
        ready = []
        head = 0
        readyBytes = 0
        return left
      }
    )

    return { add, offer, drain, release, finish, abort, counters }
  })
