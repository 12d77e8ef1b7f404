/**
 * `Operation`: the pure description of one DynamoDB call.
 *
 * Every builder (`update`, `query`, `getItem`, …) returns one. `description` is exactly the SDK command input, so
 * `client.send(new UpdateItemCommand(op.description))` works; `execute(op)` runs it as an Effect and turns the
 * SDK output into a friendly result with `decode`. Building does no I/O and is deterministic.
 *
 * @example
 * import { update } from "dynofunc"
 * const op = update("users", { id: "u1" }, { name: "Ada" })
 * op.name        // "UpdateItem"
 * op.description // { TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: "SET #n0 = :v0", … }
 *
 * @since 0.1.0
 */
import type { InputProblem } from "./InputProblem.js"
import type { Commands } from "./internal/builders/commands.generated.js"
import { construct, OperationId } from "./internal/builders/construct.js"
import { checksOf } from "./internal/input/limits.js"

export type {
  /**
   * @since 0.1.0
   * @category models
   */
  Commands
}

/**
 * The name of a DynamoDB command, as the SDK spells it without `Command` (`GetItem`, `TransactWriteItems`, …).
 *
 * @since 0.1.0
 * @category models
 */
export type CommandName = keyof Commands

/**
 * The SDK command input of `Name`.
 *
 * @since 0.1.0
 * @category models
 */
export type InputOf<Name extends CommandName> = Commands[Name]["input"]

/**
 * The SDK command output of `Name`.
 *
 * @since 0.1.0
 * @category models
 */
export type OutputOf<Name extends CommandName> = Commands[Name]["output"]

/**
 * The tags of the errors the SDK declares for `Name`.
 *
 * @since 0.1.0
 * @category models
 */
export type DeclaredErrorTags<Name extends CommandName> = Commands[Name]["errors"]

/**
 * Identifies an `Operation` (the same symbol across copies of dynofunc).
 *
 * @example
 * import { TypeId } from "@dynofunc/core/Operation"
 * import { find } from "dynofunc"
 * TypeId in find("users", { id: "u1" }) // true
 *
 * @since 0.1.0
 * @category constants
 */
export const TypeId: typeof OperationId = OperationId

/**
 * The type of `TypeId`, the key every `Operation` carries.
 *
 * @example
 * import type { Operation } from "dynofunc"
 * type Key = keyof Operation<"GetItem", unknown> // includes typeof TypeId
 *
 * @since 0.1.0
 * @category models
 */
export type TypeId = typeof TypeId

/**
 * Values with `pipe`: `value.pipe(f, g)` is `g(f(value))`. The same shape as Effect's `Pipeable`, so operations read
 * like any other Effect value, without the core importing Effect.
 *
 * @example
 * import { find, withInput } from "dynofunc"
 * find("users", { id: "u1" }).pipe(withInput({ ConsistentRead: true }))
 *
 * @since 0.1.0
 * @category models
 */
export interface Pipeable {
  pipe<A>(this: A): A
  pipe<A, B>(this: A, ab: (a: A) => B): B
  pipe<A, B, C>(this: A, ab: (a: A) => B, bc: (b: B) => C): C
  pipe<A, B, C, D>(this: A, ab: (a: A) => B, bc: (b: B) => C, cd: (c: C) => D): D
  pipe<A, B, C, D, E>(this: A, ab: (a: A) => B, bc: (b: B) => C, cd: (c: C) => D, de: (d: D) => E): E
  pipe<A, B, C, D, E, F>(this: A, ab: (a: A) => B, bc: (b: B) => C, cd: (c: C) => D, de: (d: D) => E, ef: (e: E) => F): F
  pipe(this: unknown, ...fns: ReadonlyArray<(value: unknown) => unknown>): unknown
}

/**
 * One DynamoDB call described as data.
 *
 * - `name`: the DynamoDB API operation.
 * - `description`: the exact SDK command input.
 * - `decode`: the SDK output → the friendly result `execute` succeeds with (the raw output stays reachable on it).
 * - `problems`: what the builder found wrong with its arguments; `execute` fails with `InvalidInputError` and sends
 *   nothing when there are any.
 *
 * @example
 * import { find, type FindResult, type Operation } from "dynofunc"
 * const op: Operation<"GetItem", FindResult> = find("users", { id: "u1" })
 * op.description // { TableName: "users", Key: { id: { S: "u1" } } }
 *
 * @since 0.1.0
 * @category models
 */
export interface Operation<Name extends CommandName, Result> extends Pipeable {
  readonly [TypeId]: TypeId
  readonly name: Name
  readonly description: InputOf<Name>
  readonly decode: (output: OutputOf<Name>) => Result
  readonly problems: ReadonlyArray<InputProblem>
}

/**
 * Any operation, whatever its command and result.
 *
 * @example
 * import { type AnyOperation } from "dynofunc"
 * const log = (op: AnyOperation) => console.log(op.name, JSON.stringify(op.description))
 *
 * @since 0.1.0
 * @category models
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any>

/**
 * The command name of `Op` (distributes over a union of operations).
 *
 * @since 0.1.0
 * @category models
 */
export type NameOf<Op> = Op extends Operation<infer Name, infer _Result> ? Name : never

/**
 * The friendly result of running `Op` (distributes over a union of operations).
 *
 * @since 0.1.0
 * @category models
 */
export type ResultOf<Op> = Op extends Operation<infer _Name, infer Result> ? Result : never

/**
 * Builds an `Operation` (for operation authors: users call the builders).
 *
 * @example
 * import { makeOperation } from "dynofunc"
 * makeOperation({
 *   name: "DescribeLimits",
 *   description: {},
 *   decode: (output) => output
 * })
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <Name extends CommandName, Result>(fields: {
  readonly name: Name
  readonly description: InputOf<Name>
  readonly decode: (output: OutputOf<Name>) => Result
  readonly problems?: ReadonlyArray<InputProblem> | undefined
}): Operation<Name, Result> => construct(fields, checksOf(fields.name))

/**
 * Whether `value` is an `Operation`.
 *
 * @example
 * import { isOperation, find } from "dynofunc"
 * isOperation(find("users", { id: "u1" })) // true
 *
 * @since 0.1.0
 * @category guards
 */
export const isOperation = (value: unknown): value is AnyOperation =>
  typeof value === "object" && value !== null && TypeId in value

/**
 * The same operation with extra SDK input fields merged over its description: the escape hatch for any field a
 * builder does not cover.
 *
 * @example
 * import { find, withInput } from "dynofunc"
 * find("users", { id: "u1" }).pipe(withInput({ ReturnConsumedCapacity: "TOTAL" }))
 *
 * @since 0.1.0
 * @category combinators
 */
export const withInput =
  <Name extends CommandName>(fields: Partial<InputOf<Name>>) =>
  <Result>(op: Operation<Name, Result>): Operation<Name, Result> =>
    make({ ...op, description: { ...op.description, ...fields } })
