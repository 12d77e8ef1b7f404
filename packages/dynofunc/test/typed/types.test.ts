/** What the compiler accepts and refuses on typed entities (checked by `pnpm typecheck`; the assertions run too). */
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import type { Outcome } from "#adapter"
import {
  attr,
  Entity,
  Pages,
  query,
  TypedTable,
  type Item,
  type UnknownEntityError,
  type CommandName,
  type DynamoClient,
  type ErrorOf,
  type ItemDecodeError,
  type ItemEncodeError,
  type Operation,
  type ResultOf,
  type UniqueConflictError,
  type UniqueConstraintError,
  type VersionConflictError
} from "dynofunc"
import type { GetItemCommandOutput } from "@aws-sdk/client-dynamodb"
import type { Effect, Stream } from "effect"
import { ada, User } from "./fixtures.js"

type UserItem = {
  readonly org: string
  readonly id: string
  readonly email: string
  readonly team: string
  readonly visits: number
  readonly roles: ReadonlyArray<string>
  readonly tags: ReadonlySet<string>
  readonly nickname?: string | undefined
  readonly profile: { readonly city: string; readonly zip: number }
}

describe("typed entities: types", () => {
  it("item, key and result types come from the Schema", () => {
    expectTypeOf<Entity.Fields<typeof User.config>>().toEqualTypeOf<UserItem>()
    expectTypeOf<Entity.Key<typeof User.config>>().toEqualTypeOf<{ readonly org: string; readonly id: string }>()
    expectTypeOf<ResultOf<ReturnType<typeof User.get>>>().toEqualTypeOf<
      Outcome.Outcome<{ readonly item: UserItem | undefined; readonly raw: GetItemCommandOutput }, ItemDecodeError>
    >()
  })

  it("misspelled names and wrong value types do not compile", () => {
    // @ts-expect-error "emial" is not a field
    User.attr("emial")
    // @ts-expect-error visits is a number
    User.attr("visits").equals("3")
    // @ts-expect-error begins_with on a number
    User.attr("visits").beginsWith("1")
    // @ts-expect-error a nested field that does not exist
    User.path("profile", "street")
    // @ts-expect-error the key needs id
    User.get({ org: "acme" })
    // @ts-expect-error a misspelled field in an update
    User.update({ org: "acme", id: "u1" }, { visit: 1 })
    // @ts-expect-error a string where a number goes
    User.update({ org: "acme", id: "u1" }, { visits: "2" })
    // @ts-expect-error a key field cannot change
    User.update({ org: "acme", id: "u1" }, { org: "other" })
    // @ts-expect-error a put missing a field
    User.put({ org: "acme", id: "u1" })
    // @ts-expect-error an index the table does not have
    User.query("gsi9", { org: "acme" })
    // @ts-expect-error the gsi1 partition needs team too
    User.query("gsi1", { org: "acme" })
    expect(User.path("profile", "city").equals("London")).toBeDefined()
  })

  it("update actions only on fields of their kind", () => {
    User.update({ org: "acme", id: "u1" }, { visits: Entity.increment(), roles: Entity.append(["x"]), tags: Entity.addToSet(["t"]), nickname: Entity.remove() })
    // @ts-expect-error increment on a string
    User.update({ org: "acme", id: "u1" }, { email: Entity.increment() })
    // @ts-expect-error append on a number
    User.update({ org: "acme", id: "u1" }, { visits: Entity.append([1]) })
    // @ts-expect-error append of numbers to a list of strings
    User.update({ org: "acme", id: "u1" }, { roles: Entity.append([1]) })
    // @ts-expect-error a set action on a list
    User.update({ org: "acme", id: "u1" }, { roles: Entity.addToSet(["x"]) })
    // @ts-expect-error remove on a required field
    User.update({ org: "acme", id: "u1" }, { email: Entity.remove() })
    expect(true).toBe(true)
  })

  it("a projection narrows the result", () => {
    const op = User.get({ org: "acme", id: "u1" }, { projection: ["email", "visits"] })
    expect(op.description.ProjectionExpression).toBe("#n0, #n1")
    expectTypeOf<ResultOf<typeof op>>().toEqualTypeOf<
      Outcome.Outcome<
        { readonly item: { readonly email: string; readonly visits: number } | undefined; readonly raw: GetItemCommandOutput },
        ItemDecodeError
      >
    >()
    // @ts-expect-error not a field
    User.get({ org: "acme", id: "u1" }, { projection: ["emial"] })
  })

  it("typed streams give decoded items and the typed errors", () => {
    const users = TypedTable.items(User.query("primary", { org: "acme" }))
    expectTypeOf<Stream.Stream.Success<typeof users>>().toEqualTypeOf<UserItem>()
    expectTypeOf<Extract<Stream.Stream.Error<typeof users>, { _tag: "ItemDecodeError" }>>().toEqualTypeOf<ItemDecodeError>()
    const tagged = TypedTable.items(TypedTable.collection([User], "primary", { org: "acme" }))
    expectTypeOf<Stream.Stream.Success<typeof tagged>>().toEqualTypeOf<{ readonly entity: "User"; readonly item: UserItem }>()
    // @ts-expect-error a get has no pages
    TypedTable.items(User.get({ org: "acme", id: "u1" }))
    expect([typeof users, typeof tagged]).toEqual(["object", "object"])
  })

  it("Pages streams a typed query or scan decoded, failing with the typed errors too", () => {
    const users = Pages.items(User.query("primary", { org: "acme" }))
    expectTypeOf(users).toEqualTypeOf<Stream.Stream<UserItem, ErrorOf<"Query"> | ItemDecodeError, DynamoClient.DynamoClient>>()
    const tagged = Pages.items(TypedTable.collection([User], "primary", { org: "acme" }))
    expectTypeOf<Stream.Stream.Success<typeof tagged>>().toEqualTypeOf<{ readonly entity: "User"; readonly item: UserItem }>()
    expectTypeOf<Stream.Stream.Error<typeof tagged>>().toEqualTypeOf<ErrorOf<"Query"> | ItemDecodeError | UnknownEntityError>()
    const pages = Pages.pages(User.scan())
    expectTypeOf<Stream.Stream.Success<typeof pages>["items"]>().toEqualTypeOf<ReadonlyArray<UserItem>>()
    expectTypeOf<Stream.Stream.Success<typeof pages>["invalid"]>().toEqualTypeOf<ReadonlyArray<ItemDecodeError>>()
    expectTypeOf<Stream.Stream.Error<typeof pages>>().toEqualTypeOf<ErrorOf<"Scan"> | ItemDecodeError>()
    const segments = Pages.parallelItems(User.scan(), { segments: 4 })
    expectTypeOf(segments).toEqualTypeOf<Stream.Stream<UserItem, ErrorOf<"Scan"> | ItemDecodeError, DynamoClient.DynamoClient>>()
    // A plain query is untouched: plain items, the plain errors.
    const plain = Pages.items(query("app", attr("pk").equals("ORG#acme")))
    expectTypeOf(plain).toEqualTypeOf<Stream.Stream<Item, ErrorOf<"Query">, DynamoClient.DynamoClient>>()
    expect([typeof users, typeof tagged, typeof pages, typeof plain]).toEqual(["object", "object", "object", "object"])
  })

  it("typed batch writes take the entity's items and keys and give them back unapplied", () => {
    const run = TypedTable.batchWrite([User.batchPut(ada), User.batchDelete({ org: "acme", id: "u1" })])
    type Failure = Effect.Effect.Error<typeof run>
    expectTypeOf<Extract<Failure, { _tag: "BatchWriteError" }>["unapplied"][number]>().toEqualTypeOf<ReturnType<typeof User.batchPut>>()
    expectTypeOf<Exclude<Failure["_tag"], "BatchWriteError">>().toEqualTypeOf<"ItemEncodeError" | "InvalidInputError">()
    // @ts-expect-error a put missing a field
    User.batchPut({ org: "acme", id: "u1" })
    // @ts-expect-error the key needs id
    User.batchDelete({ org: "acme" })
    expect(typeof run).toBe("object")
  })

  it("the error union of each typed operation", () => {
    type Errors<Op> = Op extends Operation<infer Name extends CommandName, Outcome.Outcome<infer _A, infer E>> ? ErrorOf<Name> | E : never
    const put = TypedTable.execute(User.put(ada))
    expect(typeof put).toBe("object")
    expectTypeOf<Effect.Effect.Error<typeof put>>().toEqualTypeOf<Errors<ReturnType<typeof User.put>>>()
    expectTypeOf<Effect.Effect.Context<typeof put>>().toEqualTypeOf<DynamoClient.DynamoClient>()
    expectTypeOf<Extract<Errors<ReturnType<typeof User.put>>, { _tag: "ItemEncodeError" }>>().toEqualTypeOf<ItemEncodeError>()
    expectTypeOf<Extract<Errors<ReturnType<typeof User.put>>, { _tag: "VersionConflictError" | "UniqueConstraintError" | "UniqueConflictError" }>>().toEqualTypeOf<never>()
    expectTypeOf<Extract<Errors<ReturnType<typeof User.get>>, { _tag: "ItemDecodeError" }>>().toEqualTypeOf<ItemDecodeError>()
    expectTypeOf<Extract<Errors<ReturnType<typeof User.update>>, { _tag: "ItemDecodeError" | "ItemEncodeError" | "ConditionalCheckFailedError" }>["_tag"]>().toEqualTypeOf<
      "ItemDecodeError" | "ItemEncodeError" | "ConditionalCheckFailedError"
    >()
    expectTypeOf<Extract<Errors<ReturnType<typeof User.query>>, { _tag: "ItemDecodeError" }>>().toEqualTypeOf<ItemDecodeError>()
    const Account = Entity.make({
      ...User.config,
      name: "Versioned",
      version: "visits",
      unique: ["email"]
    })
    expectTypeOf(Account.put(ada).name).toEqualTypeOf<"PutItem" | "TransactWriteItems">()
    expectTypeOf<
      Extract<Errors<ReturnType<typeof Account.put>>, { _tag: "VersionConflictError" | "UniqueConstraintError" | "UniqueConflictError" | "ItemDecodeError" }>
    >().toEqualTypeOf<VersionConflictError | UniqueConstraintError | UniqueConflictError | ItemDecodeError>()
    Account.put(ada, { previous: { email: undefined } })
    // @ts-expect-error previous values of unique fields only, typed by the Schema
    Account.put(ada, { previous: { email: 1 } })
    expectTypeOf(Account.update({ org: "acme", id: "u1" }, { email: "x@y.z" }).name).toEqualTypeOf<"UpdateItem" | "TransactWriteItems">()
    expectTypeOf(User.update({ org: "acme", id: "u1" }, { email: "x@y.z" }).name).toEqualTypeOf<"UpdateItem">()
    expectTypeOf<
      Extract<Errors<ReturnType<typeof Account.update>>, { _tag: "UniqueConstraintError" | "UniqueConflictError" | "TransactionCanceledError" }>["_tag"]
    >().toEqualTypeOf<"UniqueConstraintError" | "UniqueConflictError" | "TransactionCanceledError">()
    expectTypeOf<Extract<Errors<ReturnType<typeof Account.delete>>, { _tag: "ItemDecodeError" | "VersionConflictError" | "UniqueConflictError" }>["_tag"]>().toEqualTypeOf<
      "ItemDecodeError" | "VersionConflictError" | "UniqueConflictError"
    >()
    expectTypeOf<
      Extract<Errors<ReturnType<typeof User.delete>>, { _tag: "ItemDecodeError" | "TransactionCanceledError" | "UniqueConflictError" }>
    >().toEqualTypeOf<never>()
    Account.delete({ org: "acme", id: "u1" }, { previous: { email: "a@b.c" } })
    // @ts-expect-error previous values of unique fields only, typed by the Schema
    Account.update({ org: "acme", id: "u1" }, { email: "x@y.z" }, { previous: { team: "core" } })
    // @ts-expect-error the version field must hold a number
    Entity.make({ ...User.config, name: "Bad", version: "email" })
    // @ts-expect-error the key fields come from the Schema
    Entity.make({ ...User.config, name: "Bad", primary: { partition: { fields: ["idd"] } } })
    // @ts-expect-error an index the table does not have
    Entity.make({ ...User.config, name: "Bad", indexes: { gsi9: { partition: { fields: ["org"] } } } })
    // @ts-expect-error index key fields come from the Schema
    Entity.make({ ...User.config, name: "Bad", indexes: { gsi1: { partition: { fields: ["orgg"] } } } })
    // @ts-expect-error a timestamp must be a Date field
    Entity.make({ ...User.config, name: "Bad", timestamps: { createdAt: "email" } })
    // @ts-expect-error unique fields come from the Schema
    Entity.make({ ...User.config, name: "Bad", unique: ["emial"] })
    // The problems are named in the error: a second argument listing them is expected.
    expectTypeOf<Entity.ConfigProblems<typeof User.config & { readonly unique: readonly ["emial"] }>>().toEqualTypeOf<"emial">()
  })
})
