/**
 * The `describeTable` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"
import type { DescribeResult } from "./describe.js"

/**
 * Reads a table's description: status, keys, indexes, item count (`DescribeTable`). Give the table name (then it
 * is `describe`), or the SDK input.
 *
 * @example
 * import { describeTable } from "dynofunc"
 * describeTable("users").description // { TableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const describeTable = /* @__PURE__ */ byName(
  "DescribeTable",
  "TableName",
  (raw): DescribeResult => ({ table: raw.Table, raw })
)
