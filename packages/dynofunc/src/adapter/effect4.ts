/**
 * The Effect 4 side of dynofunc's per-major adapter (`#adapter`): every spelling the shell needs that Effect 3 and
 * Effect 4 do not share. `effect3.ts` exports the same names with the same signatures.
 */
import * as Cause from "effect/Cause"
import * as Clock from "effect/Clock"
import * as Config from "effect/Config"
import { SourceError } from "effect/ConfigProvider"
import * as Context from "effect/Context"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as Pull from "effect/Pull"
import * as Queue from "effect/Queue"
import * as Result from "effect/Result"
import * as Schedule from "effect/Schedule"
import * as Scope from "effect/Scope"
import * as Sink from "effect/Sink"
import * as Stream from "effect/Stream"
import * as Tracer from "effect/Tracer"


// Types
export type Tag<Id, S> = Context.Service<Id, S>
export type DurationInput = Duration.Input
export type ConfigError = Config.ConfigError
export type ConfigWrap<A> = Config.Wrap<A>

// Services
/** A class-style service key: `class X extends Service<X, Shape>()("key") {}`. */
export const Service = <Self, Shape>() => <const Key extends string>(key: Key): Context.ServiceClass<Self, Key, Shape> =>
  Context.Service<Self, Shape>()(key)
export const genericTag = <Id, S>(key: string): Tag<Id, S> => Context.Service<Id, S>(key)
/** A class-style service key with a default: `class X extends reference<X>()("key", () => value) {}`. */
export const reference = <_Self>() => <const Key extends string, S>(key: Key, defaultValue: () => S): Context.Reference<S> =>
  Context.Reference<S>(key, { defaultValue })
/** `f` with the service `tag` read from the fiber's context, and whether a real tracer (not the built-in one) is installed. */
export const withServiceAndTracer = <I, S, A, E, R>(tag: Tag<I, S>, f: (service: S, tracing: boolean) => Effect.Effect<A, E, R>): Effect.Effect<A, E, R | I> =>
  Effect.withFiber<A, E, R | I>((fiber) => f(Context.getUnsafe(fiber.context, tag), fiber.getRef(Tracer.Tracer) !== Tracer.nativeTracer))

// Effect
export const catchAllCause = Effect.catchCause
export const catchAll = Effect.catch
export const catchAllDefect = Effect.catchDefect
export const async = <A, E = never, R = never>(register: (resume: (effect: Effect.Effect<A, E, R>) => void, signal: AbortSignal) => void | Effect.Effect<void, never, R>): Effect.Effect<A, E, R> =>
  // As Effect 3's `async`: an AbortController only for a `register` that declares the `signal` parameter.
  Effect.callback<A, E, R>(register)
/** Effect 4 does not expose the fiber's interruptibility: read its runtime field, interruptible when absent. */
export const checkInterruptible = <A, E, R>(f: (interruptible: boolean) => Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.withFiber((fiber) => f((fiber as { readonly interruptible?: boolean }).interruptible !== false))
export const timeoutFail = <A, E, R, E1>(self: Effect.Effect<A, E, R>, duration: DurationInput, onTimeout: () => E1): Effect.Effect<A, E | E1, R> =>
  Effect.timeoutOrElse(self, { duration, orElse: () => Effect.fail(onTimeout()) })
export const withLiveClock = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.provideService(self, Clock.Clock, Clock.Clock.defaultValue())

// Cause
export const isInterruptedOnly: <E>(cause: Cause.Cause<E>) => boolean = Cause.hasInterruptsOnly
export const failureOption: <E>(cause: Cause.Cause<E>) => Option.Option<E> = Cause.findErrorOption
export const dieOption = <E>(cause: Cause.Cause<E>): Option.Option<unknown> => Result.getSuccess(Cause.findDefect(cause))

// Duration, Config
export const decodeDuration: (input: DurationInput) => Duration.Duration = Duration.fromInputUnsafe
export const configString = (name: string): Config.Config<string> => Config.String(name)
export const invalidConfig = (path: ReadonlyArray<string>, message: string): ConfigError =>
  new Config.ConfigError(new SourceError({ message: `${path.join(".")}: ${message}` }))
/**
 * The values of a wrapped config (a `Config` per field, nested records walked), read field by field. Not
 * `Config.unwrap`: on Effect 4 it brings ~40 KB of Schema into every bundle holding a `layerConfig`.
 */
export const unwrapConfig = <A>(wrapped: ConfigWrap<A>): Effect.Effect<A, ConfigError> => {
  if (Config.isConfig(wrapped)) return wrapped as Config.Config<A>
  const fields = wrapped as Record<string, ConfigWrap<unknown>>
  return Effect.map(
    Effect.forEach(Object.keys(fields), (key) => Effect.map(unwrapConfig(fields[key]!), (value) => [key, value] as const)),
    (entries) => Object.fromEntries(entries) as A
  )
}

// Schedule
/** A schedule driven by hand: `next` sleeps the delay and succeeds, or fails once the schedule is done. */
export interface Driver<Out, In> {
  readonly next: (input: In) => Effect.Effect<Out, unknown>
  readonly reset: Effect.Effect<void>
}
export const driver = <Out, In>(schedule: Schedule.Schedule<Out, In>): Effect.Effect<Driver<Out, In>> =>
  Effect.map(Schedule.toStepWithSleep(schedule), (first) => {
    let step = first
    return {
      next: (input) => step(input),
      reset: Effect.map(Schedule.toStepWithSleep(schedule), (fresh) => void (step = fresh))
    }
  })
/** Recurs forever, waiting `delay(input, recurrence)` (recurrence from 0) before each recurrence; outputs the recurrence. */
export const delayedForever = <In>(delay: (input: In, recurrence: number) => Effect.Effect<Duration.Duration>): Schedule.Schedule<number, In> =>
  Schedule.forever.pipe(
    Schedule.setInputType<In>(),
    Schedule.addDelay((meta) => delay(meta.input, meta.attempt - 1))
  )
/** `self` recurring only while `options.while` holds for its input, and at most `options.times` times. */
export const limited = <Out, In>(
  self: Schedule.Schedule<Out, In>,
  options: { readonly while?: ((input: In) => boolean) | undefined; readonly times?: number | undefined }
): Schedule.Schedule<Out, In> => {
  const { times, while: holds } = options
  return Schedule.while(self, ({ attempt, input }) => (holds === undefined || holds(input)) && (times === undefined || attempt <= times))
}

/**
 * A schedule stepped by hand, one state per user (e.g. per entry): `step` gives the state after one more recurrence
 * for `input` at `now` (epoch millis) and the delay before it (millis), or `undefined` once the schedule is done. A
 * state is a value: stepping does not change it, so it can be stepped again (to read a delay) without being advanced.
 */
export interface Stepper<In> {
  readonly initial: unknown
  readonly step: (state: unknown, input: In, now: number) => Effect.Effect<{ readonly state: unknown; readonly delay: number } | undefined>
}
/**
 * Effect 4's schedules keep their state inside the step function `toStep` builds, so a state here is the steps taken
 * so far (their times and inputs): `step` builds a fresh step function, replays them, then takes the new one. A
 * schedule with effects repeats them on each replay, and a random delay is drawn again (only the last one is used).
 */
export const stepper = <Out, In>(schedule: Schedule.Schedule<Out, In>): Stepper<In> => {
  const initial: ReadonlyArray<readonly [number, In]> = []
  return {
    initial,
    step: (state, input, now) => {
      const taken = state as ReadonlyArray<readonly [number, In]>
      const steps = [...taken, [now, input] as const]
      return Effect.flatMap(Schedule.toStep(schedule), (step) =>
        Effect.map(Effect.forEach(steps, ([at, given]) => step(at, given)), (outs) => ({
          state: steps,
          delay: Math.max(0, Duration.toMillis(outs[outs.length - 1]![1]))
        }))
      ).pipe(Pull.catchDone(() => Effect.succeed(undefined)))
    }
  }
}

// Stream, Sink, Layer
export const isStream = (u: object): u is Stream.Stream<unknown, unknown, unknown> => Stream.isStream(u)
export const paginate = <S, A, E, R>(s: S, f: (s: S) => Effect.Effect<readonly [A, Option.Option<S>], E, R>): Stream.Stream<A, E, R> =>
  Stream.paginate(s, (state) => Effect.map(f(state), ([a, next]) => [[a], next] as const))
export const mapConcat = <A, E, R, B>(self: Stream.Stream<A, E, R>, f: (a: A) => Iterable<B>): Stream.Stream<B, E, R> =>
  Stream.flattenIterable(Stream.map(self, f))
export const mapAccum = <A, E, R, S, B>(self: Stream.Stream<A, E, R>, initial: () => S, f: (s: S, a: A) => readonly [S, B]): Stream.Stream<B, E, R> =>
  Stream.mapAccum(self, initial, (s, a) => {
    const [next, b] = f(s, a)
    return [next, [b]] as const
  })
export const runFold = <A, E, R, S>(self: Stream.Stream<A, E, R>, initial: () => S, f: (s: S, a: A) => S): Effect.Effect<S, E, R> =>
  Stream.runFold(self, initial, f)
/** Where a producer puts chunks (one per `offer`; `capacity` counts chunks), then its end or failure. */
export interface ChunkOut<A, E> {
  readonly offer: (items: ReadonlyArray<A>) => Effect.Effect<void>
  readonly fail: (error: E) => Effect.Effect<void>
  readonly end: Effect.Effect<void>
}
/** A queue's items one at a time: Effect 4's `Stream.fromQueue` takes everything queued at once, which would double what a bounded queue holds. */
const takingOneByOne = <A, E>(queue: Queue.Dequeue<A, E | Cause.Done>): Stream.Stream<A, E> =>
  Stream.fromPull(Effect.succeed(Effect.map(Queue.take(queue), (item): readonly [A] => [item])))
/**
 * `self` read ahead into a queue of `capacity` elements: at most `capacity` wait for the consumer, one more is being
 * fetched. (Effect 4's `Stream.buffer` hands the consumer everything queued at once, so up to twice that is held.)
 */
export const buffer = <A, E, R>(self: Stream.Stream<A, E, R>, capacity: number): Stream.Stream<A, E, R> =>
  Stream.unwrap(Effect.gen(function* () {
    const queue = yield* Queue.bounded<A, E | Cause.Done>(capacity)
    yield* Effect.forkScoped(Stream.runIntoQueue(self, queue))
    return takingOneByOne(queue)
  })) as Stream.Stream<A, E, R>
/** The stream of what `producer` (run once, in the stream's scope) offers. */
export const chunkStream = <A, E, R>(capacity: number, producer: (out: ChunkOut<A, E>) => Effect.Effect<void, never, R>): Stream.Stream<A, E, Exclude<R, Scope.Scope>> =>
  Stream.unwrap(Effect.flatMap(Queue.bounded<ReadonlyArray<A>, E | Cause.Done>(capacity), (queue) =>
    Effect.as(
      producer({
        offer: (items) => Effect.asVoid(Queue.offer(queue, items)),
        fail: (error) => Effect.asVoid(Queue.fail(queue, error)),
        end: Effect.asVoid(Queue.end(queue))
      }),
      Stream.flattenIterable(takingOneByOne(queue))
    )))
export const sinkUnwrapScoped = <A, In, L, E, R>(effect: Effect.Effect<Sink.Sink<A, In, L, E, R>, E, R | Scope.Scope>): Sink.Sink<A, In, L, E, Exclude<R, Scope.Scope>> =>
  Sink.unwrap(effect) as Sink.Sink<A, In, L, E, Exclude<R, Scope.Scope>>
export const layerScoped = <I, S, E, R>(tag: Tag<I, S>, effect: Effect.Effect<S, E, R>): Layer.Layer<I, E, Exclude<R, Scope.Scope>> =>
  Layer.effect(tag, effect)

// Deferred, Scope
export const deferredUnsafe = <A>(): Deferred.Deferred<A> => Deferred.makeUnsafe<A>()
export const deferredDoneUnsafe = <A>(self: Deferred.Deferred<A>, effect: Effect.Effect<A>): void => void Deferred.doneUnsafe(self, effect)
export const forkScope = (scope: Scope.Scope): Effect.Effect<Scope.Closeable> => Scope.fork(scope, "sequential")
export const extendScope = (scope: Scope.Scope) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, Exclude<R, Scope.Scope>> =>
  Scope.provide(effect, scope)

// Typed tables: the outcome of a decode (Either on 3, Result on 4), and a Stream of effectful chunks
export * as Outcome from "./effect4-outcome.js"
export const mapConcatEffect = <A, B, E, R, E2, R2>(
  self: Stream.Stream<A, E, R>,
  f: (a: A) => Effect.Effect<Iterable<B>, E2, R2>
): Stream.Stream<B, E | E2, R | R2> => Stream.flattenIterable(Stream.mapEffect(self, f))
