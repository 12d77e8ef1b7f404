/**
 * The outcome of a typed operation's decode on Effect 4 (`Outcome` of `#adapter`): `Result`.
 */
import { Effect, Result } from "effect"

/** The outcome of a typed operation's decode: Effect 4's `Result`. */
export type Outcome<A, E> = Result.Result<A, E>

/** Whether `u` is an outcome (a typed operation decodes to one; a plain operation does not). */
export const isOutcome = (u: unknown): u is Outcome<unknown, unknown> => Result.isResult(u)
export const succeed: <A>(value: A) => Outcome<A, never> = Result.succeed
export const fail: <E>(error: E) => Outcome<never, E> = Result.fail
export const isFailure = <A, E>(outcome: Outcome<A, E>): outcome is Result.Failure<A, E> => Result.isFailure(outcome)
export const isSuccess = <A, E>(outcome: Outcome<A, E>): outcome is Result.Success<A, E> => Result.isSuccess(outcome)
export const successOf = <A, E>(outcome: Result.Success<A, E>): A => outcome.success
export const failureOf = <A, E>(outcome: Result.Failure<A, E>): E => outcome.failure
export const map = <A, E, B>(outcome: Outcome<A, E>, f: (a: A) => B): Outcome<B, E> => Result.map(outcome, f)
export const mapError = <A, E, E2>(outcome: Outcome<A, E>, f: (e: E) => E2): Outcome<A, E2> => Result.mapError(outcome, f)
/** The outcome as an Effect. */
export const fromOutcome = <A, E>(outcome: Outcome<A, E>): Effect.Effect<A, E> => Effect.fromResult(outcome)
