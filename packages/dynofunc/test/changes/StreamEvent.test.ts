/**
 * `StreamEvent` handlers called with real-shaped DynamoDB stream events (as Lambda sends them: binary values base64,
 * times in epoch seconds): the records, the partial batch response, the Layer built once, typed decoding.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { DynamoClient, Entity, StreamEvent, TypedTable } from "dynofunc"

const arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Example/stream/2026-12-07T00:48:05.899"

const record = (sequence: string, eventName: string, newImage: Record<string, unknown> | undefined, oldImage?: Record<string, unknown>): StreamEvent.StreamEventRecord => ({
  eventID: `e${sequence}`,
  eventName,
  eventVersion: "1.1",
  eventSource: "aws:dynamodb",
  awsRegion: "us-east-1",
  dynamodb: {
    ApproximateCreationDateTime: 1765090800,
    Keys: { Id: { N: "101" } },
    ...(newImage !== undefined && { NewImage: newImage as never }),
    ...(oldImage !== undefined && { OldImage: oldImage as never }),
    SequenceNumber: sequence,
    SizeBytes: 26,
    StreamViewType: "NEW_AND_OLD_IMAGES"
  },
  eventSourceARN: arn
})

const event: StreamEvent.StreamEventPayload = {
  Records: [
    record("111", "INSERT", { Id: { N: "101" }, Message: { S: "New item!" }, Data: { B: "AQID" } }),
    record("222", "MODIFY", { Id: { N: "101" }, Message: { S: "This item has changed" } }, { Id: { N: "101" }, Message: { S: "New item!" } }),
    record("333", "REMOVE", undefined, { Id: { N: "101" }, Message: { S: "This item has changed" } })
  ]
}

let builds = 0
const services = Layer.effect(DynamoClient.DynamoClient, Effect.sync(() => {
  builds++
  return { sdk: undefined, send: () => Effect.die("not used") }
}))

describe("StreamEvent.handler", () => {
  it("hands over each change in order, typed, and answers no failures", async () => {
    const seen: Array<unknown> = []
    const handler = StreamEvent.handler(services, (change) => Effect.sync(() => void seen.push(change)))
    expect(await handler(event)).toEqual({ batchItemFailures: [] })
    expect(seen).toHaveLength(3)
    expect(seen[0]).toMatchObject({
      event: "INSERT",
      keys: { Id: 101 },
      newImage: { Id: 101, Message: "New item!", Data: new Uint8Array([1, 2, 3]) },
      oldImage: undefined,
      sequenceNumber: "111",
      approximateCreationTime: new Date(1765090800 * 1000),
      shardId: arn,
      eventId: "e111"
    })
    expect(seen[2]).toMatchObject({ event: "REMOVE", newImage: undefined, oldImage: { Message: "This item has changed" } })
    // The event itself is left as it came.
    expect(event.Records[0]!.dynamodb!.NewImage!["Data"]).toEqual({ B: "AQID" })
  })

  it("a failure stops the batch there and answers that record", async () => {
    const seen: Array<string> = []
    const handler = StreamEvent.handler(services, (change) =>
      change.sequenceNumber === "222" ? Effect.fail("nope") : Effect.sync(() => void seen.push(change.sequenceNumber)))
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: "222" }] })
    expect(seen).toEqual(["111"])
  })

  it("a defect is answered like a failure; nothing is thrown", async () => {
    const handler = StreamEvent.handler(services, () => Effect.die(new Error("bug")))
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: "111" }] })
  })

  it("a record that is not a stream record is answered as failed, after the ones before it", async () => {
    const seen: Array<string> = []
    const broken = { Records: [event.Records[0]!, { eventID: "bad", dynamodb: { SequenceNumber: "150" } }, event.Records[1]!] }
    const handler = StreamEvent.handler(services, (change) => Effect.sync(() => void seen.push(change.sequenceNumber)))
    expect(await handler(broken)).toEqual({ batchItemFailures: [{ itemIdentifier: "150" }] })
    expect(seen).toEqual(["111"])
  })

  it("builds the Layer once for the container's life", async () => {
    const before = builds
    const handler = StreamEvent.handler(services, () => Effect.void)
    await handler(event)
    await handler(event)
    await handler({ Records: [] })
    expect(builds - before).toBe(1)
  })

  it("a Layer that fails answers the first record, so the whole batch is retried", async () => {
    const handler = StreamEvent.handler(Layer.effect(DynamoClient.DynamoClient, Effect.fail("no config")), () => Effect.void)
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: "111" }] })
  })
})

describe("StreamEvent.batchHandler", () => {
  it("hands the whole batch over at once; a failure retries all of it", async () => {
    const batches: Array<number> = []
    const ok = StreamEvent.batchHandler(services, (changes) => Effect.sync(() => void batches.push(changes.length)))
    expect(await ok(event)).toEqual({ batchItemFailures: [] })
    expect(batches).toEqual([3])
    const failing = StreamEvent.batchHandler(services, () => Effect.fail("nope"))
    expect(await failing(event)).toEqual({ batchItemFailures: [{ itemIdentifier: "111" }] })
  })
})

describe("StreamEvent.entityHandler", () => {
  const app = TypedTable.make({ name: "app", partitionKey: "pk" })
  const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ id: Schema.String, email: Schema.String }), primary: { partition: { prefix: "USER", fields: ["id"] } } })
  const userRecord = (sequence: string, email: unknown) =>
    record(sequence, "INSERT", { pk: { S: `USER#${sequence}` }, _entity: { S: "User" }, id: { S: sequence }, ...(typeof email === "string" && { email: { S: email } }) })
  const typedEvent = { Records: [userRecord("1", "ada@example.com"), userRecord("2", undefined), userRecord("3", "grace@example.com")] }

  it("decodes each change with its entity's Schema; an undecodable record is answered as failed", async () => {
    const emails: Array<string | undefined> = []
    const handler = StreamEvent.entityHandler([User], services, (change) => Effect.sync(() => void emails.push(change.newImage?.email)))
    expect(await handler(typedEvent)).toEqual({ batchItemFailures: [{ itemIdentifier: "2" }] })
    expect(emails).toEqual(["ada@example.com"])
  })

  it("onInvalid skip: reported and left out", async () => {
    const emails: Array<string | undefined> = []
    const reported: Array<string> = []
    const handler = StreamEvent.entityHandler([User], services, (change) => Effect.sync(() => void emails.push(change.newImage?.email)), {
      onInvalid: "skip",
      report: (error) => Effect.sync(() => void reported.push(error.record.sequenceNumber))
    })
    expect(await handler(typedEvent)).toEqual({ batchItemFailures: [] })
    expect(emails).toEqual(["ada@example.com", "grace@example.com"])
    expect(reported).toEqual(["2"])
  })
})
