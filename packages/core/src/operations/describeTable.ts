import { byName } from "../internal/builders/passThrough.js"
import type { DescribeResult } from "./describe.js"

/**
 * Reads a table's description: status, keys, indexes, item count (`DescribeTable`). Give the table name (then it
 * is `describe`), or the SDK input.
 *
 * @example
 * describeTable("users").description // { TableName: "users" }
 */
export const describeTable = /* @__PURE__ */ byName(
  "DescribeTable",
  "TableName",
  (raw): DescribeResult => ({ table: raw.Table, raw })
)
