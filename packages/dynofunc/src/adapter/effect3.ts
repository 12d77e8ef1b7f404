/**
 * The Effect 3 side of dynofunc's per-major adapter (`#adapter`): every spelling the shell needs that Effect 3 and
 * Effect 4 do not share. `effect4.ts` exports the same names with the same signatures.
 */
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Config from "effect/Config"
import * as ConfigError_ from "effect/ConfigError"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as ExecutionStrategy from "effect/ExecutionStrategy"
import * as FiberId from "effect/FiberId"
import * as Layer from "effect/Layer"
import type * as Option from "effect/Option"
import * as Queue from "effect/Queue"
import * as Schedule from "effect/Schedule"
import * as ScheduleDecision from "effect/ScheduleDecision"
import * as ScheduleIntervals from "effect/ScheduleIntervals"
import * as Scope from "effect/Scope"
import * as Sink from "effect/Sink"
import * as Stream from "effect/Stream"
import * as Take from "effect/Take"
import * as Tracer from "effect/Tracer"


// Types
export type Tag<Id, S> = Context.Tag<Id, S>
export type DurationInput = Duration.DurationInput
export type ConfigError = ConfigError_.ConfigError
export type ConfigWrap<A> = Config.Config.Wrap<A>

// Services
/** A class-style service key: `class X extends Service<X, Shape>()("key") {}`. */
export const Service = <Self, Shape>() => <const Key extends string>(key: Key): Context.TagClass<Self, Key, Shape> =>
  Context.Tag(key)<Self, Shape>()
export const genericTag = <Id, S>(key: string): Tag<Id, S> => Context.GenericTag<Id, S>(key)
/** A class-style service key with a default: `class X extends reference<X>()("key", () => value) {}`. */
export const reference = <Self>() => <const Key extends string, S>(key: Key, defaultValue: () => S): Context.ReferenceClass<Self, Key, S> =>
  Context.Reference<Self>()(key, { defaultValue })
const builtInTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)
/** `f` with the service `tag` read from the fiber's context, and whether a real tracer (not the built-in one) is installed. */
export const withServiceAndTracer = <I, S, A, E, R>(tag: Tag<I, S>, f: (service: S, tracing: boolean) => Effect.Effect<A, E, R>): Effect.Effect<A, E, R | I> =>
  Effect.withFiberRuntime<A, E, R | I>((fiber) => f(Context.get(fiber.currentContext as Context.Context<I>, tag), fiber.currentTracer !== builtInTracer))

// Effect
export const catchAllCause = Effect.catchAllCause
export const catchAll = Effect.catchAll
export const catchAllDefect = Effect.catchAllDefect
export const async = <A, E = never, R = never>(register: (resume: (effect: Effect.Effect<A, E, R>) => void, signal: AbortSignal) => void | Effect.Effect<void, never, R>): Effect.Effect<A, E, R> =>
  Effect.async<A, E, R>(register)
export const checkInterruptible = Effect.checkInterruptible
export const timeoutFail = <A, E, R, E1>(self: Effect.Effect<A, E, R>, duration: DurationInput, onTimeout: () => E1): Effect.Effect<A, E | E1, R> =>
  Effect.timeoutFail(self, { duration, onTimeout })
export const withLiveClock = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => Effect.withClock(self, Clock.make())

// Cause
export const isInterruptedOnly: <E>(cause: Cause.Cause<E>) => boolean = Cause.isInterruptedOnly
export const failureOption: <E>(cause: Cause.Cause<E>) => Option.Option<E> = Cause.failureOption
export const dieOption: <E>(cause: Cause.Cause<E>) => Option.Option<unknown> = Cause.dieOption

// Duration, Config
export const decodeDuration: (input: DurationInput) => Duration.Duration = Duration.decode
export const configString = (name: string): Config.Config<string> => Config.string(name)
export const invalidConfig = (path: ReadonlyArray<string>, message: string): ConfigError => ConfigError_.InvalidData([...path], message)
/** The values of a wrapped config (a `Config` per field, nested records walked): `Config.unwrap`. */
export const unwrapConfig = <A>(wrapped: ConfigWrap<A>): Effect.Effect<A, ConfigError> => Config.unwrap(wrapped)

// Schedule
/** A schedule driven by hand: `next` sleeps the delay and succeeds, or fails once the schedule is done. */
export interface Driver<Out, In> {
  readonly next: (input: In) => Effect.Effect<Out, unknown>
  readonly reset: Effect.Effect<void>
}
export const driver = <Out, In>(schedule: Schedule.Schedule<Out, In>): Effect.Effect<Driver<Out, In>> => Schedule.driver(schedule)
/** Recurs forever, waiting `delay(input, recurrence)` (recurrence from 0) before each recurrence; outputs the recurrence. */
export const delayedForever = <In>(delay: (input: In, recurrence: number) => Effect.Effect<Duration.Duration>): Schedule.Schedule<number, In> =>
  Schedule.identity<In>().pipe(
    Schedule.intersect(Schedule.forever),
    Schedule.addDelayEffect(([input, recurrence]) => delay(input, recurrence)),
    Schedule.map(([, recurrence]) => recurrence)
  )
/** `self` recurring only while `options.while` holds for its input, and at most `options.times` times. */
export const limited = <Out, In>(
  self: Schedule.Schedule<Out, In>,
  options: { readonly while?: ((input: In) => boolean) | undefined; readonly times?: number | undefined }
): Schedule.Schedule<Out, In> => {
  const { times, while: holds } = options
  const checked = holds === undefined ? self : Schedule.whileInput(self, holds)
  return times === undefined ? checked : Schedule.map(Schedule.intersect(checked, Schedule.recurs(times)), ([out]) => out)
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
/** Effect 3's schedules are such values already: `initial`, and `step` with its decision's first interval. */
export const stepper = <Out, In>(schedule: Schedule.Schedule<Out, In>): Stepper<In> => ({
  initial: schedule.initial,
  step: (state, input, now) =>
    Effect.map(Effect.suspend(() => schedule.step(now, input, state)), ([next, , decision]) =>
      ScheduleDecision.isDone(decision) ? undefined : { state: next, delay: Math.max(0, ScheduleIntervals.start(decision.intervals) - now) })
})

// Stream, Sink, Layer
export const isStream = (u: object): u is Stream.Stream<unknown, unknown, unknown> => Stream.StreamTypeId in u
export const paginate = <S, A, E, R>(s: S, f: (s: S) => Effect.Effect<readonly [A, Option.Option<S>], E, R>): Stream.Stream<A, E, R> =>
  Stream.paginateEffect(s, f)
export const mapConcat = <A, E, R, B>(self: Stream.Stream<A, E, R>, f: (a: A) => Iterable<B>): Stream.Stream<B, E, R> => Stream.mapConcat(self, f)
export const mapAccum = <A, E, R, S, B>(self: Stream.Stream<A, E, R>, initial: () => S, f: (s: S, a: A) => readonly [S, B]): Stream.Stream<B, E, R> =>
  Stream.suspend(() => Stream.mapAccum(self, initial(), f))
export const runFold = <A, E, R, S>(self: Stream.Stream<A, E, R>, initial: () => S, f: (s: S, a: A) => S): Effect.Effect<S, E, R> =>
  Effect.suspend(() => Stream.runFold(self, initial(), f))
/** Where a producer puts chunks (one per `offer`; `capacity` counts chunks), then its end or failure. */
export interface ChunkOut<A, E> {
  readonly offer: (items: ReadonlyArray<A>) => Effect.Effect<void>
  readonly fail: (error: E) => Effect.Effect<void>
  readonly end: Effect.Effect<void>
}
/** `self` read ahead into a queue of `capacity` elements: at most `capacity` wait for the consumer, one more is being fetched. */
export const buffer = <A, E, R>(self: Stream.Stream<A, E, R>, capacity: number): Stream.Stream<A, E, R> => Stream.buffer(self, { capacity })
/** The stream of what `producer` (run once, in the stream's scope) offers. */
export const chunkStream = <A, E, R>(capacity: number, producer: (out: ChunkOut<A, E>) => Effect.Effect<void, never, R>): Stream.Stream<A, E, Exclude<R, Scope.Scope>> =>
  Stream.unwrapScoped(Effect.flatMap(Queue.bounded<Take.Take<A, E>>(capacity), (queue) =>
    Effect.as(
      producer({
        offer: (items) => Queue.offer(queue, Take.chunk(Chunk.unsafeFromArray(items as Array<A>))),
        fail: (error) => Queue.offer(queue, Take.fail(error)),
        end: Queue.offer(queue, Take.end)
      }),
      Stream.flattenTake(Stream.fromQueue(queue))
    )))
export const sinkUnwrapScoped = <A, In, L, E, R>(effect: Effect.Effect<Sink.Sink<A, In, L, E, R>, E, R | Scope.Scope>): Sink.Sink<A, In, L, E, Exclude<R, Scope.Scope>> =>
  Sink.unwrapScoped(effect) as Sink.Sink<A, In, L, E, Exclude<R, Scope.Scope>>
export const layerScoped = <I, S, E, R>(tag: Tag<I, S>, effect: Effect.Effect<S, E, R>): Layer.Layer<I, E, Exclude<R, Scope.Scope>> =>
  Layer.scoped(tag, effect)

// Deferred, Scope
export const deferredUnsafe = <A>(): Deferred.Deferred<A> => Deferred.unsafeMake<A>(FiberId.none)
export const deferredDoneUnsafe = <A>(self: Deferred.Deferred<A>, effect: Effect.Effect<A>): void => void Deferred.unsafeDone(self, effect)
export const forkScope = (scope: Scope.Scope): Effect.Effect<Scope.CloseableScope> => Scope.fork(scope, ExecutionStrategy.sequential)
export const extendScope = (scope: Scope.Scope) => <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, Exclude<R, Scope.Scope>> =>
  Scope.extend(effect, scope)

// Typed tables: the outcome of a decode (Either on 3, Result on 4), and a Stream of effectful chunks
export * as Outcome from "./effect3-outcome.js"
export const mapConcatEffect = <A, B, E, R, E2, R2>(
  self: Stream.Stream<A, E, R>,
  f: (a: A) => Effect.Effect<Iterable<B>, E2, R2>
): Stream.Stream<B, E | E2, R | R2> => Stream.mapConcatEffect(self, f)
