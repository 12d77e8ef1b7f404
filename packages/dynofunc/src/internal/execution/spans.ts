/**
 * The attributes of a call's span, by the OpenTelemetry conventions for DynamoDB (`db.system.name`, `rpc.*`,
 * `cloud.region`, `aws.request_id`, `aws.dynamodb.*`). Unlike the official instrumentation, falsy values (`false`,
 * `0`) are recorded. Only names, counts and settings: never a key, an item or an expression value.
 */
import type { Tracer } from "effect"

/** Request fields recorded as they are, when they have the expected type. */
const requestFields: ReadonlyArray<readonly [field: string, attribute: string, type: "string" | "number" | "boolean"]> = [
  ["IndexName", "aws.dynamodb.index_name", "string"],
  ["Limit", "aws.dynamodb.limit", "number"],
  ["ProjectionExpression", "aws.dynamodb.projection", "string"],
  ["ScanIndexForward", "aws.dynamodb.scan_forward", "boolean"],
  ["Segment", "aws.dynamodb.segment", "number"],
  ["TotalSegments", "aws.dynamodb.total_segments", "number"],
  ["Select", "aws.dynamodb.select", "string"],
  ["ConsistentRead", "aws.dynamodb.consistent_read", "boolean"]
]

/** The actions of a transaction, each holding its table name under one of these. */
const actionKinds = ["Put", "Update", "Delete", "ConditionCheck", "Get"] as const

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null

/** The tables a request touches: its `TableName`, the tables of a batch's `RequestItems`, or of a transaction's actions. */
const tableNames = (description: Record<string, unknown>): ReadonlyArray<string> | undefined => {
  if (typeof description["TableName"] === "string") return [description["TableName"]]
  const requestItems = description["RequestItems"]
  if (isObject(requestItems)) return Object.keys(requestItems)
  const actions = description["TransactItems"]
  if (!Array.isArray(actions)) return undefined
  const names = new Set<string>()
  for (const action of actions) {
    if (!isObject(action)) continue
    for (const kind of actionKinds) {
      const target = action[kind]
      if (isObject(target) && typeof target["TableName"] === "string") names.add(target["TableName"])
    }
  }
  return [...names]
}

/**
 * The span attributes known before sending `operation`'s request with `description`, to a client in `region`.
 *
 * @example
 * import { requestAttributes } from "./spans.js"
 * requestAttributes("Query", { TableName: "posts", Limit: 0, ScanIndexForward: false }, "eu-west-1")
 * // { "db.system.name": "aws.dynamodb", "rpc.method": "Query", "aws.dynamodb.limit": 0, "aws.dynamodb.scan_forward": false, … }
 */
export const requestAttributes = (operation: string, description: unknown, region: string | undefined): Record<string, unknown> => {
  const attributes: Record<string, unknown> = {
    "db.system.name": "aws.dynamodb",
    "rpc.system": "aws-api",
    "rpc.service": "DynamoDB",
    "rpc.method": operation
  }
  if (region !== undefined) attributes["cloud.region"] = region
  if (!isObject(description)) return attributes
  const tables = tableNames(description)
  if (tables !== undefined && tables.length > 0) attributes["aws.dynamodb.table_names"] = tables
  for (const [field, attribute, type] of requestFields) {
    if (typeof description[field] === type) attributes[attribute] = description[field]
  }
  return attributes
}

/**
 * Records on `span` what the response (or the error) tells: the request id, `Count`, `ScannedCount`, and
 * `ConsumedCapacity` (each entry as JSON, as the conventions ask).
 *
 * @example
 * import { Effect } from "effect"
 * import { recordResponse } from "./spans.js"
 *
 * Effect.useSpan("DynamoDB.Scan", (span) => Effect.sync(() => recordResponse(span, { Count: 0, ScannedCount: 10, $metadata: { requestId: "R1" } })))
 */
export const recordResponse = (span: Tracer.Span, output: unknown): void => {
  if (!isObject(output)) return
  try {
    recordFields(span, output)
  } catch {
    // A response that cannot be read is reported by its decoding, not by its span.
  }
}

const recordFields = (span: Tracer.Span, output: Record<string, unknown>): void => {
  const metadata = output["$metadata"]
  if (isObject(metadata) && typeof metadata["requestId"] === "string") span.attribute("aws.request_id", metadata["requestId"])
  if (typeof output["requestId"] === "string") span.attribute("aws.request_id", output["requestId"])
  if (typeof output["Count"] === "number") span.attribute("aws.dynamodb.count", output["Count"])
  if (typeof output["ScannedCount"] === "number") span.attribute("aws.dynamodb.scanned_count", output["ScannedCount"])
  const consumed = output["ConsumedCapacity"]
  if (consumed !== undefined) {
    span.attribute("aws.dynamodb.consumed_capacity", (Array.isArray(consumed) ? consumed : [consumed]).map((entry) => JSON.stringify(entry)))
  }
}
