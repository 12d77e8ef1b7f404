/**
 * `ChangeStream` end to end on DynamoDB Local, which serves the Streams API on its own port: writes come back as
 * typed records through both transports (the SDK's Streams client and `HttpClient.layerStreams`), in order, with
 * their images; `latest` starts after what was written before; a stream that is read forever stops when its consumer
 * has had enough. Checkpoints in a lease table there: a restart goes on from the last checkpoint, two consumers share
 * a stream's shards without reading one twice, a crashed consumer's shards are taken over once its leases expire, and
 * a consumer whose lease was taken leaves that shard until it is free again.
 */
import { expect, layer } from "@effect/vitest"
import { Effect, Fiber, Layer, Ref, Schema, Stream } from "effect"
import * as A from "#adapter"
import { add, attr, ChangeStream, Checkpoint, create, DynamoClient, Entity, execute, HttpClient, type Item, remove, StreamsClient, TypedTable, update, updateTable } from "dynofunc"
import { DynamoDBLocal, Endpoint } from "@dynofunc/testing"
import { oneShard, scripted, streamArn as scriptedArn } from "../support/scriptedStream.js"
import * as T from "#test-effect"

const Running = A.genericTag<DynamoDBLocal.Instance, DynamoDBLocal.Instance>("test/ChangeStream/DynamoDBLocal")
const engine = A.layerScoped(Running, DynamoDBLocal.make())
const sdk = Layer.merge(
  A.layerScoped(DynamoClient.DynamoClient, Effect.flatMap(Running, (instance) => DynamoClient.make(DynamoDBLocal.config(instance)))),
  A.layerScoped(StreamsClient.StreamsClient, Effect.flatMap(Running, (instance) => StreamsClient.make(DynamoDBLocal.config(instance))))
)

const fast = { pollInterval: "50 millis", discoveryInterval: "200 millis" } as const
let tables = 0
const freshTable = () => `changes_${Date.now()}_${tables++}`

/** A table with a stream of both images, and `writes` made on it. */
const written = (writes: (table: string) => Effect.Effect<unknown, unknown, DynamoClient.DynamoClient>) =>
  Effect.gen(function* () {
    const table = freshTable()
    yield* execute(create(table, "id", { stream: "NEW_AND_OLD_IMAGES" }))
    yield* writes(table)
    return table
  })

const history = (table: string) =>
  Effect.gen(function* () {
    yield* execute(add(table, { id: "u1", name: "Ada", visits: 1 }))
    yield* execute(add(table, { id: "u2", name: "Grace", bytes: new Uint8Array([1, 2]) }))
    yield* execute(update(table, { id: "u1" }, { visits: 2 }))
    yield* execute(remove(table, { id: "u2" }))
  })

const summary = (records: ReadonlyArray<{ readonly event: string; readonly keys: Item; readonly oldImage: Item | undefined; readonly newImage: Item | undefined }>) =>
  records.map((record) => ({ event: record.event, keys: record.keys, oldImage: record.oldImage, newImage: record.newImage }))

const expectedHistory = [
  { event: "INSERT", keys: { id: "u1" }, oldImage: undefined, newImage: { id: "u1", name: "Ada", visits: 1 } },
  { event: "INSERT", keys: { id: "u2" }, oldImage: undefined, newImage: { id: "u2", name: "Grace", bytes: new Uint8Array([1, 2]) } },
  { event: "MODIFY", keys: { id: "u1" }, oldImage: { id: "u1", name: "Ada", visits: 1 }, newImage: { id: "u1", name: "Ada", visits: 2 } },
  { event: "REMOVE", keys: { id: "u2" }, oldImage: { id: "u2", name: "Grace", bytes: new Uint8Array([1, 2]) }, newImage: undefined }
]

layer(Layer.provideMerge(sdk, engine), { timeout: "120 seconds", excludeTestServices: true })("ChangeStream on DynamoDB Local", (it) => {
  it.effect("writes come back as typed records, in order, through the SDK's Streams client", () =>
    Effect.gen(function* () {
      const table = yield* written(history)
      const records = Array.from(yield* ChangeStream.records({ table }, fast).pipe(Stream.take(4), Stream.runCollect))
      expect(summary(records)).toEqual(expectedHistory)
      const [first] = records
      expect(first!.approximateCreationTime).toBeInstanceOf(Date)
      expect(first!.shardId).toMatch(/^shardId-/)
      expect(BigInt(records[3]!.sequenceNumber) > BigInt(first!.sequenceNumber)).toBe(true)
    }))

  it.effect("the same records through the lean HttpClient.layerStreams", () =>
    Effect.gen(function* () {
      const { endpoint, credentials } = yield* Running
      const table = yield* written(history)
      const records = yield* ChangeStream.records({ table }, fast).pipe(
        Stream.take(4),
        Stream.runCollect,
        Effect.provide(HttpClient.layerStreams({ region: Endpoint.region, endpoint, credentials }))
      )
      expect(summary(Array.from(records))).toEqual(expectedHistory)
    }))

  it.effect("start latest: only what is written after the stream is read", () =>
    Effect.gen(function* () {
      const table = yield* written((name) => execute(add(name, { id: "before" })))
      const records = yield* ChangeStream.records({ table }, { ...fast, start: "latest" }).pipe(
        Stream.take(1),
        Stream.runCollect,
        T.fork
      )
      yield* Effect.sleep("500 millis")
      yield* execute(add(table, { id: "after" }))
      const [only] = Array.from(yield* Fiber.join(records))
      expect(only!.keys).toEqual({ id: "after" })
    }))

  it.effect("a typed table turns its stream on with TypedTable.create", () =>
    Effect.gen(function* () {
      const app = TypedTable.make({ name: freshTable(), partitionKey: "pk", sortKey: "sk" })
      yield* execute(TypedTable.create(app, { stream: "NEW_IMAGE" }))
      yield* execute(add(app.name, { pk: "a", sk: "1", _entity: "Note" }))
      const [record] = Array.from(yield* ChangeStream.records({ table: app.name }, fast).pipe(Stream.take(1), Stream.runCollect))
      expect(record).toMatchObject({ event: "INSERT", keys: { pk: "a", sk: "1" }, oldImage: undefined, newImage: { pk: "a", sk: "1", _entity: "Note" } })
    }))

  it.effect("a table without a stream is a StreamNotEnabledError; one turned off later too", () =>
    Effect.gen(function* () {
      const table = freshTable()
      yield* execute(create(table, "id"))
      const error = yield* Effect.flip(ChangeStream.records({ table }).pipe(Stream.runDrain))
      expect(error).toMatchObject({ _tag: "StreamNotEnabledError", table })
      yield* execute(updateTable(table, { stream: "KEYS_ONLY" }))
      yield* execute(add(table, { id: "k" }))
      const [record] = Array.from(yield* ChangeStream.records({ table }, fast).pipe(Stream.take(1), Stream.runCollect))
      expect(record).toMatchObject({ keys: { id: "k" }, newImage: undefined })
    }))

  it.effect("an unknown stream ARN is a StreamDeletedError (DescribeStream's ResourceNotFoundException), not a defect", () =>
    Effect.gen(function* () {
      const unknown = "arn:aws:dynamodb:ddblocal:000000000000:table/nope/stream/2026-01-01T00:00:00.000"
      const error = yield* Effect.flip(ChangeStream.records({ streamArn: unknown }).pipe(Stream.runDrain))
      expect(error).toMatchObject({ _tag: "StreamDeletedError", streamArn: unknown, unfinished: [] })
    }))

  it.effect("ListStreams names the table's stream, the one ChangeStream reads", () =>
    Effect.gen(function* () {
      const table = yield* written(() => Effect.void)
      const client = yield* StreamsClient.StreamsClient
      const listed = yield* client.send({ operation: "ListStreams", input: { TableName: table } })
      expect(listed.Streams?.map((stream) => ({ table: stream.TableName, arn: stream.StreamArn }))).toEqual([
        { table, arn: yield* ChangeStream.streamArn({ table }) }
      ])
    }))

  /** Consumes `table`'s stream with `store` into `seen` (keys as `id`), forked. */
  const consumer = (table: string, store: Checkpoint.CheckpointService, seen: Array<unknown>) =>
    ChangeStream.consume({ table }, (batch) => Effect.sync(() => seen.push(...batch.records.map((record) => record.keys["id"]))), fast).pipe(
      Effect.provideService(Checkpoint.Checkpoint, store),
      T.fork
    )
  const until = (condition: () => boolean) => Effect.repeat(Effect.sleep("20 millis"), { until: condition })
  const leases = () =>
    Effect.gen(function* () {
      const name = freshTable()
      yield* execute(Checkpoint.createTable(name))
      return name
    })

  it.effect("a consumer restarted with its lease table goes on after its last checkpoint", () =>
    Effect.gen(function* () {
      const leaseTable = yield* leases()
      const table = yield* written((name) => Effect.forEach(["a", "b", "c"], (id) => execute(add(name, { id }))))
      const first: Array<unknown> = []
      const running = yield* consumer(table, yield* Checkpoint.table({ table: leaseTable, owner: "worker1" }), first)
      yield* until(() => first.length >= 3)
      yield* Fiber.interrupt(running)
      yield* Effect.forEach(["d", "e"], (id) => execute(add(table, { id })))
      const second: Array<unknown> = []
      const restarted = yield* consumer(table, yield* Checkpoint.table({ table: leaseTable, owner: "worker1" }), second)
      yield* until(() => second.length >= 2)
      yield* Effect.sleep("300 millis")
      yield* Fiber.interrupt(restarted)
      expect({ first, second }).toEqual({ first: ["a", "b", "c"], second: ["d", "e"] })
    }))

  it.effect("a consumer that stops gives its leases up: another takes the shard at once, from the checkpoint", () =>
    Effect.gen(function* () {
      const leaseTable = yield* leases()
      const table = yield* written((name) => execute(add(name, { id: "a" })))
      const first: Array<unknown> = []
      const running = yield* consumer(table, yield* Checkpoint.table({ table: leaseTable, owner: "stops", leaseDuration: "10 minutes" }), first)
      yield* until(() => first.length >= 1)
      yield* Fiber.interrupt(running)
      yield* execute(add(table, { id: "b" }))
      const second: Array<unknown> = []
      const next = yield* consumer(table, yield* Checkpoint.table({ table: leaseTable, owner: "goes-on", leaseDuration: "10 minutes" }), second)
      // Without the release the shard stays the first owner's for ten minutes.
      const taken = yield* Effect.option(Effect.timeout(until(() => second.length >= 1), "20 seconds"))
      yield* Fiber.interrupt(next)
      expect({ first, second, taken: taken._tag }).toEqual({ first: ["a"], second: ["b"], taken: "Some" })
    }))

  it.effect("a crashed consumer's shard is taken over once its lease expires, from its checkpoint", () =>
    Effect.gen(function* () {
      const leaseTable = yield* leases()
      const table = yield* written((name) => execute(add(name, { id: "a" })))
      const crashed: Array<unknown> = []
      // A crash: the consumer stops without giving its leases up.
      const store = yield* Checkpoint.table({ table: leaseTable, owner: "crashes", leaseDuration: "1500 millis" })
      const first = yield* consumer(table, { ...store, release: Effect.void }, crashed)
      yield* until(() => crashed.length >= 1)
      yield* Fiber.interrupt(first)
      yield* execute(add(table, { id: "b" }))
      const taker: Array<unknown> = []
      const started = Date.now()
      const second = yield* consumer(table, yield* Checkpoint.table({ table: leaseTable, owner: "takes-over" }), taker)
      yield* until(() => taker.length >= 1)
      const waited = Date.now() - started
      yield* Fiber.interrupt(second)
      expect({ crashed, taker }).toEqual({ crashed: ["a"], taker: ["b"] })
      expect(waited).toBeGreaterThan(500)
    }))

  it.effect("a consumer whose lease was taken over leaves that shard alone (it does not fail), and takes it back from its checkpoint once it is free", () =>
    Effect.gen(function* () {
      const leaseTable = yield* leases()
      const table = yield* written((name) => execute(add(name, { id: "a" })))
      const store = yield* Checkpoint.table({ table: leaseTable, owner: "worker1" })
      const arn = yield* ChangeStream.streamArn({ table })
      const lease = (shardId: string) => ({ leaseKey: `${arn} ${shardId}` })
      const seen: Array<unknown> = []
      let shard: string | undefined
      // While the first batch is processed, another owner takes the shard's lease: the batch's checkpoint is refused.
      const running = yield* ChangeStream.consume({ table }, (batch) =>
        Effect.suspend(() => {
          seen.push(...batch.records.map((record) => record.keys["id"]))
          if (shard !== undefined) return Effect.void
          shard = batch.shardId
          return execute(update(leaseTable, lease(shard), { owner: "thief" }))
        }), fast).pipe(Effect.provideService(Checkpoint.Checkpoint, store), T.fork)
      yield* until(() => seen.length >= 1)
      yield* execute(add(table, { id: "b" }))
      yield* Effect.sleep("1 second")
      const whileTaken = [...seen]
      // The thief lets go without a checkpoint: the shard is claimed again, from the start (nothing was saved).
      yield* execute(update(leaseTable, lease(shard!), { owner: attr.remove() }))
      const back = yield* Effect.option(Effect.timeout(until(() => seen.length >= 3), "20 seconds"))
      yield* Fiber.interrupt(running)
      expect({ whileTaken, seen, back: back._tag }).toEqual({ whileTaken: ["a"], seen: ["a", "a", "b"], back: "Some" })
    }))

  it.effect("two consumers with one lease table share the shards: every record once", () =>
    Effect.gen(function* () {
      const leaseTable = yield* leases()
      const played = scripted({ shards: Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, records: oneShard(2, 3) })), perRead: 2, latency: 5 })
      const run = (owner: string, seen: Ref.Ref<ReadonlyArray<string>>) =>
        Effect.flatMap(Checkpoint.table({ table: leaseTable, owner }), (store) =>
          ChangeStream.consume({ streamArn: scriptedArn }, (batch) =>
            Ref.update(seen, (all) => [...all, ...batch.records.map((record) => `${record.shardId}/${record.sequenceNumber}`)]), { ...fast, concurrency: 2 }).pipe(
            Effect.provideService(Checkpoint.Checkpoint, store)
          ))
      const a = yield* Ref.make<ReadonlyArray<string>>([])
      const b = yield* Ref.make<ReadonlyArray<string>>([])
      yield* Effect.all([run("a", a), run("b", b)], { concurrency: 2 }).pipe(Effect.provide(played.layer))
      const [byA, byB] = [yield* Ref.get(a), yield* Ref.get(b)]
      expect([...byA, ...byB].sort()).toEqual(Array.from({ length: 6 }, (_, i) => oneShard(2, 3).map((record) => `s${i}/${record.seq}`)).flat().sort())
      expect(byA.length).toBeGreaterThan(0)
      expect(byB.length).toBeGreaterThan(0)
    }))

  it.effect("entities: images decoded by their entity's Schema into a union; undecodable records fail, or are skipped and reported", () =>
    Effect.gen(function* () {
      const app = TypedTable.make({ name: freshTable(), partitionKey: "pk" })
      const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ id: Schema.String, joined: T.DateFromIso }), primary: { partition: { prefix: "USER", fields: ["id"] } } })
      const Order = Entity.make({ table: app, name: "Order", schema: Schema.Struct({ id: Schema.String, total: Schema.Number }), primary: { partition: { prefix: "ORDER", fields: ["id"] } } })
      yield* execute(TypedTable.create(app, { stream: "NEW_AND_OLD_IMAGES" }))
      yield* execute(add(app.name, { pk: "USER#bad", _entity: "User", id: "bad" }))
      yield* execute(add(app.name, { pk: "GHOST#1", _entity: "Ghost" }))
      yield* TypedTable.execute(User.put({ id: "ada", joined: new Date("2026-12-07T07:00:00.000Z") }))
      yield* TypedTable.execute(Order.put({ id: "o1", total: 12.5 }))
      const reported: Array<string> = []
      const changes = Array.from(
        yield* ChangeStream.entities([User, Order], { table: app.name }, {
          ...fast,
          onInvalid: "skip",
          report: (error) => Effect.sync(() => void reported.push(`${error.image} ${String(error.record.keys["pk"])}: ${error.issue}`))
        }).pipe(Stream.take(2), Stream.runCollect)
      )
      const [user, order] = changes
      expect(user).toMatchObject({ entity: "User", event: "INSERT", newImage: { id: "ada", joined: new Date("2026-12-07T07:00:00.000Z") } })
      expect(order).toMatchObject({ entity: "Order", newImage: { id: "o1", total: 12.5 } })
      if (user?.entity === "User") expect(user.newImage?.joined.getUTCHours()).toBe(7)
      expect(reported).toHaveLength(2)
      expect(reported[0]).toMatch(/^newImage USER#bad: /)
      expect(reported[1]).toContain("Ghost")
      const error = yield* Effect.flip(ChangeStream.entities([User, Order], { table: app.name }, fast).pipe(Stream.runDrain))
      expect(error).toMatchObject({ _tag: "ChangeDecodeError", image: "newImage", record: { keys: { pk: "USER#bad" }, newImage: { id: "bad" } } })
    }))

  it.effect("consumeEntities: batches decoded by entity with checkpoints; a skipped record is checkpointed past, so a restart meets it no more", () =>
    Effect.gen(function* () {
      const leaseTable = yield* leases()
      const app = TypedTable.make({ name: freshTable(), partitionKey: "pk" })
      const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ id: Schema.String, joined: T.DateFromIso }), primary: { partition: { prefix: "USER", fields: ["id"] } } })
      yield* execute(TypedTable.create(app, { stream: "NEW_AND_OLD_IMAGES" }))
      yield* TypedTable.execute(User.put({ id: "ada", joined: new Date("2026-12-07T07:00:00.000Z") }))
      yield* execute(add(app.name, { pk: "GHOST#1", _entity: "Ghost" }))
      const run = (seen: Array<unknown>, reported: Array<unknown>) =>
        ChangeStream.consumeEntities([User], { table: app.name }, (batch) => Effect.sync(() => seen.push(...batch.records.map((change) => change.newImage?.joined))), {
          ...fast,
          onInvalid: "skip",
          report: (error) => Effect.sync(() => void reported.push(error.record.keys["pk"]))
        }).pipe(Effect.provide(Checkpoint.layerTable({ table: leaseTable, owner: "worker1" })), T.fork)
      const [first, skippedFirst] = [[] as Array<unknown>, [] as Array<unknown>]
      const running = yield* run(first, skippedFirst)
      yield* until(() => first.length >= 1 && skippedFirst.length >= 1)
      yield* Effect.sleep("300 millis")
      yield* Fiber.interrupt(running)
      yield* TypedTable.execute(User.put({ id: "bob", joined: new Date("2026-12-08T07:00:00.000Z") }))
      const [second, skippedSecond] = [[] as Array<unknown>, [] as Array<unknown>]
      const restarted = yield* run(second, skippedSecond)
      yield* until(() => second.length >= 1)
      yield* Effect.sleep("300 millis")
      yield* Fiber.interrupt(restarted)
      expect({ first, skippedFirst, second, skippedSecond }).toEqual({
        first: [new Date("2026-12-07T07:00:00.000Z")],
        skippedFirst: ["GHOST#1"],
        second: [new Date("2026-12-08T07:00:00.000Z")],
        skippedSecond: []
      })
      // Without `onInvalid: "skip"`, the record that does not decode fails the consumer before its batch is processed.
      const processed: Array<unknown> = []
      const error = yield* Effect.flip(
        ChangeStream.consumeEntities([User], { table: app.name }, (batch) => Effect.sync(() => processed.push(...batch.records)), fast).pipe(Effect.provide(Checkpoint.layerMemory()))
      )
      expect(error).toMatchObject({ _tag: "ChangeDecodeError", record: { keys: { pk: "GHOST#1" } } })
      expect(processed).toEqual([])
    }))
})
