import type { BackupSummary, GlobalTable, Tag } from "@aws-sdk/client-dynamodb"
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import { Deferred, Effect, Fiber, Redacted, Schedule, Stream } from "effect"
import {
  DynamoClient,
  Retry,
  type ErrorOf,
  type Item,
  Pages,
  type PaginatedName,
  executeStatement,
  find,
  listBackups,
  listGlobalTables,
  listTables,
  listTagsOfResource,
  makeOperation,
  query,
  scan,
  attr
} from "dynofunc"
import { endpointOf, server } from "./support/httpServer.js"
import { itemsOf, pagedTable, range } from "./support/pagedTable.js"
import * as A from "#adapter"
import * as T from "#test-effect"

const collect = <A, E>(stream: Stream.Stream<A, E, DynamoClient.DynamoClient>, layer: ReturnType<typeof DynamoClient.layerTest>) =>
  Effect.map(Stream.runCollect(stream).pipe(Effect.provide(layer)), (items) => Array.from(items))

const startKeys = (requests: ReadonlyArray<Record<string, unknown>>) =>
  requests.map((input) => (input["ExclusiveStartKey"] as { id: { N: string } } | undefined)?.id.N)

describe("Pages.pages and Pages.items", () => {
  it.effect("reads every page, feeding each LastEvaluatedKey back as ExclusiveStartKey; limit stays the page size", () =>
    Effect.gen(function* () {
      const table = pagedTable(25)
      const pages = yield* collect(Pages.pages(scan("things", { limit: 10 })), table.layer)
      expect(pages.map((page) => page.count)).toEqual([10, 10, 5])
      expect(pages.flatMap((page) => page.items)).toEqual(itemsOf(range(25)))
      expect(startKeys(table.requests)).toEqual([undefined, "9", "19"])
      expect(table.requests.map((input) => input["Limit"])).toEqual([10, 10, 10])
    }))

  it.effect("an empty LastEvaluatedKey ends the pages: it is sent back as no start key (DynamoDB would refuse an empty one)", () =>
    Effect.gen(function* () {
      const requests: Array<Record<string, unknown>> = []
      const layer = DynamoClient.layerTest((request) => {
        requests.push(request.input as Record<string, unknown>)
        return Effect.succeed({ Items: [{ id: { N: "1" } }], Count: 1, LastEvaluatedKey: {}, $metadata: {} })
      })
      const pages = yield* collect(Pages.pages(scan("things")), layer)
      expect(pages.map((page) => page.count)).toEqual([1])
      expect(requests.length).toBe(1)
    }))

  it.effect("items are the pages' items in order, as plain JS; a startKey on the operation is where it begins", () =>
    Effect.gen(function* () {
      const table = pagedTable(25)
      const items = yield* collect(Pages.items(query("things", attr("id").equals(1), { limit: 7, startKey: { id: 3 } })), table.layer)
      expect(items).toEqual(itemsOf(range(25).slice(4)))
      expect(startKeys(table.requests)).toEqual(["3", "10", "17"])
    }))

  it.effect("maxPages and maxItems stop sending requests once reached", () =>
    Effect.gen(function* () {
      const byPages = pagedTable(100)
      expect(yield* collect(Pages.pages(scan("things"), { maxPages: 2 }), byPages.layer)).toHaveLength(2)
      expect(byPages.requests).toHaveLength(2)
      const byItems = pagedTable(100)
      expect(yield* collect(Pages.items(scan("things"), { maxItems: 12 }), byItems.layer)).toEqual(itemsOf(range(12)))
      expect(byItems.requests).toHaveLength(2)
      const none = pagedTable(100)
      expect(yield* collect(Pages.items(scan("things"), { maxItems: 0 }), none.layer)).toEqual([])
      expect(none.requests).toHaveLength(0)
    }))

  it.effect("buffer fetches ahead of a slow consumer, but never more than buffer pages", () =>
    Effect.gen(function* () {
      const table = pagedTable(200)
      const first = yield* Deferred.make<void>()
      const release = yield* Deferred.make<void>()
      const fiber = yield* Pages.pages(scan("things"), { buffer: 3 }).pipe(
        Stream.runForEach(() => Deferred.succeed(first, undefined).pipe(Effect.andThen(Deferred.await(release)))),
        Effect.provide(table.layer),
        T.fork
      )
      yield* Deferred.await(first)
      for (let i = 0; i < 50; i++) yield* T.yieldNow
      // The page being consumed, `buffer` pages waiting, and one more fetched and waiting to be queued.
      expect(table.requests.length).toBeGreaterThanOrEqual(3)
      expect(table.requests.length).toBeLessThanOrEqual(1 + 3 + 1)
      yield* Deferred.succeed(release, undefined)
      yield* Fiber.join(fiber)
      expect(table.requests).toHaveLength(20)
    }))

  it.effect("a failing page fails the stream with the operation's own typed error, after the pages before it", () =>
    Effect.gen(function* () {
      const table = pagedTable(50, { failOnRequest: 3 })
      const seen: Array<number> = []
      const error = yield* Pages.pages(scan("things")).pipe(
        Stream.runForEach((page) => Effect.sync(() => seen.push(page.count))),
        Effect.flip,
        Effect.provide(table.layer),
        // Tried once: request retries are `Retry.test.ts`'s.
        Effect.provideService(Retry.Policy, Schedule.recurs(0))
      )
      expect(error._tag).toBe("ProvisionedThroughputExceededError")
      expect(seen).toEqual([10, 10])
      expectTypeOf(error).toEqualTypeOf<ErrorOf<"Scan">>()
    }))

  it.effect("bad options fail with InvalidInputError naming them, and nothing is sent", () =>
    Effect.gen(function* () {
      const table = pagedTable(10)
      const error = yield* Effect.flip(collect(Pages.items(scan("things"), { maxItems: -1, buffer: 1.5 }), table.layer))
      expect(error).toMatchObject({ _tag: "InvalidInputError", operation: "Scan" })
      expect(error._tag === "InvalidInputError" && error.problems.map((p) => p.part)).toEqual(["maxItems", "buffer"])
      expect(table.requests).toHaveLength(0)
    }))

  it.effect("an operation with problems fails with its InvalidInputError on the first page, nothing sent", () =>
    Effect.gen(function* () {
      const table = pagedTable(10)
      const error = yield* Effect.flip(collect(Pages.items(scan("no spaces allowed")), table.layer))
      expect(error._tag).toBe("InvalidInputError")
      expect(table.requests).toHaveLength(0)
    }))

  it("the types: items of a query are plain JS items, of listTables table names; errors are the operation's", () => {
    expectTypeOf(Pages.items(query("things", attr("id").equals(1)))).toEqualTypeOf<Stream.Stream<Item, ErrorOf<"Query">, DynamoClient.DynamoClient>>()
    expectTypeOf(Pages.items(listTables())).toEqualTypeOf<Stream.Stream<string, ErrorOf<"ListTables">, DynamoClient.DynamoClient>>()
    expectTypeOf(Pages.items(listBackups())).toEqualTypeOf<Stream.Stream<BackupSummary, ErrorOf<"ListBackups">, DynamoClient.DynamoClient>>()
    expectTypeOf(Pages.items(listGlobalTables())).toEqualTypeOf<Stream.Stream<GlobalTable, ErrorOf<"ListGlobalTables">, DynamoClient.DynamoClient>>()
    expectTypeOf(Pages.items(listTagsOfResource("arn"))).toEqualTypeOf<Stream.Stream<Tag, ErrorOf<"ListTagsOfResource">, DynamoClient.DynamoClient>>()
    expectTypeOf(Pages.items(executeStatement("SELECT * FROM t"))).toEqualTypeOf<Stream.Stream<Item, ErrorOf<"ExecuteStatement">, DynamoClient.DynamoClient>>()
    // @ts-expect-error GetItem reads no pages
    Pages.pages(find("t", { id: 1 }))
  })
})

/** Each paginated list command: its token fields, and the output field holding its items. */
const listCommands: ReadonlyArray<{
  readonly name: PaginatedName
  readonly items$: Stream.Stream<unknown, unknown, DynamoClient.DynamoClient>
  readonly start: string
  readonly next: string
  readonly items: string
}> = [
  { name: "ListTables", items$: Pages.items(listTables({ Limit: 2 })), start: "ExclusiveStartTableName", next: "LastEvaluatedTableName", items: "TableNames" },
  { name: "ListBackups", items$: Pages.items(listBackups()), start: "ExclusiveStartBackupArn", next: "LastEvaluatedBackupArn", items: "BackupSummaries" },
  { name: "ListGlobalTables", items$: Pages.items(listGlobalTables()), start: "ExclusiveStartGlobalTableName", next: "LastEvaluatedGlobalTableName", items: "GlobalTables" },
  { name: "ListTagsOfResource", items$: Pages.items(listTagsOfResource("arn:t")), start: "NextToken", next: "NextToken", items: "Tags" },
  ...(
    [
      ["ListExports", "ExportSummaries"],
      ["ListImports", "ImportSummaryList"],
      ["ListContributorInsights", "ContributorInsightsSummaries"],
      ["ListBulkOperations", "BulkOperationsSummaryList"]
    ] as const
  ).map(([name, items]) => ({
    name,
    items$: Pages.items(makeOperation({ name, description: {}, decode: (raw: unknown) => raw })),
    start: "NextToken",
    next: "NextToken",
    items
  })),
  { name: "ExecuteStatement", items$: Pages.items(executeStatement("SELECT * FROM t")), start: "NextToken", next: "NextToken", items: "Items" }
]

describe("every paginated list command", () => {
  it.effect.each(listCommands)("$name: pages through $start ← $next, items from $items", (command) =>
    Effect.gen(function* () {
      const requests: Array<Record<string, unknown>> = []
      const element = (i: number) => (command.items === "Items" ? { n: { N: String(i) } } : { n: i })
      const layer = DynamoClient.layerTest((request) => {
        const input = request.input as Record<string, unknown>
        requests.push(input)
        const from = Number(input[command.start] ?? 0)
        return Effect.succeed({
          [command.items]: [element(from), element(from + 1)],
          ...(from < 4 && { [command.next]: String(from + 2) }),
          $metadata: {}
        })
      })
      const items = yield* collect(command.items$, layer)
      expect(items).toEqual(range(6).map((i) => (command.items === "Items" ? { n: i } : { n: i })))
      expect(requests.map((input) => input[command.start])).toEqual([undefined, "2", "4"])
    }))
})

describe("Pages.count", () => {
  it.effect("adds up Count over every page, asking for Select COUNT so no item is sent", () =>
    Effect.gen(function* () {
      const table = pagedTable(95)
      const total = yield* Pages.count(scan("things", { filter: attr("even").equals(true) })).pipe(Effect.provide(table.layer))
      expect(total).toBe(95)
      expect(table.requests).toHaveLength(10)
      expect(table.requests.every((input) => input["Select"] === "COUNT")).toBe(true)
    }))

  it.effect("keeps the operation's own select, and sends no Select with a projection (DynamoDB refuses both)", () =>
    Effect.gen(function* () {
      const table = pagedTable(5)
      yield* Pages.count(scan("things", { projection: ["id"] })).pipe(Effect.provide(table.layer))
      yield* Pages.count(scan("things", { select: "ALL_ATTRIBUTES" })).pipe(Effect.provide(table.layer))
      expect(table.requests.map((input) => input["Select"])).toEqual([undefined, "ALL_ATTRIBUTES"])
    }))
})

describe("Pages.parallelScan", () => {
  it.effect.each([1, 4, 16])("%i segments: every item exactly once, each request on its segment", (segments) =>
    Effect.gen(function* () {
      const table = pagedTable(333)
      const items = yield* collect(Pages.parallelItems(scan("things", { limit: 25 }), { segments, concurrency: 3 }), table.layer)
      expect([...items].sort((a, b) => (a["id"] as number) - (b["id"] as number))).toEqual(itemsOf(range(333)))
      expect(new Set(table.requests.map((input) => `${input["Segment"]}/${input["TotalSegments"]}`)).size).toBe(segments)
    }))

  it.effect("each page carries every segment's position; resuming from any of them reads exactly the rest", () =>
    Effect.gen(function* () {
      const table = pagedTable(120)
      const op = scan("things", { limit: 7 })
      const pages = yield* collect(Pages.parallelScan(op, { segments: 4 }), table.layer)
      expect(pages.at(-1)?.position).toEqual(["done", "done", "done", "done"])
      for (const cut of [0, 3, 9, pages.length - 1]) {
        const seen = pages.slice(0, cut + 1).flatMap(({ page }) => page.items)
        const rest = yield* collect(Pages.parallelItems(op, { segments: 4, from: pages[cut]!.position }), pagedTable(120).layer)
        const ids = [...seen, ...rest].map((item) => item["id"] as number).sort((a, b) => a - b)
        expect(ids).toEqual(range(120))
      }
    }))

  it.effect("maxPages bounds the pages of all segments together; maxItems the items", () =>
    Effect.gen(function* () {
      const table = pagedTable(200)
      expect(yield* collect(Pages.parallelScan(scan("things"), { segments: 4, maxPages: 5 }), table.layer)).toHaveLength(5)
      expect(yield* collect(Pages.parallelItems(scan("things"), { segments: 4, maxItems: 33 }), table.layer)).toHaveLength(33)
    }))

  it.effect("refuses a bad segment count, a position of another size, and a scan that already reads one segment", () =>
    Effect.gen(function* () {
      const table = pagedTable(10)
      const parts = (stream: Stream.Stream<unknown, ErrorOf<"Scan">, DynamoClient.DynamoClient>) =>
        Effect.map(Effect.flip(collect(stream, table.layer)), (error) => (error._tag === "InvalidInputError" ? error.problems.map((p) => p.part) : error._tag))
      expect(yield* parts(Pages.parallelScan(scan("things"), { segments: 0 }))).toEqual(["segments"])
      expect(yield* parts(Pages.parallelScan(scan("things"), { segments: 2, concurrency: 0 }))).toEqual(["concurrency"])
      expect(yield* parts(Pages.parallelScan(scan("things"), { segments: 2, from: ["start"] }))).toEqual(["from"])
      expect(yield* parts(Pages.parallelItems(scan("things", { segment: { segment: 0, of: 2 } }), { segments: 2 }))).toEqual(["Segment"])
      expect(table.requests).toHaveLength(0)
    }))
})

describe("interrupting a stream aborts the request in flight", () => {
  const credentials = { accessKeyId: "test", secretAccessKey: Redacted.make("test") }

  /** A server that answers the first `answered` requests with a one-item page and leaves the next ones hanging. */
  const hanging = (answered: number) =>
    Effect.gen(function* () {
      const state = { requests: 0, open: 0, closed: 0 }
      const stuck = yield* Deferred.make<void>()
      const s = yield* server((req, res) => {
        state.requests++
        if (state.requests <= answered) {
          res.setHeader("content-type", "application/x-amz-json-1.0")
          res.end(JSON.stringify({ Items: [{ id: { N: String(state.requests) } }], Count: 1, ScannedCount: 1, LastEvaluatedKey: { id: { N: String(state.requests) } } }))
          return
        }
        state.open++
        req.socket.on("close", () => state.closed++)
        A.deferredDoneUnsafe(stuck, Effect.void)
      })
      const layer = DynamoClient.layer({ region: "local", endpoint: endpointOf(s), credentials, maxAttempts: 1 })
      return { state, stuck, layer }
    })

  const closesEverySocket = (state: { readonly open: number; readonly closed: number }) =>
    Effect.gen(function* () {
      for (let i = 0; i < 100 && state.closed < state.open; i++) yield* Effect.sleep("20 millis")
      expect(state.closed).toBe(state.open)
    })

  it.live("a pages stream, mid-way: the hanging request's socket closes", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { layer, state, stuck } = yield* hanging(2)
        const fiber = yield* Pages.items(scan("things"), { buffer: 1 }).pipe(Stream.runDrain, Effect.provide(layer), T.fork)
        yield* Deferred.await(stuck)
        expect(T.isInterrupted(yield* T.interrupt(fiber))).toBe(true)
        expect(state.requests).toBe(3)
        yield* closesEverySocket(state)
      })
    ), 10_000)

  it.live("a parallel scan, mid-way: every segment's hanging request is aborted", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const { layer, state, stuck } = yield* hanging(3)
        const fiber = yield* Pages.parallelItems(scan("things"), { segments: 8, concurrency: 4 }).pipe(Stream.runDrain, Effect.provide(layer), T.fork)
        yield* Deferred.await(stuck)
        for (let i = 0; i < 100 && state.open < 4; i++) yield* Effect.sleep("10 millis")
        expect(state.open).toBe(4)
        // Interrupting waits for the segment fibers to end: none is left running.
        expect(T.isInterrupted(yield* T.interrupt(fiber))).toBe(true)
        yield* closesEverySocket(state)
      })
    ), 10_000)
})
