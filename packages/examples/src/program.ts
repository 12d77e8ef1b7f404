/**
 * The README's example: the original library's whole workflow, as one Effect program. It needs a `DynamoClient`;
 * `demo.ts` provides one backed by an embedded engine.
 */
import { Console, Effect } from "effect"
import { add, attr, cand, create, execute, find, query, remove, scan, table, update } from "dynofunc"

const users = table("users")

export const program = Effect.gen(function* () {
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

  // The original's TableDoesNotExist is ResourceNotFoundError.
  const missing = yield* execute(find("no-such-table", { username: "sunshie" })).pipe(
    Effect.as("found"),
    Effect.catchTag("ResourceNotFoundError", (error) => Effect.succeed(`${error._tag}: ${error.message}`))
  )
  yield* Console.log(`find on a missing table: ${missing}`)
})
