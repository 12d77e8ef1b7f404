/**
 * The `add` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { PutItemCommandOutput } from "@aws-sdk/client-dynamodb"
import { guard } from "../internal/input/guard.js"
import { putItem, type WriteOptions, type WriteResult } from "../internal/builders/build.js"
import type { Operation } from "../Operation.js"
import { toAttributeMap } from "../internal/values/toAttributeValue.js"
import type { Item } from "../Value.js"

/**
 * Options of `add`: a `condition` (e.g. `attr("id").notExists()` to never overwrite), `returnValues: "ALL_OLD"` for
 * the replaced item, `returnValuesOnConditionCheckFailure`, raw `names`/`values` placeholders, and any SDK `input`.
 *
 * @since 0.1.0
 * @category models
 */
export type AddOptions = WriteOptions<"PutItem", "NONE" | "ALL_OLD">

/**
 * What `add` succeeds with: the replaced item when `returnValues: "ALL_OLD"` asked for it, and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export type AddResult = WriteResult<PutItemCommandOutput>

/**
 * Writes a whole item, replacing any item with the same key (`PutItem`).
 *
 * @example
 * import { add, attr } from "dynofunc"
 * add("users", { id: "u1", name: "Ada", roles: ["admin"] }, { condition: attr("id").notExists() }).description
 * // { TableName: "users", Item: { id: { S: "u1" }, … },
 * //   ConditionExpression: "attribute_not_exists(#n0)", ExpressionAttributeNames: { "#n0": "id" } }
 *
 * @since 0.1.0
 * @category services
 */
export const add = guard("PutItem", (tableName: string, item: Item, options: AddOptions = {}): Operation<"PutItem", AddResult> =>
  putItem(tableName, toAttributeMap(item, "Item"), options))
