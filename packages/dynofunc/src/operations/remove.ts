import { DeleteItemCommand, type DeleteItemCommandOutput } from "@aws-sdk/client-dynamodb"
import type { Condition } from "../Condition.js"
import { operation, optionalItem, returnFields, type EscapeHatch, type RawPlaceholders, type ReturnOptions } from "../internal/build.js"
import type { Operation } from "../Operation.js"
import { toItem, type Item } from "../Value.js"

/** Options of `remove`. */
export interface RemoveOptions extends EscapeHatch<"DeleteItem">, RawPlaceholders, ReturnOptions<"NONE" | "ALL_OLD"> {
  /** Delete only if this holds. */
  readonly condition?: Condition | undefined
}

/** What `remove` succeeds with: the deleted item when `returnValues: "ALL_OLD"` asked for it, and the SDK output. */
export interface RemoveResult {
  readonly attributes: Item | undefined
  readonly raw: DeleteItemCommandOutput
}

/**
 * Deletes one item by its full primary key (`DeleteItem`); also exported as `delete`.
 *
 * @example
 * remove("users", { id: "u1" }, { condition: attr("status").equals("inactive"), returnValues: "ALL_OLD" })
 * // ConditionExpression: "#n0 = :v0"
 */
export const remove = (tableName: string, key: Item, options: RemoveOptions = {}): Operation<"DeleteItem", RemoveResult> =>
  operation(
    "DeleteItem",
    DeleteItemCommand,
    {
      TableName: tableName,
      Key: toItem(key),
      ...returnFields(options)
    },
    { condition: options.condition, names: options.names, values: options.values },
    options.input,
    (raw) => ({ attributes: optionalItem(raw.Attributes), raw })
  )
