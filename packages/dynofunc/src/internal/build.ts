/**
 * What the item and table builders share: compiling their expressions into the description, the escape hatch,
 * and decoding optional items.
 */
import type { AttributeMap, Item } from "../Value.js"
import { fromItem } from "../Value.js"
import { compile, type ExpressionInput } from "../Expression.js"
import { make, type CommandClass, type CommandName, type InputOf, type Operation, type OutputOf } from "../Operation.js"

/** The decoded item, or `undefined` when DynamoDB sent none. */
export const optionalItem = (attributes: AttributeMap | undefined): Item | undefined =>
  attributes === undefined ? undefined : fromItem(attributes)

/** Options every builder takes: any SDK input field, merged over what the builder produced. */
export interface EscapeHatch<Name extends CommandName> {
  /** SDK input fields to set as they are, over what dynofunc built (e.g. `ReturnConsumedCapacity`). */
  readonly input?: Partial<InputOf<Name>> | undefined
}

/** Raw placeholders for hand-written expression parts; dynofunc keeps them and never reuses their names. */
export interface RawPlaceholders {
  /** `#name` → attribute name, for placeholders written by hand in `input` expressions. */
  readonly names?: Readonly<Record<string, string>> | undefined
  /** `:value` → AttributeValue, for placeholders written by hand in `input` expressions. */
  readonly values?: ExpressionInput["values"]
}

/** What a write returns, and what a failed condition puts on its error. */
export interface ReturnOptions<Values extends string> {
  /** Which attributes come back in the result's `attributes`. */
  readonly returnValues?: Values | undefined
  /** `ALL_OLD` puts the current item on the `ConditionalCheckFailedError` when the condition fails. */
  readonly returnValuesOnConditionCheckFailure?: "NONE" | "ALL_OLD" | undefined
}

/** The SDK fields for `ReturnOptions`, only those that were given. */
export const returnFields = <Values extends string>(options: ReturnOptions<Values>) => ({
  ...(options.returnValues !== undefined && { ReturnValues: options.returnValues }),
  ...(options.returnValuesOnConditionCheckFailure !== undefined && {
    ReturnValuesOnConditionCheckFailure: options.returnValuesOnConditionCheckFailure
  })
})

/**
 * An operation whose description is `base`, then the compiled `expressions`, then the caller's `input` fields;
 * the expressions' problems travel with it.
 */
export const operation = <Name extends CommandName, Result>(
  name: Name,
  command: CommandClass<Name>,
  base: InputOf<Name>,
  expressions: ExpressionInput,
  input: Partial<InputOf<Name>> | undefined,
  decode: (output: OutputOf<Name>) => Result
): Operation<Name, Result> => {
  const compiled = compile(expressions)
  return make({ name, command, description: { ...base, ...compiled.fields, ...input }, decode, problems: compiled.problems })
}
