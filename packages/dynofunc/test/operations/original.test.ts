import { describe, expect, it } from "@effect/vitest"
import * as dynofunc from "dynofunc"
import { add, attr, cand, create, describe as describeTable, find, query, remove, scan, table, update, withInput } from "dynofunc"

describe("the original operations' descriptions", () => {
  it("create: a string hash key, on-demand billing by default", () => {
    expect(create("users", "id").description).toEqual({
      TableName: "users",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST"
    })
  })

  it("create: typed range key, GSI and LSI with their projections, provisioned throughput, stream, tags", () => {
    const op = create("events", { name: "device", type: "B" }, {
      rangeKey: { name: "at", type: "N" },
      globalIndexes: [
        { name: "by-kind", hashKey: "kind", rangeKey: { name: "at", type: "N" }, projection: { include: ["payload"] } },
        { name: "by-user", hashKey: "user", projection: "KEYS_ONLY", throughput: { read: 1, write: 2 } }
      ],
      localIndexes: [{ name: "by-severity", rangeKey: { name: "severity", type: "N" } }],
      billing: { read: 5, write: 6 },
      stream: "NEW_AND_OLD_IMAGES",
      tags: { team: "core" },
      deletionProtection: true
    })
    expect(op.problems).toEqual([])
    expect(op.description).toEqual({
      TableName: "events",
      KeySchema: [
        { AttributeName: "device", KeyType: "HASH" },
        { AttributeName: "at", KeyType: "RANGE" }
      ],
      AttributeDefinitions: [
        { AttributeName: "device", AttributeType: "B" },
        { AttributeName: "at", AttributeType: "N" },
        { AttributeName: "kind", AttributeType: "S" },
        { AttributeName: "user", AttributeType: "S" },
        { AttributeName: "severity", AttributeType: "N" }
      ],
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 6 },
      GlobalSecondaryIndexes: [
        {
          IndexName: "by-kind",
          KeySchema: [
            { AttributeName: "kind", KeyType: "HASH" },
            { AttributeName: "at", KeyType: "RANGE" }
          ],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["payload"] },
          ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 6 }
        },
        {
          IndexName: "by-user",
          KeySchema: [{ AttributeName: "user", KeyType: "HASH" }],
          Projection: { ProjectionType: "KEYS_ONLY" },
          ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 2 }
        }
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: "by-severity",
          KeySchema: [
            { AttributeName: "device", KeyType: "HASH" },
            { AttributeName: "severity", KeyType: "RANGE" }
          ],
          Projection: { ProjectionType: "ALL" }
        }
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
      Tags: [{ Key: "team", Value: "core" }],
      DeletionProtectionEnabled: true
    })
  })

  it("create: conflicting key types, an LSI without a sort key and a repeated index name are problems", () => {
    const op = create("t", "id", {
      globalIndexes: [{ name: "same", hashKey: { name: "id", type: "N" } }],
      localIndexes: [{ name: "same", rangeKey: "other" }]
    })
    expect(op.problems.map((problem) => problem.part).sort()).toEqual(["AttributeDefinitions", "IndexName", "LocalSecondaryIndexes"])
  })

  it("find: the key marshalled, consistent read and a projection with aliased names", () => {
    const op = find("users", { id: "u1", n: 2 }, { consistent: true, projection: ["name", "data"] })
    expect(op.name).toBe("GetItem")
    expect(op.description).toEqual({
      TableName: "users",
      Key: { id: { S: "u1" }, n: { N: "2" } },
      ConsistentRead: true,
      ProjectionExpression: "#n0, #n1",
      ExpressionAttributeNames: { "#n0": "name", "#n1": "data" }
    })
  })

  it("add: the item, a condition, return values", () => {
    const op = add("users", { id: "u1", tags: new Set(["a"]) }, { condition: attr("id").notExists(), returnValues: "ALL_OLD", returnValuesOnConditionCheckFailure: "ALL_OLD" })
    expect(op.description).toEqual({
      TableName: "users",
      Item: { id: { S: "u1" }, tags: { SS: ["a"] } },
      ReturnValues: "ALL_OLD",
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      ConditionExpression: "attribute_not_exists(#n0)",
      ExpressionAttributeNames: { "#n0": "id" }
    })
  })

  it("update: SET, append and prepend under a condition, one placeholder namespace, the key never aliased", () => {
    const op = update("users", { id: "u1" }, { name: "Ada", roles: attr.append("admin"), friends: attr.prepend("jake") }, {
      condition: attr("name").notEquals("Ada"),
      returnValues: "ALL_NEW"
    })
    expect(op.description).toEqual({
      TableName: "users",
      Key: { id: { S: "u1" } },
      ReturnValues: "ALL_NEW",
      ConditionExpression: "#n0 <> :v0",
      UpdateExpression: "SET #n0 = :v1, #n1 = list_append(if_not_exists(#n1, :v2), :v3), #n2 = list_append(:v4, if_not_exists(#n2, :v5))",
      ExpressionAttributeNames: { "#n0": "name", "#n1": "roles", "#n2": "friends" },
      ExpressionAttributeValues: {
        ":v0": { S: "Ada" },
        ":v1": { S: "Ada" },
        ":v2": { L: [] },
        ":v3": { L: [{ S: "admin" }] },
        ":v4": { L: [{ S: "jake" }] },
        ":v5": { L: [] }
      }
    })
  })

  it("update: floats and big numbers marshal exactly", () => {
    const op = update("users", { id: 12345678901234567890n }, { ratio: 0.1, big: 2n ** 70n })
    expect(op.description.Key).toEqual({ id: { N: "12345678901234567890" } })
    expect(op.description.ExpressionAttributeValues).toEqual({ ":v0": { N: "0.1" }, ":v1": { N: "1180591620717411303424" } })
  })

  it("remove (and delete): the key, a condition, return values", () => {
    const op = remove("users", { id: "u1" }, { condition: attr("status").equals("gone"), returnValues: "ALL_OLD" })
    expect(op.description).toEqual({
      TableName: "users",
      Key: { id: { S: "u1" } },
      ReturnValues: "ALL_OLD",
      ConditionExpression: "#n0 = :v0",
      ExpressionAttributeNames: { "#n0": "status" },
      ExpressionAttributeValues: { ":v0": { S: "gone" } }
    })
    expect(dynofunc.delete).toBe(remove)
  })

  it("query: key condition on an index, filter, projection, limit, order, consistent read, start key", () => {
    const op = query("posts", cand(attr("author").equals("ada"), attr("at").between(1, 9)), {
      index: "by-author",
      filter: attr("draft").equals(false),
      projection: ["title"],
      limit: 10,
      order: "desc",
      consistent: true,
      startKey: { author: "ada", at: 3 }
    })
    expect(op.description).toEqual({
      TableName: "posts",
      IndexName: "by-author",
      Limit: 10,
      ConsistentRead: true,
      ExclusiveStartKey: { author: { S: "ada" }, at: { N: "3" } },
      ScanIndexForward: false,
      KeyConditionExpression: "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2",
      FilterExpression: "#n2 = :v3",
      ProjectionExpression: "#n3",
      ExpressionAttributeNames: { "#n0": "author", "#n1": "at", "#n2": "draft", "#n3": "title" },
      ExpressionAttributeValues: { ":v0": { S: "ada" }, ":v1": { N: "1" }, ":v2": { N: "9" }, ":v3": { BOOL: false } }
    })
  })

  it("query: a key condition of the wrong shape is a problem, before sending", () => {
    expect(query("posts", attr("author").gt("a")).problems).not.toEqual([])
    expect(query("posts", cor2()).problems).not.toEqual([])
  })

  it("scan: a segment of a parallel scan, a filter, and the raw SDK input as is", () => {
    const op = scan("users", { segment: { segment: 1, of: 4 }, filter: attr("age").gte(18), select: "COUNT" })
    expect(op.description).toEqual({
      TableName: "users",
      Select: "COUNT",
      Segment: 1,
      TotalSegments: 4,
      FilterExpression: "#n0 >= :v0",
      ExpressionAttributeNames: { "#n0": "age" },
      ExpressionAttributeValues: { ":v0": { N: "18" } }
    })
    expect(scan({ TableName: "users", Limit: 3 }).description).toEqual({ TableName: "users", Limit: 3 })
  })

  it("describe", () => {
    expect(describeTable("users").description).toEqual({ TableName: "users" })
  })

  it("any other SDK field passes through, with input or withInput", () => {
    expect(find("users", { id: "u1" }, { input: { ReturnConsumedCapacity: "TOTAL" } }).description.ReturnConsumedCapacity).toBe("TOTAL")
    expect(find("users", { id: "u1" }).pipe(withInput({ ReturnConsumedCapacity: "INDEXES" })).description.ReturnConsumedCapacity).toBe("INDEXES")
  })

  it("table(name) gives the same descriptions with the name filled in", () => {
    const users = table("users")
    expect(users.find({ id: "u1" }).description).toEqual(find("users", { id: "u1" }).description)
    expect(users.update({ id: "u1" }, { a: 1 }).description).toEqual(update("users", { id: "u1" }, { a: 1 }).description)
    expect(users.delete({ id: "u1" }).description).toEqual(remove("users", { id: "u1" }).description)
    expect(users.query(attr("id").equals("u1")).description).toEqual(query("users", attr("id").equals("u1")).description)
    expect(users.scan().description).toEqual(scan("users").description)
    expect(users.describe().description).toEqual({ TableName: "users" })
  })

  it("builders are deterministic", () => {
    const build = () => update("users", { id: "u1" }, { name: "Ada", n: attr.increment(2) }, { condition: attr("v").equals(1) }).description
    expect(build()).toEqual(build())
  })
})

/** An OR in a key condition: DynamoDB allows only AND. */
const cor2 = () => dynofunc.cor(attr("author").equals("a"), attr("author").equals("b"))
