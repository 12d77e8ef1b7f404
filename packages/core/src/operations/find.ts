/**
 * The `find` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { GetItemCommandOutput } from "@aws-sdk/client-dynamodb"
import { compileProjectionInto, type ProjectionInput } from "../Expression.js"
import { decodeItem, operation, type EscapeHatch } from "../internal/builders/build.js"
import { guard } from "../internal/input/guard.js"
import { plainChecks } from "../internal/input/limits.js"
import type { Operation } from "../Operation.js"
import { toAttributeMap } from "../internal/values/toAttributeValue.js"
import type { Item } from "../Value.js"

/**
 * Options of `find`.
 *
 * @since 0.1.0
 * @category models
 */
export interface FindOptions extends EscapeHatch<"GetItem"> {
  /** Strongly consistent read (default: eventually consistent). */
  readonly consistent?: boolean | undefined
  /** Only these attributes come back. */
  readonly projection?: ProjectionInput | undefined
}

/**
 * What `find` succeeds with: the item (or `undefined` when there is none) and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export interface FindResult {
  readonly item: Item | undefined
  readonly raw: GetItemCommandOutput
}

/**
 * Reads one item by its full primary key (`GetItem`).
 *
 * @example
 * import { find } from "dynofunc"
 * find("users", { id: "u1" }).description
 * // { TableName: "users", Key: { id: { S: "u1" } } }
 * find("users", { id: "u1" }, { consistent: true, projection: ["name", "roles"] })
 *
 * @since 0.1.0
 * @category services
 */
export const find = guard("GetItem", (tableName: string, key: Item, options: FindOptions = {}): Operation<"GetItem", FindResult> =>
  operation(
    "GetItem",
    plainChecks,
    {
      TableName: tableName,
      Key: toAttributeMap(key, "Key"),
      ...(options.consistent !== undefined && { ConsistentRead: options.consistent })
    },
    compileProjectionInto,
    options.projection,
    options.input,
    decodeItem
  ))
