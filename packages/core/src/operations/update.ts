/**
 * The `update` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { ReturnValue, UpdateItemCommandOutput } from "@aws-sdk/client-dynamodb"
import type { UpdateInput } from "../Expression.js"
import { guard } from "../internal/input/guard.js"
import { updateItemChecks } from "../internal/input/limits.js"
import { writeOperation, type WriteOptions, type WriteResult } from "../internal/builders/build.js"
import type { Operation } from "../Operation.js"
import { toAttributeMap } from "../internal/values/toAttributeValue.js"
import type { Item } from "../Value.js"

/**
 * Options of `update`: a `condition` (e.g. `attr("version").equals(3)`), `returnValues` (`ALL_NEW`, `UPDATED_NEW`,
 * `ALL_OLD`, `UPDATED_OLD` or `NONE`), `returnValuesOnConditionCheckFailure`, raw `names`/`values` placeholders, and
 * any SDK `input`.
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateOptions = WriteOptions<"UpdateItem", ReturnValue>

/**
 * What `update` succeeds with: the attributes `returnValues` asked for, and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateResult = WriteResult<UpdateItemCommandOutput>

/**
 * Changes attributes of one item, creating it if it does not exist (`UpdateItem`). A plain value sets the
 * attribute; `attr.append`, `attr.prepend` and the other update helpers do the rest.
 *
 * @example
 * import { update, attr } from "dynofunc"
 * update("users", { id: "u1" }, { name: "Ada", roles: attr.append("admin") }, { returnValues: "ALL_NEW" })
 * // UpdateExpression: "SET #n0 = :v0, #n1 = list_append(if_not_exists(#n1, :v1), :v2)"
 *
 * @since 0.1.0
 * @category services
 */
export const update = guard("UpdateItem", (
  tableName: string,
  key: Item,
  attributes: UpdateInput,
  options: UpdateOptions = {}
): Operation<"UpdateItem", UpdateResult> =>
  writeOperation("UpdateItem", updateItemChecks, { TableName: tableName, Key: toAttributeMap(key, "Key") }, options, attributes))
