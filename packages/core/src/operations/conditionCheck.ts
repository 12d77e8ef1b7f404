/**
 * The `conditionCheck` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { ConditionCheck as SdkConditionCheck } from "@aws-sdk/client-dynamodb"
import type { Condition } from "../Condition.js"
import type { InputProblem } from "../InputProblem.js"
import { compile } from "../Expression.js"
import type { RawPlaceholders } from "../internal/builders/build.js"
import { thrownProblem } from "../internal/input/guard.js"
import { toAttributeMap } from "../internal/values/toAttributeValue.js"
import type { Item } from "../Value.js"

/**
 * A condition on one item that a transaction checks without writing it. It is not a DynamoDB call of its own: it
 * only has a meaning inside `transactWriteItems`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConditionCheck {
  readonly _tag: "ConditionCheck"
  /** The SDK `ConditionCheck` action. */
  readonly description: SdkConditionCheck
  readonly problems: ReadonlyArray<InputProblem>
}

/**
 * Options of `conditionCheck`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ConditionCheckOptions extends RawPlaceholders {
  /** `ALL_OLD` puts the item on its cancellation reason when the condition fails. */
  readonly returnValuesOnConditionCheckFailure?: "NONE" | "ALL_OLD" | undefined
}

/**
 * A transaction action that only checks a condition on one item (the `ConditionCheck` of `TransactWriteItems`).
 *
 * @example
 * import { transactWriteItems, conditionCheck, attr, update } from "dynofunc"
 * transactWriteItems([
 *   conditionCheck("accounts", { id: "a1" }, attr("status").equals("open")),
 *   update("accounts", { id: "a1" }, { balance: attr.decrement(10) })
 * ])
 *
 * @since 0.1.0
 * @category services
 */
export const conditionCheck = (
  tableName: string,
  key: Item,
  condition: Condition,
  options: ConditionCheckOptions = {}
): ConditionCheck => {
  // Never throws, like the builders: what would have thrown is a problem.
  try {
    const compiled = compile({ condition, names: options.names, values: options.values })
    return {
      _tag: "ConditionCheck",
      description: {
        TableName: tableName,
        Key: toAttributeMap(key, "Key"),
        ConditionExpression: compiled.fields.ConditionExpression,
        ...(compiled.fields.ExpressionAttributeNames !== undefined && { ExpressionAttributeNames: compiled.fields.ExpressionAttributeNames }),
        ...(compiled.fields.ExpressionAttributeValues !== undefined && { ExpressionAttributeValues: compiled.fields.ExpressionAttributeValues }),
        ...(options.returnValuesOnConditionCheckFailure !== undefined && {
          ReturnValuesOnConditionCheckFailure: options.returnValuesOnConditionCheckFailure
        })
      },
      problems: compiled.problems
    }
  } catch (error) {
    return { _tag: "ConditionCheck", description: {} as SdkConditionCheck, problems: [thrownProblem(error)] }
  }
}

/**
 * Whether `value` is a `ConditionCheck`.
 *
 * @since 0.1.0
 * @category guards
 */
export const isConditionCheck = (value: unknown): value is ConditionCheck =>
  typeof value === "object" && value !== null && (value as { _tag?: unknown })._tag === "ConditionCheck"
