import type { DescribeTableCommandOutput, TableDescription } from "@aws-sdk/client-dynamodb"
import { guard } from "../internal/input/guard.js"
import { make, type Operation } from "../Operation.js"

/** What `describe` succeeds with: the table's description and the SDK output. */
export interface DescribeResult {
  readonly table: TableDescription | undefined
  readonly raw: DescribeTableCommandOutput
}

/**
 * Reads a table's description: status, keys, indexes, item count (`DescribeTable`).
 *
 * @example
 * describe("users").description // { TableName: "users" }
 */
export const describe = guard("DescribeTable", (tableName: string): Operation<"DescribeTable", DescribeResult> =>
  make({
    name: "DescribeTable",
    description: { TableName: tableName },
    decode: (raw) => ({ table: raw.Table, raw })
  }))
