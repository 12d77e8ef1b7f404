/**
 * Reading any number of items by key, over one or many tables: keys from an `Iterable` or a `Stream`, split into
 * `BatchGetItem` requests of 100 keys, at most 8 in progress at once. A key given twice is read once; the keys
 * DynamoDB did not get to (`UnprocessedKeys`: throttling, or a response over 16 MB) are asked again after a full-jitter
 * delay, topped up with the next keys; a whole throttled request is sent again too. Attempts are counted per key: a
 * key runs out after 10 attempts that made no progress for it (by default; see `RunOptions.retry`) or 50 in all, and
 * is set aside (reported in `BatchGetError.unread`) while the other keys are still read. Every distinct
 * key gives one result: its item, or `undefined` when there is no such item. Results come as a `Stream` (`stream`)
 * or collected per table (`run`).
 *
 * @example
 * import { Effect } from "effect"
 * import { BatchGet } from "dynofunc"
 *
 * const program = Effect.gen(function* () {
 *   const { items, missing } = yield* BatchGet.run([
 *     { table: "users", key: { id: "u1" } },
 *     { table: "users", key: { id: "u2" } },
 *     { table: "orders", key: { id: "o1" } }
 *   ])
 *   console.log(items["users"]?.length, missing["orders"]) // 2, [{ id: "o1" }] when there is no order o1
 * })
 *
 * @since 0.1.0
 */
import { Data, Effect, type Scope, Stream } from "effect"
import * as A from "#adapter"
import type { Reason, RunOptions } from "./BatchWrite.js"
import type { DynamoClient } from "./DynamoClient.js"
import type { ErrorOf } from "./Execute.js"
import type { ProjectionInput } from "@dynofunc/core/Projection"
import { makeGetter, type Report } from "./internal/bulk/getter.js"
import { defaultConcurrency, feed } from "./internal/bulk/run.js"
import type { Item } from "@dynofunc/core/Value"

/**
 * One key to read: the item's key attributes (and nothing else) in `table`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Get {
  readonly table: string
  readonly key: Item
}

/**
 * One key's result: the item found, or `undefined` when `table` holds no item with that key.
 *
 * @since 0.1.0
 * @category models
 */
export interface Got {
  readonly table: string
  /** The key as given (the first time it was given). */
  readonly key: Item
  readonly item: Item | undefined
}

/**
 * How to read one table.
 *
 * @since 0.1.0
 * @category models
 */
export interface TableOptions {
  /** Strongly consistent reads (default: eventually consistent). */
  readonly consistent?: boolean | undefined
  /** Only these attributes come back; the key attributes are always added, to tell the items apart. */
  readonly projection?: ProjectionInput | undefined
}

/**
 * How to run a batch get.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends RunOptions {
  /** Table name → how to read it. */
  readonly tables?: { readonly [table: string]: TableOptions } | undefined
}

/**
 * Every result of a batch get, per table.
 *
 * @since 0.1.0
 * @category models
 */
export interface Result {
  /** Table name → the items found, in no particular order. */
  readonly items: Readonly<Record<string, ReadonlyArray<Item>>>
  /** Table name → the keys with no item, as given. */
  readonly missing: Readonly<Record<string, ReadonlyArray<Item>>>
}

/**
 * What can stop a batch get: a request's failure, and `E`, the source's failure.
 *
 * @since 0.1.0
 * @category models
 */
export type Cause<E = never> = ErrorOf<"BatchGetItem"> | E

/**
 * A batch get stopped before the end. `unread` holds every key without a result yet, as given, in the order given
 * (the results already streamed were delivered). `reason` is as for `BatchWriteError`: `RetriesExhausted` (some keys
 * ran out of attempts: every other key has its result, and `unread` holds exactly those),
 * `RequestFailed`, `InvalidInput` (found before anything is sent, for an `Iterable`), `SourceFailed`, `Interrupted`.
 *
 * @example
 * import { BatchGet } from "dynofunc"
 * import { Effect } from "effect"
 * const keys: ReadonlyArray<BatchGet.Get> = [{ table: "users", key: { id: "u1" } }]
 * BatchGet.run(keys).pipe(Effect.catchTag("BatchGetError", (error) => Effect.succeed(error.unread)))
 *
 * @since 0.1.0
 * @category errors
 */
export class BatchGetError<E = never> extends Data.TaggedError("BatchGetError")<{
  readonly reason: Reason
  readonly unread: ReadonlyArray<Get>
  readonly cause: Cause<E> | undefined
  readonly message: string
}> {}

/**
 * Every distinct key's result as it comes, in no particular order. The results of a request wait for the consumer
 * (a slow consumer slows the reads); ending the stream early stops the reads (the requests in flight finish).
 *
 * @example
 * import { BatchGet } from "dynofunc"
 * import { Stream, Console } from "effect"
 * const orderIds = ["o1", "o2", "o3"]
 * BatchGet.stream(orderIds.map((id) => ({ table: "orders", key: { id } })), { tables: { orders: { projection: ["total"] } } }).pipe(
 *   Stream.filter((got) => got.item !== undefined),
 *   Stream.runForEach((got) => Console.log(got.key, got.item?.["total"]))
 * )
 *
 * @since 0.1.0
 * @category execution
 */
export const stream = <E = never, R = never>(
  keys: Iterable<Get> | Stream.Stream<Get, E, R>,
  options: Options = {}
): Stream.Stream<Got, BatchGetError<E>, DynamoClient | R> =>
  A.chunkStream<Got, BatchGetError<E>, DynamoClient | R | Scope.Scope>(options.concurrency ?? defaultConcurrency, (results) =>
    Effect.gen(function* () {
      const getter = yield* makeGetter<E>(options, results.offer)
      const work = getter.reporting(Effect.andThen(feed(keys, getter), getter.finish), (report: Report<E>) => new BatchGetError<E>(report))
      yield* work.pipe(
        Effect.matchEffect({ onFailure: results.fail, onSuccess: () => results.end }),
        Effect.forkScoped
      )
    })
  ).pipe(Stream.withSpan("dynofunc.BatchGet.stream", { kind: "client", captureStackTrace: false }))

/**
 * Reads every key and collects the results per table: `items` found and keys `missing`. Each key is asked at most 10
 * times without progress (by default, `options.retry`) and 50 times in all; one that runs out is set aside, the other
 * keys are still read, and the run fails with `BatchGetError` listing exactly the keys not read.
 *
 * @example
 * import { Effect } from "effect"
 * import { BatchGet } from "dynofunc"
 * const ids = ["u1", "u2", "u3"]
 * const found = Effect.map(BatchGet.run(ids.map((id) => ({ table: "users", key: { id } }))), ({ items, missing }) => ({
 *   users: items["users"] ?? [],
 *   unknown: missing["users"] ?? []
 * }))
 *
 * @since 0.1.0
 * @category execution
 */
export const run = <E = never, R = never>(
  keys: Iterable<Get> | Stream.Stream<Get, E, R>,
  options: Options = {}
): Effect.Effect<Result, BatchGetError<E>, DynamoClient | R> =>
  A.runFold(stream(keys, options), (): { items: Record<string, Array<Item>>; missing: Record<string, Array<Item>> } => ({ items: {}, missing: {} }), (result, got) => {
    if (got.item === undefined) (result.missing[got.table] ??= []).push(got.key)
    else (result.items[got.table] ??= []).push(got.item)
    return result
  })
