/**
 * The `batchGetItem` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { BatchGetItemCommandInput, BatchGetItemCommandOutput, KeysAndAttributes } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../InputProblem.js"
import { compile, type ProjectionInput } from "../Expression.js"
import type { EscapeHatch } from "../internal/builders/build.js"
import { fromAttributeMap } from "../internal/values/fromAttributeValue.js"
import { readList, readOptionalKey, readRecord } from "../internal/values/responses.js"
import { toAttributeMap } from "../internal/values/toAttributeValue.js"
import { make, type Operation } from "../Operation.js"
import type { Item } from "../Value.js"
import { guard, refuseArgument } from "../internal/input/guard.js"

/**
 * The keys to read from one table, with how to read them.
 *
 * @since 0.1.0
 * @category models
 */
export interface BatchGetTable {
  readonly keys: ReadonlyArray<Item>
  /** Strongly consistent reads (default: eventually consistent). */
  readonly consistent?: boolean | undefined
  /** Only these attributes come back (include the key attributes to tell the items apart). */
  readonly projection?: ProjectionInput | undefined
}

/**
 * What `batchGetItem` reads: table name → its keys (or its keys with options).
 *
 * @since 0.1.0
 * @category models
 */
export type BatchGetRequests = { readonly [tableName: string]: ReadonlyArray<Item> | BatchGetTable }

/**
 * What `batchGetItem` succeeds with.
 *
 * @since 0.1.0
 * @category models
 */
export interface BatchGetResult {
  /** Table name → the items found, as plain JS, in no particular order. */
  readonly items: Readonly<Record<string, ReadonlyArray<Item>>>
  /**
   * Table name → the keys DynamoDB did not get to (throttling or the 16 MB response limit); empty when all were
   * read. `batchGetItem({ RequestItems: result.raw.UnprocessedKeys })` asks again with the same options;
   * `BatchGet.run` does that for you, with backoff.
   */
  readonly unprocessed: Readonly<Record<string, ReadonlyArray<Item>>>
  readonly raw: BatchGetItemCommandOutput
}

const decode = (raw: BatchGetItemCommandOutput): BatchGetResult => ({
  items: readRecord(raw.Responses, "Responses", (items) => readList(items, "", fromAttributeMap)),
  unprocessed: readRecord(raw.UnprocessedKeys, "UnprocessedKeys", (request) => readList(request.Keys, "Keys", (key) => readOptionalKey(key, "")!)),
  raw
})

const isObject = (value: unknown): value is object => typeof value === "object" && value !== null && !Array.isArray(value)

/** The SDK input form: `RequestItems` is table → `KeysAndAttributes` (objects, never arrays). */
const isInput = (target: BatchGetRequests | BatchGetItemCommandInput): target is BatchGetItemCommandInput => {
  const requestItems = (target as { RequestItems?: unknown }).RequestItems
  return isObject(requestItems) && Object.values(requestItems).every(isObject)
}

const tableRequest = (
  tableName: string,
  request: ReadonlyArray<Item> | BatchGetTable,
  problems: Array<InputProblem>
): KeysAndAttributes => {
  const spec: BatchGetTable = Array.isArray(request) ? { keys: request } : (request as BatchGetTable)
  if (!Array.isArray(spec.keys)) refuseArgument(tableName, "a table's reads are a list of keys, or { keys, consistent, projection }")
  const compiled = compile({ projection: spec.projection })
  problems.push(...compiled.problems.map((problem) => ({ ...problem, part: `RequestItems.${tableName}.${problem.part}` })))
  return {
    Keys: spec.keys.map((key, index) => toAttributeMap(key, `RequestItems.${tableName}.Keys[${index}]`)),
    ...(spec.consistent !== undefined && { ConsistentRead: spec.consistent }),
    ...compiled.fields
  }
}

function buildBatchGetItem(requests: BatchGetRequests, options?: EscapeHatch<"BatchGetItem">): Operation<"BatchGetItem", BatchGetResult>
function buildBatchGetItem(input: BatchGetItemCommandInput): Operation<"BatchGetItem", BatchGetResult>
function buildBatchGetItem(
  target: BatchGetRequests | BatchGetItemCommandInput,
  options: EscapeHatch<"BatchGetItem"> = {}
): Operation<"BatchGetItem", BatchGetResult> {
  if (isInput(target)) return make({ name: "BatchGetItem", description: { ...target }, decode })
  const problems: Array<InputProblem> = []
  const requests = target as BatchGetRequests
  return make({
    name: "BatchGetItem",
    description: {
      RequestItems: Object.fromEntries(
        Object.entries(requests).map(([tableName, request]) => [tableName, tableRequest(tableName, request, problems)])
      ),
      ...options.input
    },
    decode,
    problems
  })
}

/**
 * Reads up to 100 items by key from one or more tables (`BatchGetItem`). Give table name → keys (plain JS), or
 * table name → `{ keys, consistent, projection }`; or the SDK input. Keys DynamoDB did not get to come back in
 * `unprocessed`. `BatchGet.run` (or `BatchGet.stream`) reads any number of keys and retries those for you.
 *
 * @example
 * import { batchGetItem } from "dynofunc"
 * batchGetItem({ users: [{ id: "u1" }, { id: "u2" }], orders: { keys: [{ id: "o1" }], projection: ["id", "total"] } })
 * // succeeds with { items: { users: [{ id: "u1", … }], orders: [{ id: "o1", total: 10 }] }, unprocessed: {}, raw }
 *
 * @since 0.1.0
 * @category services
 */
export const batchGetItem = guard("BatchGetItem", buildBatchGetItem)
