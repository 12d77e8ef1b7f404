import { ScanCommand, type ScanCommandOutput } from "@aws-sdk/client-dynamodb"
import { operation, type EscapeHatch } from "../internal/build.js"
import { readFields, readResult, type ReadOptions, type ReadResult } from "../internal/read.js"
import type { Operation } from "../Operation.js"

/** Options of `scan`. */
export interface ScanOptions extends ReadOptions, EscapeHatch<"Scan"> {
  /** Read one segment of a parallel scan: `{ segment: 0, of: 4 }` … `{ segment: 3, of: 4 }`. */
  readonly segment?: { readonly segment: number; readonly of: number } | undefined
}

/** What `scan` succeeds with: one page. */
export type ScanResult = ReadResult<ScanCommandOutput>

/**
 * Reads every item of a table or index, a page at a time (`Scan`).
 *
 * @example
 * scan("users", { filter: attr("age").gte(18), projection: ["id", "name"] })
 * // FilterExpression: "#n0 >= :v0", ProjectionExpression: "#n1, #n2"
 */
export const scan = (tableName: string, options: ScanOptions = {}): Operation<"Scan", ScanResult> =>
  operation(
    "Scan",
    ScanCommand,
    {
      TableName: tableName,
      ...readFields(options),
      ...(options.segment !== undefined && { Segment: options.segment.segment, TotalSegments: options.segment.of })
    },
    { filter: options.filter, projection: options.projection, names: options.names, values: options.values },
    options.input,
    readResult
  )
