import { describe, expect, it } from "@effect/vitest"
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { Effect, Schedule } from "effect"
import {
  DynamoClient,
  Retry,
  add,
  attr,
  batchExecuteStatement,
  batchGetItem,
  batchWriteItem,
  execute,
  executeStatement,
  executeTransaction,
  find,
  listTagsOfResource,
  tagResource,
  transactWriteItems,
  untagResource,
  update,
  updateItem,
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

  it("PartiQL: as many parameters as ? outside quotes and -- or /* */ comments; a batch's statements are answered one by one", async () => {
    expect(await refusal(executeStatement(`SELECT * FROM "users" WHERE id = ? /* a ? */`, ["u1"]))).toEqual(["sent"])
    expect(await refusal(executeStatement(`SELECT * FROM "users" /* ?\n? */ WHERE "?" = '?' -- ?\nAND id = ?`, ["u1"]))).toEqual(["sent"])
    expect(await refusal(executeStatement(`SELECT * FROM "users" WHERE id = ? /* ? */ AND n = ?`, ["u1"]))).toEqual(["Parameters"])
    expect(await refusal(executeStatement(`SELECT * FROM "users" WHERE id = ? /* ? *`, ["u1"]))).toEqual(["sent"])
    expect(await refusal(executeStatement(`SELECT * FROM "users" WHERE id = ? /* ? */`, ["u1", "u2"]))).toEqual(["Parameters"])
    expect(await refusal(executeTransaction([{ statement: `UPDATE "users" SET n = ? WHERE id = ?`, parameters: [1] }]))).toEqual(["TransactStatements[0].Parameters"])
    // DynamoDB runs the batch and answers the short (or long) statement with a ValidationError in its own response.
    const short = batchExecuteStatement([{ statement: `SELECT * FROM "users" WHERE id = ?` }, { statement: `SELECT * FROM "users" WHERE id = 'u1'`, parameters: ["x"] }])
    expect(await refusal(short)).toEqual(["sent"])
    expect(await refusal(batchExecuteStatement([{ statement: "" }]))).toEqual(["Statements[0].Statement"])
  })

  it("a batch statement's own error comes back typed in its response", async () => {
    const op = batchExecuteStatement([{ statement: `SELECT * FROM "users" WHERE id = ?` }, { statement: `SELECT * FROM "users" WHERE id = 'u1'` }])
    const answer = { Responses: [{ Error: { Code: "ValidationError", Message: "Number of parameters in request and statement don't match." } }, { TableName: "users", Item: { id: { S: "u1" } } }] }
    const result = await Effect.runPromise(execute(op).pipe(Effect.provide(DynamoClient.layerTest(() => Effect.succeed(answer as never)))))
    expect(result.responses.map((response) => response.error?.code)).toEqual(["ValidationError", undefined])
    expect(result.responses[1]?.item).toEqual({ id: "u1" })
  })

  it("tags: keys of 1 to 128 and values of 0 to 256 letters, digits, white space and _ . : / = + - @; at most 50; keys removed likewise", async () => {
    const arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
    const edge = { ["k".repeat(128)]: "v".repeat(256), "Équipe ü 7_.:/=+-@": "", "チーム": "東京 ٣" }
    expect(await refusal(tagResource(arn, edge))).toEqual(["sent"])
    expect(await refusal(tagResource(arn, Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]))))).toEqual(["sent"])
    expect(await refusal(tagResource(arn, { ["k".repeat(129)]: "v", ok: "v" }))).toEqual(["Tags[0]"])
    expect(await refusal(tagResource(arn, { ok: "v", bad: "a;b" }))).toEqual(["Tags[1]"])
    expect(await refusal(tagResource(arn, { "": "v" }))).toEqual(["Tags[0]"])
    expect(await refusal(untagResource(arn, Object.keys(edge)))).toEqual(["sent"])
    expect(await refusal(untagResource(arn, ["ok", "k".repeat(129), "aws:x"]))).toEqual(["TagKeys[1]"])
    expect(await refusal(listTagsOfResource(arn))).toEqual(["sent"])
    expect(await refusal(listTagsOfResource("x".repeat(1284)))).toEqual(["ResourceArn"])
  })

  it("an update's literal values over 400 KB: SET values, list_append, if_not_exists and arithmetic operands, ADD; not DELETE or conditions", async () => {
    expect(await refusal(update("users", { id: "1" }, { a: attr.append([kb(250)]), b: attr.ifNotExists(kb(151)) }))).toEqual(["UpdateExpression"])
    expect(await refusal(update("users", { id: "1" }, { a: attr.append([kb(250)]), b: attr.ifNotExists(kb(149)) }))).toEqual(["sent"])
    expect(await refusal(update("users", { id: "1" }, { tags: attr.add(new Set([kb(401)])) }))).toEqual(["UpdateExpression"])
    expect(await refusal(update("users", { id: "1" }, { tags: attr.delete(new Set([kb(401)])) }))).toEqual(["sent"])
    expect(await refusal(update("users", { id: "1" }, { a: kb(300) }, { condition: attr("b").notEquals(kb(300)) }))).toEqual(["sent"])
    const sdk = (expression: string, values: Record<string, AttributeValue>) => updateItem({ TableName: "users", Key: { id: { S: "1" } }, UpdateExpression: expression, ExpressionAttributeValues: values })
    expect(await refusal(sdk("SET a = :v, b = :v", { ":v": { S: kb(201) } }))).toEqual(["UpdateExpression"])
    expect(await refusal(sdk("SET a = :v", { ":v": { S: kb(201) } }))).toEqual(["sent"])
    expect(await refusal(sdk("SET l = list_append(if_not_exists(l, :v), :w)", { ":v": { L: [{ S: kb(201) }] }, ":w": { L: [{ S: kb(200) }] } }))).toEqual(["UpdateExpression"])
    expect(await refusal(sdk("SET n = n + :v, m = :v - :v", { ":v": { N: "1" } }))).toEqual(["sent"])
  })
})
