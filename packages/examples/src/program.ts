/**
 * The README's example: the original library's whole workflow, as one Effect program. It needs a `DynamoClient`;
 * `demo.ts` provides one backed by an embedded engine.
 */
import { Console, Effect, Redacted, Stream } from "effect"
import { add, attr, BatchGet, BatchWrite, cand, create, Cursor, type DynamoClient, execute, find, Pages, query, remove, scan, table, TypedTable, update } from "dynofunc"
import { Customer, Order, shop } from "./programs/singleTable.js"

const users = table("users")

// The typed step uses the single-table model of `programs/singleTable.ts`: customers and their orders in one table.

/** The typed-table step: Schema-checked writes, decoded reads, a GSI key kept right on update, a collection query. */
const typedStep = Effect.gen(function* () {
  yield* execute(TypedTable.create(shop))
  yield* TypedTable.execute(Customer.put({ customer: "c1", name: "Ada", email: "ada@example.org" }))
  const placed = new Date("2026-03-01T10:00:00.000Z")
  yield* TypedTable.execute(Order.put({ customer: "c1", order: "o1", status: "open", lines: [], total: 42, placed }))
  yield* TypedTable.execute(Order.put({ customer: "c1", order: "o2", status: "open", lines: [], total: 7, placed }))
  // Changing the status recomputes the byStatus key (it needs `placed` too: the update gives both).
  yield* TypedTable.execute(Order.update({ customer: "c1", order: "o1" }, { status: "shipped", placed }))
  const open = yield* TypedTable.execute(Order.query("byStatus", { status: "open" }))
  yield* Console.log(`typed: open orders ${open.items.map((order) => `${order.order} (${order.placed.toISOString().slice(0, 10)})`).join(", ")}`)
  const page = yield* TypedTable.execute(TypedTable.collection([Customer, Order], "primary", { customer: "c1" }))
  const described = page.items.map((entry) => (entry.entity === "Customer" ? `customer ${entry.item.name}` : `order ${entry.item.order} ${entry.item.status}`))
  yield* Console.log(`typed: collection c1: ${described.join(", ")}`)
  const refused = yield* TypedTable.execute(Order.put({ customer: "c1", order: "o3", status: "open", lines: [], total: Number.NaN, placed })).pipe(
    Effect.as("written"),
    Effect.catchTag("ItemEncodeError", (error) => Effect.succeed(`${error._tag}, nothing sent`))
  )
  yield* Console.log(`typed: an order with a total of NaN: ${refused}`)
})

// The position after a page as a signed cursor, for a web client to send back for the next page.
const cursors = Cursor.make(Redacted.make("the demo's cursor key"))
const coreTeam = query("users", attr("team").equals("core"), { index: "by-team", limit: 1 })

/** The streams step: every page as one Stream, a count over all pages, a signed cursor. */
const streamsStep = Effect.gen(function* () {
  // A page holds one user here, and no loop over lastKey is written.
  const everyone = yield* Pages.items(scan("users", { limit: 1 })).pipe(Stream.map((user) => String(user["username"])), Stream.runCollect)
  const admins = yield* Pages.count(scan("users", { filter: attr("roles").contains("admin") }))
  yield* Console.log(`every user, a page at a time: ${[...everyone].sort().join(", ")}; admins counted: ${admins}`)
  const first = yield* execute(coreTeam)
  const cursor = cursors.after(coreTeam, first) ?? ""
  const second = yield* execute(yield* cursors.resume(coreTeam, cursor))
  const tampered = yield* cursors.resume(coreTeam, `x${cursor}`).pipe(
    Effect.as("accepted"),
    Effect.catchTag("InvalidCursorError", (error) => Effect.succeed(error.reason))
  )
  yield* Console.log(`team core page by page: ${first.items[0]?.["username"]}, then from its cursor ${second.items[0]?.["username"]}; a tampered cursor: ${tampered}`)
})

/** The whole workflow; its errors are whatever the README example lets through (the demo prints and fails on them). */
export const program: Effect.Effect<void, unknown, DynamoClient.DynamoClient> = Effect.gen(function* () {
  // A table keyed by username, with a global secondary index on the team.
  yield* execute(
    create("users", "username", {
      globalIndexes: [{ name: "by-team", hashKey: "team", rangeKey: { name: "joined", type: "N" } }]
    })
  )
  yield* Console.log("created table users (on-demand, with index by-team)")

  // Items are plain JS values; key and attribute names need no placeholders.
  yield* execute(add("users", { username: "sunshie", team: "core", joined: 2019, roles: ["dev"], friends: ["ann"] }))
  yield* execute(users.add({ username: "jake", team: "core", joined: 2021, roles: [], friends: [] }))
  yield* execute(users.add({ username: "zoe", team: "ops", joined: 2020, roles: ["oncall"], friends: [] }))
  yield* Console.log("added 3 users")

  const { item } = yield* execute(find("users", { username: "sunshie" }))
  yield* Console.log(`found sunshie: team ${item?.["team"]}, roles ${JSON.stringify(item?.["roles"])}`)

  // A plain value sets an attribute; append and prepend grow lists.
  const updated = yield* execute(
    update(
      "users",
      { username: "sunshie" },
      { status: "unleashed", roles: attr.append("admin"), friends: attr.prepend("jake") },
      { returnValues: "ALL_NEW" }
    )
  )
  yield* Console.log(`updated sunshie: roles ${JSON.stringify(updated.attributes?.["roles"])}, friends ${JSON.stringify(updated.attributes?.["friends"])}`)

  // A condition that does not hold fails with a tagged error, matched by tag: no try/catch, no guessing.
  const outcome = yield* execute(
    update("users", { username: "jake" }, { status: "promoted" }, { condition: attr("joined").lt(2020) })
  ).pipe(
    Effect.as("updated"),
    Effect.catchTag("ConditionalCheckFailedError", (error) => Effect.succeed(`not updated (${error._tag})`))
  )
  yield* Console.log(`conditional update of jake: ${outcome}`)

  const core = yield* execute(query("users", cand(attr("team").equals("core"), attr("joined").gte(2020)), { index: "by-team" }))
  yield* Console.log(`query by-team core since 2020: ${core.items.map((user) => user["username"]).join(", ")}`)

  const one = yield* execute(query("users", attr("username").equals("zoe")))
  yield* Console.log(`query users zoe: ${one.count} item`)

  const all = yield* execute(scan("users", { filter: attr("roles").contains("admin") }))
  yield* Console.log(`scan for admins: ${all.items.map((user) => user["username"]).join(", ")} (${all.scannedCount} scanned)`)

  yield* execute(remove("users", { username: "zoe" }))
  const gone = yield* execute(find("users", { username: "zoe" }))
  yield* Console.log(`removed zoe: found afterwards? ${gone.item !== undefined}`)

  yield* streamsStep

  yield* typedStep

  // Bulk: any number of writes, split into BatchWriteItem requests of 25 (8 in flight), leftovers retried with backoff;
  // the table's key is read once with DescribeTable. Then a batch get: a key given twice is read once.
  const guests = Array.from({ length: 60 }, (_, i): BatchWrite.Write => ({ table: "users", put: { username: `guest${i}`, team: "guests", joined: 2024 } }))
  const written = yield* BatchWrite.run(guests)
  yield* Console.log(`batch wrote ${written.written} guests in ${written.requests} requests`)
  const read = yield* BatchGet.run(["guest0", "guest59", "guest0", "nobody"].map((username) => ({ table: "users", key: { username } })))
  yield* Console.log(`batch read: ${read.items["users"]?.length ?? 0} found, missing ${read.missing["users"]?.map((key) => key["username"]).join(", ")}`)

  // The original's TableDoesNotExist is ResourceNotFoundError.
  const missing = yield* execute(find("no-such-table", { username: "sunshie" })).pipe(
    Effect.as("found"),
    Effect.catchTag("ResourceNotFoundError", (error) => Effect.succeed(`${error._tag}: ${error.message}`))
  )
  yield* Console.log(`find on a missing table: ${missing}`)
})
