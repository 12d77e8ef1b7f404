/**
 * The `batchWriteItem` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { BatchWriteItemCommandInput, BatchWriteItemCommandOutput, WriteRequest } from "@aws-sdk/client-dynamodb"
import { checkBatchMetrics, optionalItem, optionalKey, type EscapeHatch } from "../internal/builders/build.js"
import { MalformedValue } from "../internal/values/malformed.js"
import { readList, readRecord } from "../internal/values/responses.js"
import { toAttributeMap } from "../internal/values/toAttributeValue.js"
import { make, type Operation } from "../Operation.js"
import type { Item } from "../Value.js"
import { guard } from "../internal/input/guard.js"

/**
 * One write of a batch: a whole item to put, or the key of an item to delete.
 *
 * @since 0.1.0
 * @category models
 */
export type BatchWrite = { readonly put: Item } | { readonly delete: Item }

/**
 * What `batchWriteItem` writes: table name → its writes.
 *
 * @since 0.1.0
 * @category models
 */
export type BatchWriteRequests = { readonly [tableName: string]: ReadonlyArray<BatchWrite> }

/**
 * What `batchWriteItem` succeeds with.
 *
 * @since 0.1.0
 * @category models
 */
export interface BatchWriteResult {
  /**
   * Table name → the writes DynamoDB did not get to (throttling); empty when all were applied. Give it back to
   * `batchWriteItem` to try them again, or let `BatchWrite.run` split, send and retry any number of writes for you.
   */
  readonly unprocessed: BatchWriteRequests
  readonly raw: BatchWriteItemCommandOutput
}

const toWriteRequest = (write: BatchWrite, part: string): WriteRequest =>
  "put" in write
    ? { PutRequest: { Item: toAttributeMap(write.put, `${part}.PutRequest.Item`) } }
    : { DeleteRequest: { Key: toAttributeMap(write.delete, `${part}.DeleteRequest.Key`) } }

const fromWriteRequest = (request: WriteRequest): BatchWrite => {
  const put = optionalItem(request.PutRequest?.Item, "PutRequest.Item")
  if (put !== undefined) return { put }
  const key = optionalKey(request.DeleteRequest?.Key, "DeleteRequest.Key")
  if (key !== undefined) return { delete: key }
  throw new MalformedValue("neither a PutRequest with an Item nor a DeleteRequest with a Key")
}

const decode = (raw: BatchWriteItemCommandOutput): BatchWriteResult => {
  checkBatchMetrics(raw)
  return { unprocessed: readRecord(raw.UnprocessedItems, "UnprocessedItems", (requests) => readList(requests, "", fromWriteRequest)), raw }
}

/** The SDK input form: `RequestItems` is an object (a friendly table's writes are an array). */
const isInput = (target: BatchWriteRequests | BatchWriteItemCommandInput): target is BatchWriteItemCommandInput => {
  const requestItems = (target as { RequestItems?: unknown }).RequestItems
  return typeof requestItems === "object" && requestItems !== null && !Array.isArray(requestItems)
}

function buildBatchWriteItem(requests: BatchWriteRequests, options?: EscapeHatch<"BatchWriteItem">): Operation<"BatchWriteItem", BatchWriteResult>
function buildBatchWriteItem(input: BatchWriteItemCommandInput): Operation<"BatchWriteItem", BatchWriteResult>
function buildBatchWriteItem(
  target: BatchWriteRequests | BatchWriteItemCommandInput,
  options: EscapeHatch<"BatchWriteItem"> = {}
): Operation<"BatchWriteItem", BatchWriteResult> {
  if (isInput(target)) return make({ name: "BatchWriteItem", description: { ...target }, decode })
  const requests = target as BatchWriteRequests
  return make({
    name: "BatchWriteItem",
    description: {
      RequestItems: Object.fromEntries(Object.entries(requests).map(([table, writes]) => [table, writes.map((write, index) => toWriteRequest(write, `RequestItems.${table}[${index}]`))])),
      ...options.input
    },
    decode
  })
}

/**
 * Puts and deletes up to 25 items in one or more tables (`BatchWriteItem`); each write stands alone (no conditions,
 * no atomicity: use `transactWriteItems` for that). Give table name → `{ put: item }` / `{ delete: key }` in plain
 * JS, or the SDK input. Writes DynamoDB did not get to come back in `unprocessed`. For more than 25 writes, or to have
 * the unprocessed ones retried with backoff, use `BatchWrite.run`.
 *
 * @example
 * import { batchWriteItem } from "dynofunc"
 * batchWriteItem({ users: [{ put: { id: "u1", name: "Ada" } }, { delete: { id: "u2" } }] }).description
 * // { RequestItems: { users: [{ PutRequest: { Item: { id: { S: "u1" }, name: { S: "Ada" } } } },
 * //                           { DeleteRequest: { Key: { id: { S: "u2" } } } }] } }
 *
 * @since 0.1.0
 * @category services
 */
export const batchWriteItem = guard("BatchWriteItem", buildBatchWriteItem)
