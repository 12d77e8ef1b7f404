/**
 * DynamoDB Local judges: valid inputs exactly at each limit are sent and stored, and the corpus entries marked
 * `judged` (sent as they are, bypassing dynofunc's checks) are refused by DynamoDB Local too.
 */
import { expect, it } from "@effect/vitest"
import { Effect } from "effect"
import {
  DynamoClient,
  Value,
  add,
  attr,
  batchGetItem,
  batchWriteItem,
  conditionCheck,
  create,
  execute,
  executeStatement,
  find,
  query,
  scan,
  transactWriteItems,
  type AnyOperation
} from "dynofunc"
import { DynamoDBLocal } from "@dynofunc/testing"
import { corpus, type BadInput } from "./corpus.js"
import * as A from "#adapter"

const times = <A>(n: number, f: (i: number) => A): Array<A> => Array.from({ length: n }, (_, i) => f(i))

/** A value `levels` maps deep: with the item itself, `levels + 1` levels. */
const nested = (levels: number): unknown => times(levels, () => 0).reduce<unknown>((inner) => ({ a: inner }), "leaf")

/**
 * DynamoDB Local's error name for `op` sent as it is (no check of dynofunc's), or "sent" when it accepted it.
 * A refusal is a `ValidationException`, or within a transaction its cancellation (DynamoDB Local's way).
 */
const verdict = (op: AnyOperation) =>
  Effect.flatMap(DynamoClient.DynamoClient, (client) => client.send({ operation: op.name, input: op.description })).pipe(
    Effect.as("sent"),
    A.catchAll((error) => Effect.succeed(String((error as { name?: unknown }).name)))
  )

/** The entries DynamoDB Local accepted (each with its answer): none, when dynofunc refuses only what it refuses. */
const accepted = (entries: ReadonlyArray<BadInput>) =>
  Effect.gen(function* () {
    const out: Array<string> = []
    for (const entry of entries) {
      const op = entry.op()
      expect(op.problems, entry.label).toEqual([])
      const answer = yield* verdict(op)
      if (answer !== "ValidationException" && answer !== "TransactionCanceledException") out.push(`${entry.label}: ${answer}`)
    }
    return out
  })

const judged = corpus.filter((entry) => entry.judged === true)
const lenient = corpus.filter((entry) => entry.lenient === true)
/** Judged entries that create tables run before the tables they would collide with exist. */
const creates = judged.filter((entry) => entry.op().name === "CreateTable")
const others = judged.filter((entry) => entry.op().name !== "CreateTable")

it.layer(DynamoDBLocal.layer(), { timeout: 180_000 })("inputs judged by DynamoDB Local", (it) => {
  it.effect("what dynofunc refuses when creating tables, DynamoDB Local refuses too", () =>
    Effect.gen(function* () {
      expect(yield* accepted(creates)).toEqual([])
    }))

  it.effect("valid inputs exactly at each limit are sent and stored", () =>
    Effect.gen(function* () {
      yield* execute(create("users", "id"))
      yield* execute(create("posts", "author", { rangeKey: { name: "at", type: "N" } }))
      yield* execute(create("threads", "author", { rangeKey: "title" }))
      const item = {
        id: "limits",
        digits38: 10n ** 38n - 1n,
        large: Value.NumberValue.from("9.9999999999999999999999999999999999999e125"),
        e125: Value.NumberValue.from("1e125"),
        small: 1e-130,
        negative: Value.NumberValue.from("-1e-130"),
        deep: nested(31),
        deepList: times(31, () => 0).reduce<unknown>((inner) => [inner], "leaf"),
        ["n".repeat(65535)]: "longest name",
        set: new Set([1, 2n, Value.NumberValue.from("3.5")])
      }
      yield* execute(transactWriteItems([{ Put: { TableName: "users", Item: Value.toItem(item) } }]))
      const { item: back } = yield* execute(find("users", { id: "limits" }, { consistent: true }))
      expect(back?.["digits38"]).toBe(10n ** 38n - 1n)
      expect(back?.["large"]).toBe((10n ** 38n - 1n) * 10n ** 88n)
      expect(back?.["small"]).toBe(1e-130)
      expect(back?.["deep"]).toEqual(item.deep)
      expect(back?.["n".repeat(65535)]).toBe("longest name")

      yield* execute(batchWriteItem({ users: times(25, (i) => ({ put: { id: `u${i}`, n: i } })) }))
      const { items } = yield* execute(batchGetItem({ users: times(100, (i) => ({ id: `u${i}` })) }))
      expect(items["users"]?.length).toBe(25)
      yield* execute(transactWriteItems(times(100, (i) => ({ Update: { TableName: "users", Key: { id: { S: `t${i}` } }, UpdateExpression: "SET n = :n", ExpressionAttributeValues: { ":n": { N: String(i) } } } }))))
      const filtered = yield* execute(scan("users", { filter: attr("n").in(times(100, (i) => i)), limit: 1000 }))
      expect(filtered.count).toBe(125)
      const last = yield* execute(scan("users", { segment: { segment: 999_999, of: 1_000_000 } }))
      expect(last.items.length).toBeLessThanOrEqual(125)

      // Key values at their limits: a partition key value of 2,048 bytes, a sort key value of 1,024 (here 512
      // two-byte characters), compared with = or a range comparison, and put where another entry gives the key.
      const sortKey = "é".repeat(512)
      yield* execute(query("threads", attr("author").equals("x".repeat(2048))))
      yield* execute(query("threads", attr("author").equals("x".repeat(1025)).and(attr("title").between("a", sortKey))))
      yield* execute(query("threads", attr("author").equals("a").and(attr("title").beginsWith(sortKey))))
      yield* execute(transactWriteItems([conditionCheck("threads", { author: "a", title: "b" }, attr("author").notExists()), add("threads", { author: "x".repeat(2048), title: sortKey })]))
      yield* execute(batchWriteItem({ users: [{ delete: { id: "gone" } }, { put: { id: "x".repeat(2048) } }] }))
      const { items: stored } = yield* execute(query("threads", attr("author").equals("x".repeat(2048)), { consistent: true }))
      expect(stored.map((one) => one["title"])).toEqual([sortKey])

      const longest = "t".repeat(255)
      yield* execute(create(longest, "k".repeat(255)))
      yield* execute(batchWriteItem({ [longest]: [{ put: { ["k".repeat(255)]: "key" } }] }))
      const statement = `SELECT * FROM "users" WHERE id = '${"x".repeat(8192 - 35)}'`
      expect(statement.length).toBe(8192)
      yield* execute(executeStatement(statement))
      // A `?` in a `--` or `/* */` comment is no placeholder.
      yield* execute(executeStatement(`SELECT * FROM "users" WHERE id = ? -- is it ?\nAND n = ?`, ["u1", 1]))
      yield* execute(executeStatement(`SELECT * FROM "users" /* is it ?\n or ? */ WHERE id = ? /**/ AND n = ? /* ? */`, ["u1", 1]))

      yield* execute(create("indexed", "id", {
        rangeKey: "sk",
        localIndexes: times(5, (i) => ({ name: `local-${i}`, rangeKey: `l${i}`, projection: { include: times(10, (j) => `li${i}-${j}`) } })),
        globalIndexes: times(20, (i) => ({ name: `global-${i}`, hashKey: `g${i}`, projection: i < 10 ? { include: times(5, (j) => `gi${i}-${j}`) } : "KEYS_ONLY" }))
      }))
    }))

  it.effect("what dynofunc refuses, DynamoDB Local refuses too", () =>
    Effect.gen(function* () {
      expect(yield* accepted(others)).toEqual([])
    }))

  it.effect("where DynamoDB Local is more lenient than DynamoDB (DIFFERENCES.md), it still is", () =>
    Effect.gen(function* () {
      const answers = yield* accepted(lenient)
      expect(answers.map((answer) => answer.slice(0, answer.lastIndexOf(":")))).toEqual(lenient.map((entry) => entry.label))
    }))
})
