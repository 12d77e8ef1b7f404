/** What `query` and `scan` share: their read options and their result. */
import type { QueryCommandOutput, ScanCommandOutput, Select } from "@aws-sdk/client-dynamodb"
import type { Condition } from "../../Condition.js"
import type { ProjectionInput } from "../../Expression.js"
import type { Item } from "../../Value.js"
import { optionalKey, type RawPlaceholders } from "./build.js"
import { fromAttributeMap } from "../values/fromAttributeValue.js"
import { readCount, readList } from "../values/responses.js"
import { toAttributeMap } from "../values/toAttributeValue.js"

/** Options `query` and `scan` both take. */
export interface ReadOptions extends RawPlaceholders {
  /** Read a global or local secondary index instead of the table. */
  readonly index?: string | undefined
  /** Items for which this does not hold are dropped after reading (they still count against `limit`). */
  readonly filter?: Condition | undefined
  /** Only these attributes come back. */
  readonly projection?: ProjectionInput | undefined
  /** Read at most this many items (before `filter`). */
  readonly limit?: number | undefined
  /** Strongly consistent read (tables and local indexes only). */
  readonly consistent?: boolean | undefined
  /** Go on from where a previous page stopped: its `lastKey` (`Pages` does this for every page; `Cursor` from a string). */
  readonly startKey?: Item | undefined
  /** `COUNT` returns only the count; `ALL_PROJECTED_ATTRIBUTES` reads an index's projection. */
  readonly select?: Select | undefined
}

/** A page of items: the items, their counts, where to go on from, and the SDK output. */
export interface ReadResult<Raw> {
  readonly items: ReadonlyArray<Item>
  /** Items returned (after `filter`). */
  readonly count: number
  /** Items read (before `filter`). */
  readonly scannedCount: number
  /** Pass as `startKey` for the next page (or let `Pages` read them all); `undefined` on the last page. */
  readonly lastKey: Item | undefined
  readonly raw: Raw
}

/** The SDK fields for `ReadOptions` that are not expressions. */
export const readFields = (options: ReadOptions) => ({
  ...(options.index !== undefined && { IndexName: options.index }),
  ...(options.limit !== undefined && { Limit: options.limit }),
  ...(options.consistent !== undefined && { ConsistentRead: options.consistent }),
  ...(options.startKey !== undefined && { ExclusiveStartKey: toAttributeMap(options.startKey, "ExclusiveStartKey") }),
  ...(options.select !== undefined && { Select: options.select })
})

/** The friendly page of a query or scan output. */
export const readResult = <Raw extends QueryCommandOutput | ScanCommandOutput>(raw: Raw): ReadResult<Raw> =>
  pageOf(raw, readList(raw.Items, "Items", fromAttributeMap))

/** The page of a query or scan output whose items were read already (as plain JS, or decoded by a typed read). */
export const pageOf = <Raw extends QueryCommandOutput | ScanCommandOutput, A>(raw: Raw, items: ReadonlyArray<A>) => ({
  items,
  count: readCount(raw.Count, "Count"),
  scannedCount: readCount(raw.ScannedCount, "ScannedCount"),
  lastKey: optionalKey(raw.LastEvaluatedKey, "LastEvaluatedKey"),
  raw
})
