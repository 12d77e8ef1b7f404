/**
 * The `scan` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { ScanCommandInput, ScanCommandOutput } from "@aws-sdk/client-dynamodb"
import { operation, type EscapeHatch } from "../internal/builders/build.js"
import { compileInto } from "../Expression.js"
import { guard } from "../internal/input/guard.js"
import { readFields, readResult, type ReadOptions, type ReadResult } from "../internal/builders/read.js"
import type { Operation } from "../Operation.js"
import { construct } from "../internal/builders/construct.js"
import { plainChecks } from "../internal/input/limits.js"

/**
 * Options of `scan`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ScanOptions extends ReadOptions, EscapeHatch<"Scan"> {
  /** Read one segment of a parallel scan: `{ segment: 0, of: 4 }` … `{ segment: 3, of: 4 }`. */
  readonly segment?: { readonly segment: number; readonly of: number } | undefined
}

/**
 * What `scan` succeeds with: one page.
 *
 * @since 0.1.0
 * @category models
 */
export type ScanResult = ReadResult<ScanCommandOutput>

function buildScan(tableName: string, options?: ScanOptions): Operation<"Scan", ScanResult>
function buildScan(input: ScanCommandInput): Operation<"Scan", ScanResult>
function buildScan(target: string | ScanCommandInput, options: ScanOptions = {}): Operation<"Scan", ScanResult> {
  if (typeof target !== "string") return construct({ name: "Scan", description: { ...target }, decode: readResult }, plainChecks)
  return operation(
    "Scan",
    plainChecks,
    {
      TableName: target,
      ...readFields(options),
      ...(options.segment !== undefined && { Segment: options.segment.segment, TotalSegments: options.segment.of })
    },
    compileInto,
    { filter: options.filter, projection: options.projection, names: options.names, values: options.values },
    options.input,
    readResult
  )
}

/**
 * Reads every item of a table or index, a page at a time (`Scan`). Given the SDK input instead, it sends that input
 * as is; either way the items come back as plain JS. `execute` reads one page; `Pages.items(op)` streams the items
 * of every page, `Pages.parallelScan(op, { segments })` reads segments in parallel (so `segment` is rarely set by
 * hand), `Pages.count(op)` counts, and `Cursor` makes a resumable position of a page.
 *
 * @example
 * import { scan, attr } from "dynofunc"
 * scan("users", { filter: attr("age").gte(18), projection: ["id", "name"] })
 * // FilterExpression: "#n0 >= :v0", ProjectionExpression: "#n1, #n2"
 * scan({ TableName: "users", Limit: 10 })
 *
 * @since 0.1.0
 * @category services
 */
export const scan = guard("Scan", buildScan)
