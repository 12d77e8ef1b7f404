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
 *
 * @since 0.1.0
 */
import { Deferred, Effect, type Scope, Stream } from "effect"
import * as A from "#adapter"
import type { ChangeRecord } from "@dynofunc/core/ChangeRecord"
import { withoutImages } from "@dynofunc/core/internal/changes/record"
import { describe } from "@dynofunc/core/operations/describe"
import { type ChangeDecodeError, type LeaseLostError, type StreamDeletedError, StreamNotEnabledError, type TrimmedRecordsError } from "./ChangeStreamError.js"
import { Checkpoint, type CheckpointError } from "./Checkpoint.js"
import type { DynamoClient } from "./DynamoClient.js"
import type { MalformedResponseError } from "./DynamoError.js"
import { execute, type ErrorOf } from "./Execute.js"
import type { StreamsClient, StreamsError } from "./StreamsClient.js"
import { decodedOrSkipped, decoder } from "./internal/changes/typed.js"
import type { CollectionMember } from "./internal/typed/collection.js"
import * as Reader from "./internal/changes/reader.js"
import type { Delivery } from "./internal/changes/reader.js"

/**
 * Where to start reading a shard: a saved position (after or at a sequence number), or the shard's end (`ended`).
 *
 * @example
 * import type { ChangeStream } from "dynofunc"
 * const positions: Record<string, ChangeStream.Position> = { "shardId-1": { after: "4200" }, "shardId-0": "ended" }
 *
 * @since 0.1.0
 * @category models
 */
export type Position = { readonly after: string } | { readonly at: string } | "ended"

/**
 * How a stream is read.
 *
 * @example
 * import { ChangeStream } from "dynofunc"
 * const options: ChangeStream.ReadOptions = { start: "latest", pollInterval: "500 millis", concurrency: 4 }
 * ChangeStream.records({ table: "users" }, options)
 *
 * @since 0.1.0
 * @category models
 */
export interface ReadOptions {
  /**
   * Where to start the shards that have no saved position and exist when reading starts: `trim-horizon` (the oldest
   * record kept, the default) or `latest` (only changes from now; closed shards are skipped; an iterator that expires
   * before the first record is renewed without skipping what came meanwhile, a few records of the minute before the
   * start may come too). Shards that appear later are always read from their start.
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

/**
 * What one `GetRecords` brought from a shard, in order; `end` when the shard has been read to its end.
 *
 * @example
 * import type { ChangeStream } from "dynofunc"
 * const count = (batch: ChangeStream.ShardBatch) => `${batch.shardId}: ${batch.records.length}${batch.end ? " (end)" : ""}`
 *
 * @since 0.1.0
 * @category models
 */
export interface ShardBatch {
  readonly shardId: string
  /** The shard's parent, when it has one (its batches all came before this shard's). */
  readonly parentShardId?: string | undefined
  readonly records: ReadonlyArray<ChangeRecord>
  readonly end: boolean
}

/**
 * The errors of reading a stream.
 *
 * @example
 * import type { ChangeStream } from "dynofunc"
 * const lost = (error: ChangeStream.ReadError) => error._tag === "TrimmedRecordsError" || error._tag === "StreamDeletedError"
 *
 * @since 0.1.0
 * @category errors
 */
export type ReadError = StreamsError | TrimmedRecordsError | StreamDeletedError | MalformedResponseError

/**
 * Asked before a shard is started: its saved position (`undefined`: none), or `taken` when another consumer reads it
 * (it is asked again at the next listing; a parent read elsewhere is done once its claim answers `ended`).
 *
 * @example
 * import type { ChangeStream } from "dynofunc"
 * import { Effect } from "effect"
 * const fromStart: ChangeStream.Claim<never, never> = () => Effect.succeed(undefined)
 *
 * @since 0.1.0
 * @category models
 */
export type Claim<E, R> = (shardId: string) => Effect.Effect<Position | undefined | "taken", E, R>

/**
 * A change of one of `Members`: its entity's tag, and its images decoded with that entity's Schema.
 *
 * @example
 * import { Schema } from "effect"
 * import { ChangeStream, Entity, TypedTable } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk" })
 * const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ id: Schema.String, email: Schema.String }),
 *   primary: { partition: { prefix: "USER", fields: ["id"] }, sort: { prefix: "PROFILE", fields: [] } } })
 * const emailOf = (change: ChangeStream.EntityChange<typeof User>) => change.newImage?.email
 *
 * @since 0.1.0
 * @category models
 */
export type EntityChange<Members extends CollectionMember> = Members extends CollectionMember<infer Tag, infer A>
  ? ChangeRecord<A> & { readonly entity: Tag }
  : never

/**
 * What to do with a record that does not decode: fail the stream (default), or skip it and report it.
 *
 * @example
 * import type { ChangeStream } from "dynofunc"
 * import { Effect } from "effect"
 * const options: ChangeStream.DecodeOptions = { onInvalid: "skip", report: (error) => Effect.logError(error.message) }
 *
 * @since 0.1.0
 * @category models
 */
export interface DecodeOptions {
  readonly onInvalid?: "fail" | "skip" | undefined
  /** Called with each skipped record's error (default: logged as a warning). */
  readonly report?: ((error: ChangeDecodeError) => Effect.Effect<void>) | undefined
}

/**
 * Which stream to read: a table's latest stream (found with `DescribeTable`), or a stream by its ARN.
 *
 * @since 0.1.0
 * @category models
 */
export type Source = { readonly table: string } | { readonly streamArn: string }

/**
 * What finding `source`'s stream can fail with.
 *
 * @since 0.1.0
 * @category errors
 */
export type SourceError<S extends Source> = S extends { readonly table: string } ? ErrorOf<"DescribeTable"> | StreamNotEnabledError : never

/**
 * What finding `source`'s stream needs.
 *
 * @since 0.1.0
 * @category models
 */
export type SourceContext<S extends Source> = S extends { readonly table: string } ? DynamoClient : never

/**
 * The ARN of `source`'s stream: its `streamArn`, or the table's `LatestStreamArn` (a `StreamNotEnabledError` when the
 * table has no stream).
 *
 * @example
 * import { ChangeStream } from "dynofunc"
 * const arn = ChangeStream.streamArn({ table: "users" })
 *
 * @since 0.1.0
 * @category streams
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
 * The batches of the stream `arn` (found by an effect) with their runs, each shard claimed with `claim` before it is
 * started; `link` is the coordinator's link with the consumer; records read with `recordOf` (default `fromRaw`).
 */
const read = <E1, R1, E2, R2>(
  arn: Effect.Effect<string, E1, R1>,
  options: ReadOptions,
  claim: (arn: string) => Claim<E2, R2>,
  link: Reader.Link,
  recordOf?: Reader.RecordOf
) =>
  A.chunkStream<Delivery, ReadError | E1 | E2, StreamsClient | R1 | R2 | Scope.Scope>(options.buffer ?? 16, (out) =>
    Effect.asVoid(
      Effect.forkScoped(
        Effect.matchEffect(Effect.flatMap(arn, (found) => Reader.coordinate(found, options, (delivery) => out.offer([delivery]), claim(found), link, recordOf)), {
          onFailure: out.fail,
          onSuccess: () => out.end
        })
      )
    )
  ).pipe(Stream.withSpan("dynofunc.ChangeStream.read", { kind: "consumer", captureStackTrace: false }))

/**
 * The stream of `source` as batches: each holds what one `GetRecords` brought from one shard, in order, and the last
 * batch of a shard read to its end has `end` (with or without records) — what a checkpoint needs. Batches of
 * different shards interleave; a shard's children come after its end. The stream ends only when the stream is
 * disabled and every shard has been read to its end. `options.positions` are saved positions to go on from.
 *
 * @example
 * import { ChangeStream } from "dynofunc"
 * import { Stream, Effect } from "effect"
 * declare const arn: string
 * ChangeStream.batches({ streamArn: arn }, { concurrency: 4, pollInterval: "500 millis" }).pipe(
 *   Stream.runForEach((batch) => Effect.log(`${batch.shardId}: ${batch.records.length}`))
 * )
 *
 * @since 0.1.0
 * @category streams
 */
export const batches = <S extends Source>(
  source: S,
  options: ReadOptions = {}
): Stream.Stream<ShardBatch, ReadError | SourceError<S>, StreamsClient | SourceContext<S>> => batchesOf(source, options)

/** `batches`, each record read with `recordOf` (default `fromRaw`). */
const batchesOf = <S extends Source>(source: S, options: ReadOptions, recordOf?: Reader.RecordOf) =>
  Stream.unwrap(Effect.map(Reader.link(false), (link) =>
    Stream.map(read(streamArn(source), options, () => Reader.savedPositions(options), link, recordOf), (delivery) => delivery.batch)))

/**
 * Every change of `source`'s stream, one `ChangeRecord` at a time (the records of `batches`).
 *
 * @example
 * import { ChangeStream } from "dynofunc"
 * import { Stream } from "effect"
 * ChangeStream.records({ table: "users" }).pipe(Stream.filter((change) => change.event === "REMOVE"), Stream.take(10), Stream.runCollect)
 *
 * @since 0.1.0
 * @category streams
 */
export const records = <S extends Source>(
  source: S,
  options: ReadOptions = {}
): Stream.Stream<ChangeRecord, ReadError | SourceError<S>, StreamsClient | SourceContext<S>> =>
  A.mapConcat(batches(source, options), (batch) => batch.records)

/**
 * How `consume` reads and processes a stream.
 *
 * @example
 * import { ChangeStream } from "dynofunc"
 * const options: ChangeStream.ConsumeOptions = { parallelism: 4, pollInterval: "500 millis" } // four shards' batches at once
 *
 * @since 0.1.0
 * @category models
 */
export interface ConsumeOptions extends ReadOptions {
  /**
   * Batches processed at once, at most (default 1): batches of different shards run side by side, those of one shard
   * one after the other, in order — each waits for the one before it (and its checkpoint), and a child shard's first
   * for its parent's last. A slow batch holds up only its own shard (and that shard's children).
   */
  readonly parallelism?: number | undefined
}

/**
 * A function that chains an effect after the last one it chained for the same `key` and for `after` (a parent shard),
 * each done when it has ended, successfully or not: called in the stream's order, the effects of one shard run in that
 * order and after its parent's, others side by side.
 */
const perKey = () => {
  const previous = new Map<string, Deferred.Deferred<void>>()
  return <A, E, R>(key: string, after: string | undefined, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> => {
    const before = [previous.get(key), after === undefined ? undefined : previous.get(after)].filter((pending) => pending !== undefined)
    const own = A.deferredUnsafe<void>()
    previous.set(key, own)
    const run = Effect.ensuring(effect, Effect.sync(() => {
      if (previous.get(key) === own) previous.delete(key)
      A.deferredDoneUnsafe(own, Effect.void)
    }))
    return before.length === 0 ? run : Effect.andThen(Effect.forEach(before, Deferred.await, { discard: true }), run)
  }
}

/**
 * Runs `process` on every batch of `source`'s stream (in order per shard; `parallelism` batches at once) and saves the shard's
 * checkpoint after each success: a restarted consumer goes on after the last batch processed (what came after it is
 * delivered again; nothing before it). Shards are claimed from the `Checkpoint` in context — with
 * `Checkpoint.layerTable`, consumers sharing a lease table share the shards, and a child shard is claimed only once
 * its parent is processed to its end, by whichever consumer holds it. Leases are renewed while it runs and given up
 * when it stops. A shard whose lease another consumer took (a `LeaseLostError` from a save or a renewal) stops alone:
 * its reader stops, its batches read but not processed yet are dropped, its children are left alone, the other
 * shards go on, and it is claimed again once its lease is free (from its checkpoint then). Fails with the first
 * failure of `process`, of the reads or of the other checkpoint calls.
 *
 * @example
 * import { ChangeStream, Checkpoint } from "dynofunc"
 * import { Effect } from "effect"
 * ChangeStream.consume({ table: "users" }, (batch) => Effect.forEach(batch.records, (change) => Effect.log(change.event)), {
 *   start: "trim-horizon"
 * }).pipe(Effect.provide(Checkpoint.layerMemory()))
 *
 * @since 0.1.0
 * @category streams
 */
export const consume = <S extends Source, E, R>(
  source: S,
  process: (batch: ShardBatch) => Effect.Effect<unknown, E, R>,
  options: ConsumeOptions = {}
): Effect.Effect<void, ReadError | SourceError<S> | Exclude<CheckpointError, LeaseLostError> | E, StreamsClient | Checkpoint | SourceContext<S> | R> =>
  consuming(source, process, options)

/** `consume`, its records read with `recordOf` (`consumeEntities` leaves the images unread for its one-pass decode). */
const consuming = <S extends Source, E, R>(
  source: S,
  process: (batch: ShardBatch) => Effect.Effect<unknown, E, R>,
  options: ConsumeOptions,
  recordOf?: Reader.RecordOf
): Effect.Effect<void, ReadError | SourceError<S> | Exclude<CheckpointError, LeaseLostError> | E, StreamsClient | Checkpoint | SourceContext<S> | R> =>
  Effect.flatMap(Checkpoint, (checkpoint) =>
    Effect.flatMap(Effect.zip(streamArn(source), Reader.link(true)), ([arn, link]) => {
      const inOrder = perKey()
      const saved = ({ batch, run }: Delivery) => {
        const last = batch.records[batch.records.length - 1]
        const save = batch.end || last === undefined
          ? checkpoint.save(arn, batch.shardId, "ended")
          : checkpoint.save(arn, batch.shardId, { after: last.sequenceNumber })
        return Effect.matchEffect(save, {
          onFailure: (error) => (error._tag === "LeaseLostError" ? Effect.asVoid(Reader.lost(link, run)) : Effect.fail(error)),
          onSuccess: () => (batch.end ? Reader.processed(link, run) : Effect.void)
        })
      }
      // A batch of a run given up (its lease lost) is dropped.
      const handled = (delivery: Delivery) =>
        Effect.suspend(() => (delivery.run.live ? Effect.flatMap(process(delivery.batch), () => saved(delivery)) : Effect.void))
      // A claim that fails with LeaseLostError is a shard held by another consumer.
      const claim = (shardId: string) => Effect.catchTag(checkpoint.claim(arn, shardId), "LeaseLostError", () => Effect.succeed("taken" as const))
      const processed = read(Effect.succeed(arn), options, () => claim, link, recordOf).pipe(
        Stream.map((delivery) => inOrder(delivery.batch.shardId, delivery.batch.parentShardId, handled(delivery))),
        Stream.mapEffect((processing) => processing, { concurrency: Math.max(1, options.parallelism ?? 1), unordered: true }),
        Stream.runDrain
      )
      // A lost lease gives its shard up, and the others are renewed at once.
      const renewed: Effect.Effect<void, Exclude<CheckpointError, LeaseLostError>> = Effect.catchTag(checkpoint.renew, "LeaseLostError", (error) => {
        const run = link.runs.get(error.shardId)
        return run === undefined ? Effect.void : Effect.flatMap(Reader.lost(link, run), (given) => (given ? renewed : Effect.void))
      })
      const renewEvery = checkpoint.renewEvery
      const renewing = renewEvery === undefined ? Effect.never : Effect.forever(Effect.andThen(Effect.sleep(renewEvery), renewed))
      return Effect.ensuring(Effect.raceFirst(processed, renewing), checkpoint.release)
    })
  )

/**
 * The changes of `source` decoded with the Schemas of `members` (the entities stored in its table, `Entity.make`):
 * each record's images by the entity its tag names, as a union to match on `entity`. A record that names none of
 * them, or whose image does not decode, fails the stream with `ChangeDecodeError` (carrying the record), or with
 * `onInvalid: "skip"` is reported (`report`, by default a warning in the log) and left out.
 *
 * @example
 * import { Schema, Stream, Effect } from "effect"
 * import { TypedTable, Entity, ChangeStream } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk" })
 * const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ id: Schema.String, email: Schema.String }),
 *   primary: { partition: { prefix: "USER", fields: ["id"] }, sort: { prefix: "PROFILE", fields: [] } } })
 * const Order = Entity.make({ table: app, name: "Order", schema: Schema.Struct({ id: Schema.String, total: Schema.Number }),
 *   primary: { partition: { prefix: "ORDER", fields: ["id"] }, sort: { prefix: "ORDER", fields: [] } } })
 * ChangeStream.entities([User, Order], { table: app.name }, { onInvalid: "skip" }).pipe(
 *   Stream.runForEach((change) => change.entity === "User" ? Effect.log(change.newImage?.email) : Effect.log(change.newImage?.total))
 * )
 *
 * @since 0.1.0
 * @category streams
 */
export const entities = <const Members extends ReadonlyArray<CollectionMember>, S extends Source>(
  members: Members,
  source: S,
  options: ReadOptions & DecodeOptions = {}
): Stream.Stream<EntityChange<Members[number]>, ReadError | SourceError<S> | ChangeDecodeError, StreamsClient | SourceContext<S>> => {
  return A.mapConcatEffect(batchesOf(source, options, withoutImages), entityBatches<Members[number]>(members, options))
}

/**
 * How `entities` and `consumeEntities` decode a batch read `withoutImages`: each image decoded from the raw record
 * in one pass, not unmarshalled first (only where one does not decode is the batch read again in full, to say why).
 */
const entityBatches = <Members extends CollectionMember>(members: ReadonlyArray<Members>, options: DecodeOptions) => {
  const decodeAll = decodedOrSkipped(decoder(members), options)
  return (batch: ShardBatch) =>
    decodeAll(batch.records, Effect.suspend(() => Reader.recordsOf(batch.records.map((record) => record.raw), batch.shardId)))
}

/**
 * A batch of `consumeEntities`: a `ShardBatch` whose records are decoded by entity (those skipped with
 * `onInvalid: "skip"` left out; the checkpoint still goes after the batch's last record).
 *
 * @example
 * import { Schema } from "effect"
 * import { type ChangeStream, Entity, TypedTable } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk" })
 * const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ id: Schema.String }), primary: { partition: { prefix: "USER", fields: ["id"] } } })
 * const ids = (batch: ChangeStream.EntityBatch<typeof User>) => batch.records.map((change) => change.newImage?.id)
 *
 * @since 0.1.0
 * @category models
 */
export interface EntityBatch<Members extends CollectionMember> extends Omit<ShardBatch, "records"> {
  readonly records: ReadonlyArray<EntityChange<Members>>
}

/**
 * `consume` with each batch's records decoded by entity, as `entities` decodes them: the typed consumer with
 * checkpoints. A record that does not decode fails the consumer with `ChangeDecodeError` before its batch is
 * processed (so its batch is not checkpointed: a restart meets it again), or with `onInvalid: "skip"` is reported
 * and left out of the batch handed to `process`.
 *
 * @example
 * import { Schema, Effect } from "effect"
 * import { ChangeStream, Checkpoint, Entity, TypedTable } from "dynofunc"
 * const bank = TypedTable.make({ name: "bank", partitionKey: "pk" })
 * const Account = Entity.make({ table: bank, name: "Account", schema: Schema.Struct({ id: Schema.String, balance: Schema.Number }),
 *   primary: { partition: { prefix: "ACCOUNT", fields: ["id"] } } })
 * ChangeStream.consumeEntities([Account], { table: bank.name }, (batch) =>
 *   Effect.forEach(batch.records, (change) => Effect.log(change.event, change.newImage?.balance)), { start: "trim-horizon" }
 * ).pipe(Effect.provide(Checkpoint.layerTable({ table: "bank-leases", owner: "worker-1" })))
 *
 * @since 0.1.0
 * @category streams
 */
export const consumeEntities = <const Members extends ReadonlyArray<CollectionMember>, S extends Source, E, R>(
  members: Members,
  source: S,
  process: (batch: EntityBatch<Members[number]>) => Effect.Effect<unknown, E, R>,
  options: ConsumeOptions & DecodeOptions = {}
): Effect.Effect<
  void,
  ReadError | SourceError<S> | Exclude<CheckpointError, LeaseLostError> | ChangeDecodeError | E,
  StreamsClient | Checkpoint | SourceContext<S> | R
> => {
  const decoded = entityBatches<Members[number]>(members, options)
  return consuming(source, (batch) => Effect.flatMap(decoded(batch), (records) => process({ ...batch, records })), options, withoutImages)
}
