/**
 * The `deleteTable` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { DeleteTableCommandOutput, TableDescription } from "@aws-sdk/client-dynamodb"
import { byName } from "../internal/builders/passThrough.js"

/**
 * What `deleteTable` succeeds with: the table's description as deletion starts, and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteTableResult {
  readonly table: TableDescription | undefined
  readonly raw: DeleteTableCommandOutput
}

/**
 * Deletes a table and all its items (`DeleteTable`). Give the table name, or the SDK input. Use
 * `deleteTableAndWait` to wait until it is gone.
 *
 * @example
 * import { deleteTable } from "dynofunc"
 * deleteTable("users").description // { TableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const deleteTable = /* @__PURE__ */ byName(
  "DeleteTable",
  "TableName",
  (raw): DeleteTableResult => ({ table: raw.TableDescription, raw })
)
