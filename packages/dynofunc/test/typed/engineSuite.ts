/**
 * Typed tables through the public API on a real engine: round trips for every Schema kind used in practice, GSI
 * recomputation, a collection query over two entities; with `transactions`, unique constraints and optimistic
 * locking (DynamoDB Local: dynalite has no transactions).
 */
import { expect, it as base } from "@effect/vitest"
import { DateTime, Effect, type Layer, Option, Ref, Schema, Stream } from "effect"
import { add, DynamoClient, Entity, execute, Pages, TypedTable } from "dynofunc"
import { Bytes, DateFromIso, DateTimeUtcFromIso, Literals, RecordOf, schemaFailureTag, SetFromArray, SetOf, TestClock } from "#test-effect"
import { ada, app, Org, User } from "./fixtures.js"

class Note extends Schema.Class<Note>("Note")({ id: Schema.String, text: Schema.String }) {
  get shout() {
    return this.text.toUpperCase()
  }
}

const Everything = Entity.make({
  table: app,
  name: "Everything",
  schema: Schema.Struct({
    id: Schema.String,
    count: Schema.Number,
    big: Schema.BigInt,
    flag: Schema.Boolean,
    at: DateFromIso,
    utc: DateTimeUtcFromIso,
    status: Literals("active", "closed"),
    maybe: Schema.OptionFromNullOr(Schema.String),
    optional: Schema.optional(Schema.Number),
    list: Schema.Array(Schema.Number),
    set: SetOf(Schema.String),
    setAsList: SetFromArray(Schema.Number),
    nested: Schema.Struct({ a: Schema.String, b: Schema.Array(Schema.Struct({ c: Schema.Boolean })) }),
    record: RecordOf(Schema.Number),
    bytes: Bytes
  }),
  primary: { partition: { prefix: "EVERY", fields: ["id"] } }
})

const Notes = Entity.make({ table: app, name: "Note", schema: Note, primary: { partition: { prefix: "NOTE", fields: ["id"] } } })

const Account = Entity.make({
  table: app,
  name: "Account",
  schema: Schema.Struct({ id: Schema.String, email: Schema.String, version: Schema.Number, createdAt: DateFromIso, updatedAt: DateFromIso }),
  primary: { partition: { prefix: "ACCOUNT", fields: ["id"] } },
  timestamps: { createdAt: "createdAt", updatedAt: "updatedAt" },
  version: "version",
  unique: ["email"]
})

const Member = Entity.make({
  table: app,
  name: "Member",
  schema: Schema.Struct({ id: Schema.String, email: Schema.optional(Schema.String), name: Schema.String }),
  primary: { partition: { prefix: "MEMBER", fields: ["id"] } },
  unique: ["email"]
})

const Ticket = Entity.make({
  table: app,
  name: "Ticket",
  schema: Schema.Struct({ id: Schema.BigInt, code: Schema.BigInt, version: Schema.Number }),
  primary: { partition: { prefix: "TICKET", fields: ["id"] } },
  version: "version",
  unique: ["code"]
})

const Event = Entity.make({
  table: app,
  name: "Event",
  schema: Schema.Struct({ id: Schema.String, title: Schema.String, createdAt: DateFromIso, updatedAt: DateFromIso }),
  primary: { partition: { prefix: "EVENT", fields: ["id"] } },
  timestamps: { createdAt: "createdAt", updatedAt: "updatedAt" }
})

/** The stream's elements as an array (`Stream.runCollect` gives a Chunk on Effect 3, an Array on Effect 4). */
const collect = <A, E, R>(stream: Stream.Stream<A, E, R>) => Effect.map(Stream.runCollect(stream), (all): ReadonlyArray<A> => Array.from(all))

/** Runs `effect`, recording the name of every request it sends; `before` runs before each one is sent. */
const recording = <A, E>(
  effect: Effect.Effect<A, E, DynamoClient.DynamoClient>,
  before: (operation: string) => Effect.Effect<void, unknown, DynamoClient.DynamoClient> = () => Effect.void
) => {
  const sent: Array<string> = []
  const recorded = Effect.updateService(effect, DynamoClient.DynamoClient, (client) => ({
    ...client,
    send: (request) => Effect.andThen(Effect.orDie(Effect.provideService(before(request.operation), DynamoClient.DynamoClient, client)), Effect.suspend(() => (sent.push(request.operation), client.send(request))))
  }))
  return Effect.map(recorded, (result) => ({ result, sent }))
}

export const typedSuite = (engine: string, layer: Layer.Layer<DynamoClient.DynamoClient, unknown>, options: { readonly transactions: boolean }) =>
  base.layer(layer, { timeout: 120_000 })(`typed tables on ${engine}`, (it) => {
    it.effect("creates the table from its declaration", () =>
      Effect.gen(function* () {
        const { table } = yield* execute(TypedTable.create(app))
        expect(table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(["gsi1"])
      }))

    it.effect("every Schema kind round trips", () =>
      Effect.gen(function* () {
        const item = {
          id: "e1",
          count: 1.5,
          big: 2n ** 70n,
          flag: true,
          at: new Date("2026-01-02T03:04:05.678Z"),
          utc: Option.getOrThrow(DateTime.make("2026-05-06T07:08:09.000Z")),
          status: "active" as const,
          maybe: Option.some("x"),
          list: [1, 2, 3],
          set: new Set(["a", "b"]),
          setAsList: new Set([1, 2]),
          nested: { a: "n", b: [{ c: false }] },
          record: { k1: 1, k2: 2 },
          bytes: new Uint8Array([1, 2, 255])
        }
        yield* TypedTable.execute(Everything.put(item))
        const { item: read } = yield* TypedTable.execute(Everything.get({ id: "e1" }, { consistent: true }))
        expect(read).toEqual(item)
        yield* TypedTable.execute(Everything.put({ ...item, id: "e2", maybe: Option.none(), optional: 7 }))
        const { item: second } = yield* TypedTable.execute(Everything.get({ id: "e2" }))
        expect(second?.maybe).toEqual(Option.none())
        expect(second?.optional).toBe(7)
        const projected = yield* TypedTable.execute(Everything.get({ id: "e1" }, { projection: ["big", "at"] }))
        expect(projected.item).toEqual({ big: 2n ** 70n, at: item.at })
      }))

    it.effect("a Schema.Class entity reads back as instances", () =>
      Effect.gen(function* () {
        yield* TypedTable.execute(Notes.put({ id: "n1", text: "hi" }))
        const { item } = yield* TypedTable.execute(Notes.get({ id: "n1" }))
        expect(item).toBeInstanceOf(Note)
        expect(item?.shout).toBe("HI")
      }))

    it.effect("an item that does not match its Schema fails with ItemDecodeError, or is skipped on request", () =>
      Effect.gen(function* () {
        yield* execute(add(app.name, { pk: "ORG#broken", sk: "ORG", _entity: "Org", org: "broken", title: 42 }))
        const error = yield* Effect.flip(TypedTable.execute(Org.get({ org: "broken" })))
        expect(error._tag).toBe("ItemDecodeError")
        if (error._tag === "ItemDecodeError") {
          expect([error.table, error.entity, error.key, error.item.title]).toEqual([app.name, "Org", { pk: "ORG#broken", sk: "ORG" }, 42])
          expect(error.cause._tag).toBe(schemaFailureTag)
        }
        const page = yield* TypedTable.execute(Org.query("primary", { org: "broken" }, { onInvalid: "skip" }))
        expect([page.items.length, page.invalid.length]).toEqual([0, 1])
      }))

    it.effect("an update recomputes the GSI key; a collection query decodes both entities by tag", () =>
      Effect.gen(function* () {
        yield* TypedTable.execute(Org.put({ org: "acme", title: "Acme" }))
        yield* TypedTable.execute(User.put(ada))
        yield* TypedTable.execute(User.put({ ...ada, id: "u2", email: "bob@acme.org", nickname: "bob" }))
        const updated = yield* TypedTable.execute(User.update({ org: "acme", id: "u1" }, { team: "ops", email: "ada@ops.org", visits: Entity.increment() }))
        expect(updated.item?.visits).toBe(2)
        const ops = yield* TypedTable.execute(User.query("gsi1", { org: "acme", team: "ops" }))
        expect(ops.items.map((user) => user.email)).toEqual(["ada@ops.org"])
        const core = yield* TypedTable.execute(User.query("gsi1", { org: "acme", team: "core" }))
        expect(core.items.map((user) => user.id)).toEqual(["u2"])
        const page = yield* TypedTable.execute(TypedTable.collection([Org, User], "primary", { org: "acme" }))
        expect(page.items.map((entry) => entry.entity)).toEqual(["Org", "User", "User"])
        const titles = page.items.map((entry) => (entry.entity === "Org" ? entry.item.title : entry.item.email))
        expect(titles).toEqual(["Acme", "ada@ops.org", "bob@acme.org"])
        const missing = yield* Effect.flip(TypedTable.execute(TypedTable.collection([Org], "primary", { org: "acme" })))
        expect(missing._tag).toBe("UnknownEntityError")
        const skipped = yield* TypedTable.execute(TypedTable.collection([Org], "primary", { org: "acme" }, { onUnknown: "skip" }))
        expect([skipped.items.length, skipped.unknown.length]).toEqual([1, 2])
      }))

    it.effect("update actions by field type: append, sets, remove", () =>
      Effect.gen(function* () {
        const { item } = yield* TypedTable.execute(
          User.update({ org: "acme", id: "u2" }, { roles: Entity.append(["admin"]), tags: Entity.addToSet(["new"]), nickname: Entity.remove() })
        )
        expect(item?.roles).toEqual(["dev", "admin"])
        expect(item?.tags).toEqual(new Set(["beta", "new"]))
        expect(item?.nickname).toBeUndefined()
      }))

    it.effect("TypedTable.items and Pages stream decoded items over every page; skipped ones go to onSkipped", () =>
      Effect.gen(function* () {
        const users = yield* collect(TypedTable.items(User.query("primary", { org: "acme" }, { limit: 1, consistent: true })))
        expect((users).map((user) => [user.id, user.tags])).toEqual([["u1", new Set(["beta"])], ["u2", new Set(["beta", "new"])]])
        const first = yield* collect(TypedTable.items(User.scan({ limit: 1 }), { maxItems: 1 }))
        expect(first.length).toBe(1)
        // Pages streams typed operations decoded too.
        const pages = yield* collect(Pages.pages(User.query("primary", { org: "acme" }, { limit: 1 })))
        expect((pages).map((page) => page.items.map((user) => user.tags))).toEqual([[new Set(["beta"])], [new Set(["beta", "new"])], []])
        const plainItems = yield* collect(Pages.items(User.query("primary", { org: "acme" }, { limit: 1 }), { maxItems: 1 }))
        expect((plainItems)).toEqual([users[0]])
        const scanned = yield* collect(Pages.parallelItems(User.scan(), { segments: 2 }))
        expect((scanned).map((user) => user.id).sort()).toEqual(["u1", "u2"])
        const broken = yield* Effect.flip(Stream.runDrain(Pages.items(Org.query("primary", { org: "broken" }))))
        expect(broken._tag).toBe("ItemDecodeError")
        const entities = yield* collect(TypedTable.items(TypedTable.collection([Org, User], "primary", { org: "acme" }, { limit: 2 })))
        expect((entities).map((entry) => entry.entity)).toEqual(["Org", "User", "User"])
        const failed = yield* Effect.flip(Stream.runDrain(TypedTable.items(Org.query("primary", { org: "broken" }))))
        expect(failed._tag).toBe("ItemDecodeError")
        const skipped = yield* Ref.make<ReadonlyArray<string>>([])
        const kept = yield* collect(
          TypedTable.items(Org.query("primary", { org: "broken" }, { onInvalid: "skip" }), {
            onSkipped: (error) => Ref.update(skipped, (tags) => [...tags, error._tag])
          })
        )
        expect([kept.length, yield* Ref.get(skipped)]).toEqual([0, ["ItemDecodeError"]])
      }))

    it.effect("TypedTable.batchWrite: entity puts and deletes encoded through their entity, in chunks; bad ones refuse the batch", () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(Date.parse("2032-01-01T00:00:00.000Z"))
        const users = Array.from({ length: 30 }, (_, i) => User.batchPut({ ...ada, org: "bulk", id: `b${String(i).padStart(2, "0")}`, email: `b${i}@bulk.org` }))
        const summary = yield* TypedTable.batchWrite([...users, Event.batchPut({ id: "ev-bulk", title: "bulk" })])
        expect(summary.written).toBe(31)
        const written = yield* collect(TypedTable.items(User.query("primary", { org: "bulk" }, { consistent: true })))
        expect(written.length).toBe(30)
        expect(written[0]).toEqual({ ...ada, org: "bulk", id: "b00", email: "b0@bulk.org" })
        const event = yield* TypedTable.execute(Event.get({ id: "ev-bulk" }, { consistent: true }))
        expect(event.item?.createdAt).toEqual(new Date("2032-01-01T00:00:00.000Z"))
        // From a Stream too, each table's keys come from its entities: no DescribeTable.
        const deletes = Stream.fromIterable(users.slice(0, 10).map((write) => User.batchDelete({ org: "bulk", id: write.put!.id })))
        const { sent } = yield* recording(TypedTable.batchWrite(deletes))
        expect(sent).toEqual(["BatchWriteItem"])
        expect(yield* Stream.runCount(TypedTable.items(User.query("primary", { org: "bulk" }, { consistent: true })))).toBe(20)
        // An item the Schema refuses: nothing is sent.
        const bad = User.batchPut({ ...ada, org: "bulk", id: "zz", visits: "many" as unknown as number })
        const refused = yield* Effect.flip(TypedTable.batchWrite([User.batchPut({ ...ada, org: "bulk", id: "za" }), bad]))
        expect(refused._tag).toBe("ItemEncodeError")
        expect((yield* TypedTable.execute(User.get({ org: "bulk", id: "za" }, { consistent: true }))).item).toBeUndefined()
        // Unique fields and versions need conditions a batch cannot hold.
        const locked = yield* Effect.flip(TypedTable.batchWrite([Account.batchPut({ id: "a9", email: "a9@example.com" })]))
        expect(locked._tag).toBe("InvalidInputError")
        // What was not applied comes back as the entity writes given.
        const elsewhere = TypedTable.make({ name: "typed-missing", partitionKey: "pk", sortKey: "sk" })
        const Ghost = Entity.make({ table: elsewhere, name: "Ghost", schema: Schema.Struct({ id: Schema.String }), primary: { partition: { prefix: "G", fields: ["id"] } } })
        const ghosts = [Ghost.batchPut({ id: "g1" }), Ghost.batchDelete({ id: "g2" })]
        const failed = yield* Effect.flip(TypedTable.batchWrite(ghosts))
        expect(failed._tag).toBe("BatchWriteError")
        if (failed._tag === "BatchWriteError") expect([failed.reason, failed.unapplied]).toEqual(["RequestFailed", ghosts])
      }))

    it.effect("timestamps come from Effect's Clock: a TestClock controls them", () =>
      Effect.gen(function* () {
        const start = new Date("2030-01-01T00:00:00.000Z")
        yield* TestClock.setTime(start.getTime())
        const put = yield* TypedTable.execute(Event.put({ id: "ev1", title: "launch" }))
        expect([put.item.createdAt, put.item.updatedAt]).toEqual([start, start])
        yield* TestClock.adjust("1 hour")
        const { item } = yield* TypedTable.execute(Event.update({ id: "ev1" }, { title: "launched" }))
        expect([item?.createdAt, item?.updatedAt]).toEqual([start, new Date(start.getTime() + 3_600_000)])
        const given = new Date("2031-01-01T00:00:00.000Z")
        const later = yield* TypedTable.execute(Event.update({ id: "ev1" }, { title: "again" }, { now: given }))
        expect(later.item?.updatedAt).toEqual(given)
      }))

    if (options.transactions) {
      it.effect("unique constraint: a second account with the same email fails with UniqueConstraintError naming the field", () =>
        Effect.gen(function* () {
          const now = new Date("2026-01-01T00:00:00.000Z")
          const first = yield* TypedTable.execute(Account.put({ id: "a1", email: "ada@example.com" }, { now }))
          expect(first.item).toEqual({ id: "a1", email: "ada@example.com", version: 1, createdAt: now, updatedAt: now })
          const error = yield* Effect.flip(TypedTable.execute(Account.put({ id: "a2", email: "ada@example.com" })))
          expect(error._tag).toBe("UniqueConstraintError")
          if (error._tag === "UniqueConstraintError") expect([error.field, error.value]).toEqual(["email", "ada@example.com"])
        }))

      it.effect("bigint key and unique values: the typed errors say them (123n), they do not die building the message", () =>
        Effect.gen(function* () {
          yield* TypedTable.execute(Ticket.put({ id: 1n, code: 7n }))
          const taken = yield* Effect.flip(TypedTable.execute(Ticket.put({ id: 2n, code: 7n })))
          expect(taken._tag === "UniqueConstraintError" && [taken.field, taken.value, taken.message]).toEqual([
            "code",
            7n,
            "Ticket.code = 7n is taken by another item"
          ])
          const exists = yield* Effect.flip(TypedTable.execute(Ticket.put({ id: 1n, code: 8n })))
          expect(exists._tag === "VersionConflictError" && exists.message).toBe('Ticket {"pk":"TICKET#00000000000000000001","sk":"Ticket"} already exists')
        }))

      it.effect("optimistic locking: a write at a stale version fails with VersionConflictError", () =>
        Effect.gen(function* () {
          const later = new Date("2026-02-01T00:00:00.000Z")
          const { item } = yield* TypedTable.execute(Account.update({ id: "a1" }, {}, { expectedVersion: 1, now: later }))
          expect([item?.version, item?.updatedAt, item?.createdAt]).toEqual([2, later, new Date("2026-01-01T00:00:00.000Z")])
          const stale = yield* Effect.flip(TypedTable.execute(Account.update({ id: "a1" }, {}, { expectedVersion: 1 })))
          expect(stale._tag).toBe("VersionConflictError")
          if (stale._tag === "VersionConflictError") expect(stale.expectedVersion).toBe(1)
          const again = yield* Effect.flip(TypedTable.execute(Account.put({ id: "a1", email: "other@example.com" })))
          expect(again._tag).toBe("VersionConflictError")
        }))

      it.effect("unique constraint: an update moves the sentinel (stored value read first, or given), a delete removes it", () =>
        Effect.gen(function* () {
          const taken = (effect: Effect.Effect<unknown, { readonly _tag: string }, DynamoClient.DynamoClient>) =>
            Effect.map(Effect.flip(effect), (error) => (error._tag === "UniqueConstraintError" ? [error._tag, (error as { field?: unknown }).field] : [error._tag]))
          // a1 holds ada@example.com: move it (the stored value is read first), which frees the old value.
          const moved = yield* TypedTable.execute(Account.update({ id: "a1" }, { email: "ada@new.org" }))
          expect(moved.item).toBeUndefined()
          yield* TypedTable.execute(Account.put({ id: "a2", email: "ada@example.com" }))
          expect(yield* taken(TypedTable.execute(Account.put({ id: "a3", email: "ada@new.org" })))).toEqual(["UniqueConstraintError", "email"])
          expect(yield* taken(TypedTable.execute(Account.update({ id: "a2" }, { email: "ada@new.org" })))).toEqual(["UniqueConstraintError", "email"])
          // The stored value given by the caller: no read; a wrong one fails the transaction, nothing moves.
          const wrong = yield* Effect.flip(TypedTable.execute(Account.update({ id: "a2" }, { email: "x@y.z" }, { previous: { email: "not@stored.org" } })))
          expect(wrong._tag).toBe("UniqueConflictError")
          yield* TypedTable.execute(Account.update({ id: "a2" }, { email: "bob@example.com" }, { previous: { email: "ada@example.com" } }))
          yield* TypedTable.execute(Account.put({ id: "a3", email: "ada@example.com" }))
          // Deleting a1 removes its sentinel: its email is free again.
          yield* TypedTable.execute(Account.delete({ id: "a1" }))
          yield* TypedTable.execute(Account.put({ id: "a4", email: "ada@new.org" }))
          const deleted = yield* TypedTable.execute(Account.get({ id: "a1" }, { consistent: true }))
          expect(deleted.item).toBeUndefined()
          // A delete of an item that is not there sends a plain delete.
          yield* TypedTable.execute(Account.delete({ id: "a1" }))
        }))

      it.effect("unique constraint: a put over an item moves its sentinels (stored values read first); a violation changes nothing", () =>
        Effect.gen(function* () {
          const emailOf = (id: string) => Effect.map(TypedTable.execute(Member.get({ id }, { consistent: true })), ({ item }) => item?.email)
          const tagOf = (effect: Effect.Effect<unknown, { readonly _tag: string }, DynamoClient.DynamoClient>) => Effect.map(Effect.flip(effect), (error) => error._tag)
          // A new member: the stored values are read (none), then the member and its sentinel in one transaction.
          expect((yield* recording(TypedTable.execute(Member.put({ id: "m1", email: "a@m.org", name: "Ada" })))).sent).toEqual(["GetItem", "TransactWriteItems"])
          // The same email again: no sentinel work, the put conditioned on the stored email.
          expect((yield* recording(TypedTable.execute(Member.put({ id: "m1", email: "a@m.org", name: "Ada L." })))).sent).toEqual(["GetItem", "PutItem"])
          // A new email: the old value is free again, the new one taken.
          yield* TypedTable.execute(Member.put({ id: "m1", email: "b@m.org", name: "Ada" }))
          yield* TypedTable.execute(Member.put({ id: "m2", email: "a@m.org", name: "Bob" }))
          expect(yield* tagOf(TypedTable.execute(Member.put({ id: "m3", email: "b@m.org", name: "Cy" })))).toBe("UniqueConstraintError")
          // A value another item holds: UniqueConstraintError, and nothing moved.
          const taken = yield* Effect.flip(TypedTable.execute(Member.put({ id: "m1", email: "a@m.org", name: "Ada" })))
          expect(taken._tag === "UniqueConstraintError" && [taken.field, taken.value]).toEqual(["email", "a@m.org"])
          expect([yield* emailOf("m1"), yield* emailOf("m2")]).toEqual(["b@m.org", "a@m.org"])
          expect(yield* tagOf(TypedTable.execute(Member.put({ id: "m3", email: "b@m.org", name: "Cy" })))).toBe("UniqueConstraintError")
          // Stored values given: no read; stale ones fail with UniqueConflictError and nothing is written.
          const given = yield* recording(TypedTable.execute(Member.put({ id: "m1", email: "c@m.org", name: "Ada" }, { previous: { email: "b@m.org" } })))
          expect(given.sent).toEqual(["TransactWriteItems"])
          const stale = yield* Effect.flip(TypedTable.execute(Member.put({ id: "m1", email: "d@m.org", name: "Ada" }, { previous: { email: "b@m.org" } })))
          expect(stale._tag === "UniqueConflictError" && stale.expected).toEqual({ email: "b@m.org" })
          expect(yield* emailOf("m1")).toBe("c@m.org")
          // The same for an update setting the stored value again, and for a delete.
          const restated = yield* Effect.flip(TypedTable.execute(Member.update({ id: "m1" }, { email: "b@m.org" }, { previous: { email: "b@m.org" } })))
          expect(restated._tag).toBe("UniqueConflictError")
          expect(yield* tagOf(TypedTable.execute(Member.delete({ id: "m1" }, { previous: { email: "b@m.org" } })))).toBe("UniqueConflictError")
          expect(yield* emailOf("m1")).toBe("c@m.org")
          // An optional unique field left out: its sentinel is deleted.
          yield* TypedTable.execute(Member.put({ id: "m2", name: "Bob" }))
          yield* TypedTable.execute(Member.put({ id: "m4", email: "a@m.org", name: "Dee" }))
        }))

      it.effect("unique constraint: a write in between a put's read and its transaction is a UniqueConflictError; nothing is orphaned", () =>
        Effect.gen(function* () {
          yield* TypedTable.execute(Member.put({ id: "m5", email: "e@m.org", name: "Eve" }))
          // Another writer moves m5's email to f@ right after this put read e@.
          let raced = false
          const concurrent = (operation: string) =>
            operation === "TransactWriteItems" && !raced
              ? Effect.asVoid(Effect.andThen(Effect.sync(() => (raced = true)), TypedTable.execute(Member.update({ id: "m5" }, { email: "f@m.org" }))))
              : Effect.void
          const error = yield* Effect.flip(recording(TypedTable.execute(Member.put({ id: "m5", email: "g@m.org", name: "Eve" })), concurrent))
          expect(error._tag).toBe("UniqueConflictError")
          if (error._tag === "UniqueConflictError") expect([error.entity, error.expected]).toEqual(["Member", { email: "e@m.org" }])
          const { item } = yield* TypedTable.execute(Member.get({ id: "m5" }, { consistent: true }))
          expect(item?.email).toBe("f@m.org")
          // f@ is held by m5; e@ and g@ are free.
          const taken = yield* Effect.flip(TypedTable.execute(Member.put({ id: "m6", email: "f@m.org", name: "Fay" })))
          expect(taken._tag).toBe("UniqueConstraintError")
          yield* TypedTable.execute(Member.put({ id: "m6", email: "e@m.org", name: "Fay" }))
          yield* TypedTable.execute(Member.put({ id: "m7", email: "g@m.org", name: "Gus" }))
          // Run again, the put reads the stored values anew and goes through.
          yield* TypedTable.execute(Member.put({ id: "m5", email: "h@m.org", name: "Eve" }))
          yield* TypedTable.execute(Member.put({ id: "m8", email: "f@m.org", name: "Hal" }))
        }))

      it.effect("unique constraint: an item put in between a delete's read (nothing stored) and the delete is not deleted away from its sentinel", () =>
        Effect.gen(function* () {
          let raced = false
          const concurrent = (operation: string) =>
            operation === "DeleteItem" && !raced
              ? Effect.asVoid(Effect.andThen(Effect.sync(() => (raced = true)), TypedTable.execute(Member.put({ id: "m9", email: "i@m.org", name: "Ida" }))))
              : Effect.void
          const error = yield* Effect.flip(recording(TypedTable.execute(Member.delete({ id: "m9" })), concurrent))
          expect(error._tag === "UniqueConflictError" && error.expected).toEqual({ email: undefined })
          const { item } = yield* TypedTable.execute(Member.get({ id: "m9" }, { consistent: true }))
          expect(item?.email).toBe("i@m.org")
          expect((yield* Effect.flip(TypedTable.execute(Member.put({ id: "m10", email: "i@m.org", name: "Ivo" }))))._tag).toBe("UniqueConstraintError")
          // Run again, the delete reads i@ and removes its sentinel with the item.
          yield* TypedTable.execute(Member.delete({ id: "m9" }))
          yield* TypedTable.execute(Member.put({ id: "m10", email: "i@m.org", name: "Ivo" }))
        }))

      it.effect("a versioned put of a new item reads nothing first", () =>
        Effect.gen(function* () {
          const { sent } = yield* recording(TypedTable.execute(Account.put({ id: "v1", email: "v1@example.com" })))
          expect(sent).toEqual(["TransactWriteItems"])
        }))
    }
  })
