/**
 * A typed single-table model: `pnpm --filter @dynofunc/examples single-table`. Customers and their orders share one
 * table and one partition per customer (a collection); a GSI finds orders by status. Every write is checked by the
 * entity's Schema, every read decoded; changing an order's status moves it in the index. The Schemas are spelled as
 * both Effect majors spell them (`Schema.DateFromString`, `Schema.Finite`, …); a literal union such as the status
 * is `Schema.Literal("open", "shipped")` on Effect 3 and `Schema.Literals(["open", "shipped"])` on Effect 4, so the
 * status is a string here (docs/effect-3-vs-4.md lists the Schemas that differ).
 */
import { Console, Effect, Schema, Stream } from "effect"
import { Entity, Pages, TypedTable, execute } from "dynofunc"

/** One table: `pk`/`sk`, and a GSI `byStatus` on `gsi1pk`/`gsi1sk`. */
export const shop = TypedTable.make({ name: "shop", partitionKey: "pk", sortKey: "sk", indexes: { byStatus: { partitionKey: "gsi1pk", sortKey: "gsi1sk" } } })

/** A customer: pk = `CUSTOMER#<id>`, sk = `PROFILE`. */
export const Customer = Entity.make({
  table: shop,
  name: "Customer",
  schema: Schema.Struct({ customer: Schema.String, name: Schema.String, email: Schema.String }),
  primary: { partition: { prefix: "CUSTOMER", fields: ["customer"] }, sort: { prefix: "PROFILE", fields: [] } }
})

/** An order, in its customer's partition: sk = `ORDER#<id>`; in `byStatus` under `STATUS#<status>`, by date. */
export const Order = Entity.make({
  table: shop,
  name: "Order",
  schema: Schema.Struct({
    customer: Schema.String,
    order: Schema.String,
    status: Schema.String,
    lines: Schema.Array(Schema.Struct({ sku: Schema.String, quantity: Schema.Int })),
    total: Schema.Finite,
    placed: Schema.DateFromString
  }),
  primary: { partition: { prefix: "CUSTOMER", fields: ["customer"] }, sort: { prefix: "ORDER", fields: ["order"] } },
  indexes: { byStatus: { partition: { prefix: "STATUS", fields: ["status"] }, sort: { prefix: "PLACED", fields: ["placed"] } } }
})

const day = (date: string) => new Date(`${date}T09:00:00.000Z`)

/** Creates the table, writes a customer and three orders, ships one, and reads the model back three ways. */
export const program = Effect.gen(function* () {
  yield* execute(TypedTable.create(shop))
  yield* TypedTable.execute(Customer.put({ customer: "c1", name: "Ada", email: "ada@example.org" }))
  yield* TypedTable.execute(Order.put({ customer: "c1", order: "o1", status: "open", lines: [{ sku: "tea", quantity: 2 }], total: 12, placed: day("2026-03-01") }))
  yield* TypedTable.execute(Order.put({ customer: "c1", order: "o2", status: "open", lines: [{ sku: "cup", quantity: 1 }], total: 8, placed: day("2026-03-02") }))
  yield* TypedTable.execute(Order.put({ customer: "c2", order: "o3", status: "open", lines: [], total: 0, placed: day("2026-03-03") }))

  // Ship o1, only while it is open: the byStatus key is recomputed, so o1 leaves the "open" partition of the index.
  yield* TypedTable.execute(Order.update({ customer: "c1", order: "o1" }, { status: "shipped" }, { condition: Order.attr("status").equals("open") }))

  // The collection: the customer and their orders in one query, each decoded by its own entity.
  const page = yield* TypedTable.execute(TypedTable.collection([Customer, Order], "primary", { customer: "c1" }))
  const lines = page.items.map((entry) =>
    entry.entity === "Customer" ? `customer ${entry.item.name} <${entry.item.email}>` : `order ${entry.item.order} ${entry.item.status}, ${entry.item.total}`)
  yield* Console.log(`collection c1: ${lines.join("; ")}`)

  // The index: open orders, oldest first, as a Stream of decoded items (placed is a Date again).
  const open = yield* Pages.items(Order.query("byStatus", { status: "open" })).pipe(Stream.runCollect)
  const shipped = yield* Pages.items(Order.query("byStatus", { status: "shipped" })).pipe(Stream.runCollect)
  const dated = (orders: Iterable<{ readonly order: string; readonly placed: Date }>) =>
    [...orders].map((order) => `${order.order} (${order.placed.toISOString().slice(0, 10)})`).join(", ")
  yield* Console.log(`open orders: ${dated(open)}; shipped: ${dated(shipped)}`)

  // The condition failed: o1 is no longer open.
  const again = yield* TypedTable.execute(Order.update({ customer: "c1", order: "o1" }, { status: "shipped" }, { condition: Order.attr("status").equals("open") })).pipe(
    Effect.as("shipped"),
    Effect.catchTag("ConditionalCheckFailedError", () => Effect.succeed("already shipped"))
  )
  yield* Console.log(`ship o1 again: ${again}`)

  // Schema refuses a bad write before anything is sent.
  const bad = yield* TypedTable.execute(Order.put({ customer: "c1", order: "o9", status: "open", lines: [], total: Number.NaN, placed: day("2026-03-04") })).pipe(
    Effect.as("written"),
    Effect.catchTag("ItemEncodeError", (error) => Effect.succeed(`${error._tag} on ${error.part}, nothing sent`))
  )
  yield* Console.log(`an order with a total of NaN: ${bad}`)
})
