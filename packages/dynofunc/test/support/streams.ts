/**
 * Pages, cursors, parallel scans and counts against a real engine, checked against what the raw SDK's own
 * paginators (`paginateQuery`, `paginateScan`) read from the same table. Any engine Layer can run it.
 */
import { paginateQuery, paginateScan, type QueryCommandInput, type ScanCommandInput } from "@aws-sdk/client-dynamodb"
import { expect, it as base } from "@effect/vitest"
import { Effect, type Layer, Redacted, Stream } from "effect"
import {
  Cursor,
  DynamoClient,
  Pages,
  Value,
  attr,
  batchWriteItem,
  cand,
  create,
  type ErrorOf,
  execute,
  type Item,
  type Operation,
  query,
  type QueryResult,
  scan,
  type ScanResult
} from "dynofunc"

type Read = Operation<"Query", QueryResult> | Operation<"Scan", ScanResult>
type ReadStream<A> = Stream.Stream<A, ErrorOf<"Query" | "Scan">, DynamoClient.DynamoClient>

const pagesOf = (op: Read, options: Pages.PagesOptions = {}): ReadStream<QueryResult | ScanResult> =>
  op.name === "Query" ? Pages.pages(op, options) : Pages.pages(op, options)
const itemsOf = (op: Read): ReadStream<Item> => (op.name === "Query" ? Pages.items(op) : Pages.items(op))

const tableName = "orders"
const customers = ["ada", "bob", "cy", "dee"]
const perCustomer = 300
const statuses = ["open", "paid", "shipped"]

/** Order `n` of `customer`: a status, an amount and some padding, so that pages have some weight. */
const order = (customer: string, n: number) => ({
  customer,
  n,
  status: statuses[n % 3]!,
  amount: (n * 7) % 101,
  note: `order ${n} of ${customer} `.repeat(4)
})

const idOf = (item: Record<string, unknown>) => `${String(item["customer"])}#${String(item["n"])}`

/** What the raw SDK paginator reads for `op`'s input: the pages' items as plain JS, and how many pages. */
const raw = (op: Read) =>
  Effect.gen(function* () {
    const { sdk } = yield* DynamoClient.DynamoClient
    if (sdk === undefined) return yield* Effect.die(new Error("the engine Layer has no SDK client"))
    return yield* Effect.promise(async () => {
      // A copy: the SDK's paginators write each page's ExclusiveStartKey into the input they are given.
      const pages = op.name === "Query"
        ? paginateQuery({ client: sdk }, { ...op.description } as QueryCommandInput)
        : paginateScan({ client: sdk }, { ...op.description } as ScanCommandInput)
      const items: Array<Record<string, unknown>> = []
      let count = 0
      for await (const page of pages) {
        count++
        items.push(...(page.Items ?? []).map(Value.fromItem))
      }
      return { items, pages: count }
    })
  })

const collect = <A, E>(stream: Stream.Stream<A, E, DynamoClient.DynamoClient>) => Effect.map(Stream.runCollect(stream), (items) => Array.from(items))

export const streamsSuite = (engine: string, layer: Layer.Layer<DynamoClient.DynamoClient, unknown>) =>
  base.layer(layer, { timeout: 120_000 })(`pages, cursors and parallel scans on ${engine}`, (it) => {
    it.effect(`loads ${customers.length * perCustomer} orders`, () =>
      Effect.gen(function* () {
        yield* execute(
          create(tableName, "customer", {
            rangeKey: { name: "n", type: "N" },
            globalIndexes: [{ name: "by-status", hashKey: "status", rangeKey: { name: "amount", type: "N" } }]
          })
        )
        const orders = customers.flatMap((customer) => Array.from({ length: perCustomer }, (_, n) => order(customer, n)))
        const chunks = Array.from({ length: Math.ceil(orders.length / 25) }, (_, i) => orders.slice(i * 25, i * 25 + 25))
        yield* Effect.forEach(chunks, (chunk) => execute(batchWriteItem({ [tableName]: chunk.map((put) => ({ put })) })), {
          concurrency: 4,
          discard: true
        })
        expect(yield* Pages.count(scan(tableName))).toBe(orders.length)
      }))

    const reads: ReadonlyArray<readonly [string, Read]> = [
      ["a query, many pages", query(tableName, attr("customer").equals("bob"), { limit: 17 })],
      ["a query, descending, with a filter", query(tableName, cand(attr("customer").equals("cy"), attr("n").gte(40)), { order: "desc", limit: 23, filter: attr("status").equals("paid") })],
      ["a query on an index", query(tableName, attr("status").equals("open"), { index: "by-status", limit: 31 })],
      ["a query on an index, descending, with a filter", query(tableName, cand(attr("status").equals("shipped"), attr("amount").lt(60)), { index: "by-status", order: "desc", limit: 19, filter: attr("customer").notEquals("ada") })],
      ["a scan, many pages", scan(tableName, { limit: 97 })],
      ["a scan with a filter", scan(tableName, { limit: 64, filter: attr("amount").between(10, 30) })],
      ["a scan of an index with a projection", scan(tableName, { index: "by-status", limit: 101, projection: ["customer", "n", "status"] })]
    ]

    for (const [what, op] of reads) {
      it.effect(`${what}: Pages reads exactly what the SDK's paginator reads`, () =>
        Effect.gen(function* () {
          const expected = yield* raw(op)
          expect(expected.pages).toBeGreaterThan(3)
          expect(expected.items.length).toBeGreaterThan(0)
          expect((yield* collect(pagesOf(op))).length).toBe(expected.pages)
          expect(yield* collect(itemsOf(op))).toEqual(expected.items)
        }))
    }

    it.effect("Pages.count adds up the same number as the paginator's items, for a query with a filter and for a scan", () =>
      Effect.gen(function* () {
        const filtered = query(tableName, attr("customer").equals("dee"), { limit: 40, filter: attr("status").equals("open") })
        expect(yield* Pages.count(filtered)).toBe((yield* raw(filtered)).items.length)
        expect(yield* Pages.count(scan(tableName, { limit: 150 }))).toBe(customers.length * perCustomer)
      }))

    const cursors = Cursor.make(Redacted.make("streams-suite-key"))

    it.effect("a cursor taken after page 3 resumes exactly where it stopped (query and scan)", () =>
      Effect.gen(function* () {
        const ops: ReadonlyArray<Read> = [query(tableName, attr("customer").equals("ada"), { limit: 29, order: "desc" }), scan(tableName, { limit: 77 })]
        for (const op of ops) {
          const all = (yield* raw(op)).items
          const head = yield* collect(pagesOf(op, { maxPages: 3 }))
          const cursor = cursors.after(op, head[2]!)
          expect(cursor).toBeDefined()
          const rest = yield* collect(itemsOf(yield* (op.name === "Query" ? cursors.resume(op, cursor!) : cursors.resume(op, cursor!))))
          expect([...head.flatMap((page) => page.items), ...rest]).toEqual(all)
        }
      }))

    it.effect("a tampered cursor, or one from another index, is refused with InvalidCursorError and nothing is read", () =>
      Effect.gen(function* () {
        const op = scan(tableName, { limit: 50 })
        const [first] = yield* collect(Pages.pages(op, { maxPages: 1 }))
        const cursor = cursors.after(op, first!)!
        const body = JSON.parse(Buffer.from(cursor.split(".")[0]!, "base64url").toString()) as Array<unknown>
        const forged = [Buffer.from(JSON.stringify([body[0], ["Scan", "other", null, null, null], body[2], body[3]])).toString("base64url"), cursor.split(".")[1]].join(".")
        expect(yield* Effect.flip(cursors.resume(op, forged))).toMatchObject({ _tag: "InvalidCursorError", reason: "Tampered" })
        expect(yield* Effect.flip(cursors.resume(scan(tableName, { index: "by-status" }), cursor))).toMatchObject({ _tag: "InvalidCursorError", reason: "OtherTarget" })
      }))

    for (const segments of [1, 4, 16]) {
      it.effect(`a parallel scan in ${segments} segment(s) reads every item exactly once`, () =>
        Effect.gen(function* () {
          const pages = yield* collect(Pages.parallelScan(scan(tableName, { limit: 60 }), { segments, concurrency: 4 }))
          const ids = pages.flatMap(({ page }) => page.items).map(idOf)
          expect(ids.length).toBe(customers.length * perCustomer)
          expect(new Set(ids).size).toBe(ids.length)
          // The engine really splits the table (by partition key: the 4 customers land in more than one segment).
          const withItems = new Set(pages.filter(({ page }) => page.count > 0).map(({ segment }) => segment))
          expect(withItems.size).toBeGreaterThanOrEqual(Math.min(segments, 2))
        }))
    }

    it.effect("a parallel scan interrupted mid-way resumes from its cursor: every item exactly once", () =>
      Effect.gen(function* () {
        const op = scan(tableName, { limit: 45 })
        const head = yield* collect(Pages.parallelScan(op, { segments: 4, maxPages: 9 }))
        const cursor = cursors.ofPosition(op, head.at(-1)!.position)
        const from = yield* cursors.position(op, cursor)
        const rest = yield* collect(Pages.parallelItems(op, { segments: 4, from }))
        const ids = [...head.flatMap(({ page }) => page.items), ...rest].map(idOf)
        expect(ids.length).toBe(customers.length * perCustomer)
        expect(new Set(ids).size).toBe(ids.length)
      }))
  })
