import { describe, expect, it } from "@effect/vitest"
import { attr, cand, compile, create, KeyCondition, query, table, type KeySchema } from "dynofunc"

const keyText = (keyCondition: Parameters<typeof KeyCondition.problem>[0], keySchema?: KeySchema) =>
  compile({ keyCondition, keySchema })

describe("multi-attribute key conditions, key schema unknown", () => {
  it("up to 8 conditions, all equalities but at most one range", () => {
    const eight = cand(
      attr("a").equals(1),
      attr("b").equals(2),
      attr("c").equals(3),
      attr("d").equals(4),
      attr("e").equals(5),
      attr("f").equals(6),
      attr("g").equals(7),
      attr("h").between(1, 2)
    )
    expect(KeyCondition.problem(eight)).toBeUndefined()
    expect(keyText(eight).fields.KeyConditionExpression).toBe(
      "#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 = :v3 AND #n4 = :v4 AND #n5 = :v5 AND #n6 = :v6 AND #n7 BETWEEN :v7 AND :v8"
    )
    expect(KeyCondition.problem(cand(eight, attr("i").equals(9)))).toMatch(/got 9 conditions/)
    expect(KeyCondition.problem(cand(attr("a").equals(1), attr("b").gt(1), attr("c").lt(2)))).toMatch(/2 range conditions \(on "b", "c"\)/)
    expect(KeyCondition.problem(attr("a").gt(1))).toMatch(/no equality for the partition key/)
    expect(KeyCondition.problem(cand(attr("a").equals(1), attr("a").equals(2)))).toMatch(/"a" is tested twice/)
    expect(KeyCondition.problem({ a: 1, b: 2, c: 3, d: 4 })).toBeUndefined()
  })
})

describe("key conditions checked against a known key schema", () => {
  const index: KeySchema = { partition: ["tournament", "region"], sort: ["round", "bracket", "match"] }
  const p = cand(attr("tournament").equals("w24"), attr("region").equals("eu"))

  it("every partition attribute by equality, then sort attributes left to right, the last one tested may be a range", () => {
    expect(KeyCondition.problem(p, index)).toBeUndefined()
    expect(KeyCondition.problem(cand(p, attr("round").beginsWith("semi")), index)).toBeUndefined()
    expect(KeyCondition.problem(cand(p, attr("round").equals("final"), attr("bracket").gte("b")), index)).toBeUndefined()
    expect(KeyCondition.problem({ tournament: "w24", region: "eu", round: "final" }, index)).toBeUndefined()
  })

  it("names what is wrong", () => {
    expect(KeyCondition.problem(attr("tournament").equals("w24"), index)).toBe(
      `the key condition must give the partition key attribute "region" (with =)`
    )
    expect(KeyCondition.problem(cand(attr("tournament").equals("w24"), attr("region").gt("a")), index)).toBe(
      `the partition key attribute "region" takes only =`
    )
    expect(KeyCondition.problem(cand(p, attr("bracket").equals("upper")), index)).toBe(
      `sort key attribute "bracket" is tested but "round" before it is not (sort key attributes go left to right)`
    )
    expect(KeyCondition.problem(cand(p, attr("round").gt("a"), attr("bracket").equals("upper")), index)).toBe(
      `only the last sort key attribute tested may take a range condition; "round" takes one before "bracket"`
    )
    expect(KeyCondition.problem({ tournament: "w24", region: "eu", player: "p1" }, index)).toBe(
      `"player" is not a key attribute here (partition key: "tournament", "region"; sort key: "round", "bracket", "match")`
    )
    expect(KeyCondition.problem({ id: "a", sk: "b" }, { partition: ["id"], sort: [] })).toBe(
      `"sk" is not a key attribute here (partition key: "id"; sort key: none)`
    )
  })

  it("query takes the key schema as an option and reports the problem before sending", () => {
    const op = query("matches", { tournament: "w24" }, { index: "by-region", keySchema: index })
    expect(op.problems.map((problem) => problem.message)).toEqual([`the key condition must give the partition key attribute "region" (with =)`])
    expect(query("matches", { tournament: "w24", region: "eu" }, { index: "by-region", keySchema: index }).problems).toEqual([])
  })
})

describe("query takes a plain object key condition (types too)", () => {
  it("query(table, { pk }) and table(name).query({ pk })", () => {
    const op = query("users", { pk: "p1" })
    expect(op.description).toEqual({
      TableName: "users",
      KeyConditionExpression: "#n0 = :v0",
      ExpressionAttributeNames: { "#n0": "pk" },
      ExpressionAttributeValues: { ":v0": { S: "p1" } }
    })
    expect(table("users").query({ pk: "p1" }).description).toEqual(op.description)
    // @ts-expect-error a key condition is an object or a condition, not a bare value
    query("users", "p1")
  })
})

describe("create: multi-attribute GSI keys", () => {
  it("lists the HASH attributes, then the RANGE attributes", () => {
    const op = create("matches", "id", {
      globalIndexes: [
        { name: "by-region", hashKey: ["tournament", "region"], rangeKey: ["round", { name: "seed", type: "N" }] },
        { name: "by-player", hashKey: "player" }
      ]
    })
    expect(op.problems).toEqual([])
    expect(op.description.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: "by-region",
        KeySchema: [
          { AttributeName: "tournament", KeyType: "HASH" },
          { AttributeName: "region", KeyType: "HASH" },
          { AttributeName: "round", KeyType: "RANGE" },
          { AttributeName: "seed", KeyType: "RANGE" }
        ],
        Projection: { ProjectionType: "ALL" }
      },
      { IndexName: "by-player", KeySchema: [{ AttributeName: "player", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } }
    ])
    expect(op.description.AttributeDefinitions).toEqual([
      { AttributeName: "id", AttributeType: "S" },
      { AttributeName: "tournament", AttributeType: "S" },
      { AttributeName: "region", AttributeType: "S" },
      { AttributeName: "round", AttributeType: "S" },
      { AttributeName: "seed", AttributeType: "N" },
      { AttributeName: "player", AttributeType: "S" }
    ])
  })

  it("more than 4 attributes, none, or one named twice is a problem", () => {
    const op = create("t", "id", {
      globalIndexes: [
        { name: "wide", hashKey: ["a", "b", "c", "d", "e"], rangeKey: ["f", "g", "h", "i", "j"] },
        { name: "empty", hashKey: [] },
        { name: "twice", hashKey: ["a", "b"], rangeKey: ["a"] }
      ]
    })
    expect(op.problems).toEqual([
      { part: "GlobalSecondaryIndexes[wide].KeySchema", message: "a partition key has 1 to 4 attributes; got 5" },
      { part: "GlobalSecondaryIndexes[wide].KeySchema", message: "a sort key has at most 4 attributes; got 5" },
      { part: "GlobalSecondaryIndexes[empty].KeySchema", message: "a partition key has 1 to 4 attributes; got 0" },
      { part: "GlobalSecondaryIndexes[twice].KeySchema", message: `key attribute "a" appears twice in the key` }
    ])
  })
})
