/**
 * The `getItem` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { GetItemCommandInput } from "@aws-sdk/client-dynamodb"
import type { Operation } from "../Operation.js"
import { construct } from "../internal/builders/construct.js"
import { plainChecks } from "../internal/input/limits.js"
import type { Item } from "../Value.js"
import { decodeItem } from "../internal/builders/build.js"
import { find, type FindOptions, type FindResult } from "./find.js"
import { guard } from "../internal/input/guard.js"

function buildGetItem(tableName: string, key: Item, options?: FindOptions): Operation<"GetItem", FindResult>
function buildGetItem(input: GetItemCommandInput): Operation<"GetItem", FindResult>
function buildGetItem(target: string | GetItemCommandInput, key?: Item, options?: FindOptions): Operation<"GetItem", FindResult> {
  return typeof target === "string"
    ? find(target, key ?? {}, options)
    : construct({ name: "GetItem", description: { ...target }, decode: decodeItem }, plainChecks)
}

/**
 * Reads one item by its full primary key (`GetItem`). With a table name first it is `find`; with the SDK input it
 * sends that input as is. Either way it succeeds with the item as plain JS (`undefined` when there is none).
 *
 * @example
 * import { getItem } from "dynofunc"
 * getItem("users", { id: "u1" }, { consistent: true })
 * getItem({ TableName: "users", Key: { id: { S: "u1" } }, ConsistentRead: true })
 *
 * @since 0.1.0
 * @category services
 */
export const getItem = guard("GetItem", buildGetItem)
