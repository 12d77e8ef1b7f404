/**
 * The Effect 3 side of the tests' per-major spellings (`#test-effect`; `effect4.ts` exports the same names with the
 * same signatures). Only what the shared suites need and Effect 3 and 4 spell differently lives here; everything
 * the shell itself needs is in `#adapter`.
 */
import { Cause, Config, ConfigError, ConfigProvider, Console, Context, DefaultServices, Effect, Exit, Fiber, Logger, Random, Supervisor, TestClock, Tracer } from "effect"
import type { Layer, Option, Redacted } from "effect"
import { it } from "@effect/vitest"
import { Arbitrary as SchemaArbitrary, FastCheck, Schema } from "effect"

// Fibers
export const fork = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<Fiber.RuntimeFiber<A, E>, never, R> => Effect.fork(self)
export const poll = <A, E>(fiber: Fiber.RuntimeFiber<A, E>): Effect.Effect<Option.Option<Exit.Exit<A, E>>> => Fiber.poll(fiber)
/** Interrupts `fiber` and waits for its exit. */
export const interrupt = <A, E>(fiber: Fiber.RuntimeFiber<A, E>): Effect.Effect<Exit.Exit<A, E>> => Fiber.interrupt(fiber)
/** Lets the other fibers run before going on. */
export const yieldNow: Effect.Effect<void> = Effect.yieldNow()
export const isInterrupted = <A, E>(exit: Exit.Exit<A, E>): boolean => Exit.isInterrupted(exit)
export type RuntimeFiber<A, E> = Fiber.RuntimeFiber<A, E>

/**
 * Runs `self` and says which fibers it forked, directly or not: how many it started, and how many are still running
 * when asked (`alive`, an effect to call after `self` ended).
 */
export const trackFibers = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.suspend(() => {
    const forked = new Recorder()
    return Effect.map(Effect.exit(Effect.supervised(self, forked)), (exit) => ({
      exit,
      started: forked.fibers.length,
      alive: Effect.sync(() => forked.fibers.filter((fiber) => fiber.unsafePoll() === null).length)
    }))
  })

/** A supervisor keeping every fiber started under it. */
class Recorder extends Supervisor.AbstractSupervisor<void> {
  readonly fibers: Array<Fiber.RuntimeFiber<unknown, unknown>> = []
  get value() {
    return Effect.void
  }
  override onStart(_context: unknown, _effect: unknown, _parent: unknown, fiber: Fiber.RuntimeFiber<unknown, unknown>) {
    this.fibers.push(fiber)
  }
}

// Clock and randomness
export const adjustClock = TestClock.adjust
/** `self` with a seeded random generator: the same seed draws the same numbers (within one Effect major). */
export const withSeed = (seed: number) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => Effect.withRandom(self, Random.make(seed))

// Config
export const isConfigError = (u: unknown): boolean => ConfigError.isConfigError(u)
export const configRedacted = (name: string): Config.Config<Redacted.Redacted<string>> => Config.redacted(name)
/**
 * `self` reading its `Config` from `process.env` as it is when `self` starts (Effect 3's default provider reads the
 * environment at each lookup anyway; Effect 4's reads it once per process).
 */
export const withConfigFromEnvNow = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.suspend(() => Effect.withConfigProvider(self, ConfigProvider.fromEnv()))
/** `self` reading its `Config` from `values` (and nothing else). */
export const withConfigValues = (values: Record<string, string>) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.withConfigProvider(self, ConfigProvider.fromMap(new Map(Object.entries(values))))

// Tracing
/** A tracer that opens Effect's own spans and hands each to `onSpan`, as any real tracer would. */
export const tracerCalling = (onSpan: (span: Tracer.Span) => void): Tracer.Tracer => {
  const builtIn = Context.get(DefaultServices.liveServices, Tracer.Tracer)
  return Tracer.make({
    span: (...args) => {
      const span = builtIn.span(...args)
      onSpan(span)
      return span
    },
    context: (f) => f()
  })
}
export type Span = Tracer.Span

// Logging
/** What a logger is told of one log line. */
export interface LogEntry {
  readonly message: unknown
  readonly cause: Cause.Cause<unknown>
  readonly annotations: unknown
}
/** A Layer putting a logger that hands every entry to `onLog` in place of the default one. */
export const loggingTo = (onLog: (entry: LogEntry) => void): Layer.Layer<never> =>
  Logger.replace(Logger.defaultLogger, Logger.make(({ annotations, cause, message }) => onLog({ message, cause, annotations })))
/** `self` with a console whose `log` hands each line (its arguments joined by spaces) to `onLine`; the rest as usual. */
export const withConsoleLog = (onLine: (line: string) => void) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((console) => Effect.withConsole(self, { ...console, log: (...args) => Effect.sync(() => onLine(args.join(" "))) }))

// Errors
/** Effect's own error for an `Effect.timeout` that ran out (`TimeoutException` here, `TimeoutError` on Effect 4). */
export const timeoutError = (): { readonly _tag: string } => new Cause.TimeoutException()

/** Effect's own error for a missing element (`NoSuchElementException` on Effect 3, `NoSuchElementError` on Effect 4). */
export const noSuchElementError = (): { readonly _tag: string } => new Cause.NoSuchElementException()

// Tests
/** Whether this is the Effect 4 run: only for the few tests skipped there while a known Effect 4 difference is open (each says which). */
export const isEffect4 = false
/** A test whose effect may use a `Scope` (closed when it ends): `it.scoped` on Effect 3, `it.effect` on Effect 4 (which always gives one). */
export const scoped = it.scoped
/** The same with the live clock: `it.scopedLive` on Effect 3, `it.live` on Effect 4. */
export const scopedLive = it.scopedLive

// Schema

/** A `ReadonlySet` field stored as a DynamoDB set (SS/NS/BS): Effect 3's `ReadonlySetFromSelf`, Effect 4's `ReadonlySet`. */
export const SetOf = Schema.ReadonlySetFromSelf
/** A `ReadonlySet` field encoded as an array (a DynamoDB list): Effect 3's `ReadonlySet`. */
export const SetFromArray = Schema.ReadonlySet
/** A `Date` encoded as its ISO string: Effect 3's `Date` (Effect 4's `Date` is a Date on both sides). */
export const DateFromIso = Schema.Date
/** A `DateTime.Utc` encoded as its ISO string: Effect 3's `DateTimeUtc`. */
export const DateTimeUtcFromIso = Schema.DateTimeUtc
/** A `Uint8Array` on both sides (a DynamoDB binary): Effect 3's `Uint8ArrayFromSelf`. */
export const Bytes = Schema.Uint8ArrayFromSelf
/** An optional key whose value may not be `undefined`: Effect 3's `optionalWith(s, { exact: true })`. */
export const optionalKey = <S extends Schema.Schema.Any>(schema: S) => Schema.optionalWith(schema, { exact: true })
/** An optional key decoded to an `Option`: Effect 3's `optionalWith(s, { as: "Option" })`. */
export const optionalOption = <S extends Schema.Schema.Any>(schema: S) => Schema.optionalWith(schema, { as: "Option" })
/** A record of `value`s by string key. */
export const RecordOf = <V extends Schema.Schema.Any>(value: V) => Schema.Record({ key: Schema.String, value })
/** A union of literals. */
export const Literals = <const L extends ReadonlyArray<string | number>>(...literals: L) => Schema.Literal(...literals)
/** A union of schemas, tried in order. */
export const Union = <const M extends ReadonlyArray<Schema.Schema.Any>>(...members: M) => Schema.Union(...members)
/** A pair whose second element may be left out. */
export const PairWithOptional = <A extends Schema.Schema.Any, B extends Schema.Schema.Any>(first: A, second: B) => Schema.Tuple(first, Schema.optionalElement(second))
/** A string of at least `n` characters. */
export const StringOfMinLength = (n: number) => Schema.String.pipe(Schema.minLength(n))
/** A number above zero. */
export const PositiveNumber = Schema.Number.pipe(Schema.positive())
/** The `_tag` of the Schema failure a typed error carries as `cause` (`ParseError`; Effect 4: `SchemaError`). */
export const schemaFailureTag = "ParseError"
/** fast-check values of `schema`'s type (Effect 3: `Arbitrary.make`), for `FastCheck` below. */
export const arbitrary = <A, I>(schema: Schema.Schema<A, I>): FastCheck.Arbitrary<A> => SchemaArbitrary.make(schema)
/** The fast-check that `arbitrary` builds on. */
export { FastCheck }
/** The test clock (timestamps come from Effect's Clock): `effect`'s `TestClock` on Effect 3, `effect/testing`'s on Effect 4. */
export { TestClock } from "effect"
/** A `bigint` encoded as a number. */
export const BigIntFromNumber = Schema.BigIntFromNumber
/** A `Date` encoded as its epoch milliseconds: Effect 3's `DateFromNumber`, Effect 4's `DateFromMillis`. */
export const DateFromMillis = Schema.DateFromNumber
/**
 * Fields whose key is renamed in the encoded item (`renamed` read from and written to `renamed_`): a property
 * signature on Effect 3; none on Effect 4, whose renaming is the struct's (`Schema.encodeKeys`), not a field's.
 */
export const renamedKeyFields = { renamed: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("renamed_")) }
/** `schema`'s encoder and decoder as outcomes (`#adapter`'s `Outcome`: an Either on Effect 3, a Result on Effect 4). */
export const encodeUnknownOutcome = Schema.encodeUnknownEither
export const decodeUnknownOutcome = Schema.decodeUnknownEither
