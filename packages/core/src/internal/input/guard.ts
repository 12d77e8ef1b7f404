/**
 * Builders never throw. A value that cannot be stored in DynamoDB (an empty set, `NaN`, a `Date`, a function, …)
 * or an argument of the wrong kind makes the builder return an operation carrying that problem: `execute` fails
 * with `InvalidInputError` and sends nothing. Every builder goes through `guard`.
 */
import type { InputProblem } from "../../InputProblem.js"
import type { CommandName, InputOf, Operation } from "../../Operation.js"
import { construct } from "../builders/construct.js"
import { plainChecks } from "./limits.js"
import { formatPath, ValueError } from "../values/valueError.js"

const unsent = (): never => {
  throw new Error("an operation with problems is never sent")
}

/** What a builder threw, as a problem: a value DynamoDB cannot store names its path (`Item.profile.tags[3]`). */
export const thrownProblem = (error: unknown): InputProblem =>
  error instanceof ValueError
    ? { part: formatPath(error.prefix, error.path), message: error.message }
    : { part: "arguments", message: `the arguments do not fit this builder: ${error instanceof Error ? error.message : String(error)}` }

/**
 * Refuses an argument of a builder: the guard turns this into the operation's problem, named `part`.
 *
 * @example
 * import { refuseArgument } from "./guard.js"
 * refuseArgument("order", `"ASC" is not "asc" or "desc"`)
 */
export const refuseArgument = (part: string, message: string): never => {
  const error = new ValueError(message)
  error.prefix = part
  throw error
}

/**
 * `builder`, returning an operation with a problem (and an empty description) where it would have thrown.
 *
 * @example
 * import { guard } from "./guard.js"
 * import { makeOperation } from "dynofunc"
 * const getUser = guard("GetItem", (id: string) =>
 *   makeOperation({ name: "GetItem", description: { TableName: "users", Key: { id: { S: id } } }, decode: (output) => output })
 * )
 */
export const guard = <Name extends CommandName, Builder extends (...args: never) => Operation<Name, unknown>>(
  name: Name,
  builder: Builder
): Builder => {
  const run = builder as unknown as (...args: ReadonlyArray<unknown>) => Operation<Name, unknown>
  // Forwarding `arguments` as they are: no rest array built and spread again on every call.
  return function guarded() {
    try {
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(run, undefined, arguments) as Operation<Name, unknown>
    } catch (error) {
      // Never checked: an operation with problems is refused with them.
      return construct({ name, description: {} as InputOf<Name>, decode: unsent, problems: [thrownProblem(error)] }, plainChecks)
    }
  } as unknown as Builder
}
