/**
 * The outcome of a typed operation's decode on Effect 3 (`Outcome` of `#adapter`): `Either`.
 */
import type { Effect} from "effect";
import { Either } from "effect"

/** The outcome of a typed operation's decode: Effect 3's `Either`. */
export type Outcome<A, E> = Either.Either<A, E>

/** Whether `u` is an outcome (a typed operation decodes to one; a plain operation does not). */
export const isOutcome = (u: unknown): u is Outcome<unknown, unknown> => Either.isEither(u)
export const succeed: <A>(value: A) => Outcome<A, never> = Either.right
export const fail: <E>(error: E) => Outcome<never, E> = Either.left
export const isFailure = <A, E>(outcome: Outcome<A, E>): outcome is Either.Left<E, A> => Either.isLeft(outcome)
export const isSuccess = <A, E>(outcome: Outcome<A, E>): outcome is Either.Right<E, A> => Either.isRight(outcome)
export const successOf = <A, E>(outcome: Either.Right<E, A>): A => outcome.right
export const failureOf = <A, E>(outcome: Either.Left<E, A>): E => outcome.left
export const map = <A, E, B>(outcome: Outcome<A, E>, f: (a: A) => B): Outcome<B, E> => Either.map(outcome, f)
export const mapError = <A, E, E2>(outcome: Outcome<A, E>, f: (e: E) => E2): Outcome<A, E2> => Either.mapLeft(outcome, f)
/** The outcome as an Effect (an `Either` is one on Effect 3). */
export const fromOutcome = <A, E>(outcome: Outcome<A, E>): Effect.Effect<A, E> => outcome
