/**
 * The `putItem` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { PutItemCommandInput } from "@aws-sdk/client-dynamodb"
import { decodeWrite } from "../internal/builders/build.js"
import type { Operation } from "../Operation.js"
import { construct } from "../internal/builders/construct.js"
import { putItemChecks } from "../internal/input/limits.js"
import type { Item } from "../Value.js"
import { add, type AddOptions, type AddResult } from "./add.js"
import { guard } from "../internal/input/guard.js"

function buildPutItem(tableName: string, item: Item, options?: AddOptions): Operation<"PutItem", AddResult>
function buildPutItem(input: PutItemCommandInput): Operation<"PutItem", AddResult>
function buildPutItem(target: string | PutItemCommandInput, item?: Item, options?: AddOptions): Operation<"PutItem", AddResult> {
  return typeof target === "string"
    ? add(target, item ?? {}, options)
    : construct({ name: "PutItem", description: { ...target }, decode: decodeWrite }, putItemChecks)
}

/**
 * Writes a whole item, replacing any item with the same key (`PutItem`). With a table name first it is `add`;
 * with the SDK input it sends that input as is. Either way the replaced item (when asked for) comes back as plain JS.
 *
 * @example
 * import { putItem, attr } from "dynofunc"
 * putItem("users", { id: "u1", name: "Ada" }, { condition: attr("id").notExists() })
 * putItem({ TableName: "users", Item: { id: { S: "u1" } }, ConditionExpression: "attribute_not_exists(id)" })
 *
 * @since 0.1.0
 * @category services
 */
export const putItem = guard("PutItem", buildPutItem)
