/**
 * How an `Operation` is made: the value every builder returns, with the check of its input `execute` runs before
 * sending. Each builder gives its operations the check of their command (`input/limits.ts`), so a bundle holds only
 * the checks of the builders it uses; `make` (public, any command) gives the check looked up by name.
 */
import type { InputProblem } from "../../InputProblem.js"
import type { CommandName, InputOf, Operation, OutputOf } from "../../Operation.js"

/** The key every `Operation` carries (the same symbol across copies of dynofunc): `TypeId` in `Operation.ts`. */
export const OperationId: unique symbol = Symbol.for("dynofunc/Operation")

/**
 * The key of an operation's input check: what in its description DynamoDB would refuse, run by `execute` once
 * before sending (never while building).
 *
 * @example
 * import { InputCheck, type Checked } from "./construct.js"
 * import { find } from "dynofunc"
 * const op = find("users", { id: "u1" }) as Checked<"GetItem", unknown>
 * op[InputCheck]("GetItem", { TableName: "users" }) // [{ part: "Key", message: "GetItem needs Key: it is missing" }]
 */
export const InputCheck: unique symbol = Symbol.for("dynofunc/Operation/inputCheck")

/** An input check: the problems of `description` as the input of `operation` (none: an empty list). */
export type InputCheck = (operation: CommandName, description: unknown) => ReadonlyArray<InputProblem>

/** An operation as `execute` sees it: with its input check. */
export type Checked<Name extends CommandName, Result> = Operation<Name, Result> & { readonly [InputCheck]: InputCheck }

const proto = {
  [OperationId]: OperationId,
  pipe(this: unknown, ...fns: ReadonlyArray<(value: unknown) => unknown>) {
    return fns.reduce((value, fn) => fn(value), this)
  }
}

/**
 * An `Operation` of `fields`, checked by `check` before it is sent.
 *
 * @example
 * import { construct } from "./construct.js"
 * import { plainChecks } from "../input/limits.js"
 * construct({ name: "DescribeLimits", description: {}, decode: (output) => output }, plainChecks)
 */
export const construct = <Name extends CommandName, Result>(
  fields: {
    readonly name: Name
    readonly description: InputOf<Name>
    readonly decode: (output: OutputOf<Name>) => Result
    readonly problems?: ReadonlyArray<InputProblem> | undefined
  },
  check: InputCheck
): Operation<Name, Result> => {
  const op = Object.create(proto)
  op.name = fields.name
  op.description = fields.description
  op.decode = fields.decode
  op.problems = fields.problems ?? []
  op[InputCheck] = check
  // Not `Object.freeze`d: the fields are `readonly` to TypeScript, and freezing was 3–4% of building an `update`.
  return op
}
