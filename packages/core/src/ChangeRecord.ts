/**
 * One change of a table's DynamoDB stream as plain JS: what happened (`INSERT`, `MODIFY`, `REMOVE`), to which keys,
 * the item before and after (as far as the stream's view type holds them), where in the stream (shard and sequence
 * number) and about when. `ChangeStream` (reading the stream) and the Lambda adapter (a stream event) both give these.
 *
 * @example
 * import { ChangeRecord } from "@dynofunc/core"
 * const record = ChangeRecord.fromRaw({
 *   eventName: "INSERT",
 *   dynamodb: { Keys: { id: { S: "u1" } }, NewImage: { id: { S: "u1" }, n: { N: "1" } }, SequenceNumber: "100" }
 * }, "shardId-1")
 * record.newImage // { id: "u1", n: 1 }
 *
 * @since 0.1.0
 */
import type { AttributeMap, Item } from "./Value.js"
import { readRecord } from "./internal/changes/record.js"
import { readOptionalItem } from "./internal/values/responses.js"

/**
 * What a change did to its item.
 *
 * @since 0.1.0
 * @category models
 */
export type EventName = "INSERT" | "MODIFY" | "REMOVE"

/**
 * A stream record as DynamoDB Streams (`GetRecords`) or a Lambda event sends it. `ApproximateCreationDateTime` is a
 * `Date` from the SDK, epoch seconds in a Lambda event.
 *
 * @since 0.1.0
 * @category models
 */
export interface RawRecord {
  readonly eventID?: string | undefined
  readonly eventName?: string | undefined
  readonly eventVersion?: string | undefined
  readonly eventSource?: string | undefined
  readonly awsRegion?: string | undefined
  readonly dynamodb?: {
    readonly ApproximateCreationDateTime?: Date | number | undefined
    readonly Keys?: AttributeMap | undefined
    readonly NewImage?: AttributeMap | undefined
    readonly OldImage?: AttributeMap | undefined
    readonly SequenceNumber?: string | undefined
    readonly SizeBytes?: number | undefined
    readonly StreamViewType?: string | undefined
  } | undefined
  readonly userIdentity?: { readonly type?: string | undefined; readonly principalId?: string | undefined } | undefined
}

/**
 * One change, its images as plain JS (`Image`: what a typed table decodes them to).
 *
 * @since 0.1.0
 * @category models
 */
export interface ChangeRecord<Image = Item> {
  readonly event: EventName
  /** The primary key of the changed item. */
  readonly keys: Item
  /** The item before the change (`MODIFY`, `REMOVE`), when the view type holds old images. */
  readonly oldImage: Image | undefined
  /** The item after the change (`INSERT`, `MODIFY`), when the view type holds new images. */
  readonly newImage: Image | undefined
  /** The record's position in its shard: numeric, increasing within the shard. */
  readonly sequenceNumber: string
  /** About when the change was made (to the second, or to the millisecond with a Kinesis-style view). */
  readonly approximateCreationTime: Date | undefined
  readonly shardId: string
  readonly eventId: string | undefined
  /** A delete made by DynamoDB's time to live (`userIdentity` of `dynamodb.amazonaws.com`). */
  readonly expired: boolean
  /** The record as it came. */
  readonly raw: RawRecord
}

/**
 * The `ChangeRecord` of a raw stream record read from shard `shardId`; throws a `MalformedValue` naming what is
 * wrong when it is not a stream record (no event name, no sequence number, an image that is not an item).
 *
 * @example
 * import { ChangeRecord } from "dynofunc"
 * ChangeRecord.fromRaw({ eventName: "REMOVE", dynamodb: { Keys: { id: { S: "u1" } }, SequenceNumber: "7" } }, "shardId-1").keys
 * // { id: "u1" }
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromRaw = (raw: RawRecord, shardId: string): ChangeRecord => readRecord(raw, shardId, readOptionalItem)
