/**
 * The `query` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { QueryCommandInput, QueryCommandOutput } from "@aws-sdk/client-dynamodb"
import { operation, type EscapeHatch } from "../internal/builders/build.js"
import { compileInto } from "../Expression.js"
import { guard, refuseArgument } from "../internal/input/guard.js"
import { readFields, readResult, type ReadOptions, type ReadResult } from "../internal/builders/read.js"
import type { KeyConditionInput, KeySchema } from "../KeyCondition.js"
import type { Operation } from "../Operation.js"
import { construct } from "../internal/builders/construct.js"
import { queryChecks } from "../internal/input/limits.js"

/**
 * Options of `query`.
 *
 * @since 0.1.0
 * @category models
 */
export interface QueryOptions extends ReadOptions, EscapeHatch<"Query"> {
  /** Sort-key order: `"asc"` (the default) or `"desc"`. */
  readonly order?: "asc" | "desc" | undefined
  /** The key attributes of the table or index queried: when given, the key condition is checked against them. */
  readonly keySchema?: KeySchema | undefined
}

/**
 * What `query` succeeds with: one page. `Pages.items(op)` / `Pages.pages(op)` read every page as a `Stream`.
 *
 * @since 0.1.0
 * @category models
 */
export type QueryResult = ReadResult<QueryCommandOutput>

function buildQuery(tableName: string, keyCondition: KeyConditionInput, options?: QueryOptions): Operation<"Query", QueryResult>
function buildQuery(input: QueryCommandInput): Operation<"Query", QueryResult>
function buildQuery(target: string | QueryCommandInput, keyCondition?: KeyConditionInput, options: QueryOptions = {}): Operation<"Query", QueryResult> {
  if (typeof target !== "string") return construct({ name: "Query", description: { ...target }, decode: readResult }, queryChecks)
  if (options.order !== undefined && options.order !== "asc" && options.order !== "desc") {
    refuseArgument("order", `${JSON.stringify(options.order)} is not "asc" or "desc"`)
  }
  return operation(
    "Query",
    queryChecks,
    {
      TableName: target,
      ...readFields(options),
      ...(options.order !== undefined && { ScanIndexForward: options.order === "asc" })
    },
    compileInto,
    {
      keyCondition,
      keySchema: options.keySchema,
      filter: options.filter,
      projection: options.projection,
      names: options.names,
      values: options.values
    },
    options.input,
    readResult
  )
}

/**
 * Reads the items of one partition, optionally narrowed on the sort key (`Query`). The key condition is
 * `{ partitionKey: value }`, or an equality on the partition key `cand`-ed with a condition on the sort key
 * (multi-attribute keys: see `KeyCondition`). Given the SDK input instead, it sends that input as is; either way
 * the items come back as plain JS. `execute` reads one page (at most 1 MB, or `limit` items); `Pages.items(op)`
 * streams the items of every page, `Pages.count(op)` counts them, and `Cursor` turns the position after a page into
 * a signed string to resume from.
 *
 * @example
 * import { query, cand, attr } from "dynofunc"
 * query("posts", cand(attr("author").equals("ada"), attr("date").beginsWith("2026-")), { order: "desc", limit: 10 })
 * // KeyConditionExpression: "#n0 = :v0 AND begins_with(#n1, :v1)", ScanIndexForward: false, Limit: 10
 * query("posts", { author: "ada" })
 * query({ TableName: "posts", KeyConditionExpression: "author = :a", ExpressionAttributeValues: { ":a": { S: "ada" } } })
 *
 * @since 0.1.0
 * @category services
 */
export const query = guard("Query", buildQuery)
