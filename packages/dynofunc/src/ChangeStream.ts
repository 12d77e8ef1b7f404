/**
 * Change streams: a table's DynamoDB stream as an Effect `Stream` of `ChangeRecord`s — every shard, its children after
 * it (the order of each key's changes is kept across splits), new shards picked up while running, empty reads polled
 * again after `pollInterval`, expired iterators renewed, throttling retried by `Retry.Policy`. Back-pressured (the
 * consumer's pace sets the reads) and interruptible (no fiber or request is left running). Needs `StreamsClient`
 * (and `DynamoClient` to find a table's stream).
 *
 * @example
 * import { Console, Effect, Stream } from "effect"
 * import { ChangeStream } from "dynofunc"
 *
 * const program = ChangeStream.records({ table: "users" }, { start: "latest" }).pipe(
 *   Stream.runForEach((change) => Console.log(change.event, change.keys, change.newImage))
 * )
 */
import { Effect, type Scope, Stream } from "effect"
import * as A from "#adapter"
import type { ChangeRecord } from "@dynofunc/core/ChangeRecord"
import { describe } from "@dynofunc/core/operations/describe"
import { StreamNotEnabledError } from "./ChangeStreamError.js"
import type { DynamoClient } from "./DynamoClient.js"
import { execute, type ErrorOf } from "./Execute.js"
import type { StreamsClient } from "./StreamsClient.js"
import { coordinate, type ReadError, type ReadOptions, type ShardBatch } from "./internal/changes/reader.js"

export type { Position, ReadError, ReadOptions, ShardBatch } from "./internal/changes/reader.js"

/** Which stream to read: a table's latest stream (found with `DescribeTable`), or a stream by its ARN. */
export type Source = { readonly table: string } | { readonly streamArn: string }

/** What finding `source`'s stream can fail with. */
export type SourceError<S extends Source> = S extends { readonly table: string } ? ErrorOf<"DescribeTable"> | StreamNotEnabledError : never

/** What finding `source`'s stream needs. */
export type SourceContext<S extends Source> = S extends { readonly table: string } ? DynamoClient : never

/**
 * The ARN of `source`'s stream: its `streamArn`, or the table's `LatestStreamArn` (a `StreamNotEnabledError` when the
 * table has no stream).
 *
 * @example
 * const arn = ChangeStream.streamArn({ table: "users" })
 */
export const streamArn = <S extends Source>(source: S): Effect.Effect<string, SourceError<S>, SourceContext<S>> => {
  if ("streamArn" in source) return Effect.succeed(source.streamArn)
  const table = source.table
  return Effect.flatMap(execute(describe(table)), (result) => {
    const arn = result.table?.StreamSpecification?.StreamEnabled === false ? undefined : result.table?.LatestStreamArn
    return arn === undefined
      ? Effect.fail(new StreamNotEnabledError({ table, message: `${table} has no stream: turn it on with updateTable("${table}", { stream: "NEW_AND_OLD_IMAGES" })` }))
      : Effect.succeed(arn)
  }) as Effect.Effect<string, SourceError<S>, SourceContext<S>>
}

/**
 * The stream of `source` as batches: each holds what one `GetRecords` brought from one shard, in order, and the last
 * batch of a shard read to its end has `end` (with or without records) — what a checkpoint needs. Batches of
 * different shards interleave; a shard's children come after its end. The stream ends only when the stream is
 * disabled and every shard has been read to its end.
 *
 * @example
 * ChangeStream.batches({ streamArn: arn }, { concurrency: 4, pollInterval: "500 millis" }).pipe(
 *   Stream.runForEach((batch) => Effect.log(`${batch.shardId}: ${batch.records.length}`))
 * )
 */
export const batches = <S extends Source>(
  source: S,
  options: ReadOptions = {}
): Stream.Stream<ShardBatch, ReadError | SourceError<S>, StreamsClient | SourceContext<S>> =>
  A.chunkStream<ShardBatch, ReadError | SourceError<S>, StreamsClient | SourceContext<S> | Scope.Scope>(options.buffer ?? 16, (out) =>
    Effect.asVoid(
      Effect.forkScoped(
        Effect.matchEffect(Effect.flatMap(streamArn(source), (arn) => coordinate(arn, options, (batch) => out.offer([batch]))), {
          onFailure: out.fail,
          onSuccess: () => out.end
        })
      )
    )
  ).pipe(Stream.withSpan("dynofunc.ChangeStream.batches", { kind: "consumer", captureStackTrace: false }))

/**
 * Every change of `source`'s stream, one `ChangeRecord` at a time (the records of `batches`).
 *
 * @example
 * ChangeStream.records({ table: "users" }).pipe(Stream.filter((change) => change.event === "REMOVE"), Stream.take(10), Stream.runCollect)
 */
export const records = <S extends Source>(
  source: S,
  options: ReadOptions = {}
): Stream.Stream<ChangeRecord, ReadError | SourceError<S>, StreamsClient | SourceContext<S>> =>
  A.mapConcat(batches(source, options), (batch) => batch.records)
