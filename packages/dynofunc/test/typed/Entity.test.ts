import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { Outcome } from "#adapter"
import { schemaFailureTag } from "#test-effect"
import { add, attr, cand, Entity, query, remove, transactWriteItems, TypedTable, update } from "dynofunc"
import { ada, app, Org, User } from "./fixtures.js"

describe("typed entity operations compile to the plain ones", () => {
  it("put: the encoded item, the entity tag and every key", () => {
    const op = User.put(ada)
    expect(op.problems).toEqual([])
    expect(op.description).toEqual(
      add("typed-app", {
        ...ada,
        _entity: "User",
        pk: "ORG#acme",
        sk: "USER#u1",
        gsi1pk: "TEAM#acme#core",
        gsi1sk: "EMAIL#ada@acme.org"
      }).description
    )
    expect(transactWriteItems([op]).problems).toEqual([])
  })

  it("update: values encoded, GSI keys recomputed when every field they need is given", () => {
    const op = User.update({ org: "acme", id: "u1" }, { team: "ops", email: "ada@ops.org", visits: Entity.increment(2) })
    expect(op.problems).toEqual([])
    expect(op.description).toEqual(
      update(
        "typed-app",
        { pk: "ORG#acme", sk: "USER#u1" },
        { team: "ops", email: "ada@ops.org", visits: attr.increment(2), gsi1pk: "TEAM#acme#ops", gsi1sk: "EMAIL#ada@ops.org" },
        { condition: attr("pk").exists(), returnValues: "ALL_NEW" }
      ).description
    )
  })

  it("update: a change to part of a GSI key without the other fields names the index and the fields", () => {
    const op = User.update({ org: "acme", id: "u1" }, { visits: 3, email: "x@y.z" })
    expect(op.problems).toEqual([])
    expect(op.description.ExpressionAttributeNames).toEqual({ "#n0": "pk", "#n1": "visits", "#n2": "email", "#n3": "gsi1sk" })
    const partial = Entity.make({ ...User.config, name: "Partial", indexes: { gsi1: { partition: { prefix: "T", fields: ["team", "visits"] } } } })
    expect(partial.update({ org: "acme", id: "u1" }, { team: "ops" }).problems).toEqual([
      {
        part: "Index[gsi1]",
        message: `Partial: index "gsi1" key "gsi1pk" is composed of "team", "visits"; the update changes "team" but does not give "visits" (give them all, or set onMissing: "sparse" or "keep" on the index)`
      }
    ])
    const sparse = Entity.make({ ...User.config, name: "Sparse", indexes: { gsi1: { partition: { fields: ["team", "visits"] }, onMissing: "sparse" } } })
    expect(sparse.update({ org: "acme", id: "u1" }, { team: "ops" }).description.UpdateExpression).toBe("SET #n1 = :v0 REMOVE #n2, #n3")
    const keep = Entity.make({ ...User.config, name: "Keep", indexes: { gsi1: { partition: { fields: ["team", "visits"] }, onMissing: "keep" } } })
    expect(keep.update({ org: "acme", id: "u1" }, { team: "ops" }).description.UpdateExpression).toBe("SET #n1 = :v0")
  })

  it("query: the partition's fields, sort fields from the left, the entity tag as a filter", () => {
    const op = User.query("gsi1", { org: "acme", team: "core" }, { filter: User.attr("visits").gt(1), limit: 5 })
    expect(op.problems).toEqual([])
    expect(op.description).toEqual(
      query("typed-app", cand(attr("gsi1pk").equals("TEAM#acme#core"), attr("gsi1sk").beginsWith("EMAIL#")), {
        index: "gsi1",
        filter: cand(attr("_entity").equals("User"), attr("visits").gt(1)),
        limit: 5
      }).description
    )
    expect(User.query("primary", { org: "acme", id: "u1" }).description.KeyConditionExpression).toBe("#n0 = :v0 AND #n1 = :v1")
  })

  it("an invalid item is refused before sending, with the ParseError", () => {
    const op = User.put({ ...ada, visits: "many" as unknown as number })
    expect(op.problems.map((problem) => problem.part)).toEqual(["Item"])
    expect(op.problems[0]!.message).toMatch(/visits/)
  })

  it("the key fields are required and composed with escaping", () => {
    const op = User.get({ org: "a#b", id: "c" })
    expect(op.description.Key).toEqual({ pk: { S: "ORG#a\\#b" }, sk: { S: "USER#c" } })
  })

  it("decoding a read: the item, or ItemDecodeError with the table, key, raw item and ParseError", () => {
    const op = User.get({ org: "acme", id: "u1" })
    const bad = op.decode({ Item: { pk: { S: "ORG#acme" }, sk: { S: "USER#u1" }, org: { S: "acme" } }, $metadata: {} })
    expect(Outcome.isFailure(bad)).toBe(true)
    if (Outcome.isFailure(bad)) {
      const error = Outcome.failureOf(bad)
      expect(error._tag).toBe("ItemDecodeError")
      expect(error.table).toBe(app.name)
      expect(error.key).toEqual({ pk: "ORG#acme", sk: "USER#u1" })
      expect(error.item).toEqual({ pk: "ORG#acme", sk: "USER#u1", org: "acme" })
      expect(error.cause._tag).toBe(schemaFailureTag)
    }
  })

  it("decoding a collection page: each item by its tag's entity, in one pass or (a malformed tag, a bad item) in two, alike", () => {
    const org = Org.put({ org: "acme", title: "Acme" }).description.Item!
    const user = User.put(ada).description.Item!
    const page = (items: ReadonlyArray<unknown>, options: { onUnknown?: "skip"; onInvalid?: "skip" } = {}) =>
      TypedTable.collection([Org, User], "primary", { org: "acme" }, options).decode({ Items: items as never, Count: items.length, $metadata: {} })
    const decoded = [{ entity: "Org", item: { org: "acme", title: "Acme" } }, { entity: "User", item: ada }]
    expect(Outcome.map(page([org, user]), ({ items, invalid, unknown }) => ({ items, invalid, unknown }))).toEqual(Outcome.succeed({ items: decoded, invalid: [], unknown: [] }))
    // A tag of two types (DynamoDB never sends one) is the unmarshaller's: a malformed response, in both passes.
    const odd = { ...user, _entity: { N: "1", S: "User" } }
    expect(() => page([org, odd], { onUnknown: "skip" })).toThrow("an attribute value of two types (N and S)")
    // A tag of another type is an unknown tag.
    const numbered = { ...user, _entity: { N: "1" } }
    expect(Outcome.map(page([org, numbered], { onUnknown: "skip" }), ({ items, unknown }) => [items, unknown.map((error) => error.tag)])).toEqual(Outcome.succeed([[decoded[0]], [1]]))
    const bad = { ...user, visits: { S: "many" } }
    expect(Outcome.map(page([bad, org], { onInvalid: "skip" }), ({ items, invalid }) => [items, invalid.map((error) => error._tag)])).toEqual(Outcome.succeed([[decoded[0]], ["ItemDecodeError"]]))
    expect(() => page([org, { ...user, visits: { N: 1 } }])).toThrow(/N is not a number's text/)
  })

  describe("unique fields: sentinels move on update and go on delete", () => {
    const Member = Entity.make({
      table: app,
      name: "Member",
      schema: Schema.Struct({ id: Schema.String, email: Schema.String, handle: Schema.optional(Schema.String) }),
      primary: { partition: { prefix: "MEMBER", fields: ["id"] } },
      unique: ["email", "handle"]
    })
    const key = { pk: "MEMBER#m1", sk: "Member" }
    const sentinel = (field: string, value: string) => ({ pk: `_unique#Member#${field}#${value}`, sk: `_unique#Member#${field}#${value}` })
    const putSentinel = (field: string, value: string) =>
      add("typed-app", { ...sentinel(field, value), _entity: `_unique:Member.${field}` }, { condition: attr("pk").notExists() })

    it("update with the stored values given: the item (conditioned on them), the old sentinel deleted, the new one put if free", () => {
      const op = Member.update({ id: "m1" }, { email: "new@x.org", handle: "ada" }, { previous: { email: "old@x.org", handle: undefined } })
      expect(op.problems).toEqual([])
      expect(op.description).toEqual(
        transactWriteItems([
          update("typed-app", key, { email: "new@x.org", handle: "ada" }, {
            condition: cand(attr("pk").exists(), cand(attr("email").equals("old@x.org"), attr("handle").notExists())),
            returnValuesOnConditionCheckFailure: "ALL_OLD"
          }),
          remove("typed-app", sentinel("email", "old@x.org")),
          putSentinel("email", "new@x.org"),
          putSentinel("handle", "ada")
        ]).description
      )
    })

    it("update to the stored value, or of other fields: a plain UpdateItem (conditioned on the stored value it sets again)", () => {
      const same = Member.update({ id: "m1" }, { email: "same@x.org" }, { previous: { email: "same@x.org" } })
      expect(same.name).toBe("UpdateItem")
      expect(same.description).toMatchObject({ ConditionExpression: "attribute_exists(#n0) AND #n1 = :v0", ReturnValuesOnConditionCheckFailure: "ALL_OLD" })
      expect(Member.update({ id: "m1" }, {}).description).not.toHaveProperty("ReturnValuesOnConditionCheckFailure")
    })

    it("put with the stored values given: the item (conditioned on them), the sentinels of changed values moved", () => {
      const op = Member.put({ id: "m1", email: "new@x.org", handle: "ada" }, { previous: { email: "old@x.org", handle: "ada" } })
      expect(op.problems).toEqual([])
      expect(op.description).toEqual(
        transactWriteItems([
          add("typed-app", { id: "m1", email: "new@x.org", handle: "ada", _entity: "Member", ...key }, {
            condition: cand(attr("email").equals("old@x.org"), attr("handle").equals("ada")),
            returnValuesOnConditionCheckFailure: "ALL_OLD"
          }),
          remove("typed-app", sentinel("email", "old@x.org")),
          putSentinel("email", "new@x.org")
        ]).description
      )
      // A new item: every value's sentinel put; a value left out: its sentinel deleted.
      const fresh = Member.put({ id: "m1", email: "a@x.org" }, { previous: { email: undefined, handle: "ada" } })
      expect(fresh.description).toMatchObject({
        TransactItems: [{}, ...(transactWriteItems([putSentinel("email", "a@x.org"), remove("typed-app", sentinel("handle", "ada"))]).description.TransactItems ?? [])]
      })
    })

    it("put that changes no unique value: a plain PutItem conditioned on them; without them a problem", () => {
      const same = Member.put({ id: "m1", email: "a@x.org" }, { previous: { email: "a@x.org", handle: undefined } })
      expect(same.name).toBe("PutItem")
      expect(same.description).toMatchObject({ ConditionExpression: "#n0 = :v0 AND attribute_not_exists(#n1)" })
      expect(Member.put({ id: "m1", email: "a@x.org" }).problems.map((problem) => problem.part)).toEqual(["previous"])
      expect(Member.put({ id: "m1", email: "a@x.org" }, { previous: { email: "a@x.org" } }).problems.map((problem) => problem.message)).toEqual([
        `Member: moving the unique sentinels of "handle" needs their stored values: give them as \`previous\`, or run the write with TypedTable.execute (which reads them first)`
      ])
    })

    it("without the stored values the write carries a problem (TypedTable.execute reads them first)", () => {
      expect(Member.update({ id: "m1" }, { email: "new@x.org" }).problems.map((problem) => problem.part)).toEqual(["previous"])
      expect(Member.delete({ id: "m1" }).problems.map((problem) => problem.part)).toEqual(["previous"])
    })

    it("delete removes every sentinel the item holds, conditioned on the stored values", () => {
      const op = Member.delete({ id: "m1" }, { previous: { email: "a@x.org", handle: undefined } })
      expect(op.problems).toEqual([])
      expect(op.description).toEqual(
        transactWriteItems([
          remove("typed-app", key, { condition: cand(attr("email").equals("a@x.org"), attr("handle").notExists()), returnValuesOnConditionCheckFailure: "ALL_OLD" }),
          remove("typed-app", sentinel("email", "a@x.org"))
        ]).description
      )
    })

    it("delete of an item holding no unique value is one DeleteItem, conditioned on none being there", () => {
      const op = Member.delete({ id: "m1" }, { previous: { email: undefined, handle: undefined } })
      expect(op.problems).toEqual([])
      expect(op.description).toEqual(
        remove("typed-app", key, { condition: cand(attr("email").notExists(), attr("handle").notExists()), returnValuesOnConditionCheckFailure: "ALL_OLD" }).description
      )
    })
  })
})
