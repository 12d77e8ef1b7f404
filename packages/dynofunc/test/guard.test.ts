import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import {
  DynamoClient,
  add,
  attr,
  batchGetItem,
  batchWriteItem,
  conditionCheck,
  executeStatement,
  execute,
  find,
  query,
  remove,
  scan,
  transactWriteItems,
  update,
  type CommandName,
  type Operation
} from "dynofunc"

/** Fails the test if anything is sent. */
const nothingSent = DynamoClient.layerTest(() => Effect.die("a request was sent"))

/** The operation's name, how many problems it carries, and the tag `execute` fails with. */
const outcome = <Name extends CommandName, Result>(op: Operation<Name, Result>) =>
  Effect.flip(execute(op)).pipe(
    Effect.map((error) => ({ name: op.name, problems: op.problems.length, tag: error._tag })),
    Effect.provide(nothingSent)
  )

describe("builders never throw on values DynamoDB cannot store", () => {
  const bad = [
    ["an empty set", new Set()],
    ["NaN", Number.NaN],
    ["a Date", new Date(0)]
  ] as const

  it.effect.each(bad)("%s becomes a problem and execute fails with InvalidInputError, sending nothing", ([, value]) =>
    Effect.gen(function* () {
      const outcomes = yield* Effect.all([
        outcome(add("users", { id: "u1", bad: value })),
        outcome(find("users", { id: value })),
        outcome(update("users", { id: value }, { name: "x" })),
        outcome(update("users", { id: "u1" }, { bad: value })),
        outcome(remove("users", { id: value })),
        outcome(query("users", attr("id").equals("u1"), { startKey: { id: value } })),
        outcome(scan("users", { startKey: { id: value } })),
        outcome(batchWriteItem({ users: [{ put: { id: "u1", bad: value } }] })),
        outcome(batchGetItem({ users: [{ id: value }] })),
        outcome(executeStatement(`SELECT * FROM "users" WHERE id = ?`, [value]))
      ])
      for (const { name, problems, tag } of outcomes) expect({ name, problems: problems > 0, tag }).toEqual({ name, problems: true, tag: "InvalidInputError" })
      const check = conditionCheck("users", { id: value }, attr("id").exists())
      expect(check.problems.length).toBeGreaterThan(0)
      const transaction = transactWriteItems([check])
      expect(transaction.problems.length).toBeGreaterThan(0)
    }))

  it("a Date is refused with a hint, not stored as an empty map", () => {
    const op = add("users", { id: "u1", at: new Date(0) })
    expect(op.problems[0]?.message).toMatch(/toISOString\(\)|getTime\(\)/)
  })
})
