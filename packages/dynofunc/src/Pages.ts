/**
 * Every page of a paginated read as a `Stream`: `query`, `scan`, PartiQL's `executeStatement` and the `list…`
 * commands. The operation stays a pure value; `pages(op)` streams its pages (each the operation's own result),
 * `items(op)` their items, `count(op)` adds up a `Select: "COUNT"` read, and `parallelScan(op, { segments })`
 * reads a table in `segments` parallel parts merged into one stream. Each request runs through `execute`, so a
 * stream fails with the operation's own error union, and interrupting it aborts the request in flight. A typed
 * query or scan (`Entity.query`, `Entity.scan`, `TypedTable.collection`) streams decoded pages and items, and fails
 * with its typed errors too (`ItemDecodeError`, …).
 *
 * @example
 * import { Effect, Stream } from "effect"
 * import { Pages, attr, query } from "dynofunc"
 *
 * const orders = query("orders", attr("customer").equals("c1"), { limit: 100 }) // 100 items a page
 * const first250 = Pages.items(orders, { maxItems: 250 }).pipe(Stream.runCollect)
 * const total = Pages.count(orders)
 *
 * @since 0.1.0
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { type Effect, Stream } from "effect"
import * as A from "#adapter"
import type { Outcome } from "#adapter"
import type { DynamoClient } from "./DynamoClient.js"
import type { InvalidInputError } from "./DynamoError.js"
import type { ErrorOf } from "./Execute.js"
import { checkBounds, invalidOptions } from "./internal/bulk/options.js"
import { type paginated, type Step, steps, type Token } from "./internal/bulk/paginated.js"
import { make, type Operation, type OutputOf } from "@dynofunc/core/Operation"

/**
 * The commands that read a page at a time.
 *
 * @since 0.1.0
 * @category models
 */
export type PaginatedName = keyof typeof paginated

/**
 * The page a result stands for. A typed operation (`Entity.query`, `TypedTable.collection`, …) decodes each page to
 * an `Outcome` (`Either` on Effect 3, `Result` on 4): the decoded page, or why it does not decode (`PageFailure`);
 * any other result is the page itself.
 *
 * @since 0.1.0
 * @category models
 */
export type PageOf<Result> = Result extends Outcome.Outcome<infer Page, infer _Failure> ? Page : Result

/**
 * Why a page of a typed operation does not decode (`never` for any other operation).
 *
 * @since 0.1.0
 * @category models
 */
export type PageFailure<Result> = Result extends Outcome.Outcome<infer _Page, infer Failure> ? Failure : never

/**
 * Options of `pages`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PagesOptions {
  /** Send at most this many requests. Default: every page. (`limit` on the operation is the size of a page.) */
  readonly maxPages?: number | undefined
  /**
   * Fetch up to this many pages ahead of the consumer while it works on the current one. Default 0: the next
   * request goes out when the consumer asks for more. Memory holds at most `buffer + 1` pages.
   */
  readonly buffer?: number | undefined
}

/**
 * Options of `items`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ItemsOptions extends PagesOptions {
  /** Emit at most this many items, then stop reading (no further request is sent). */
  readonly maxItems?: number | undefined
}

type RawItems<Name extends PaginatedName> = (typeof paginated)[Name]["items"] extends infer Field extends keyof OutputOf<Name>
  ? NonNullable<OutputOf<Name>[Field]>
  : never

/**
 * One item of a page of `Name` whose result is `Result`: the friendly result's `items` when it has them (plain JS
 * for `query`, `scan`, `executeStatement`), otherwise an element of the SDK output's list (`TableNames` of
 * `ListTables`, `BackupSummaries` of `ListBackups`, `Tags` of `ListTagsOfResource`, …).
 *
 * @example
 * import { type ItemOf } from "dynofunc"
 * import { type ListTablesCommandOutput } from "@aws-sdk/client-dynamodb"
 * type Table = ItemOf<"ListTables", ListTablesCommandOutput> // string
 *
 * @since 0.1.0
 * @category models
 */
export type ItemOf<Name extends PaginatedName, Result> = PageOf<Result> extends { readonly items: ReadonlyArray<infer Item> }
  ? Item
  : RawItems<Name> extends ReadonlyArray<infer Item> ? Item
  : never

const checked = <A, E, R>(
  operation: string,
  options: ItemsOptions & { readonly segments?: number | undefined; readonly concurrency?: number | undefined },
  stream: () => Stream.Stream<A, E, R>
): Stream.Stream<A, E | InvalidInputError, R> => {
  const problems = checkBounds([
    { part: "maxPages", value: options.maxPages, min: 0 },
    { part: "maxItems", value: options.maxItems, min: 0 },
    { part: "buffer", value: options.buffer, min: 0 },
    { part: "segments", value: options.segments, min: 1, max: 1_000_000 },
    { part: "concurrency", value: options.concurrency, min: 1 }
  ])
  return problems.length > 0 ? Stream.fail(invalidOptions(operation, problems)) : Stream.suspend(stream)
}

const bounded = <A, E, R>(stream: Stream.Stream<A, E, R>, max: number | undefined): Stream.Stream<A, E, R> =>
  max === undefined ? stream : Stream.take(stream, max)

const buffered = <A, E, R>(stream: Stream.Stream<A, E, R>, buffer: number | undefined): Stream.Stream<A, E, R> =>
  buffer === undefined || buffer === 0 ? stream : A.buffer(stream, buffer)

const stepsOf = <Name extends PaginatedName, Result>(op: Operation<Name, Result>, options: PagesOptions) =>
  buffered(bounded(steps(op, undefined), options.maxPages), options.buffer)

/**
 * Every page of `op`, from where `op` starts (its `startKey` / `NextToken`, if any) to the last, one request per
 * page; each page is what `execute(op)` succeeds with, or for a typed query or scan (`Entity.query`,
 * `TypedTable.collection`, …) what `TypedTable.execute` does: the decoded page, a page that does not decode failing
 * the stream with its typed error. `op`'s `limit` stays DynamoDB's page size; `maxPages` bounds the requests.
 *
 * @example
 * import { Pages, scan } from "dynofunc"
 * import { Stream, Console } from "effect"
 * Pages.pages(scan("users", { limit: 50 }), { maxPages: 3 }).pipe(
 *   Stream.runForEach((page) => Console.log(page.count, page.lastKey))
 * )
 *
 * @since 0.1.0
 * @category streams
 */
export const pages = <Name extends PaginatedName, Result>(
  op: Operation<Name, Result>,
  options: PagesOptions = {}
): Stream.Stream<PageOf<Result>, ErrorOf<Name> | PageFailure<Result>, DynamoClient> =>
  checked(op.name, options, () => Stream.map(stepsOf(op, options), (step) => step.result))

/**
 * Every item of every page of `op`, in order: plain JS items for `query`, `scan` and `executeStatement`, decoded
 * ones for a typed query or scan (failing with its typed errors, as `pages`), the SDK's list elements for the
 * `list…` commands (`listTables()` → table names). `maxItems` stops reading once that many came out.
 *
 * @example
 * import { Pages, query, attr, listTables } from "dynofunc"
 * import { Stream } from "effect"
 * Pages.items(query("posts", attr("author").equals("ada"), { order: "desc" }), { maxItems: 20 }).pipe(Stream.runCollect)
 * Pages.items(listTables()).pipe(Stream.runCollect) // every table name
 *
 * @since 0.1.0
 * @category streams
 */
export const items = <Name extends PaginatedName, Result>(
  op: Operation<Name, Result>,
  options: ItemsOptions = {}
): Stream.Stream<ItemOf<Name, Result>, ErrorOf<Name> | PageFailure<Result>, DynamoClient> =>
  checked(op.name, options, () => bounded(A.mapConcat(stepsOf(op, options), itemsOf<Name, Result>), options.maxItems))

const itemsOf = <Name extends PaginatedName, Result>(step: Step<Result>) => step.items as ReadonlyArray<ItemOf<Name, Result>>

/**
 * How many items `op` (a `query` or `scan`) matches, over all its pages, without collecting them: each request
 * asks for `Select: "COUNT"` (unless `op` chose its own `select` or a projection, which DynamoDB does not allow
 * with it) and the counts are added up. With a `filter`, it counts the items that pass it.
 *
 * @example
 * import { Pages, query, attr } from "dynofunc"
 * Pages.count(query("orders", attr("customer").equals("c1"), { filter: attr("status").equals("open") }))
 *
 * @since 0.1.0
 * @category streams
 */
export const count = <Name extends "Query" | "Scan", Result>(
  op: Operation<Name, Result>
): Effect.Effect<number, ErrorOf<Name>, DynamoClient> => {
  const description = op.description
  const counting = make({
    ...op,
    description:
      description.Select === undefined && description.ProjectionExpression === undefined
        ? { ...description, Select: "COUNT" }
        : description,
    decode: (raw: OutputOf<"Query" | "Scan">) => raw.Count ?? 0
  })
  return A.runFold(pages(counting), () => 0, (total, n) => total + n)
}

/**
 * Where one segment of a parallel scan stands: not begun, after this key, or finished.
 *
 * @since 0.1.0
 * @category models
 */
export type SegmentPosition = "start" | { readonly after: Record<string, AttributeValue> } | "done"

/**
 * Where a parallel scan stands: one `SegmentPosition` per segment. Turn it into a string with `Cursor`.
 *
 * @since 0.1.0
 * @category models
 */
export type ScanPosition = ReadonlyArray<SegmentPosition>

/**
 * A page of one segment of a parallel scan, with the position of the whole scan once this page is consumed.
 *
 * @since 0.1.0
 * @category models
 */
export interface SegmentPage<Result> {
  readonly segment: number
  readonly page: Result
  /** Every segment's position after this page (and every page emitted before it): resume from it with `from`. */
  readonly position: ScanPosition
}

/**
 * Options of `parallelScan`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParallelScanOptions extends PagesOptions {
  /** How many segments (`TotalSegments`), 1 to 1,000,000. */
  readonly segments: number
  /** How many segments are read at the same time. Default: `min(segments, 8)`. */
  readonly concurrency?: number | undefined
  /** Go on from a position a previous parallel scan with the same `segments` reached. */
  readonly from?: ScanPosition | undefined
}

/**
 * A parallel scan: `op` read as `segments` segments (`Segment`/`TotalSegments`), `concurrency` of them at a time,
 * their pages merged into one stream as they arrive. Every item comes out exactly once. Each page carries the
 * position of the whole scan after it; pass it back as `from` (or store it with `Cursor`) to go on after an
 * interruption without reading a consumed page again. `maxPages` bounds the pages of all segments together;
 * `buffer` the pages waiting for the consumer.
 *
 * @example
 * import { Pages, scan } from "dynofunc"
 * import { Stream, Console } from "effect"
 * Pages.parallelScan(scan("events"), { segments: 8, concurrency: 4 }).pipe(
 *   Stream.runForEach(({ segment, page }) => Console.log(`segment ${segment}: ${page.count} items`))
 * )
 *
 * @since 0.1.0
 * @category streams
 */
export const parallelScan = <Result>(
  op: Operation<"Scan", Result>,
  options: ParallelScanOptions
): Stream.Stream<SegmentPage<PageOf<Result>>, ErrorOf<"Scan"> | PageFailure<Result>, DynamoClient> =>
  checked(op.name, options, () =>
    Stream.map(segmentSteps(op, options), ({ position, segment, step }) => ({ segment, page: step.result, position }))
  )

/**
 * The items of a parallel scan (`parallelScan`), in the order their pages arrive; `maxItems` stops reading once
 * that many came out.
 *
 * @example
 * import { Pages, scan, attr } from "dynofunc"
 * import { Stream } from "effect"
 * Pages.parallelItems(scan("events", { filter: attr("type").equals("click") }), { segments: 16 }).pipe(Stream.runCount)
 *
 * @since 0.1.0
 * @category streams
 */
export const parallelItems = <Result>(
  op: Operation<"Scan", Result>,
  options: ParallelScanOptions & ItemsOptions
): Stream.Stream<ItemOf<"Scan", Result>, ErrorOf<"Scan"> | PageFailure<Result>, DynamoClient> =>
  checked(op.name, options, () =>
    bounded(
      A.mapConcat(segmentSteps(op, options), ({ step }) => itemsOf<"Scan", Result>(step)),
      options.maxItems
    )
  )

/** The pages of every segment, merged, each with its segment and the scan's position once it is consumed. */
const segmentSteps = <Result>(op: Operation<"Scan", Result>, options: ParallelScanOptions) => {
  const { segments } = options
  const start: ScanPosition = options.from ?? Array.from({ length: segments }, () => "start" as const)
  const problems = [
    ...(op.description.Segment !== undefined || op.description.TotalSegments !== undefined
      ? [{ part: "Segment", message: "the scan already reads one segment: give the whole scan" }]
      : []),
    ...(start.length !== segments
      ? [{ part: "from", message: `holds ${start.length} segment positions, for a scan of ${segments} segments` }]
      : [])
  ]
  if (problems.length > 0) return Stream.fail(invalidOptions(op.name, problems))
  const perSegment = start.map((position, segment) =>
    position === "done"
      ? Stream.empty
      : Stream.map(
          steps(
            make({ ...op, description: { ...op.description, Segment: segment, TotalSegments: segments } }),
            position === "start" ? undefined : (position.after satisfies Token)
          ),
          (step) => ({ segment, step })
        )
  )
  const merged = Stream.mergeAll(perSegment, {
    concurrency: options.concurrency ?? Math.min(segments, 8),
    bufferSize: Math.max(1, options.buffer ?? 0)
  })
  return A.mapAccum(bounded(merged, options.maxPages), () => start, (position, { segment, step }) => {
    const next = position.slice()
    next[segment] = step.next === undefined ? "done" : { after: step.next as Record<string, AttributeValue> }
    return [next, { segment, step, position: next as ScanPosition }] as const
  })
}
