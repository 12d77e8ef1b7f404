import { PutItemCommand, type PutItemCommandOutput } from "@aws-sdk/client-dynamodb"
import type { Condition } from "../Condition.js"
import { operation, optionalItem, returnFields, type EscapeHatch, type RawPlaceholders, type ReturnOptions } from "../internal/build.js"
import type { Operation } from "../Operation.js"
import { toItem, type Item } from "../Value.js"

/** Options of `add`. */
export interface AddOptions extends EscapeHatch<"PutItem">, RawPlaceholders, ReturnOptions<"NONE" | "ALL_OLD"> {
  /** Write only if this holds, e.g. `attr("id").notExists()` to never overwrite. */
  readonly condition?: Condition | undefined
}

/** What `add` succeeds with: the replaced item when `returnValues: "ALL_OLD"` asked for it, and the SDK output. */
export interface AddResult {
  readonly attributes: Item | undefined
  readonly raw: PutItemCommandOutput
}

/**
 * Writes a whole item, replacing any item with the same key (`PutItem`).
 *
 * @example
 * add("users", { id: "u1", name: "Ada", roles: ["admin"] }, { condition: attr("id").notExists() }).description
 * // { TableName: "users", Item: { id: { S: "u1" }, … },
 * //   ConditionExpression: "attribute_not_exists(#n0)", ExpressionAttributeNames: { "#n0": "id" } }
 */
export const add = (tableName: string, item: Item, options: AddOptions = {}): Operation<"PutItem", AddResult> =>
  operation(
    "PutItem",
    PutItemCommand,
    {
      TableName: tableName,
      Item: toItem(item),
      ...returnFields(options)
    },
    { condition: options.condition, names: options.names, values: options.values },
    options.input,
    (raw) => ({ attributes: optionalItem(raw.Attributes), raw })
  )
