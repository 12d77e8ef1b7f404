/**
 * The engine the bulk helpers share. Entries go into requests of a bounded size; at most `concurrency` requests are
 * in progress at once; what DynamoDB did not get to (its leftovers, or a whole throttled request) is sent again after
 * the retry schedule's delay, topped up with queued entries to a full request. Attempts are counted per entry, not
 * per request or run: each entry carries its own state of the retry schedule, stepped by every attempt that made no
 * progress for it (its request throttled, or nothing of its request done). An entry left over by a request that did
 * some of its work keeps its count, and waits the delay that count gives. An entry whose schedule is done, or that
 * was sent `maxSends` times, is set aside: the others go on, and `finish` fails once all is done, handing the set-aside
 * entries back (`abort`). A request in flight is never aborted: when the work stops (a failure, an interruption), the
 * requests in flight finish first, so what was applied is known exactly and everything else is handed back.
 */
import { Cause, Clock, Deferred, Effect, Exit, Fiber, Option, type Schedule, type Scope } from "effect"
import { deferredDoneUnsafe, deferredUnsafe, failureOption, stepper } from "#adapter"
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
  /**
   * Stepped once per entry for every attempt that made no progress for it: each recurrence is one more attempt, its
   * delay the wait before it; when it is done, the entry is set aside.
   */
  readonly schedule: Schedule.Schedule<unknown, unknown>
  /** No entry is sent more often than this, whatever the schedule allows. */
  readonly maxSends: number
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
  /** Requests that sent again what an earlier one did not get to (leftovers and throttled requests). */
  retries: number
}

/** What one worker holds: the entries of the request lineage it runs (none between lineages). */
interface Lineage<A> {
  pending: ReadonlyArray<A>
}

/** An entry's attempts so far: its state of the retry schedule, and how often it was sent without being done. */
interface Budget {
  state: unknown
  sends: number
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
  /**
   * Sends everything queued, the last request not full, and waits until every worker is done; fails with
   * `RetriesExhausted` then when entries ran out of attempts (`abort` gives them back).
   */
  readonly finish: Effect.Effect<void, Stop<E>, DynamoClient>
  /**
   * Stops: interrupts the workers (their requests in flight finish first) and gives back every entry not done,
   * the ones set aside for running out of attempts included.
   */
  readonly abort: Effect.Effect<ReadonlyArray<A>>
  readonly counters: Readonly<Counters>
}

/**
 * A dispatcher whose workers live in the current scope: `concurrency` fibers, started by the first request's worth,
 * each taking the next request from the queue and running its lineage (the request, then its leftovers after the
 * retry delay, topped up from the queue) before taking another. One fiber per worker, not per request; a retry
 * schedule's state only for the entries that were sent and not done.
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
    /** Entries of lineages that ended without finishing (failed or interrupted), and entries out of attempts. */
    const stranded: Array<A> = []
    /** Entries sent and not done yet → their attempts (none on a run without leftovers). */
    const budgets = new Map<A, Budget>()
    /** The retry schedule, stepped by hand with each entry's own state. */
    const schedule = stepper(config.schedule)
    /** Entries set aside for running out of attempts, and the error of the last attempt of the last of them. */
    let exhausted = 0
    let exhaustedCause: E | undefined
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

    /** The first queued entries that fit one request beside `held` entries of `heldBytes` (none for a new request). */
    const takeRequest = (held = 0, heldBytes = 0): ReadonlyArray<A> => {
      let bytes = 0
      let count = 0
      const available = queuedCount()
      while (count < available && held + count < config.maxCount) {
        const size = ready[head + count]!.size
        if (held + count > 0 && heldBytes + bytes + size > config.maxBytes) break
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

    /** `held` (leftovers to send again) and as many queued entries as fit beside them. */
    const topUp = (held: ReadonlyArray<A>): ReadonlyArray<A> => {
      if (queuedCount() === 0 || held.length >= config.maxCount) return held
      let bytes = 0
      for (const entry of held) bytes += entry.size
      const taken = takeRequest(held.length, bytes)
      if (taken.length === 0) return held
      space.wakeAll()
      if (takeable()) work.wakeOne()
      return [...held, ...taken]
    }

    /**
     * Counts one attempt for each of `left` (sent, not done; `counted`: the attempt made no progress for it) and
     * sets aside those out of attempts. Gives the entries to send again and the delay before (the longest of theirs).
     */
    const spend = (left: ReadonlyArray<A>, counted: boolean, error: E | undefined) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) => {
        const kept: Array<A> = []
        let delay = 0
        return Effect.as(
          Effect.forEach(
            left,
            (entry) => {
              let budget = budgets.get(entry)
              if (budget === undefined) {
                budget = { state: schedule.initial, sends: 0 }
                budgets.set(entry, budget)
              }
              const spent = budget
              spent.sends++
              return Effect.map(schedule.step(spent.state, error ?? left, now), (next) => {
                if ((counted && next === undefined) || spent.sends >= config.maxSends) {
                  budgets.delete(entry)
                  stranded.push(entry)
                  exhausted++
                  exhaustedCause = error
                  return
                }
                if (next !== undefined) {
                  if (counted) spent.state = next.state
                  delay = Math.max(delay, next.delay)
                }
                kept.push(entry)
              })
            },
            { discard: true }
          ),
          { kept, delay }
        )
      })

    /** The next request's entries for a worker; `undefined` when it is to end (stopped, or finished with nothing left). */
    /**
     * Gives `self` the next request's entries, or says there is none (the work stopped, or finished). The entries go
     * straight into `self.pending`, in the same step that takes them from the queue: an interruption can come between
     * two steps of a fiber, and entries taken but not yet held by the lineage would be in neither the queue nor
     * `stranded` — lost from the report.
     */
    const take = (self: Lineage<A>): Effect.Effect<boolean> => Effect.suspend(() => {
      if (stop !== undefined) return Effect.succeed(false)
      if (takeable()) {
        busy++
        self.pending = takeRequest()
        space.wakeAll()
        if (takeable()) work.wakeOne()
        return Effect.succeed(true)
      }
      if (finishing && busy === 0) {
        // Nothing queued and no lineage left to release entries: every worker ends.
        work.wakeAll()
        return Effect.succeed(false)
      }
      return Effect.andThen(work.wait(), take(self))
    })

    /**
     * Runs `self`'s request until nothing is left over (each attempt after the retry delay of the entries left over,
     * topped up from the queue), or a request fails with an error not worth retrying. Entries out of attempts are set
     * aside; the lineage goes on with the others.
     */
    const lineage = (self: Lineage<A>): Effect.Effect<void, never, DynamoClient> =>
      Effect.gen(function* () {
        let retrying = false
        while (self.pending.length > 0) {
          counters.requests++
          if (retrying) counters.retries++
          const sent = self.pending
          const exit = yield* Effect.uninterruptible(
            Effect.exit(config.send(sent)).pipe(
              // `map`, not `tap`: Effect 4's `tap` takes only a function returning an Effect.
              Effect.map((exit) => {
                if (Exit.isSuccess(exit)) self.pending = exit.value.leftovers
                return exit
              })
            )
          )
          let error: E | undefined
          if (Exit.isSuccess(exit)) {
            if (budgets.size > 0 && self.pending.length < sent.length) {
              const left = new Set(self.pending)
              for (const entry of sent) if (!left.has(entry)) budgets.delete(entry)
            }
            if (exit.value.after !== undefined) yield* exit.value.after
            if (self.pending.length === 0) break
          } else {
            const failure = failureOption(exit.cause)
            if (Option.isNone(failure)) return strand(self, { reason: "Defect", defect: Cause.squash(exit.cause) })
            if (!config.retryable(failure.value)) return strand(self, { reason: "RequestFailed", cause: failure.value })
            error = failure.value
          }
          // No progress when the request was refused whole or did nothing: that attempt counts for each entry.
          const { kept, delay } = yield* spend(self.pending, self.pending.length === sent.length, error)
          self.pending = kept
          if (kept.length === 0) break
          retrying = true
          if (delay > 0) yield* Effect.sleep(delay)
          self.pending = topUp(self.pending)
        }
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
        while (true) {
          if (!(yield* take(self))) return
          yield* lineage(self)
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
      if (running === 0) return exhausted === 0 ? Effect.void : Effect.fail<Stop<E>>({ reason: "RetriesExhausted", cause: exhaustedCause })
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
