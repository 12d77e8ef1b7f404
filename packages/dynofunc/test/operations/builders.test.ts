import * as Sdk from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import {
  add,
  attr,
  batchExecuteStatement,
  batchGetItem,
  batchWriteItem,
  conditionCheck,
  createTable,
  deleteItem,
  describeTable,
  executeStatement,
  executeTransaction,
  find,
  getItem,
  listTagsOfResource,
  putItem,
  remove,
  tagResource,
  transactGetItems,
  transactWriteItems,
  update,
  updateContributorInsights,
  updateItem,
  updateTable,
  updateTimeToLive,
  withInput
} from "dynofunc"
import { readSdkCommands } from "../../../core/scripts/generate-commands.js"
import { commandOf } from "../../src/internal/transport/sdk.js"
import { samples, tableArn } from "./samples.js"

const camel = (name: string) => name[0]!.toLowerCase() + name.slice(1)

describe("a builder for every command", () => {
  it("covers exactly the commands the installed SDK ships", () => {
    expect(Object.keys(samples).sort()).toEqual(readSdkCommands().map((command) => command.name))
  })

  it("exports each under the command's camelCase name", async () => {
    const dynofunc: Record<string, unknown> = await import("dynofunc")
    const missing = Object.keys(samples).filter((name) => typeof dynofunc[camel(name)] !== "function")
    expect(missing).toEqual([])
  })

  it.each(Object.entries(samples))("%s: name, the SDK command class found by that name, and description", (name, { op, description }) => {
    expect(op.name).toBe(name)
    expect(commandOf(op.name)).toBe((Sdk as unknown as Record<string, unknown>)[`${name}Command`])
    expect(op.description).toEqual(description)
    expect(op.problems).toEqual([])
  })

  it.each(Object.entries(samples).filter(([name]) => name !== "Query" && name !== "Scan"))(
    "%s: the SDK input form describes that input as is",
    (name, { description }) => {
      const dynofunc = import("dynofunc")
      return dynofunc.then((module) => {
        const builder = (module as unknown as Record<string, (input: unknown) => { description: unknown; name: string }>)[camel(name)]!
        const op = builder(description)
        expect(op.name).toBe(name)
        expect(op.description).toEqual(description)
      })
    }
  )
})

describe("item builders", () => {
  it("getItem / putItem / updateItem / deleteItem with a table name are find / add / update / remove", () => {
    expect(getItem("users", { id: "u1" }, { consistent: true }).description).toEqual(find("users", { id: "u1" }, { consistent: true }).description)
    expect(putItem("users", { id: "u1" }, { condition: attr("id").notExists() }).description).toEqual(
      add("users", { id: "u1" }, { condition: attr("id").notExists() }).description
    )
    expect(updateItem("users", { id: "u1" }, { n: 1 }).description).toEqual(update("users", { id: "u1" }, { n: 1 }).description)
    expect(deleteItem("users", { id: "u1" }).description).toEqual(remove("users", { id: "u1" }).description)
  })

  it("the SDK input form decodes to the same friendly result", () => {
    const op = getItem({ TableName: "users", Key: { id: { S: "u1" } } })
    const raw = { Item: { id: { S: "u1" }, n: { N: "2" } }, $metadata: {} }
    expect(op.decode(raw)).toEqual({ item: { id: "u1", n: 2 }, raw })
    const put = putItem({ TableName: "users", Item: { id: { S: "u1" } }, ReturnValues: "ALL_OLD" })
    expect(put.decode({ Attributes: { id: { S: "u0" } }, $metadata: {} }).attributes).toEqual({ id: "u0" })
  })
})

describe("batchGetItem / batchWriteItem", () => {
  it("reads keys per table, with options per table", () => {
    const op = batchGetItem({ users: [{ id: "u1" }], orders: { keys: [{ id: "o1" }], consistent: true, projection: ["id", "total"] } })
    expect(op.description).toEqual({
      RequestItems: {
        users: { Keys: [{ id: { S: "u1" } }] },
        orders: {
          Keys: [{ id: { S: "o1" } }],
          ConsistentRead: true,
          ProjectionExpression: "#n0, #n1",
          ExpressionAttributeNames: { "#n0": "id", "#n1": "total" }
        }
      }
    })
    const raw = {
      Responses: { users: [{ id: { S: "u1" } }] },
      UnprocessedKeys: { orders: { Keys: [{ id: { S: "o1" } }] } },
      $metadata: {}
    }
    expect(op.decode(raw)).toEqual({ items: { users: [{ id: "u1" }] }, unprocessed: { orders: [{ id: "o1" }] }, raw })
  })

  it("a table named RequestItems stays a table in the friendly form", () => {
    expect(batchGetItem({ RequestItems: [{ id: "u1" }] }).description).toEqual({ RequestItems: { RequestItems: { Keys: [{ id: { S: "u1" } }] } } })
    expect(batchGetItem({ RequestItems: { keys: [{ id: "u1" }] } }).description).toEqual({
      RequestItems: { RequestItems: { Keys: [{ id: { S: "u1" } }] } }
    })
    expect(batchWriteItem({ RequestItems: [{ delete: { id: "u1" } }] }).description).toEqual({
      RequestItems: { RequestItems: [{ DeleteRequest: { Key: { id: { S: "u1" } } } }] }
    })
  })

  it("unprocessed writes come back as plain writes, ready to send again", () => {
    const op = batchWriteItem({ users: [{ put: { id: "u1" } }] })
    const raw = {
      UnprocessedItems: { users: [{ PutRequest: { Item: { id: { S: "u1" } } } }, { DeleteRequest: { Key: { id: { S: "u2" } } } }] },
      $metadata: {}
    }
    const result = op.decode(raw)
    expect(result.unprocessed).toEqual({ users: [{ put: { id: "u1" } }, { delete: { id: "u2" } }] })
    expect(batchWriteItem(result.unprocessed).description).toEqual({ RequestItems: raw.UnprocessedItems })
  })

})

describe("transactions from item operations", () => {
  it("turns add / update / remove / conditionCheck into TransactItems, in order", () => {
    const op = transactWriteItems(
      [
        add("orders", { id: "o1" }, { condition: attr("id").notExists(), returnValuesOnConditionCheckFailure: "ALL_OLD" }),
        update("accounts", { id: "a1" }, { balance: 5 }, { condition: attr("balance").gte(10) }),
        remove("carts", { id: "c1" }),
        conditionCheck("users", { id: "u1" }, attr("status").equals("active")),
        { Delete: { TableName: "raw", Key: { id: { S: "r1" } } } }
      ],
      { clientRequestToken: "t1" }
    )
    expect(op.problems).toEqual([])
    expect(op.description).toEqual({
      TransactItems: [
        {
          Put: {
            TableName: "orders",
            Item: { id: { S: "o1" } },
            ConditionExpression: "attribute_not_exists(#n0)",
            ExpressionAttributeNames: { "#n0": "id" },
            ReturnValuesOnConditionCheckFailure: "ALL_OLD"
          }
        },
        {
          Update: {
            TableName: "accounts",
            Key: { id: { S: "a1" } },
            ConditionExpression: "#n0 >= :v0",
            UpdateExpression: "SET #n0 = :v1",
            ExpressionAttributeNames: { "#n0": "balance" },
            ExpressionAttributeValues: { ":v0": { N: "10" }, ":v1": { N: "5" } }
          }
        },
        { Delete: { TableName: "carts", Key: { id: { S: "c1" } } } },
        {
          ConditionCheck: {
            TableName: "users",
            Key: { id: { S: "u1" } },
            ConditionExpression: "#n0 = :v0",
            ExpressionAttributeNames: { "#n0": "status" },
            ExpressionAttributeValues: { ":v0": { S: "active" } }
          }
        },
        { Delete: { TableName: "raw", Key: { id: { S: "r1" } } } }
      ],
      ClientRequestToken: "t1"
    })
  })

  it("settings a transaction action cannot hold are problems, not silently dropped", () => {
    const op = transactWriteItems([
      update("users", { id: "u1" }, { n: 1 }, { returnValues: "ALL_NEW" }),
      add("users", { id: "u2" }).pipe(withInput({ ReturnConsumedCapacity: "TOTAL" })),
      find("users", { id: "u3" }) as never
    ])
    expect(op.problems.map((problem) => problem.part)).toEqual([
      "TransactItems[0].Update.ReturnValues",
      "TransactItems[1].Put.ReturnConsumedCapacity",
      "TransactItems[2]"
    ])
  })

  it("reads from find / getItem, decoded to plain items in order", () => {
    const op = transactGetItems([find("users", { id: "u1" }, { projection: ["name"], consistent: true }), getItem("users", { id: "u2" })])
    expect(op.description).toEqual({
      TransactItems: [
        { Get: { TableName: "users", Key: { id: { S: "u1" } }, ProjectionExpression: "#n0", ExpressionAttributeNames: { "#n0": "name" } } },
        { Get: { TableName: "users", Key: { id: { S: "u2" } } } }
      ]
    })
    const raw = { Responses: [{ Item: { name: { S: "Ada" } } }, {}], $metadata: {} }
    expect(op.decode(raw)).toEqual({ items: [{ name: "Ada" }, undefined], raw })
  })
})

describe("PartiQL", () => {
  it("executeStatement takes plain JS parameters and gives plain items", () => {
    const op = executeStatement(`SELECT * FROM "users" WHERE id = ? AND tags = ?`, ["u1", new Set(["a"])], { consistent: true, limit: 2 })
    expect(op.description).toEqual({
      Statement: `SELECT * FROM "users" WHERE id = ? AND tags = ?`,
      Parameters: [{ S: "u1" }, { SS: ["a"] }],
      ConsistentRead: true,
      Limit: 2
    })
    const raw = { Items: [{ id: { S: "u1" }, n: { N: "1" } }], NextToken: "next", $metadata: {} }
    expect(op.decode(raw)).toEqual({ items: [{ id: "u1", n: 1 }], nextToken: "next", lastKey: undefined, raw })
  })

  it("batches and transactions take plain statements or executeStatement operations", () => {
    const statements = [
      { statement: `INSERT INTO "users" VALUE {'id': ?}`, parameters: ["u1"] },
      executeStatement(`DELETE FROM "users" WHERE id = ?`, ["u2"], { returnValuesOnConditionCheckFailure: "ALL_OLD" })
    ]
    const expected = [
      { Statement: `INSERT INTO "users" VALUE {'id': ?}`, Parameters: [{ S: "u1" }] },
      { Statement: `DELETE FROM "users" WHERE id = ?`, Parameters: [{ S: "u2" }], ReturnValuesOnConditionCheckFailure: "ALL_OLD" }
    ]
    expect(batchExecuteStatement(statements).description).toEqual({ Statements: expected })
    expect(executeTransaction(statements, { clientRequestToken: "t" }).description).toEqual({ TransactStatements: expected, ClientRequestToken: "t" })
  })

  it("batch responses carry each statement's item or error", () => {
    const op = batchExecuteStatement([{ statement: "SELECT 1" }])
    const raw = {
      Responses: [
        { TableName: "users", Item: { id: { S: "u1" } } },
        { Error: { Code: "ConditionalCheckFailed" as const, Message: "no", Item: { id: { S: "u2" } } } }
      ],
      $metadata: {}
    }
    expect(op.decode(raw).responses).toEqual([
      { tableName: "users", item: { id: "u1" }, error: undefined },
      { tableName: undefined, item: undefined, error: { code: "ConditionalCheckFailed", message: "no", item: { id: "u2" } } }
    ])
  })

  it("too many statements, or request-level fields on one statement, are problems", () => {
    const many = Array.from({ length: 26 }, () => ({ statement: "SELECT 1" }))
    expect(batchExecuteStatement(many).problems).toEqual([{ part: "Statements", message: "26 statements; BatchExecuteStatement takes at most 25" }])
    expect(executeTransaction([executeStatement("SELECT 1", [], { limit: 1 })]).problems.map((p) => p.part)).toEqual(["TransactStatements[0].Limit"])
    expect(executeTransaction([{ statement: "SELECT 1", consistent: true }]).problems.map((p) => p.part)).toEqual([
      "TransactStatements[0].ConsistentRead"
    ])
  })
})

describe("control-plane friendly forms", () => {
  it("table name or ARN first", () => {
    expect(describeTable("users").description).toEqual({ TableName: "users" })
    expect(updateTimeToLive("users", "ttl", false).description).toEqual({ TableName: "users", TimeToLiveSpecification: { AttributeName: "ttl", Enabled: false } })
    expect(tagResource(tableArn, { a: "1", b: "2" }).description).toEqual({ ResourceArn: tableArn, Tags: [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }] })
    expect(updateContributorInsights("users", true, "by-email").description).toEqual({
      TableName: "users",
      ContributorInsightsAction: "ENABLE",
      IndexName: "by-email"
    })
  })

  it("updateTable settings", () => {
    expect(updateTable("users", { billing: { read: 1, write: 2 }, stream: "KEYS_ONLY", deletionProtection: false, tableClass: "STANDARD" }).description).toEqual({
      TableName: "users",
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 2 },
      StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" },
      DeletionProtectionEnabled: false,
      TableClass: "STANDARD"
    })
    expect(updateTable("users", { billing: "PAY_PER_REQUEST" }).description).toEqual({ TableName: "users", BillingMode: "PAY_PER_REQUEST" })
  })

  it("results: tags as a plain object, descriptions unwrapped", () => {
    const raw = { Tags: [{ Key: "team", Value: "growth" }], $metadata: {} }
    expect(listTagsOfResource(tableArn).decode(raw)).toEqual({ tags: { team: "growth" }, nextToken: undefined, raw })
    const created = { TableDescription: { TableName: "users" }, $metadata: {} }
    expect(createTable("users", "id").decode(created).table).toEqual({ TableName: "users" })
  })

  it("builders are pure: same arguments, equal descriptions, nothing shared", () => {
    const input = { TableName: "users" }
    const op = describeTable(input)
    expect(op.description).not.toBe(input)
    expect(describeTable("users").description).toEqual(describeTable("users").description)
  })
})
