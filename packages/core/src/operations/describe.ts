/**
 * The `describe` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { DescribeTableCommandOutput, TableDescription } from "@aws-sdk/client-dynamodb"
import { guard } from "../internal/input/guard.js"
import { make, type Operation } from "../Operation.js"

/**
 * What `describe` succeeds with: the table's description and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export interface DescribeResult {
  readonly table: TableDescription | undefined
  readonly raw: DescribeTableCommandOutput
}

/**
 * Reads a table's description: status, keys, indexes, item count (`DescribeTable`).
 *
 * @example
 * import { describe } from "dynofunc"
 * describe("users").description // { TableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const describe = guard("DescribeTable", (tableName: string): Operation<"DescribeTable", DescribeResult> =>
  make({
    name: "DescribeTable",
    description: { TableName: tableName },
    decode: (raw) => ({ table: raw.Table, raw })
  }))
