/**
 * Reading a DynamoDB stream: a coordinator that lists the shards (`DescribeStream`, every page) again whenever a shard
 * ends and every `discoveryInterval`, and starts a reader for each shard whose parent is done (read to its end, or
 * with `consume` processed to its end), at most `concurrency` at once. A reader asks `GetShardIterator` for its start,
 * then `GetRecords` until the iterator ends, waiting `pollInterval` after an empty answer, and renewing an expired
 * iterator after the last record it read. Batches go through a bounded queue (the consumer's pace sets the reads');
 * every fiber lives in the stream's scope. A shard whose lease is lost (`lost`) goes back to waiting: its reader is
 * stopped, its batches not processed yet are dropped (their run is no longer `live`), and it is claimed again later.
 */
import type { Shard, ShardIteratorType } from "@aws-sdk/client-dynamodb-streams"
import { Clock, Effect, Fiber, Queue, type Scope } from "effect"
import * as A from "#adapter"
import { type ChangeRecord, fromRaw, type RawRecord } from "@dynofunc/core/ChangeRecord"
import { readList } from "@dynofunc/core/internal/values/responses"
import type { Claim, Position, ReadError, ReadOptions, ShardBatch } from "../../ChangeStream.js"
import { StreamDeletedError, TrimmedRecordsError } from "../../ChangeStreamError.js"
import type { MalformedResponseError } from "../../DynamoError.js"
import type { StreamsClient, StreamsError } from "../../StreamsClient.js"
import { malformedResponse } from "../execution/toDynamoError.js"
import { call } from "./api.js"

type Start = Exclude<Position, "ended"> | "trim-horizon" | "latest"

/** One start of a shard's reader: `live` until the shard's lease is lost, and its batches not processed by then are dropped. */
export interface Run {
  readonly shardId: string
  live: boolean
}

/** A batch, with the run of the reader that read it. */
export interface Delivery {
  readonly batch: ShardBatch
  readonly run: Run
}

type Event =
  | { readonly _tag: "read"; readonly run: Run }
  | { readonly _tag: "failed"; readonly run: Run; readonly error: ReadError }
  | { readonly _tag: "processed"; readonly run: Run }
  | { readonly _tag: "lost"; readonly run: Run }

/**
 * A coordinator's link with the consumer of its batches: the events it waits on, and the current run of each shard.
 * With `processing` (`consume`), a shard read to its end is done only once the consumer has processed its end
 * (`processed`), so that its children are claimed only then.
 */
export interface Link {
  readonly processing: boolean
  readonly events: Queue.Queue<Event>
  readonly runs: Map<string, Run>
}

/**
 * A new link (see `Link`).
 *
 * @example
 * import { link } from "./reader.js"
 * const consuming = link(true)
 */
export const link = (processing: boolean): Effect.Effect<Link> =>
  Effect.map(Queue.unbounded<Event>(), (events) => ({ processing, events, runs: new Map<string, Run>() }))

/**
 * Tells the coordinator that `run`'s shard has been processed to its end: its children may start.
 *
 * @example
 * import { type Link, type Delivery, processed } from "./reader.js"
 * declare const consuming: Link
 * declare const delivery: Delivery
 * processed(consuming, delivery.run)
 */
export const processed = (link: Link, run: Run): Effect.Effect<void> => Effect.asVoid(Queue.offer(link.events, { _tag: "processed", run }))

/**
 * Gives up the shard of `run` (its lease was lost): at once no batch of `run` is processed any more; then the
 * coordinator stops its reader and lets it wait to be claimed again. `false` when `run` was no longer current.
 *
 * @example
 * import { type Link, type Delivery, lost } from "./reader.js"
 * declare const consuming: Link
 * declare const delivery: Delivery
 * lost(consuming, delivery.run)
 */
export const lost = (link: Link, run: Run): Effect.Effect<boolean> =>
  Effect.suspend(() => {
    if (link.runs.get(run.shardId) !== run) return Effect.succeed(false)
    run.live = false
    link.runs.delete(run.shardId)
    return Effect.as(Queue.offer(link.events, { _tag: "lost", run }), true)
  })

interface KnownShard {
  readonly parent: string | undefined
  /** Listed by the first `DescribeStream`, and then closed: what `start: "latest"` needs. */
  readonly initial: boolean
  readonly closed: boolean
  /** `read`: read to its end, waiting to be processed to it (with `processing`). */
  state: "waiting" | "running" | "read" | "done"
  /** The current run and how to stop its reader, while it has one. */
  run?: { readonly run: Run; readonly stop: Effect.Effect<void> } | undefined
}

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

/** How a reader makes the `ChangeRecord` of a raw record of shard `shardId`: `fromRaw`, or a variant of it. */
export type RecordOf = (raw: RawRecord, shardId: string) => ChangeRecord

/**
 * The records of a `GetRecords` output read with `recordOf` (default `fromRaw`), or the `MalformedResponseError`
 * saying what in them is not a stream record.
 *
 * @example
 * import { recordsOf } from "./reader.js"
 * recordsOf([{ eventName: "REMOVE", dynamodb: { SequenceNumber: "7" } }], "shardId-1") // succeeds with one record
 */
export const recordsOf = (
  records: ReadonlyArray<unknown> | undefined,
  shardId: string,
  recordOf: RecordOf = fromRaw
): Effect.Effect<ReadonlyArray<ChangeRecord>, MalformedResponseError> => {
  try {
    return Effect.succeed(readList(records as ReadonlyArray<RawRecord> | undefined, "Records", (raw) => recordOf(raw, shardId)))
  } catch (error) {
    return Effect.fail(malformedResponse("GetRecords", error))
  }
}

/** A minute, in milliseconds. */
const minute = 60_000

/**
 * Reads shard `shardId` from `start` to its end, offering each non-empty batch (and a last one with `end`); `last`
 * is kept up to date with the last sequence number offered.
 *
 * An expired iterator is renewed after the last record read. With `start: "latest"` and no record read yet, LATEST
 * again would skip what was written since the first iterator: it is renewed at TRIM_HORIZON instead, leaving out the
 * records created before the first iterator was asked for, less a minute and rounded down to the minute —
 * `ApproximateCreationDateTime` is rounded down (to the second, or the minute), and this host's clock may be ahead of
 * DynamoDB's. What is left out can only be older than the start; a few records of the minute before it may come.
 * Each record is read with `recordOf`.
 */
const readShard = (
  streamArn: string,
  shardId: string,
  parentShardId: string | undefined,
  start: Start,
  options: ReadOptions,
  offer: (batch: ShardBatch) => Effect.Effect<void>,
  last: Map<string, string>,
  recordOf: RecordOf
): Effect.Effect<void, ReadError, StreamsClient> => {
  const poll = A.decodeDuration(options.pollInterval ?? "1 second")
  const limit = options.limit === undefined ? {} : { Limit: options.limit }
  let after = typeof start === "object" && "after" in start ? start.after : undefined
  /** With `start: "latest"`: when the first iterator was asked for. */
  let startedAt: number | undefined
  /** After a renewal at TRIM_HORIZON: records created before this are left out, until one is not. */
  let keepFrom: number | undefined
  const batch = (records: ReadonlyArray<ChangeRecord>, end: boolean): ShardBatch => ({ shardId, ...(parentShardId !== undefined && { parentShardId }), records, end })
  const renewal = Effect.suspend((): Effect.Effect<Start> => {
    if (after !== undefined) return Effect.succeed({ after })
    if (start !== "latest") return Effect.succeed(start)
    if (startedAt !== undefined) {
      keepFrom = Math.floor((startedAt - minute) / minute) * minute
      return Effect.succeed("trim-horizon")
    }
    return Effect.map(Clock.currentTimeMillis, (now) => {
      startedAt = Number(now)
      return "latest" as const
    })
  })
  const iterator = (): Effect.Effect<string | undefined, StreamsError, StreamsClient> =>
    Effect.flatMap(renewal, (from) =>
      Effect.map(call("GetShardIterator", { StreamArn: streamArn, ShardId: shardId, ...iteratorInput(from) }), (output) => output.ShardIterator))
  /** `records` without those created before `keepFrom` (a record without a creation time is kept). */
  const kept = (records: ReadonlyArray<ChangeRecord>): ReadonlyArray<ChangeRecord> => {
    if (keepFrom === undefined) return records
    const from = keepFrom
    const first = records.findIndex((record) => (record.approximateCreationTime?.getTime() ?? from) >= from)
    if (first === -1) return []
    keepFrom = undefined
    return records.slice(first)
  }
  const read = (current: string | undefined): Effect.Effect<void, ReadError, StreamsClient> => {
    if (current === undefined) return offer(batch([], true))
    return Effect.flatMap(
      Effect.catchTag(call("GetRecords", { ShardIterator: current, ...limit }), "ExpiredIteratorError", () => Effect.succeed(undefined)),
      (output) => {
        if (output === undefined) return Effect.flatMap(iterator(), read)
        return Effect.flatMap(recordsOf(output.Records, shardId, recordOf), (all) => {
          const records = kept(all)
          const next = output.NextShardIterator
          const delivered = records.length > 0 || next === undefined ? offer(batch(records, next === undefined)) : Effect.void
          return Effect.flatMap(delivered, () => {
            if (all.length > 0) after = all[all.length - 1]!.sequenceNumber
            if (records.length > 0) last.set(shardId, records[records.length - 1]!.sequenceNumber)
            if (next === undefined) return Effect.void
            return all.length > 0 ? read(next) : Effect.flatMap(Effect.sleep(poll), () => read(next))
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
 * It ends once a listing after the one that found the stream disabled and every shard done finds no new shard.
 * Each shard is claimed (`claim`) before it is started; `link` carries what the consumer of the batches tells it.
 * Records are read with `recordOf` (default `fromRaw`).
 *
 * @example
 * import { Effect } from "effect"
 * import { coordinate, savedPositions, link } from "./reader.js"
 * declare const arn: string
 * Effect.scoped(Effect.flatMap(link(false), (links) => coordinate(arn, {}, ({ batch }) => Effect.log(batch.records.length), savedPositions({}), links)))
 */
export const coordinate = <E, R>(
  streamArn: string,
  options: ReadOptions,
  offer: (delivery: Delivery) => Effect.Effect<void>,
  claim: Claim<E, R>,
  link: Link,
  recordOf: RecordOf = fromRaw
): Effect.Effect<void, ReadError | E, StreamsClient | Scope.Scope | R> =>
  Effect.gen(function* () {
    const scope = yield* Effect.scope
    const shards = new Map<string, KnownShard>()
    const last = new Map<string, string>()
    const concurrency = Math.max(1, options.concurrency ?? 16)
    const discovery = A.decodeDuration(options.discoveryInterval ?? "10 seconds")
    const running = () => [...shards.values()].filter((shard) => shard.state === "running").length
    let first = true
    /** The stream was seen disabled and every shard done: ended once a further full listing finds nothing new. */
    let settled = false
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
        settled = false
      }
      first = false
      for (const [shardId, shard] of shards) {
        if (running() >= concurrency) break
        const parent = shard.parent === undefined ? undefined : shards.get(shard.parent)
        if (shard.state !== "waiting" || (parent !== undefined && parent.state !== "done")) continue
        const claimed = yield* claim(shardId)
        if (claimed === "taken") continue
        const start = startOf(shard, claimed)
        if (start === "ended") {
          shard.state = "done"
          continue
        }
        const run: Run = { shardId, live: true }
        link.runs.set(shardId, run)
        shard.state = "running"
        const fiber = yield* Effect.forkIn(
          Effect.matchEffect(readShard(streamArn, shardId, shard.parent, start, options, (batch) => offer({ batch, run }), last, recordOf), {
            onFailure: (error) => Queue.offer(link.events, { _tag: "failed", run, error }),
            onSuccess: () => Queue.offer(link.events, { _tag: "read", run })
          }),
          scope
        )
        shard.run = { run, stop: Effect.asVoid(Fiber.interrupt(fiber)) }
      }
      // A shard can appear between the pages of a listing (behind the page it would have been on): a disabled stream
      // ends only once one more listing, all of it after the one that saw every shard done, finds no shard more.
      if (description.status === "DISABLED" && [...shards.values()].every((shard) => shard.state === "done")) {
        if (settled) return
        settled = true
        continue
      }
      const event = yield* Effect.race(Queue.take(link.events), Effect.as(Effect.sleep(discovery), undefined))
      if (event === undefined) continue
      const shard = shards.get(event.run.shardId)!
      // An event of a run given up since (its lease lost) changes nothing.
      if (shard.run?.run !== event.run) continue
      if (event._tag === "failed") return yield* Effect.fail(event.error._tag === "ResourceNotFoundError" ? deleted(event.error) : event.error)
      if (event._tag === "lost") {
        yield* shard.run.stop
        shard.run = undefined
        shard.state = "waiting"
      } else if (event._tag === "processed" || !link.processing) {
        shard.run = undefined
        shard.state = "done"
        link.runs.delete(event.run.shardId)
      } else if (shard.state === "running") {
        shard.state = "read"
      }
    }
  })
