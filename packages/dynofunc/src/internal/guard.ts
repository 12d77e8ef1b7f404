/**
 * Builders never throw. A value that cannot be stored in DynamoDB (an empty set, `NaN`, a `Date`, a function, …)
 * makes the builder return an operation carrying that problem: `execute` fails with `InvalidInputError` and sends
 * nothing.
 */
import type { InputProblem } from "../DynamoError.js"
import { make, type CommandClass, type CommandName, type InputOf, type Operation } from "../Operation.js"

const unsent = (): never => {
  throw new Error("an operation with problems is never sent")
}

/**
 * `builder`, returning an operation with a problem (and an empty description) where it would have thrown.
 *
 * @example
 * const getUser = guard("GetItem", GetItemCommand, (id: string) =>
 *   makeOperation({ name: "GetItem", command: GetItemCommand, description: { TableName: "users", Key: { id: { S: id } } }, decode: (output) => output })
 * )
 */
export const guard = <Name extends CommandName, Builder extends (...args: never) => Operation<Name, unknown>>(
  name: Name,
  command: CommandClass<NoInfer<Name>>,
  builder: Builder
): Builder => {
  const run = builder as unknown as (...args: ReadonlyArray<unknown>) => Operation<Name, unknown>
  // Forwarding `arguments` as they are: no rest array built and spread again on every call.
  return function guarded() {
    try {
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(run, undefined, arguments) as Operation<Name, unknown>
    } catch (error) {
      const problem: InputProblem = { part: "value", message: error instanceof Error ? error.message : String(error) }
      return make({ name, command, description: {} as InputOf<Name>, decode: unsent, problems: [problem] })
    }
  } as unknown as Builder
}
