/**
 * The `updateItem` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { UpdateItemCommandInput } from "@aws-sdk/client-dynamodb"
import type { UpdateInput } from "../Expression.js"
import { decodeWrite } from "../internal/builders/build.js"
import type { Operation } from "../Operation.js"
import { construct } from "../internal/builders/construct.js"
import { updateItemChecks } from "../internal/input/limits.js"
import type { Item } from "../Value.js"
import { update, type UpdateOptions, type UpdateResult } from "./update.js"
import { guard } from "../internal/input/guard.js"

function buildUpdateItem(
  tableName: string,
  key: Item,
  attributes: UpdateInput,
  options?: UpdateOptions
): Operation<"UpdateItem", UpdateResult>
function buildUpdateItem(input: UpdateItemCommandInput): Operation<"UpdateItem", UpdateResult>
function buildUpdateItem(
  target: string | UpdateItemCommandInput,
  key?: Item,
  attributes?: UpdateInput,
  options?: UpdateOptions
): Operation<"UpdateItem", UpdateResult> {
  return typeof target === "string"
    ? update(target, key ?? {}, attributes as UpdateInput, options)
    : construct({ name: "UpdateItem", description: { ...target }, decode: decodeWrite }, updateItemChecks)
}

/**
 * Changes attributes of one item, creating it if it does not exist (`UpdateItem`). With a table name first it is
 * `update`; with the SDK input it sends that input as is. Either way the returned attributes come back as plain JS.
 *
 * @example
 * import { updateItem } from "dynofunc"
 * updateItem("users", { id: "u1" }, { name: "Ada" }, { returnValues: "ALL_NEW" })
 * updateItem({
 *   TableName: "users",
 *   Key: { id: { S: "u1" } },
 *   UpdateExpression: "SET #n = :n",
 *   ExpressionAttributeNames: { "#n": "name" },
 *   ExpressionAttributeValues: { ":n": { S: "Ada" } }
 * })
 *
 * @since 0.1.0
 * @category services
 */
export const updateItem = guard("UpdateItem", buildUpdateItem)
