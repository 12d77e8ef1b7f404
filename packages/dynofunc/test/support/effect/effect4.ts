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
import type * as Layer from "effect/Layer"
import * as Logger from "effect/Logger"
import * as References from "effect/References"
import * as ConfigProvider from "effect/ConfigProvider"
import type * as Redacted from "effect/Redacted"
import * as TestClock from "effect/testing/TestClock"
import { it } from "@effect/vitest"

// Fibers
export const fork = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<Fiber.Fiber<A, E>, never, R> => Effect.forkChild(self)
export const poll = <A, E>(fiber: Fiber.Fiber<A, E>): Effect.Effect<Option.Option<Exit.Exit<A, E>>> =>
  Effect.sync(() => Option.fromUndefinedOr(fiber.pollUnsafe()))
export const isInterrupted = <A, E>(exit: Exit.Exit<A, E>): boolean => Exit.hasInterrupts(exit)
export type RuntimeFiber<A, E> = Fiber.Fiber<A, E>

/** The runtime's fiber as far as the tree of children goes (Effect 4 has no supervisors; the tree is its own). */
interface FiberNode {
  readonly _children?: Set<FiberNode> | undefined
  readonly pollUnsafe: () => unknown
}
const descendants = (fiber: FiberNode, into: Set<FiberNode>): Set<FiberNode> => {
  for (const child of fiber._children ?? []) if (!into.has(child)) descendants(child, into.add(child))
  return into
}

/**
 * Runs `self` and says which fibers it forked, directly or not: how many it started, and how many are still running
 * when asked (`alive`, an effect to call after `self` ended). Effect 4 has no supervisors: the fibers are found in
 * the runtime's tree of children (of a fiber `self` runs in), looked at while `self` runs and when it ends, so a
 * fiber that started and ended between two looks is not counted in `started`.
 */
export const trackFibers = <A, E, R>(self: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const seen = new Set<FiberNode>()
    const fiber = yield* Effect.forkChild(Effect.exit(self))
    const node = fiber as unknown as FiberNode
    const look = Effect.sync(() => descendants(node, seen))
    const exit = yield* Effect.raceFirst(Fiber.join(fiber), Effect.forever(Effect.andThen(look, Effect.yieldNow)))
    yield* look
    return {
      exit,
      started: seen.size,
      alive: Effect.sync(() => [...descendants(node, seen)].filter((child) => child.pollUnsafe() === undefined).length)
    }
  })

// Clock and randomness
export const adjustClock = TestClock.adjust
/** `self` with a seeded random generator: the same seed draws the same numbers (within one Effect major). */
export const withSeed = (seed: number) => <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => Random.withSeed(self, seed)

// Config
export const isConfigError = (u: unknown): boolean => u instanceof Config.ConfigError
export const configRedacted = (name: string): Config.Config<Redacted.Redacted<string>> => Config.Redacted(name)
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

// Errors
/** Effect's own error for an `Effect.timeout` that ran out (`TimeoutException` on Effect 3, `TimeoutError` here). */
export const timeoutError = (): { readonly _tag: string } => new Cause.TimeoutError()

// Tests
/** A test whose effect may use a `Scope` (closed when it ends): `it.scoped` on Effect 3, `it.effect` on Effect 4 (which always gives one). */
export const scoped = it.effect
/** The same with the live clock: `it.scopedLive` on Effect 3, `it.live` on Effect 4. */
export const scopedLive = it.live
