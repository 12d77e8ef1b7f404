import { describe, expect, it } from "@effect/vitest"
import { Effect, Schedule } from "effect"
import {
  DynamoClient,
  Retry,
  add,
  attr,
  batchGetItem,
  batchWriteItem,
  execute,
  find,
  transactWriteItems,
  update,
  type CommandName,
  type Operation
} from "dynofunc"

/** The problems `execute` refuses `op` with (nothing is ever sent: the test layer fails with "sent" if asked). */
const refusal = <Name extends CommandName, Result>(op: Operation<Name, Result>) =>
  Effect.runPromise(
    Effect.flip(execute(op)).pipe(
      Effect.map((error) =>
        error._tag === "InvalidInputError" ? error.problems.map((problem) => problem.part)
        : error._tag === "TransportError" && error.message === "sent" ? ["sent"]
        : [error._tag]
      ),
      Effect.provide(DynamoClient.layerTest(() => Effect.fail("sent"))),
      Effect.provideService(Retry.Policy, Schedule.recurs(0))
    )
  )

const kb = (n: number) => "x".repeat(n * 1024)

describe("DynamoDB's limits, checked before sending", () => {
  it("table names: 3 to 255 characters of a-z A-Z 0-9 _ . -", async () => {
    expect(await refusal(find("ab", { id: "1" }))).toEqual(["TableName"])
    expect(await refusal(find("a".repeat(256), { id: "1" }))).toEqual(["TableName"])
    expect(await refusal(find("users table", { id: "1" }))).toEqual(["TableName"])
    expect(await refusal(find("Users_v1.2-x", { id: "1" }))).toEqual(["sent"])
  })

  it("an expression over 4 KB", async () => {
    const long = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`attribute${i}`, i]))
    expect(await refusal(update("users", { id: "1" }, long))).toEqual(["UpdateExpression"])
    const short = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`a${i}`, i]))
    expect(await refusal(update("users", { id: "1" }, short))).toEqual(["sent"])
  })

  it("an item over 400 KB, counting names and values", async () => {
    expect(await refusal(add("users", { id: "1", blob: kb(401) }))).toEqual(["Item"])
    expect(await refusal(add("users", { id: "1", blob: kb(399) }))).toEqual(["sent"])
  })

  it("more than 25 writes, or more than 16 MB, in one BatchWriteItem", async () => {
    const puts = (n: number, size = 0) => Array.from({ length: n }, (_, i) => ({ put: { id: String(i), blob: "x".repeat(size) } }))
    expect(await refusal(batchWriteItem({ users: puts(26) }))).toEqual(["RequestItems"])
    expect(await refusal(batchWriteItem({ users: puts(25) }))).toEqual(["sent"])
    expect(await refusal(batchWriteItem({ users: puts(13), orders: puts(13) }))).toEqual(["RequestItems"])
    expect(await refusal(batchWriteItem({ users: puts(1, 401 * 1024) }))).toEqual(["RequestItems.users[0].PutRequest.Item"])
  })

  it("more than 100 keys in one BatchGetItem", async () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) }))
    expect(await refusal(batchGetItem({ users: keys(101) }))).toEqual(["RequestItems"])
    expect(await refusal(batchGetItem({ users: keys(100) }))).toEqual(["sent"])
  })

  it("more than 100 actions in one transaction", async () => {
    const actions = (n: number) => Array.from({ length: n }, (_, i) => update("users", { id: String(i) }, { n: 1 }))
    expect(await refusal(transactWriteItems(actions(101)))).toEqual(["TransactItems"])
    expect(await refusal(transactWriteItems(actions(100)))).toEqual(["sent"])
  })

  it("more than 100 operands for IN", async () => {
    const operands = (n: number) => Array.from({ length: n }, (_, i) => i)
    expect(await refusal(update("users", { id: "1" }, { a: 1 }, { condition: attr("n").in(operands(101)) }))).not.toEqual(["sent"])
    expect(await refusal(update("users", { id: "1" }, { a: 1 }, { condition: attr("n").in(operands(100)) }))).toEqual(["sent"])
  })
})
