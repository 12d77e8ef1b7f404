/**
 * The `deleteItem` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { DeleteItemCommandInput } from "@aws-sdk/client-dynamodb"
import { decodeWrite } from "../internal/builders/build.js"
import type { Operation } from "../Operation.js"
import { construct } from "../internal/builders/construct.js"
import { plainChecks } from "../internal/input/limits.js"
import type { Item } from "../Value.js"
import { remove, type RemoveOptions, type RemoveResult } from "./remove.js"
import { guard } from "../internal/input/guard.js"

function buildDeleteItem(tableName: string, key: Item, options?: RemoveOptions): Operation<"DeleteItem", RemoveResult>
function buildDeleteItem(input: DeleteItemCommandInput): Operation<"DeleteItem", RemoveResult>
function buildDeleteItem(
  target: string | DeleteItemCommandInput,
  key?: Item,
  options?: RemoveOptions
): Operation<"DeleteItem", RemoveResult> {
  return typeof target === "string"
    ? remove(target, key ?? {}, options)
    : construct({ name: "DeleteItem", description: { ...target }, decode: decodeWrite }, plainChecks)
}

/**
 * Deletes one item by its full primary key (`DeleteItem`). With a table name first it is `remove`; with the SDK
 * input it sends that input as is. Either way the deleted item (when asked for) comes back as plain JS.
 *
 * @example
 * import { deleteItem } from "dynofunc"
 * deleteItem("users", { id: "u1" }, { returnValues: "ALL_OLD" })
 * deleteItem({ TableName: "users", Key: { id: { S: "u1" } } })
 *
 * @since 0.1.0
 * @category services
 */
export const deleteItem = guard("DeleteItem", buildDeleteItem)
