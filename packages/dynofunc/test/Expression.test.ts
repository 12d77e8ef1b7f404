import { describe, expect, it } from "@effect/vitest"
import { AttributeType, attr, cand, cnot, compile, cor, isCondition, isPath, KeyCondition, path, rawCondition, Update } from "dynofunc"
import type { Condition, ExpressionInput } from "dynofunc"

const fields = (input: ExpressionInput) => {
  const compiled = compile(input)
  expect(compiled.problems).toEqual([])
  return compiled.fields
}
const problems = (input: ExpressionInput) => compile(input).problems.map((p) => `${p.part}: ${p.message}`)
const cond = (condition: Condition) => fields({ condition })

describe("conditions", () => {
  it("compares with every comparator", () => {
    expect(cond(attr("a").equals(1)).ConditionExpression).toBe("#n0 = :v0")
    expect(cond(attr("a").notEquals(1)).ConditionExpression).toBe("#n0 <> :v0")
    expect(cond(attr("a").lt(1)).ConditionExpression).toBe("#n0 < :v0")
    expect(cond(attr("a").lte(1)).ConditionExpression).toBe("#n0 <= :v0")
    expect(cond(attr("a").gt(1)).ConditionExpression).toBe("#n0 > :v0")
    expect(cond(attr("a").gte(1)).ConditionExpression).toBe("#n0 >= :v0")
    expect(cond(attr("a").equals("x"))).toEqual({
      ConditionExpression: "#n0 = :v0",
      ExpressionAttributeNames: { "#n0": "a" },
      ExpressionAttributeValues: { ":v0": { S: "x" } }
    })
  })

  it("BETWEEN, IN, begins_with, contains", () => {
    expect(cond(attr("a").between(1, 5))).toEqual({
      ConditionExpression: "#n0 BETWEEN :v0 AND :v1",
      ExpressionAttributeNames: { "#n0": "a" },
      ExpressionAttributeValues: { ":v0": { N: "1" }, ":v1": { N: "5" } }
    })
    expect(cond(attr("a").in(["x", 2, true])).ConditionExpression).toBe("#n0 IN (:v0, :v1, :v2)")
    expect(cond(attr("a").in([["x"]])).ExpressionAttributeValues).toEqual({ ":v0": { L: [{ S: "x" }] } })
    expect(cond(attr("sk").beginsWith("2024-")).ConditionExpression).toBe("begins_with(#n0, :v0)")
    expect(cond(attr("tags").contains("red")).ConditionExpression).toBe("contains(#n0, :v0)")
    expect(cond(attr("nums").contains(7)).ExpressionAttributeValues).toEqual({ ":v0": { N: "7" } })
    expect(cond(attr("bins").contains(new Uint8Array([1]))).ExpressionAttributeValues).toEqual({ ":v0": { B: new Uint8Array([1]) } })
  })

  it("value operands of the types DynamoDB accepts, BETWEEN bounds in order", () => {
    expect(problems({ condition: attr("a").lt(true) })).toEqual(["ConditionExpression: < takes a number, a string or a binary, not BOOL"])
    expect(problems({ condition: attr("a").gte([1]) })[0]).toMatch(/>= takes a number, a string or a binary, not L/)
    expect(problems({ condition: attr("a").beginsWith(1) })).toEqual(["ConditionExpression: begins_with takes a string or a binary, not N"])
    expect(problems({ condition: attr("a").between(2, 1) })).toEqual(["ConditionExpression: BETWEEN needs the lower bound first"])
    expect(problems({ condition: attr("a").between("b", "a") })).toHaveLength(1)
    expect(problems({ condition: attr("a").between("\uffff", "😀") })).toEqual([]) // by UTF-8 bytes, as DynamoDB orders strings
    expect(problems({ condition: attr("a").between("😀", "\uffff") })).toHaveLength(1)
    expect(problems({ condition: attr("a").between(new Uint8Array([2]), new Uint8Array([1])) })).toHaveLength(1)
    expect(problems({ condition: attr("a").between(1, "x") })[0]).toMatch(/BETWEEN takes two numbers, two strings or two binaries, not N and S/)
    expect(problems({ condition: attr("a").between(true, true) })).toHaveLength(1)
    expect(problems({ condition: attr("a").between(1, 1) })).toEqual([])
    expect(problems({ condition: attr("a").between(attr("b"), 3) })).toEqual([])
    expect(problems({ condition: attr("a").between(attr("b"), null) })).toHaveLength(1)
  })

  it("IN takes at most 100 operands and at least one", () => {
    const ok = Array.from({ length: 100 }, (_, i) => i)
    expect(compile({ condition: attr("a").in(ok) }).problems).toEqual([])
    expect(problems({ condition: attr("a").in([...ok, 100]) })).toEqual(["ConditionExpression: IN has 101 operands; DynamoDB allows 100"])
    expect(problems({ filter: attr("a").in([]) })).toEqual(["FilterExpression: IN needs at least one operand"])
  })

  it("attribute functions and typed constants", () => {
    expect(cond(attr("a").exists()).ConditionExpression).toBe("attribute_exists(#n0)")
    expect(cond(attr("a").notExists()).ConditionExpression).toBe("attribute_not_exists(#n0)")
    expect(cond(attr("a").type(AttributeType.NumberSet))).toEqual({
      ConditionExpression: "attribute_type(#n0, :v0)",
      ExpressionAttributeNames: { "#n0": "a" },
      ExpressionAttributeValues: { ":v0": { S: "NS" } }
    })
    expect(Object.values(AttributeType)).toEqual(["S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"])
    expect(problems({ condition: attr("a").type("X" as "S") })[0]).toMatch(/attribute_type takes/)
  })

  it("size() and attribute-to-attribute comparisons", () => {
    expect(cond(attr("tags").size().gt(2)).ConditionExpression).toBe("size(#n0) > :v0")
    expect(cond(attr("tags").size().between(1, 3)).ConditionExpression).toBe("size(#n0) BETWEEN :v0 AND :v1")
    expect(cond(attr("tags").size().in([1, 2])).ConditionExpression).toBe("size(#n0) IN (:v0, :v1)")
    expect(cond(attr("a").lt(attr("b")))).toEqual({
      ConditionExpression: "#n0 < #n1",
      ExpressionAttributeNames: { "#n0": "a", "#n1": "b" }
    })
    expect(cond(attr("a").size().equals(attr("b").size())).ConditionExpression).toBe("size(#n0) = size(#n1)")
    expect(cond(attr("a").between(attr("lo"), attr("hi"))).ConditionExpression).toBe("#n0 BETWEEN #n1 AND #n2")
    expect(cond(attr("a").beginsWith(attr("prefix"))).ConditionExpression).toBe("begins_with(#n0, #n1)")
    expect(problems({ condition: attr("a").equals(attr("a")) })[0]).toMatch(/compared with itself/)
    expect(problems({ condition: path("a", 0).size().lt(path("a", 0).size()) })[0]).toMatch(/compared with itself/)
    expect(problems({ condition: attr("a").between(1, attr("a")) })[0]).toMatch(/compared with itself/)
    expect(problems({ condition: attr("a").in([1, attr("a")]) })[0]).toMatch(/compared with itself/)
    expect(compile({ condition: attr("a").equals(attr("a").size()) }).problems).toEqual([])
    expect(cond(attr("a").equals(attr.value({ N: "12345678901234567890123" }))).ExpressionAttributeValues).toEqual({
      ":v0": { N: "12345678901234567890123" }
    })
  })

  it("and / or / not nest to any depth with minimal, unambiguous parentheses", () => {
    const a = attr("a").exists()
    const b = attr("b").exists()
    const c = attr("c").exists()
    expect(cond(cand(a, b, c)).ConditionExpression).toBe("attribute_exists(#n0) AND attribute_exists(#n1) AND attribute_exists(#n2)")
    expect(cond(cand(a, cand(b, c))).ConditionExpression).toBe("attribute_exists(#n0) AND attribute_exists(#n1) AND attribute_exists(#n2)")
    expect(cond(cand(a, cor(b, c))).ConditionExpression).toBe("attribute_exists(#n0) AND (attribute_exists(#n1) OR attribute_exists(#n2))")
    expect(cond(cor(a, cand(b, c))).ConditionExpression).toBe("attribute_exists(#n0) OR (attribute_exists(#n1) AND attribute_exists(#n2))")
    expect(cond(cnot(a)).ConditionExpression).toBe("NOT attribute_exists(#n0)")
    expect(cond(cnot(cor(a, b))).ConditionExpression).toBe("NOT (attribute_exists(#n0) OR attribute_exists(#n1))")
    expect(cond(cnot(cnot(a))).ConditionExpression).toBe("NOT NOT attribute_exists(#n0)")
    expect(cond(a.and(b).or(c.not())).ConditionExpression).toBe(
      "(attribute_exists(#n0) AND attribute_exists(#n1)) OR NOT attribute_exists(#n2)"
    )
    let deep: Condition = a
    for (let i = 0; i < 50; i++) deep = i % 2 === 0 ? cor(deep, attr(`x${i}`).equals(i)) : cnot(cand(deep, b))
    expect(compile({ condition: deep }).problems).toEqual([])
    expect(cand(a)).toBe(a)
    expect(cor(a)).toBe(a)
  })

  it("an empty cand() means no condition; an empty cor() is a problem", () => {
    expect(compile({ condition: cand() })).toEqual({ fields: {}, problems: [] })
    expect(cond(cand(attr("a").exists(), cand())).ConditionExpression).toBe("attribute_exists(#n0)")
    expect(problems({ condition: cor() })).toEqual(["ConditionExpression: cor() needs at least one condition"])
    expect(problems({ condition: cor(attr("a").exists(), cand()) })).toHaveLength(1)
  })

  it("values that cannot be stored are problems, not exceptions", () => {
    expect(problems({ condition: attr("a").equals(undefined) })).toEqual(["ConditionExpression: undefined is not a DynamoDB value"])
    expect(problems({ condition: attr("a").equals(Number.NaN) })[0]).toMatch(/cannot store NaN/)
    expect(problems({ condition: attr("a").equals(new Set()) })[0]).toMatch(/cannot store an empty set/)
    expect(problems({ condition: attr("a").equals(2 ** 60) })[0]).toMatch(/cannot store/)
    expect(cond(attr("a").equals(2n ** 60n)).ExpressionAttributeValues).toEqual({ ":v0": { N: "1152921504606846976" } })
  })

  it("guards", () => {
    expect(isCondition(attr("a").exists())).toBe(true)
    expect(isCondition({ _tag: "Compare" })).toBe(false)
    expect(isPath(attr("a"))).toBe(true)
    expect(isPath("a")).toBe(false)
  })
})

describe("paths", () => {
  it("a string is one name, whatever it holds", () => {
    expect(cond(attr("a.b").exists())).toEqual({
      ConditionExpression: "attribute_exists(#n0)",
      ExpressionAttributeNames: { "#n0": "a.b" }
    })
    const odd = ["a-b", "with space", "ünïcødé", "日本", "SELECT", "size", "#x", ":y", "a[0]", "🙂"]
    for (const name of odd) expect(cond(attr(name).exists()).ExpressionAttributeNames).toEqual({ "#n0": name })
  })

  it("nested maps and list indexes, segment by segment", () => {
    expect(cond(path("a", "b", "c").exists())).toEqual({
      ConditionExpression: "attribute_exists(#n0.#n1.#n2)",
      ExpressionAttributeNames: { "#n0": "a", "#n1": "b", "#n2": "c" }
    })
    expect(cond(path("a", 3).exists()).ConditionExpression).toBe("attribute_exists(#n0[3])")
    expect(cond(path("a", 0, 1, "b").exists()).ConditionExpression).toBe("attribute_exists(#n0[0][1].#n1)")
    expect(cond(attr.path("a", "b.c").exists()).ExpressionAttributeNames).toEqual({ "#n0": "a", "#n1": "b.c" })
    expect(cond(attr("a").at("b", 2).exists()).ConditionExpression).toBe("attribute_exists(#n0.#n1[2])")
    expect(cond(path("a", "a", "a").exists())).toEqual({
      ConditionExpression: "attribute_exists(#n0.#n0.#n0)",
      ExpressionAttributeNames: { "#n0": "a" }
    })
  })

  it("path.parse reads dotted text on request", () => {
    expect(path.parse("a.b[3].c").segments).toEqual(["a", "b", 3, "c"])
    expect(path.parse("a[0][1]").segments).toEqual(["a", 0, 1])
    expect(path.parse("plain").segments).toEqual(["plain"])
    expect(problems({ condition: path.parse("a[x]").exists() })[0]).toMatch(/list index NaN/)
    expect(problems({ condition: path.parse("a..b").exists() })[0]).toMatch(/cannot be empty/)
  })

  it("bad segments are problems", () => {
    expect(problems({ condition: path("a", -1).exists() })[0]).toMatch(/list index -1/)
    expect(problems({ condition: path("a", 1.5).exists() })[0]).toMatch(/list index 1.5/)
    expect(problems({ condition: attr("").exists() })[0]).toMatch(/cannot be empty/)
  })
})

describe("key conditions", () => {
  it("a plain object is equality", () => {
    expect(fields({ keyCondition: { pk: "u1" } })).toEqual({
      KeyConditionExpression: "#n0 = :v0",
      ExpressionAttributeNames: { "#n0": "pk" },
      ExpressionAttributeValues: { ":v0": { S: "u1" } }
    })
    expect(fields({ keyCondition: { pk: "u1", sk: 2 } }).KeyConditionExpression).toBe("#n0 = :v0 AND #n1 = :v1")
    expect(problems({ keyCondition: {} })[0]).toMatch(/got no key attribute/)
    expect(problems({ keyCondition: { a: 1, b: 2, c: 3 } })).toEqual([])
    expect(problems({ keyCondition: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9 } })[0]).toMatch(/got 9 conditions/)
  })

  it("the sort key takes =, <, <=, >, >=, BETWEEN, begins_with", () => {
    const pk = attr("pk").equals("u1")
    const sorts: Array<[Condition, string]> = [
      [attr("sk").equals(1), "#n1 = :v1"],
      [attr("sk").lt(1), "#n1 < :v1"],
      [attr("sk").lte(1), "#n1 <= :v1"],
      [attr("sk").gt(1), "#n1 > :v1"],
      [attr("sk").gte(1), "#n1 >= :v1"],
      [attr("sk").between(1, 2), "#n1 BETWEEN :v1 AND :v2"],
      [attr("sk").beginsWith("x"), "begins_with(#n1, :v1)"]
    ]
    for (const [sort, text] of sorts) {
      expect(fields({ keyCondition: cand(pk, sort) }).KeyConditionExpression).toBe(`#n0 = :v0 AND ${text}`)
      expect(KeyCondition.problem(cand(sort, pk))).toBeUndefined()
    }
    expect(fields({ keyCondition: pk }).KeyConditionExpression).toBe("#n0 = :v0")
  })

  it("anything else is a problem before sending", () => {
    const pk = attr("pk").equals("u1")
    const bad: Array<Condition> = [
      attr("pk").gt(1),
      cor(pk, attr("sk").equals(1)),
      cnot(pk),
      cand(pk, attr("sk").notEquals(1)),
      cand(pk, attr("sk").in([1])),
      cand(pk, attr("sk").contains("x")),
      cand(pk, attr("sk").exists()),
      cand(pk, attr("sk").gt(1), attr("sk2").lt(3)),
      cand(pk, attr("pk").gt(1)),
      cand(pk, path("m", "x").gt(1)),
      cand(pk, attr("sk").gt(attr("other"))),
      cand(pk, attr("sk").size().gt(1)),
      path("m", "x").equals(1)
    ]
    for (const c of bad) {
      expect(problems({ keyCondition: c }).length, JSON.stringify(compile({ keyCondition: c }).fields)).toBe(1)
      expect(KeyCondition.problem(c)).toBeDefined()
    }
    expect(KeyCondition.problem({ pk: 1 })).toBeUndefined()
  })
})

describe("updates", () => {
  it("a plain value means SET", () => {
    expect(fields({ update: { name: "Ada", age: 36, nothing: undefined } })).toEqual({
      UpdateExpression: "SET #n0 = :v0, #n1 = :v1",
      ExpressionAttributeNames: { "#n0": "name", "#n1": "age" },
      ExpressionAttributeValues: { ":v0": { S: "Ada" }, ":v1": { N: "36" } }
    })
    expect(fields({ update: { m: { a: [1, null] } } }).ExpressionAttributeValues).toEqual({
      ":v0": { M: { a: { L: [{ N: "1" }, { NULL: true }] } } }
    })
  })

  it("append and prepend work when the list does not exist yet", () => {
    expect(fields({ update: { roles: attr.append("admin") } })).toEqual({
      UpdateExpression: "SET #n0 = list_append(if_not_exists(#n0, :v0), :v1)",
      ExpressionAttributeNames: { "#n0": "roles" },
      ExpressionAttributeValues: { ":v0": { L: [] }, ":v1": { L: [{ S: "admin" }] } }
    })
    expect(fields({ update: { friends: attr.prepend(["jake", "finn"]) } })).toEqual({
      UpdateExpression: "SET #n0 = list_append(:v0, if_not_exists(#n0, :v1))",
      ExpressionAttributeNames: { "#n0": "friends" },
      ExpressionAttributeValues: { ":v0": { L: [{ S: "jake" }, { S: "finn" }] }, ":v1": { L: [] } }
    })
    expect(fields({ update: { l: attr.append([[1, 2]]) } }).ExpressionAttributeValues).toEqual({
      ":v0": { L: [] },
      ":v1": { L: [{ L: [{ N: "1" }, { N: "2" }] }] }
    })
    expect(fields({ update: attr("l").append(attr("other")) }).UpdateExpression).toBe("SET #n0 = list_append(if_not_exists(#n0, :v0), #n1)")
  })

  it("the other helpers", () => {
    expect(fields({ update: { n: attr.increment() } })).toEqual({
      UpdateExpression: "SET #n0 = if_not_exists(#n0, :v0) + :v1",
      ExpressionAttributeNames: { "#n0": "n" },
      ExpressionAttributeValues: { ":v0": { N: "0" }, ":v1": { N: "1" } }
    })
    expect(fields({ update: { n: attr.decrement(3) } }).UpdateExpression).toBe("SET #n0 = if_not_exists(#n0, :v0) - :v1")
    expect(fields({ update: { a: attr.remove() } }).UpdateExpression).toBe("REMOVE #n0")
    expect(fields({ update: { a: attr.add(5) } })).toEqual({
      UpdateExpression: "ADD #n0 :v0",
      ExpressionAttributeNames: { "#n0": "a" },
      ExpressionAttributeValues: { ":v0": { N: "5" } }
    })
    expect(fields({ update: { a: attr.add(["x", "y"]) } }).ExpressionAttributeValues).toEqual({ ":v0": { SS: ["x", "y"] } })
    expect(fields({ update: { a: attr.add("x") } }).ExpressionAttributeValues).toEqual({ ":v0": { SS: ["x"] } })
    expect(fields({ update: { a: attr.add(new Set([1, 2])) } }).ExpressionAttributeValues).toEqual({ ":v0": { NS: ["1", "2"] } })
    expect(fields({ update: { a: attr.delete([1]) } })).toEqual({
      UpdateExpression: "DELETE #n0 :v0",
      ExpressionAttributeNames: { "#n0": "a" },
      ExpressionAttributeValues: { ":v0": { NS: ["1"] } }
    })
    expect(fields({ update: { a: attr.ifNotExists("x") } }).UpdateExpression).toBe("SET #n0 = if_not_exists(#n0, :v0)")
    expect(fields({ update: { a: attr.set(attr("b")) } }).UpdateExpression).toBe("SET #n0 = #n1")
    expect(fields({ update: { a: attr("b") } }).UpdateExpression).toBe("SET #n0 = #n1")
    expect(Update.delete).toBe(Update.deleteElements)
  })

  it("SET operands: other attributes, arithmetic, if_not_exists, list_append on either side", () => {
    expect(fields({ update: { total: attr("price").plus(attr("tax")) } }).UpdateExpression).toBe("SET #n0 = #n1 + #n2")
    expect(fields({ update: { left: attr("stock").minus(1) } }).UpdateExpression).toBe("SET #n0 = #n1 - :v0")
    expect(fields({ update: { v: attr("v").ifNotExists(0).plus(1) } }).UpdateExpression).toBe("SET #n0 = if_not_exists(#n0, :v0) + :v1")
    expect(fields({ update: { l: attr("a").listAppend(attr("b")) } }).UpdateExpression).toBe("SET #n0 = list_append(#n1, #n2)")
    expect(fields({ update: { l: attr("l").ifNotExists([]).listAppend([1]) } }).UpdateExpression).toBe(
      "SET #n0 = list_append(if_not_exists(#n0, :v0), :v1)"
    )
    expect(fields({ update: { l: attr.value({ L: [] }).listAppend(attr("l")) } }).UpdateExpression).toBe("SET #n0 = list_append(:v0, #n0)")
    expect(problems({ update: { a: attr("b").plus(1).plus(2) } })[0]).toMatch(/cannot be nested/)
    expect(problems({ update: { a: attr("b").size() } })[0]).toMatch(/size\(\) belongs in conditions/)
    expect(problems({ condition: attr("a").equals(attr("b").plus(1)) })[0]).toMatch(/belong in updates/)
  })

  it("paths: nested maps, list elements, any mix of actions in one request", () => {
    expect(
      fields({
        update: [
          { name: "Ada", visits: attr.increment(), gone: attr.remove() },
          path("profile", "email").set("a@b.c"),
          path("items", 2).remove(),
          attr("tags").add(["x"]),
          attr("old").delete(["y"]),
          path("log", 0, "n").increment(5)
        ]
      })
    ).toEqual({
      UpdateExpression:
        "SET #n0 = :v0, #n1 = if_not_exists(#n1, :v1) + :v2, #n3.#n4 = :v3, #n8[0].#n9 = if_not_exists(#n8[0].#n9, :v6) + :v7 REMOVE #n2, #n5[2] ADD #n6 :v4 DELETE #n7 :v5",
      ExpressionAttributeNames: {
        "#n0": "name",
        "#n1": "visits",
        "#n2": "gone",
        "#n3": "profile",
        "#n4": "email",
        "#n5": "items",
        "#n6": "tags",
        "#n7": "old",
        "#n8": "log",
        "#n9": "n"
      },
      ExpressionAttributeValues: {
        ":v0": { S: "Ada" },
        ":v1": { N: "0" },
        ":v2": { N: "1" },
        ":v3": { S: "a@b.c" },
        ":v4": { SS: ["x"] },
        ":v5": { SS: ["y"] },
        ":v6": { N: "0" },
        ":v7": { N: "5" }
      }
    })
    expect(fields({ update: path("a", "b").setIfNotExists(1) }).UpdateExpression).toBe("SET #n0.#n1 = if_not_exists(#n0.#n1, :v0)")
    expect(fields({ update: attr("a").decrement() }).UpdateExpression).toBe("SET #n0 = if_not_exists(#n0, :v0) - :v1")
    expect(fields({ update: attr("a").prepend("x") }).UpdateExpression).toBe("SET #n0 = list_append(:v0, if_not_exists(#n0, :v1))")
  })

  it("the same or overlapping paths twice is a problem", () => {
    expect(problems({ update: [{ a: 1 }, { a: 2 }] })).toEqual(["UpdateExpression: update paths a and a overlap: DynamoDB allows each path once"])
    expect(problems({ update: [{ a: 1 }, path("a", "b").set(2)] })).toHaveLength(1)
    expect(problems({ update: [path("a", "b").set(1), path("a").remove()] })).toHaveLength(1)
    expect(problems({ update: [path("a", 1).set(1), path("a", 1, "c").remove()] })).toHaveLength(1)
    expect(problems({ update: [path("a", "b").set(1), path("a", "c").set(2), path("a", 0).remove(), path("x", 0).remove()] })).toEqual([])
    expect(problems({ update: [path("a", 1).remove(), path("a", 2).remove()] })).toEqual([])
  })

  it("an empty update, or a wrong part, is a problem", () => {
    expect(problems({ update: {} })).toEqual(["UpdateExpression: the update has no action"])
    expect(problems({ update: { a: undefined } })).toEqual(["UpdateExpression: the update has no action"])
    expect(compile({ update: [] }).fields).toEqual({})
    expect(problems({ update: { a: path("x").set(1) } })[0]).toMatch(/tied to a path/)
    expect(problems({ update: [attr("a") as never] })[0]).toMatch(/plain object/)
    expect(problems({ update: { n: attr.increment("x" as never) } })[0]).toMatch(/take a number/)
    expect(problems({ update: { s: attr.add(attr("x")) } })[0]).toMatch(/ADD and DELETE take a value/)
  })
})

describe("projections", () => {
  it("names and paths, names de-duplicated", () => {
    expect(fields({ projection: ["id", "name", path("address", "city"), path("tags", 0)] })).toEqual({
      ProjectionExpression: "#n0, #n1, #n2.#n3, #n4[0]",
      ExpressionAttributeNames: { "#n0": "id", "#n1": "name", "#n2": "address", "#n3": "city", "#n4": "tags" }
    })
    expect(fields({ projection: [path("a", "b"), path("c", "a")] }).ProjectionExpression).toBe("#n0.#n1, #n2.#n0")
    expect(compile({ projection: [] })).toEqual({ fields: {}, problems: [] })
    expect(problems({ projection: ["a", path("a", 0)] })).toHaveLength(1)
  })
})

describe("one allocator per request", () => {
  it("shares names across parts and never shares values", () => {
    expect(
      fields({
        keyCondition: { pk: "u1" },
        filter: cand(attr("pk").exists(), attr("n").equals("u1")),
        projection: ["pk", "n"]
      })
    ).toEqual({
      KeyConditionExpression: "#n0 = :v0",
      FilterExpression: "attribute_exists(#n0) AND #n1 = :v1",
      ProjectionExpression: "#n0, #n1",
      ExpressionAttributeNames: { "#n0": "pk", "#n1": "n" },
      ExpressionAttributeValues: { ":v0": { S: "u1" }, ":v1": { S: "u1" } }
    })
  })

  it("the order is key condition, condition, filter, update, projection", () => {
    const f = fields({
      projection: ["e"],
      update: { d: 4 },
      filter: attr("c").equals(3),
      condition: attr("b").equals(2),
      keyCondition: { a: 1 }
    })
    expect(f.ExpressionAttributeNames).toEqual({ "#n0": "a", "#n1": "b", "#n2": "c", "#n3": "d", "#n4": "e" })
    expect(Object.keys(f.ExpressionAttributeValues ?? {})).toEqual([":v0", ":v1", ":v2", ":v3"])
  })

  it("caller placeholders are kept and stepped around", () => {
    const f = fields({
      condition: cand(rawCondition("#n0 = :v0", { names: { "#n0": "status" }, values: { ":v0": "x" } }), attr("a").equals(1)),
      update: { b: 2 },
      names: { "#n2": "c" },
      values: { ":v2": { S: "y" } }
    })
    expect(f).toEqual({
      ConditionExpression: "(#n0 = :v0) AND #n1 = :v1",
      UpdateExpression: "SET #n3 = :v3",
      ExpressionAttributeNames: { "#n0": "status", "#n2": "c", "#n1": "a", "#n3": "b" },
      ExpressionAttributeValues: { ":v0": { S: "x" }, ":v2": { S: "y" }, ":v1": { N: "1" }, ":v3": { N: "2" } }
    })
    expect(fields({ condition: rawCondition("attribute_exists(#k)", { names: { "#k": "k" } }) })).toEqual({
      ConditionExpression: "attribute_exists(#k)",
      ExpressionAttributeNames: { "#k": "k" }
    })
    expect(fields({ keyCondition: rawCondition("#p = :p"), names: { "#p": "pk" }, values: { ":p": { S: "1" } } })).toEqual({
      KeyConditionExpression: "#p = :p",
      ExpressionAttributeNames: { "#p": "pk" },
      ExpressionAttributeValues: { ":p": { S: "1" } }
    })
  })

  it("a clash is a problem; the same meaning twice is not", () => {
    expect(
      problems({ condition: rawCondition("#s = :s", { names: { "#s": "status" }, values: { ":s": 1 } }), names: { "#s": "state" } })
    ).toEqual(['ConditionExpression: name placeholder #s is given twice: "state" and "status"'])
    expect(
      problems({ condition: rawCondition("#s = :s", { names: { "#s": "status" }, values: { ":s": 1 } }), values: { ":s": { N: "2" } } })
    ).toEqual(["ConditionExpression: value placeholder :s is given twice with different values"])
    expect(
      compile({
        condition: rawCondition("#s = :s", { names: { "#s": "status" }, values: { ":s": 1 } }),
        filter: rawCondition("#s <> :s", { names: { "#s": "status" }, values: { ":s": 1 } })
      }).problems
    ).toEqual([])
    expect(problems({ names: { "bad": "x" } })[0]).toMatch(/must be # followed by/)
    expect(problems({ values: { "bad": { S: "x" } } })[0]).toMatch(/must be : followed by/)
  })

  it("fields holds only what is present", () => {
    expect(compile({})).toEqual({ fields: {}, problems: [] })
    expect(Object.keys(fields({ condition: attr("a").exists() }))).toEqual(["ConditionExpression", "ExpressionAttributeNames"])
  })

  it("many names and values (past the generated-record sizes) still compile", () => {
    const update: Record<string, number> = {}
    for (let i = 0; i < 300; i++) update[`k${i}`] = i
    const f = fields({ update, condition: attr("k5").exists() })
    expect(Object.keys(f.ExpressionAttributeNames ?? {})).toHaveLength(300)
    expect(f.ExpressionAttributeNames?.["#n299"]).toBe("k299") // k5 came first, as #n0
    expect(f.ExpressionAttributeNames?.["#n1"]).toBe("k0")
    expect(f.ExpressionAttributeValues?.[":v299"]).toEqual({ N: "299" })
    expect(f.ConditionExpression).toBe("attribute_exists(#n0)")
  })

  it("is deterministic", () => {
    const input: ExpressionInput = {
      condition: cand(attr("a").exists(), cor(attr("b").in([1, 2]), attr("c").size().gt(1))),
      update: [{ x: 1, y: attr.append("z") }, path("m", "n", 0).remove()]
    }
    expect(compile(input)).toEqual(compile(input))
  })
})

describe("a plain value as the left operand of +, - and list_append", () => {
  it("is marshalled like any value, on either side", () => {
    expect(fields({ update: { total: Update.plus(100, attr("bonus")) } })).toMatchObject({
      UpdateExpression: "SET #n0 = :v0 + #n1",
      ExpressionAttributeNames: { "#n0": "total", "#n1": "bonus" },
      ExpressionAttributeValues: { ":v0": { N: "100" } }
    })
    expect(fields({ update: { left: attr.minus(10, attr("used")) } })).toMatchObject({ UpdateExpression: "SET #n0 = :v0 - #n1" })
    expect(fields({ update: { log: attr.listAppend(["first"], attr("log")) } })).toMatchObject({
      UpdateExpression: "SET #n0 = list_append(:v0, #n0)",
      ExpressionAttributeValues: { ":v0": { L: [{ S: "first" }] } }
    })
    expect(fields({ update: [path("a", "n").set(Update.plus(1n, 2))] })).toMatchObject({ UpdateExpression: "SET #n0.#n1 = :v0 + :v1" })
  })

  it("a value DynamoDB cannot store there is a problem naming the attribute", () => {
    expect(problems({ update: { total: Update.plus(Number.NaN, attr("bonus")) } })).toEqual([expect.stringMatching(/^UpdateExpression.total: .*NaN/)])
  })
})
