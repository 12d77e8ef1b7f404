/**
 * The original library's whole workflow, through the public API, as a suite any engine Layer can run.
 */
import { expect, it as base } from "@effect/vitest"
import { Effect, type Layer } from "effect"
import {
  add,
  attr,
  cand,
  cor,
  create,
  describe as describeTable,
  execute,
  find,
  query,
  remove,
  scan,
  table,
  update,
  type DynamoClient
} from "dynofunc"

export const workflowSuite = (engine: string, layer: Layer.Layer<DynamoClient.DynamoClient, unknown>) =>
  base.layer(layer, { timeout: 120_000 })(`the original workflow on ${engine}`, (it) => {
    const tableName = "users"

    it.effect("creates a table with a range key, a GSI and an LSI, and describes it", () =>
      Effect.gen(function* () {
        const created = yield* execute(
          create(tableName, "username", {
            rangeKey: { name: "tenant", type: "S" },
            globalIndexes: [{ name: "by-team", hashKey: "team", rangeKey: { name: "joined", type: "N" } }],
            localIndexes: [{ name: "by-age", rangeKey: { name: "age", type: "N" }, projection: "KEYS_ONLY" }]
          })
        )
        expect(created.table?.TableName).toBe(tableName)
        const { table: description } = yield* execute(describeTable(tableName))
        expect(description?.KeySchema).toEqual([
          { AttributeName: "username", KeyType: "HASH" },
          { AttributeName: "tenant", KeyType: "RANGE" }
        ])
        expect(description?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(["by-team"])
        expect(description?.LocalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(["by-age"])
      }))

    it.effect("creating it again fails with ResourceInUseError", () =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(execute(create(tableName, "username", { rangeKey: "tenant" })))
        expect(error._tag).toBe("ResourceInUseError")
      }))

    it.effect("adds and finds items of every value type", () =>
      Effect.gen(function* () {
        const item = {
          username: "sunshie",
          tenant: "acme",
          team: "core",
          joined: 2019,
          age: 31,
          score: 0.125,
          big: 12345678901234567890n,
          active: true,
          nothing: null,
          roles: ["dev"],
          friends: ["ann"],
          profile: { city: "Oslo", langs: ["no", "en"] },
          tags: new Set(["a", "b"]),
          lucky: new Set([7, 13]),
          avatar: new Uint8Array([1, 2, 3])
        }
        yield* execute(add(tableName, item))
        yield* execute(table(tableName).add({ username: "jake", tenant: "acme", team: "core", joined: 2021, age: 25, roles: [] }))
        yield* execute(table(tableName).add({ username: "zoe", tenant: "acme", team: "ops", joined: 2020, age: 40, roles: ["oncall"] }))
        const found = yield* execute(find(tableName, { username: "sunshie", tenant: "acme" }, { consistent: true }))
        expect(found.item).toEqual(item)
        const missing = yield* execute(find(tableName, { username: "nobody", tenant: "acme" }))
        expect(missing.item).toBeUndefined()
      }))

    it.effect("add with a condition refuses to overwrite", () =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(
          execute(add(tableName, { username: "jake", tenant: "acme" }, { condition: attr("username").notExists(), returnValuesOnConditionCheckFailure: "ALL_OLD" }))
        )
        expect(error._tag).toBe("ConditionalCheckFailedError")
      }))

    it.effect("updates with plain values, append and prepend", () =>
      Effect.gen(function* () {
        const result = yield* execute(
          update(
            tableName,
            { username: "sunshie", tenant: "acme" },
            { status: "unleashed", roles: attr.append("admin"), friends: attr.prepend("jake"), newList: attr.append("first") },
            { returnValues: "ALL_NEW" }
          )
        )
        expect(result.attributes).toMatchObject({
          status: "unleashed",
          roles: ["dev", "admin"],
          friends: ["jake", "ann"],
          newList: ["first"]
        })
      }))

    it.effect("a conditional update that does not hold fails with ConditionalCheckFailedError, leaving the item", () =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(
          execute(update(tableName, { username: "jake", tenant: "acme" }, { status: "promoted" }, { condition: cor(attr("joined").lt(2020), attr("age").gt(60)) }))
        )
        expect(error._tag).toBe("ConditionalCheckFailedError")
        const { item } = yield* execute(find(tableName, { username: "jake", tenant: "acme" }))
        expect(item?.["status"]).toBeUndefined()
        const ok = yield* execute(
          update(tableName, { username: "jake", tenant: "acme" }, { status: "promoted" }, { condition: attr("joined").gte(2020), returnValues: "UPDATED_NEW" })
        )
        expect(ok.attributes).toEqual({ status: "promoted" })
      }))

    it.effect("queries the table, the GSI and the LSI", () =>
      Effect.gen(function* () {
        const byKey = yield* execute(query(tableName, cand(attr("username").equals("zoe"), attr("tenant").equals("acme"))))
        expect(byKey.items.map((user) => user["username"])).toEqual(["zoe"])
        const byTeam = yield* execute(query(tableName, cand(attr("team").equals("core"), attr("joined").gte(2019)), { index: "by-team", order: "desc" }))
        expect(byTeam.items.map((user) => user["username"])).toEqual(["jake", "sunshie"])
        const filtered = yield* execute(query(tableName, attr("team").equals("core"), { index: "by-team", filter: attr("status").equals("unleashed") }))
        expect(filtered.items.map((user) => user["username"])).toEqual(["sunshie"])
        expect(filtered.scannedCount).toBe(2)
        const byAge = yield* execute(query(tableName, cand(attr("username").equals("zoe"), attr("age").between(30, 50)), { index: "by-age" }))
        expect(byAge.items).toEqual([{ username: "zoe", tenant: "acme", age: 40 }])
      }))

    it.effect("pages through a query with limit and startKey", () =>
      Effect.gen(function* () {
        const first = yield* execute(query(tableName, attr("team").equals("core"), { index: "by-team", limit: 1 }))
        expect(first.items).toHaveLength(1)
        expect(first.lastKey).toBeDefined()
        const second = yield* execute(query(tableName, attr("team").equals("core"), { index: "by-team", limit: 1, startKey: first.lastKey }))
        expect(second.items.map((user) => user["username"])).not.toEqual(first.items.map((user) => user["username"]))
      }))

    it.effect("scans with a filter and a projection", () =>
      Effect.gen(function* () {
        const all = yield* execute(scan(tableName))
        expect(all.count).toBe(3)
        const admins = yield* execute(scan(tableName, { filter: attr("roles").contains("admin"), projection: ["username", "team"] }))
        expect(admins.items).toEqual([{ username: "sunshie", team: "core" }])
      }))

    it.effect("removes an item, conditionally", () =>
      Effect.gen(function* () {
        const refused = yield* Effect.flip(execute(remove(tableName, { username: "zoe", tenant: "acme" }, { condition: attr("team").equals("core") })))
        expect(refused._tag).toBe("ConditionalCheckFailedError")
        const removed = yield* execute(remove(tableName, { username: "zoe", tenant: "acme" }, { returnValues: "ALL_OLD" }))
        expect(removed.attributes?.["username"]).toBe("zoe")
        const { item } = yield* execute(find(tableName, { username: "zoe", tenant: "acme" }))
        expect(item).toBeUndefined()
      }))

    it.effect("every operation on a missing table fails with ResourceNotFoundError", () =>
      Effect.gen(function* () {
        const missing = table("no-such-table")
        const key = { username: "sunshie", tenant: "acme" }
        const tagOf = <A, E extends { readonly _tag: string }, R>(effect: Effect.Effect<A, E, R>) =>
          Effect.map(Effect.flip(effect), (error) => error._tag)
        const tags = yield* Effect.all([
          tagOf(execute(missing.describe())),
          tagOf(execute(missing.find(key))),
          tagOf(execute(missing.add(key))),
          tagOf(execute(missing.update(key, { status: "x" }))),
          tagOf(execute(missing.remove(key))),
          tagOf(execute(missing.query(attr("username").equals("sunshie")))),
          tagOf(execute(missing.scan()))
        ])
        expect(tags).toEqual(Array(7).fill("ResourceNotFoundError"))
      }))
  })
