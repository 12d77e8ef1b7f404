/**
 * The Effect 4 side of the tests' per-major spellings (`#test-effect`; `effect3.ts` exports the same names with the
 * same signatures).
 */
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Fiber from "effect/Fiber"
import * as Option from "effect/Option"
import * as Random from "effect/Random"
import * as Tracer from "effect/Tracer"
import * as Cause from "effect/Cause"
import * as Config from "effect/Config"
import * as Console from "effect/Console"
import type * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as References from "effect/References"
import * as ConfigProvider from "effect/ConfigProvider"
import type * as Redacted from "effect/Redacted"
import * as TestClock from "effect/testing/TestClock"
import { it } from "@effect/vitest"
import { Arbitrary as SchemaArbitrary, Schema, SchemaTransformation } from "effect"
import * as FastCheck from "fast-check"

// Fibers
export const fork = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<Fiber.Fiber<A, E>, never, R> => Effect.forkChild(self)
export const poll = <A, E>(fiber: Fiber.Fiber<A, E>): Effect.Effect<Option.Option<Exit.Exit<A, E>>> =>
  Effect.sync(() => Option.fromUndefinedOr(fiber.pollUnsafe()))
/** Interrupts `fiber` and waits for its exit. */
export const interrupt = <A, E>(fiber: Fiber.Fiber<A, E>): Effect.Effect<Exit.Exit<A, E>> => Effect.andThen(Fiber.interrupt(fiber), Fiber.await(fiber))
/** Lets the other fibers run before going on. */
export const yieldNow: Effect.Effect<void> = Effect.yieldNow
export const isInterrupted = <A, E>(exit: Exit.Exit<A, E>): boolean => Exit.hasInterrupts(exit)
export type RuntimeFiber<A, E> = Fiber.Fiber<A, E>

/** What Effect 4's run loop hands a tracer's `context` hook: one step of a fiber, evaluated by the fiber. */
const evaluate = "~effect/Effect/evaluate"
type Step = { readonly [evaluate]: (fiber: unknown) => unknown }

/**
 * Runs `self` and says which fibers it forked, directly or not: how many it started, and how many are still running
 * when asked (`alive`, an effect to call after `self` ended). Effect 4 has no supervisors: the fibers are seen through
 * a tracer's `context` hook, which the run loop calls for every step of every fiber running under that tracer (forked
 * fibers inherit it, scoped and daemon ones too); spans go to Effect's own tracer as before.
 */
export const trackFibers = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const seen = new Set<Fiber.Fiber<unknown, unknown>>()
    const tracer = Tracer.make({
      span: (options) => Tracer.nativeTracer.span(options),
      context: (primitive, fiber) => {
        seen.add(fiber)
        return (primitive as unknown as Step)[evaluate](fiber) as never
      }
    })
    const running = yield* Effect.forkChild(Effect.withTracer(Effect.exit(self), tracer))
    const exit = yield* Fiber.join(running)
    seen.delete(running as Fiber.Fiber<unknown, unknown>)
    return {
      exit,
      started: seen.size,
      alive: Effect.sync(() => [...seen].filter((child) => child.pollUnsafe() === undefined).length)
    }
  })

// Clock and randomness
export const adjustClock = TestClock.adjust
/** `self` with a seeded random generator: the same seed draws the same numbers (within one Effect major). */
export const withSeed = (seed: number) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => Random.withSeed(self, seed)

// Config
export const isConfigError = (u: unknown): boolean => u instanceof Config.ConfigError
export const configRedacted = (name: string): Config.Config<Redacted.Redacted<string>> => Config.Redacted(name)
/**
 * `self` reading its `Config` from `process.env` as it is when `self` starts (Effect 4's default provider reads the
 * environment once per process, at its first lookup).
 */
export const withConfigFromEnvNow = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.suspend(() => Effect.provideService(self, ConfigProvider.ConfigProvider, ConfigProvider.fromEnv({ env: Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined)) })))
/** `self` reading its `Config` from `values` (and nothing else). */
export const withConfigValues = (values: Record<string, string>) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.provideService(self, ConfigProvider.ConfigProvider, ConfigProvider.fromUnknown(values))

// Tracing
/** A tracer that opens Effect's own spans and hands each to `onSpan`, as any real tracer would. */
export const tracerCalling = (onSpan: (span: Tracer.Span) => void): Tracer.Tracer =>
  Tracer.make({
    span(options) {
      const span = Tracer.nativeTracer.span(options)
      onSpan(span)
      return span
    }
  })
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
  Logger.layer([Logger.make(({ cause, fiber, message }) => onLog({ message, cause, annotations: fiber.getRef(References.CurrentLogAnnotations) }))])
/** `self` with a console whose `log` hands each line (its arguments joined by spaces) to `onLine`; the rest as usual. */
export const withConsoleLog = (onLine: (line: string) => void) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((console) => Effect.provideService(self, Console.Console, { ...console, log: (...args) => onLine(args.join(" ")) }))

// Errors
/** Effect's own error for an `Effect.timeout` that ran out (`TimeoutException` on Effect 3, `TimeoutError` here). */
export const timeoutError = (): { readonly _tag: string } => new Cause.TimeoutError()

/** Effect's own error for a missing element (`NoSuchElementException` on Effect 3, `NoSuchElementError` on Effect 4). */
export const noSuchElementError = (): { readonly _tag: string } => new Cause.NoSuchElementError()

// Tests
/** Whether this is the Effect 4 run: only for the few tests skipped there while a known Effect 4 difference is open (each says which). */
export const isEffect4 = true
/** A test whose effect may use a `Scope` (closed when it ends): `it.scoped` on Effect 3, `it.effect` on Effect 4 (which always gives one). */
export const scoped = it.effect
/** The same with the live clock: `it.scopedLive` on Effect 3, `it.live` on Effect 4. */
export const scopedLive = it.live

// Schema

/** A `ReadonlySet` field stored as a DynamoDB set (SS/NS/BS): Effect 3's `ReadonlySetFromSelf`, Effect 4's `ReadonlySet`. */
export const SetOf = Schema.ReadonlySet
/** A `ReadonlySet` field encoded as an array (a DynamoDB list): Effect 3's `ReadonlySet`; built from `Array` on Effect 4. */
export const SetFromArray = <S extends Schema.Constraint>(item: S) =>
  Schema.Array(item).pipe(
    Schema.decodeTo(
      Schema.ReadonlySet(Schema.toType(item)),
      SchemaTransformation.transform({ decode: (list): ReadonlySet<S["Type"]> => new Set(list), encode: (set) => [...set] })
    )
  )
/** A `Date` encoded as its ISO string: Effect 3's `Date` (Effect 4's `Date` is a Date on both sides). */
export const DateFromIso = Schema.DateFromString
/** A `DateTime.Utc` encoded as its ISO string: Effect 3's `DateTimeUtc`. */
export const DateTimeUtcFromIso = Schema.DateTimeUtcFromString
/** A `Uint8Array` on both sides (a DynamoDB binary): Effect 3's `Uint8ArrayFromSelf`. */
export const Bytes = Schema.Uint8Array
/** An optional key whose value may not be `undefined`: Effect 3's `optionalWith(s, { exact: true })`. */
export const optionalKey = <S extends Schema.Constraint>(schema: S) => Schema.optionalKey(schema)
/** An optional key decoded to an `Option`: Effect 3's `optionalWith(s, { as: "Option" })`. */
export const optionalOption = <S extends Schema.Constraint>(schema: S) => Schema.OptionFromOptionalKey(schema)
/** A record of `value`s by string key. */
export const RecordOf = <V extends Schema.Constraint>(value: V) => Schema.Record(Schema.String, value)
/** A union of literals. */
export const Literals = <const L extends ReadonlyArray<string | number>>(...literals: L) => Schema.Literals(literals)
/** A union of schemas, tried in order. */
export const Union = <const M extends ReadonlyArray<Schema.Constraint>>(...members: M) => Schema.Union(members)
/** A pair whose second element may be left out. */
export const PairWithOptional = <A extends Schema.Constraint, B extends Schema.Constraint>(first: A, second: B) => Schema.Tuple([first, Schema.optionalKey(second)])
/** A string of at least `n` characters. */
export const StringOfMinLength = (n: number) => Schema.String.check(Schema.isMinLength(n))
/** A number above zero. */
export const PositiveNumber = Schema.Number.check(Schema.isGreaterThan(0))
/** The `_tag` of the Schema failure a typed error carries as `cause` (`ParseError`; Effect 4: `SchemaError`). */
export const schemaFailureTag = "SchemaError"
/**
 * fast-check values of `schema`'s type. Effect 4's `Arbitrary` is not fast-check: a sample of its values, drawn
 * from (fast-check shrinks within the sample).
 */
export const arbitrary = <S extends Schema.Constraint>(schema: S): FastCheck.Arbitrary<S["Type"]> =>
  FastCheck.constantFrom(...Effect.runSync(SchemaArbitrary.sampleEffect(SchemaArbitrary.schema(schema), { count: 500, seed: 1 })))
/** The fast-check that `arbitrary` builds on. */
export { FastCheck }
/** The test clock (timestamps come from Effect's Clock): `effect`'s `TestClock` on Effect 3, `effect/testing`'s on Effect 4. */
export * as TestClock from "effect/testing/TestClock"
/** A `bigint` encoded as a number, safe integers only both ways: Effect 3's `BigIntFromNumber`. */
export const BigIntFromNumber = Schema.Number.check(Schema.isInt(), Schema.isBetween({ minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER })).pipe(
  Schema.decodeTo(
    Schema.BigInt.check(Schema.isBetweenBigInt({ minimum: BigInt(Number.MIN_SAFE_INTEGER), maximum: BigInt(Number.MAX_SAFE_INTEGER) })),
    SchemaTransformation.transform({ decode: (n: number) => BigInt(n), encode: (b: bigint) => Number(b) })
  )
)
/** A `Date` encoded as its epoch milliseconds: Effect 3's `DateFromNumber`, Effect 4's `DateFromMillis`. */
export const DateFromMillis = Schema.DateFromMillis
/**
 * Fields whose key is renamed in the encoded item (`renamed` read from and written to `renamed_`): a property
 * signature on Effect 3; none on Effect 4, whose renaming is the struct's (`Schema.encodeKeys`), not a field's.
 */
export const renamedKeyFields = {}
/** `schema`'s encoder and decoder as outcomes (`#adapter`'s `Outcome`: an Either on Effect 3, a Result on Effect 4). */
export const encodeUnknownOutcome = Schema.encodeUnknownResult
export const decodeUnknownOutcome = Schema.decodeUnknownResult
