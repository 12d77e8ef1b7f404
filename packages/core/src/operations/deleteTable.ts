import type { DeleteTableCommandOutput, TableDescription } from "@aws-sdk/client-dynamodb"
import { byName } from "../internal/builders/passThrough.js"

/** What `deleteTable` succeeds with: the table's description as deletion starts, and the SDK output. */
export interface DeleteTableResult {
  readonly table: TableDescription | undefined
  readonly raw: DeleteTableCommandOutput
}

/**
 * Deletes a table and all its items (`DeleteTable`). Give the table name, or the SDK input. Use
 * `deleteTableAndWait` to wait until it is gone.
 *
 * @example
 * deleteTable("users").description // { TableName: "users" }
 */
export const deleteTable = /* @__PURE__ */ byName(
  "DeleteTable",
  "TableName",
  (raw): DeleteTableResult => ({ table: raw.TableDescription, raw })
)
