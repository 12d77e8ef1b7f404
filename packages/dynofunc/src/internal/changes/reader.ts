/**
 * Reading a DynamoDB stream: a coordinator that lists the shards (`DescribeStream`, every page) again whenever a shard
 * ends and every `discoveryInterval`, and starts a reader for each shard whose parent has been read to its end, at
 * most `concurrency` at once. A reader asks `GetShardIterator` for its start, then `GetRecords` until the iterator
 * ends, waiting `pollInterval` after an empty answer, and renewing an expired iterator after the last record it read.
 * Batches go through a bounded queue (the consumer's pace sets the reads'); every fiber lives in the stream's scope.
 */
import type { Shard, ShardIteratorType } from "@aws-sdk/client-dynamodb-streams"
import { Effect, Queue, type Scope } from "effect"
import * as A from "#adapter"
import { type ChangeRecord, fromRaw, type RawRecord } from "@dynofunc/core/ChangeRecord"
import { readList } from "@dynofunc/core/internal/values/marshal"
import { StreamDeletedError, TrimmedRecordsError } from "../../ChangeStreamError.js"
import type { MalformedResponseError } from "../../DynamoError.js"
import { malformedResponse } from "../execution/toDynamoError.js"
import { call, type StreamsClient, type StreamsError } from "./api.js"

/** Where to start reading a shard: a saved position (after or at a sequence number), or the shard's end (`ended`). */
export type Position = { readonly after: string } | { readonly at: string } | "ended"

/** How a stream is read. */
export interface ReadOptions {
  /**
   * Where to start the shards that have no saved position and exist when reading starts: `trim-horizon` (the oldest
   * record kept, the default) or `latest` (only changes from now; closed shards are skipped). Shards that appear
   * later are always read from their start.
   */
  readonly start?: "trim-horizon" | "latest" | undefined
  /** Saved positions by shard id (a `Checkpoint`'s): those shards go on from there. */
  readonly positions?: Readonly<Record<string, Position>> | undefined
  /** Shards read at once, at most (default 16). A child shard waits for its parent in any case. */
  readonly concurrency?: number | undefined
  /** How long to wait after a `GetRecords` that brought nothing before asking again (default 1 second). */
  readonly pollInterval?: A.DurationInput | undefined
  /** How often to list the shards for new ones besides when a shard ends (default 10 seconds). */
  readonly discoveryInterval?: A.DurationInput | undefined
  /** Records per `GetRecords`, at most (DynamoDB's default and maximum: 1000). */
  readonly limit?: number | undefined
  /** Batches read ahead of the consumer, at most (default 16). */
  readonly buffer?: number | undefined
}

/** What one `GetRecords` brought from a shard, in order; `end` when the shard has been read to its end. */
export interface ShardBatch {
  readonly shardId: string
  /** The shard's parent, when it has one (its batches all came before this shard's). */
  readonly parentShardId?: string | undefined
  readonly records: ReadonlyArray<ChangeRecord>
  readonly end: boolean
}

/** The errors of reading a stream. */
export type ReadError = StreamsError | TrimmedRecordsError | StreamDeletedError | MalformedResponseError

type Start = Exclude<Position, "ended"> | "trim-horizon" | "latest"

/**
 * Asked before a shard is started: its saved position (`undefined`: none), or `taken` when another consumer reads it
 * (it is asked again at the next listing; a parent read elsewhere is done once its claim answers `ended`).
 */
export type Claim<E, R> = (shardId: string) => Effect.Effect<Position | undefined | "taken", E, R>

interface KnownShard {
  readonly parent: string | undefined
  /** Listed by the first `DescribeStream`, and then closed: what `start: "latest"` needs. */
  readonly initial: boolean
  readonly closed: boolean
  state: "waiting" | "running" | "done"
}

type Event = { readonly shard: string; readonly error?: undefined } | { readonly shard: string; readonly error: ReadError }

const iteratorInput = (start: Start): { readonly ShardIteratorType: ShardIteratorType; readonly SequenceNumber?: string } =>
  start === "latest" ? { ShardIteratorType: "LATEST" }
  : start === "trim-horizon" ? { ShardIteratorType: "TRIM_HORIZON" }
  : "after" in start ? { ShardIteratorType: "AFTER_SEQUENCE_NUMBER", SequenceNumber: start.after }
  : { ShardIteratorType: "AT_SEQUENCE_NUMBER", SequenceNumber: start.at }

/** The stream's status and every shard of it, over all pages of `DescribeStream`. */
const describeAll = (streamArn: string): Effect.Effect<{ readonly status: string | undefined; readonly shards: ReadonlyArray<Shard> }, StreamsError, StreamsClient> => {
  const page = (from: string | undefined, shards: Array<Shard>): Effect.Effect<{ readonly status: string | undefined; readonly shards: ReadonlyArray<Shard> }, StreamsError, StreamsClient> =>
    Effect.flatMap(call("DescribeStream", { StreamArn: streamArn, ...(from !== undefined && { ExclusiveStartShardId: from }) }), (output) => {
      const description = output.StreamDescription
      shards.push(...(description?.Shards ?? []))
      const next = description?.LastEvaluatedShardId
      return next === undefined ? Effect.succeed({ status: description?.StreamStatus, shards }) : page(next, shards)
    })
  return page(undefined, [])
}

/** The records of a `GetRecords` output, or the `MalformedResponseError` saying what in them is not a stream record. */
const recordsOf = (records: ReadonlyArray<unknown> | undefined, shardId: string): Effect.Effect<ReadonlyArray<ChangeRecord>, MalformedResponseError> => {
  try {
    return Effect.succeed(readList(records as ReadonlyArray<RawRecord> | undefined, "Records", (raw) => fromRaw(raw, shardId)))
  } catch (error) {
    return Effect.fail(malformedResponse("GetRecords", error))
  }
}

/**
 * Reads shard `shardId` from `start` to its end, offering each non-empty batch (and a last one with `end`); `last`
 * is kept up to date with the last sequence number offered.
 */
const readShard = (
  streamArn: string,
  shardId: string,
  parentShardId: string | undefined,
  start: Start,
  options: ReadOptions,
  offer: (batch: ShardBatch) => Effect.Effect<void>,
  last: Map<string, string>
): Effect.Effect<void, ReadError, StreamsClient> => {
  const poll = A.decodeDuration(options.pollInterval ?? "1 second")
  const limit = options.limit === undefined ? {} : { Limit: options.limit }
  let after = typeof start === "object" && "after" in start ? start.after : undefined
  const batch = (records: ReadonlyArray<ChangeRecord>, end: boolean): ShardBatch => ({ shardId, ...(parentShardId !== undefined && { parentShardId }), records, end })
  const iterator = (): Effect.Effect<string | undefined, StreamsError, StreamsClient> =>
    Effect.map(
      call("GetShardIterator", { StreamArn: streamArn, ShardId: shardId, ...iteratorInput(after === undefined ? start : { after }) }),
      (output) => output.ShardIterator
    )
  const read = (current: string | undefined): Effect.Effect<void, ReadError, StreamsClient> => {
    if (current === undefined) return offer(batch([], true))
    return Effect.flatMap(
      Effect.catchTag(call("GetRecords", { ShardIterator: current, ...limit }), "ExpiredIteratorError", () => Effect.succeed(undefined)),
      (output) => {
        if (output === undefined) return Effect.flatMap(iterator(), read)
        return Effect.flatMap(recordsOf(output.Records, shardId), (records) => {
          const next = output.NextShardIterator
          const delivered = records.length > 0 || next === undefined ? offer(batch(records, next === undefined)) : Effect.void
          return Effect.flatMap(delivered, () => {
            if (records.length > 0) {
              after = records[records.length - 1]!.sequenceNumber
              last.set(shardId, after)
            }
            if (next === undefined) return Effect.void
            return records.length > 0 ? read(next) : Effect.flatMap(Effect.sleep(poll), () => read(next))
          })
        })
      }
    )
  }
  return Effect.catchTag(Effect.flatMap(iterator(), read), "TrimmedDataAccessError", (cause) =>
    Effect.fail(
      new TrimmedRecordsError({
        streamArn,
        shardId,
        after,
        message: `${shardId}: records ${after === undefined ? "from the shard's start" : `after ${after}`} were trimmed (older than 24 hours) before they were read`,
        cause
      })
    ))
}

/**
 * The claim of a reader without checkpoints: the shard's position in `options.positions`.
 *
 * @example
 * import { savedPositions } from "./reader.js"
 * savedPositions({ positions: { "shardId-1": { after: "100" } } })("shardId-1") // succeeds with { after: "100" }
 */
export const savedPositions = (options: ReadOptions): Claim<never, never> => (shardId) => Effect.succeed(options.positions?.[shardId])

/**
 * Reads the stream `streamArn` into `offer`, until it is disabled and read to its end (or fails): the coordinator.
 * Each shard is claimed (`claim`) before it is started.
 *
 * @example
 * import { Effect } from "effect"
 * import { coordinate, savedPositions } from "./reader.js"
 * declare const arn: string
 * Effect.scoped(coordinate(arn, {}, (batch) => Effect.log(batch.records.length), savedPositions({})))
 */
export const coordinate = <E, R>(
  streamArn: string,
  options: ReadOptions,
  offer: (batch: ShardBatch) => Effect.Effect<void>,
  claim: Claim<E, R>
): Effect.Effect<void, ReadError | E, StreamsClient | Scope.Scope | R> =>
  Effect.gen(function* () {
    const scope = yield* Effect.scope
    const events = yield* Queue.unbounded<Event>()
    const shards = new Map<string, KnownShard>()
    const last = new Map<string, string>()
    const concurrency = Math.max(1, options.concurrency ?? 16)
    const discovery = A.decodeDuration(options.discoveryInterval ?? "10 seconds")
    let running = 0
    let first = true
    const deleted = (cause: unknown) =>
      new StreamDeletedError({
        streamArn,
        unfinished: [...shards].filter(([, shard]) => shard.state !== "done").map(([shardId]) => ({ shardId, after: last.get(shardId) })),
        message: `the stream ${streamArn} was deleted while it was read`,
        cause
      })
    const startOf = (shard: KnownShard, saved: Position | undefined): Start | "ended" =>
      saved !== undefined ? saved : shard.initial && options.start === "latest" ? (shard.closed ? "ended" : "latest") : "trim-horizon"
    while (true) {
      const description = yield* Effect.catchTag(describeAll(streamArn), "ResourceNotFoundError", (cause) => Effect.fail(deleted(cause)))
      for (const shard of description.shards) {
        if (shard.ShardId === undefined || shards.has(shard.ShardId)) continue
        const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined
        shards.set(shard.ShardId, { parent: shard.ParentShardId, initial: first, closed, state: "waiting" })
      }
      first = false
      for (const [shardId, shard] of shards) {
        if (running >= concurrency) break
        const parent = shard.parent === undefined ? undefined : shards.get(shard.parent)
        if (shard.state !== "waiting" || (parent !== undefined && parent.state !== "done")) continue
        const claimed = yield* claim(shardId)
        if (claimed === "taken") continue
        const start = startOf(shard, claimed)
        if (start === "ended") {
          shard.state = "done"
          continue
        }
        shard.state = "running"
        running++
        yield* Effect.forkIn(
          Effect.matchEffect(readShard(streamArn, shardId, shard.parent, start, options, offer, last), {
            onFailure: (error) => Queue.offer(events, { shard: shardId, error }),
            onSuccess: () => Queue.offer(events, { shard: shardId })
          }),
          scope
        )
      }
      if (description.status === "DISABLED" && [...shards.values()].every((shard) => shard.state === "done")) return
      const event = yield* Effect.race(Queue.take(events), Effect.as(Effect.sleep(discovery), undefined))
      if (event === undefined) continue
      if (event.error !== undefined) return yield* Effect.fail(event.error._tag === "ResourceNotFoundError" ? deleted(event.error) : event.error)
      shards.get(event.shard)!.state = "done"
      running--
    }
  })
