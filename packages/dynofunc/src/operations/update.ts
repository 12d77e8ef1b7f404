import { UpdateItemCommand, type ReturnValue, type UpdateItemCommandOutput } from "@aws-sdk/client-dynamodb"
import type { Condition } from "../Condition.js"
import type { UpdateInput } from "../Expression.js"
import { operation, optionalItem, returnFields, type EscapeHatch, type RawPlaceholders, type ReturnOptions } from "../internal/build.js"
import type { Operation } from "../Operation.js"
import { toItem, type Item } from "../Value.js"

/** Options of `update`. */
export interface UpdateOptions extends EscapeHatch<"UpdateItem">, RawPlaceholders, ReturnOptions<ReturnValue> {
  /** Update only if this holds, e.g. `attr("version").equals(3)`. */
  readonly condition?: Condition | undefined
}

/** What `update` succeeds with: the attributes `returnValues` asked for, and the SDK output. */
export interface UpdateResult {
  readonly attributes: Item | undefined
  readonly raw: UpdateItemCommandOutput
}

/**
 * Changes attributes of one item, creating it if it does not exist (`UpdateItem`). A plain value sets the
 * attribute; `attr.append`, `attr.prepend` and the other update helpers do the rest.
 *
 * @example
 * update("users", { id: "u1" }, { name: "Ada", roles: attr.append("admin") }, { returnValues: "ALL_NEW" })
 * // UpdateExpression: "SET #n0 = :v0, #n1 = list_append(if_not_exists(#n1, :v1), :v2)"
 */
export const update = (
  tableName: string,
  key: Item,
  attributes: UpdateInput,
  options: UpdateOptions = {}
): Operation<"UpdateItem", UpdateResult> =>
  operation(
    "UpdateItem",
    UpdateItemCommand,
    {
      TableName: tableName,
      Key: toItem(key),
      ...returnFields(options)
    },
    { update: attributes, condition: options.condition, names: options.names, values: options.values },
    options.input,
    (raw) => ({ attributes: optionalItem(raw.Attributes), raw })
  )
