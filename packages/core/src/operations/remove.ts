/**
 * The `remove` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { DeleteItemCommandOutput } from "@aws-sdk/client-dynamodb"
import { guard } from "../internal/input/guard.js"
import { plainChecks } from "../internal/input/limits.js"
import { writeOperation, type WriteOptions, type WriteResult } from "../internal/builders/build.js"
import type { Operation } from "../Operation.js"
import { toAttributeMap } from "../internal/values/toAttributeValue.js"
import type { Item } from "../Value.js"

/**
 * Options of `remove`: a `condition`, `returnValues: "ALL_OLD"` for the deleted item,
 * `returnValuesOnConditionCheckFailure`, raw `names`/`values` placeholders, and any SDK `input`.
 *
 * @since 0.1.0
 * @category models
 */
export type RemoveOptions = WriteOptions<"DeleteItem", "NONE" | "ALL_OLD">

/**
 * What `remove` succeeds with: the deleted item when `returnValues: "ALL_OLD"` asked for it, and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export type RemoveResult = WriteResult<DeleteItemCommandOutput>

/**
 * Deletes one item by its full primary key (`DeleteItem`); also exported as `delete`.
 *
 * @example
 * import { remove, attr } from "dynofunc"
 * remove("users", { id: "u1" }, { condition: attr("status").equals("inactive"), returnValues: "ALL_OLD" })
 * // ConditionExpression: "#n0 = :v0"
 *
 * @since 0.1.0
 * @category services
 */
export const remove = guard("DeleteItem", (tableName: string, key: Item, options: RemoveOptions = {}): Operation<"DeleteItem", RemoveResult> =>
  writeOperation("DeleteItem", plainChecks, { TableName: tableName, Key: toAttributeMap(key, "Key") }, options))
