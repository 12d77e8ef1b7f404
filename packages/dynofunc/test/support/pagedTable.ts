/**
 * A `DynamoClient` test Layer answering `Query` and `Scan` over an in-memory table of `size` items
 * `{ id: i, even: i % 2 === 0 }` (numeric key `id`), page by page as DynamoDB does: `Limit` items a page (default 10),
 * `ExclusiveStartKey` → `LastEvaluatedKey`, `Segment`/`TotalSegments` (item `i` is in segment `i % total`),
 * `Select: "COUNT"`. Every request is recorded.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { Effect } from "effect"
import { DynamoClient } from "dynofunc"

export interface PagedTable {
  readonly layer: ReturnType<typeof DynamoClient.layerTest>
  /** The inputs of the requests sent so far, in order. */
  readonly requests: Array<Record<string, unknown>>
}

export const pagedTable = (size: number, options: { readonly failOnRequest?: number } = {}): PagedTable => {
  const requests: Array<Record<string, unknown>> = []
  const layer = DynamoClient.layerTest((request) => {
    const input = request.input as Record<string, unknown>
    requests.push(input)
    if (options.failOnRequest === requests.length) {
      return Effect.fail({ name: "ProvisionedThroughputExceededException", $fault: "client", message: "slow down" })
    }
    const total = (input["TotalSegments"] as number | undefined) ?? 1
    const segment = (input["Segment"] as number | undefined) ?? 0
    const limit = (input["Limit"] as number | undefined) ?? 10
    const after = Number((input["ExclusiveStartKey"] as Record<string, AttributeValue> | undefined)?.["id"]?.N ?? -1)
    const ids = Array.from({ length: size }, (_, i) => i).filter((i) => i % total === segment && i > after)
    const page = ids.slice(0, limit)
    const last = page.at(-1)
    return Effect.succeed({
      ...(input["Select"] !== "COUNT" && { Items: page.map((i) => ({ id: { N: String(i) }, even: { BOOL: i % 2 === 0 } })) }),
      Count: page.length,
      ScannedCount: page.length,
      ...(ids.length > limit && last !== undefined && { LastEvaluatedKey: { id: { N: String(last) } } }),
      $metadata: {}
    })
  })
  return { layer, requests }
}

/** The items of the table, as plain JS, for `ids`. */
export const itemsOf = (ids: ReadonlyArray<number>) => ids.map((id) => ({ id, even: id % 2 === 0 }))

/** `0 … n-1`. */
export const range = (n: number) => Array.from({ length: n }, (_, i) => i)
