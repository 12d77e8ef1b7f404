/**
 * The errors of reading a change stream beside the Streams API's own: a table without a stream, records lost to the
 * stream's 24-hour retention, a stream deleted while it was read, a shard lease taken over by another consumer, and a
 * change image its entity's Schema refuses.
 * Each says what was not delivered.
 *
 * @example
 * import { Effect, Stream } from "effect"
 * import { ChangeStream } from "dynofunc"
 *
 * ChangeStream.records({ table: "users" }).pipe(
 *   Stream.runDrain,
 *   Effect.catchTag("TrimmedRecordsError", (error) => Effect.logError(`lost after ${error.after} in ${error.shardId}`))
 * )
 *
 * @since 0.1.0
 */
import { Data } from "effect"
import type { ChangeRecord } from "@dynofunc/core/ChangeRecord"

/**
 * The table has no stream to read (`StreamSpecification` off): turn it on with `updateTable(name, { stream: … })`
 * or `create(…, { stream: … })`.
 *
 * @example
 * import { StreamNotEnabledError } from "dynofunc"
 * new StreamNotEnabledError({ table: "users", message: "users has no stream" }).table // "users"
 *
 * @since 0.1.0
 * @category errors
 */
export class StreamNotEnabledError extends Data.TaggedError("StreamNotEnabledError")<{
  readonly table: string
  readonly message: string
}> {}

/**
 * Records of shard `shardId` were trimmed (older than the stream's 24 hours) before they were read: what came after
 * sequence number `after` (from the shard's start when `undefined`) up to the oldest record still kept is lost.
 *
 * @example
 * import { TrimmedRecordsError } from "dynofunc"
 * new TrimmedRecordsError({ streamArn: "arn:…", shardId: "shardId-1", after: "100", message: "lost", cause: undefined }).after // "100"
 *
 * @since 0.1.0
 * @category errors
 */
export class TrimmedRecordsError extends Data.TaggedError("TrimmedRecordsError")<{
  readonly streamArn: string
  readonly shardId: string
  readonly after: string | undefined
  readonly message: string
  readonly cause: unknown
}> {}

/**
 * A shard that was not read to its end: its id and the last sequence number delivered from it (`undefined`: none).
 *
 * @since 0.1.0
 * @category models
 */
export interface UnfinishedShard {
  readonly shardId: string
  readonly after: string | undefined
}

/**
 * The stream (or its table) was deleted while it was read: the records of `unfinished` shards after their last
 * delivered sequence number, and of the shards not started, are not delivered.
 *
 * @example
 * import { StreamDeletedError } from "dynofunc"
 * new StreamDeletedError({ streamArn: "arn:…", unfinished: [{ shardId: "shardId-1", after: "7" }], message: "gone", cause: undefined }).unfinished
 *
 * @since 0.1.0
 * @category errors
 */
export class StreamDeletedError extends Data.TaggedError("StreamDeletedError")<{
  readonly streamArn: string
  readonly unfinished: ReadonlyArray<UnfinishedShard>
  readonly message: string
  readonly cause: unknown
}> {}

/**
 * Another consumer took over the lease of shard `shardId` (this one's expired: it did not renew in time), or it was
 * removed from the lease table: what a checkpoint store's `save` and `renew` fail with. `ChangeStream.consume` does
 * not fail with it: it stops that shard alone (drops its batches not processed yet, leaves its children) and claims it
 * again once it is free; records processed since its last checkpoint are delivered again to the new owner.
 *
 * @example
 * import { LeaseLostError } from "dynofunc"
 * new LeaseLostError({ streamArn: "arn:…", shardId: "shardId-1", owner: "worker-a", message: "lost" }).owner // "worker-a"
 *
 * @since 0.1.0
 * @category errors
 */
export class LeaseLostError extends Data.TaggedError("LeaseLostError")<{
  readonly streamArn: string
  readonly shardId: string
  /** This consumer's owner name. */
  readonly owner: string
  readonly message: string
}> {}

/**
 * A change image did not decode with its entity's Schema (or named no known entity): `record` is the record as it
 * came, `image` which of its images failed, `issue` why.
 *
 * @example
 * import { ChangeRecord, ChangeDecodeError } from "dynofunc"
 * declare const record: ChangeRecord.ChangeRecord
 * new ChangeDecodeError({ record, image: "newImage", issue: "email: expected a string", message: "undecodable", cause: undefined }).record.sequenceNumber
 *
 * @since 0.1.0
 * @category errors
 */
export class ChangeDecodeError extends Data.TaggedError("ChangeDecodeError")<{
  readonly record: ChangeRecord
  readonly image: "newImage" | "oldImage"
  readonly issue: string
  readonly message: string
  readonly cause: unknown
}> {}
