/**
 * `ChangeStream` end to end on DynamoDB Local, which serves the Streams API on its own port: writes come back as
 * typed records through both transports (the SDK's Streams client and `HttpClient.layerStreams`), in order, with
 * their images; `latest` starts after what was written before; a stream that is read forever stops when its consumer
 * has had enough.
 */
import { expect, layer } from "@effect/vitest"
import { Effect, Fiber, Layer, Stream } from "effect"
import * as A from "#adapter"
import { add, ChangeStream, create, DynamoClient, execute, HttpClient, type Item, remove, StreamsClient, TypedTable, update, updateTable } from "dynofunc"
import { DynamoDBLocal, Endpoint } from "@dynofunc/testing"

const Running = A.genericTag<DynamoDBLocal.Instance, DynamoDBLocal.Instance>("test/ChangeStream/DynamoDBLocal")
const engine = A.layerScoped(Running, DynamoDBLocal.make())
const sdk = Layer.merge(
  A.layerScoped(DynamoClient, Effect.flatMap(Running, ({ endpoint }) => DynamoClient.make(Endpoint.config(endpoint)))),
  A.layerScoped(StreamsClient, Effect.flatMap(Running, ({ endpoint }) => StreamsClient.make(Endpoint.config(endpoint))))
)

const fast = { pollInterval: "50 millis", discoveryInterval: "200 millis" } as const
let tables = 0
const freshTable = () => `changes_${Date.now()}_${tables++}`

/** A table with a stream of both images, and `writes` made on it. */
const written = (writes: (table: string) => Effect.Effect<unknown, unknown, DynamoClient>) =>
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
      const { endpoint } = yield* Running
      const table = yield* written(history)
      const records = yield* ChangeStream.records({ table }, fast).pipe(
        Stream.take(4),
        Stream.runCollect,
        Effect.provide(HttpClient.layerStreams({ region: Endpoint.region, endpoint, credentials: Endpoint.credentials }))
      )
      expect(summary(Array.from(records))).toEqual(expectedHistory)
    }))

  it.effect("start latest: only what is written after the stream is read", () =>
    Effect.gen(function* () {
      const table = yield* written((name) => execute(add(name, { id: "before" })))
      const records = yield* ChangeStream.records({ table }, { ...fast, start: "latest" }).pipe(
        Stream.take(1),
        Stream.runCollect,
        Effect.fork
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

  it.effect("an unknown stream ARN is a typed error, not a defect", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        ChangeStream.records({ streamArn: "arn:aws:dynamodb:ddblocal:000000000000:table/nope/stream/2026-01-01T00:00:00.000" }).pipe(Stream.runDrain)
      )
      expect(["StreamDeletedError", "ValidationError"]).toContain(error._tag)
    }))
})
