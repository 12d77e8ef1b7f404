/**
 * Writing any number of items: puts and deletes over one or many tables, from an `Iterable` or a `Stream`, split
 * into valid `BatchWriteItem` requests (25 writes, 16 MB, 400 KB per item), at most 8 requests in progress at once.
 * What DynamoDB did not get to (`UnprocessedItems`, or a whole throttled request) is sent again after a full-jitter
 * delay, topped up with the next writes. Attempts are counted per write, not per request or run: a write runs out
 * after 10 attempts that made no progress for it (by default; see `RunOptions.retry`) or 50 sends in all, and is set
 * aside while the rest of the run goes on. When the run ends with writes set aside, or stops early — a request fails,
 * a write is invalid, the source fails, the fiber is interrupted — it fails with `BatchWriteError`, which lists
 * **every** write not applied, in the order given: no write is ever lost silently.
 *
 * @example
 * import { Effect } from "effect"
 * import { BatchWrite } from "dynofunc"
 *
 * const users = Array.from({ length: 1000 }, (_, i) => ({ table: "users", put: { id: `u${i}`, name: `user ${i}` } }))
 * const program = BatchWrite.run([...users, { table: "orders", delete: { id: "o1" } }]).pipe(
 *   Effect.catchTag("BatchWriteError", (error) => Effect.succeed({ written: error.written, retryLater: error.unapplied }))
 * )
 *
 * @since 0.1.0
 */
import { Data, Effect, type Schedule, type Scope, Sink, type Stream } from "effect"
import * as A from "#adapter"
import type { DynamoClient } from "./DynamoClient.js"
import type { ErrorOf } from "./Execute.js"
import { feed } from "./internal/bulk/run.js"
import { makeWriter, type Report } from "./internal/bulk/writer.js"
import type { Item } from "@dynofunc/core/Value"

/**
 * One write: a whole item to put into `table`, or the key of an item to delete from it.
 *
 * @since 0.1.0
 * @category models
 */
export type Write = { readonly table: string; readonly put: Item } | { readonly table: string; readonly delete: Item }

/**
 * How many requests run at once, and when leftovers are sent again (batch writes and batch gets alike).
 *
 * @since 0.1.0
 * @category models
 */
export interface RunOptions {
  /** Requests in progress at once (default 8). */
  readonly concurrency?: number | undefined
  /**
   * When to send a write or key again, and how often: each write or key steps its own run of this schedule, once per
   * attempt that made no progress for it (its request throttled, or left over by a request DynamoDB did none of); the
   * recurrence's delay is the wait before the next attempt, and when the schedule is done the write or key is set
   * aside (reported), the rest of the run going on. One left over by a request DynamoDB did part of keeps its count and
   * waits the delay that count gives. Whatever the schedule, no write or key is sent more than 50 times.
   * Default: `Retry.fullJitter({ base: "50 millis", cap: "5 seconds" })` for at most 10 attempts without progress.
   */
  readonly retry?: Schedule.Schedule<unknown> | undefined
}

/**
 * Why a batch write or get stopped before the end (see `BatchWriteError`).
 *
 * @since 0.1.0
 * @category models
 */
export type Reason = "RetriesExhausted" | "RequestFailed" | "InvalidInput" | "SourceFailed" | "Interrupted"

/**
 * How to run a batch write.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends RunOptions {
  /**
   * Each table's key attribute names (partition key first). A table left out is described once (`DescribeTable`)
   * when its first write comes. The keys keep two writes of one item out of one request, in the order given.
   */
  readonly keys?: { readonly [table: string]: ReadonlyArray<string> } | undefined
}

/**
 * What a batch write that finished did.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  /** Writes applied. */
  readonly written: number
  /** `BatchWriteItem` requests sent, every attempt counted. */
  readonly requests: number
  /** Attempts after the first: leftovers and throttled requests sent again. */
  readonly retries: number
}

/**
 * What can stop a batch write: a request's failure (or the one that found the keys), and `E`, the source's failure.
 *
 * @since 0.1.0
 * @category models
 */
export type Cause<E = never> = ErrorOf<"BatchWriteItem"> | ErrorOf<"DescribeTable"> | E

/**
 * A batch write stopped before the end. `unapplied` holds every write not applied — the leftovers of the requests,
 * the writes not sent yet, and for an `Iterable` the ones not read yet — as the values given, in the order given:
 * write them again later (a put or delete applied twice ends the same). `reason` says why:
 *
 * - `RetriesExhausted`: some writes ran out of attempts (see `RunOptions.retry`); every other write was applied, and
 *   `unapplied` holds exactly those writes and the later writes of the same items (held back to keep the order), in
 *   the order given (`cause`: the last throttling error, or `undefined` when DynamoDB answered with `UnprocessedItems`);
 * - `RequestFailed`: a request failed with an error not worth retrying (`cause`); its writes count as not applied;
 * - `InvalidInput`: a write DynamoDB would refuse (`cause` names it); from an `Iterable` this is found before
 *   anything is sent;
 * - `SourceFailed`: the `Stream` failed (`cause`);
 * - `Interrupted`: the fiber was interrupted; the requests in flight finished first.
 *
 * @example
 * import { BatchWrite } from "dynofunc"
 * import { Effect, Console } from "effect"
 * const writes: ReadonlyArray<BatchWrite.Write> = [{ table: "users", put: { id: "u1" } }, { table: "users", delete: { id: "u2" } }]
 * BatchWrite.run(writes).pipe(
 *   Effect.catchTag("BatchWriteError", (error) =>
 *     Console.log(`${error.reason}: ${error.written} written, ${error.unapplied.length} to write again`))
 * )
 *
 * @since 0.1.0
 * @category errors
 */
export class BatchWriteError<E = never, W = Write> extends Data.TaggedError("BatchWriteError")<{
  readonly reason: Reason
  /** The writes not applied, as given (`W`: a typed table's batch write gives its entity writes, see `TypedTable.batchWrite`). */
  readonly unapplied: ReadonlyArray<W>
  /** Writes applied before the run stopped. */
  readonly written: number
  readonly cause: Cause<E> | undefined
  readonly message: string
}> {}

/**
 * Writes everything `writes` holds and succeeds with a `Summary`; fails with `BatchWriteError` listing every write
 * not applied. Each write is sent at most 10 times without progress (by default, `options.retry`) and 50 times in
 * all; one that runs out is set aside and the others are still written: the run keeps going while it makes progress. An `Iterable` is read and checked whole before anything is sent; a `Stream` is written as it comes
 * (a write taken but not applied is never dropped; the stream's own failure is the error's `cause`). Two writes of
 * the same item never share a request: the later one is sent once the earlier one is applied, so the order given
 * holds. Interrupting the fiber lets the requests in flight finish, then fails with reason `Interrupted` (seen by
 * whoever awaits the fiber, e.g. in the `Exit` of `Fiber.interrupt`). A defect stays a defect.
 *
 * @example
 * import { type Item, BatchWrite } from "dynofunc"
 * import { Stream } from "effect"
 * const csvRows: ReadonlyArray<Item> = [{ id: "u1", name: "Ada" }, { id: "u2", name: "Grace" }]
 * const lines = Stream.fromIterable(csvRows).pipe(Stream.map((row): BatchWrite.Write => ({ table: "users", put: row })))
 * BatchWrite.run(lines, { concurrency: 4, keys: { users: ["id"] } })
 *
 * @since 0.1.0
 * @category execution
 */
export const run = <E = never, R = never>(
  writes: Iterable<Write> | Stream.Stream<Write, E, R>,
  options: Options = {}
): Effect.Effect<Summary, BatchWriteError<E>, DynamoClient | R> =>
  Effect.withSpan(
    Effect.scoped(
      Effect.flatMap(makeWriter<E>(options), (writer) => {
        const work = Effect.andThen(feed(writes, writer), writer.finish)
        return writer.reporting(work, (report) => new BatchWriteError<E>(report))
      })
    ),
    "dynofunc.BatchWrite.run",
    // Data-first: Effect 4's pipeable `withSpan` takes `captureStackTrace` in a third argument.
    { kind: "client", captureStackTrace: false }
  )

/**
 * The batch writer as a `Sink`: `Stream.run(writes, BatchWrite.sink())` writes the stream and succeeds with a
 * `Summary`. It fails with `BatchWriteError` (every write it took and did not apply) when a request fails or retries
 * run out. The source's own failure and an interruption end the run as they are (Effect keeps a source's failure
 * from its sink); the requests in flight finish first. To have those reported too, give the stream to `run`.
 *
 * @example
 * import { type Item, BatchWrite } from "dynofunc"
 * import { Stream } from "effect"
 * const rows: ReadonlyArray<Item> = [{ id: "u1", name: "Ada" }, { id: "u2", name: "Grace" }]
 * Stream.run(Stream.fromIterable(rows).pipe(Stream.map((put): BatchWrite.Write => ({ table: "users", put }))), BatchWrite.sink())
 *
 * @since 0.1.0
 * @category execution
 */
export const sink = (options: Options = {}): Sink.Sink<Summary, Write, never, BatchWriteError, DynamoClient> =>
  A.sinkUnwrapScoped<Summary, Write, never, BatchWriteError, DynamoClient | Scope.Scope>(
    Effect.map(makeWriter<never>(options), (writer) => {
      const toError = (report: Report<never>) => new BatchWriteError<never>(report)
      return Sink.forEach((write: Write) => writer.reporting(writer.add(write), toError)).pipe(
        Sink.mapEffect(() => writer.reporting(writer.finish, toError))
      )
    })
  )
