/**
 * P9's records and its two consumers of a DynamoDB stream: dynofunc's `ChangeStream.entities` (typed decoding with
 * the `Events` entity's Schema) and a hand-written `@aws-sdk/client-dynamodb-streams` poll loop (`DescribeStream`,
 * `GetShardIterator`, `GetRecords` until caught up, `unmarshall` from util-dynamodb). Both count what they saw in a
 * `Tally`, so a run can check that they saw the same records.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { DescribeStreamCommand, type DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type Shard } from "@aws-sdk/client-dynamodb-streams"
import { unmarshall } from "@aws-sdk/util-dynamodb"
import { ChangeStream, Entity, type StreamsClient, TypedTable } from "dynofunc"
import { Effect, Schema, Stream } from "effect"
import { setTimeout as sleep } from "node:timers/promises"

/** One change of P9's table: eight attributes of the usual kinds, about 200 bytes stored. */
export const Event = Schema.Struct({
  id: Schema.String,
  kind: Schema.String,
  amount: Schema.Number,
  count: Schema.Number,
  active: Schema.Boolean,
  note: Schema.String,
  tags: Schema.Array(Schema.String),
  at: Schema.Number
})

/** The typed table the entity lives in (P9's tables are read by stream ARN: the name is only the entity's). */
const table = TypedTable.make({ name: "p9", partitionKey: "pk" })

/**
 * The entity whose Schema decodes P9's records (`pk` = `EVENT#<id>`, tagged `_entity: "Event"`).
 *
 * @example
 * Events.put(event(1)).description.Item // the stored item, marshalled
 */
export const Events = Entity.make({ table, name: "Event", schema: Event, primary: { partition: { prefix: "EVENT", fields: ["id"] } } })

/**
 * Event `i` as plain JS.
 *
 * @example
 * event(7).id // "e000007"
 */
export const event = (i: number): typeof Event.Type => ({
  id: `e${i.toString().padStart(6, "0")}`,
  kind: ["created", "paid", "shipped"][i % 3]!,
  amount: Math.round(i * 7.31) / 100,
  count: 1 + (i % 9),
  active: i % 4 !== 0,
  note: `change number ${i} of the benchmark`,
  tags: ["bench", `t${i % 5}`],
  at: 1_765_000_000_000 + i
})

/**
 * Event `i` as the entity stores it (its key and tag added), marshalled.
 *
 * @example
 * await client.send(new PutItemCommand({ TableName: "p9-latency", Item: storedEvent(1) }))
 */
export const storedEvent = (i: number): Record<string, AttributeValue> => Events.put(event(i)).description.Item as Record<string, AttributeValue>

/**
 * What a consumer saw: how many records, their sequence numbers and ids in order, and the sum of their `amount`s.
 *
 * @example
 * const tally = new Tally()
 * tally.add("100", event(1))
 * tally.same(other) // true when other saw the same records in the same order
 */
export class Tally {
  readonly records: Array<string> = []
  amount = 0
  get count(): number {
    return this.records.length
  }
  add(sequenceNumber: string, image: { readonly id: string; readonly amount: number }): void {
    this.records.push(`${sequenceNumber} ${image.id}`)
    this.amount += image.amount
  }
  same(other: Tally): boolean {
    return this.amount === other.amount && this.records.length === other.records.length && this.records.every((record, i) => record === other.records[i])
  }
}

/**
 * Reads `expected` records of the stream `streamArn` from its oldest with dynofunc: `ChangeStream.entities` decoding
 * each new image with the `Events` Schema, default settings.
 *
 * @example
 * runtime.runPromise(dynofuncRead(arn, 10_000))
 */
export const dynofuncRead = (streamArn: string, expected: number): Effect.Effect<Tally, unknown, StreamsClient.StreamsClient> =>
  Effect.suspend(() => {
    const tally = new Tally()
    return ChangeStream.entities([Events], { streamArn }, { start: "trim-horizon" }).pipe(
      Stream.take(expected),
      Stream.runForEach((change) => Effect.sync(() => tally.add(change.sequenceNumber, change.newImage!))),
      Effect.as(tally)
    )
  })

/**
 * Reads `expected` records of the stream `streamArn` from its oldest by hand with the SDK: every shard in the order
 * `DescribeStream` lists them (parents first), each from `TRIM_HORIZON`, `GetRecords` until its iterator ends or,
 * for an open shard, until `expected` records were read, waiting `pollMs` after an empty answer; each new image
 * unmarshalled with util-dynamodb.
 *
 * @example
 * const tally = await rawRead(new DynamoDBStreamsClient({ endpoint }), arn, 10_000, 1000)
 */
export const rawRead = async (client: DynamoDBStreamsClient, streamArn: string, expected: number, pollMs: number): Promise<Tally> => {
  const tally = new Tally()
  const shards: Array<Shard> = []
  let from: string | undefined
  do {
    const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: from }))
    shards.push(...(StreamDescription?.Shards ?? []))
    from = StreamDescription?.LastEvaluatedShardId
  } while (from !== undefined)
  for (const shard of shards) {
    const start = await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }))
    let iterator = start.ShardIterator
    while (iterator !== undefined && tally.count < expected) {
      const { Records = [], NextShardIterator } = await client.send(new GetRecordsCommand({ ShardIterator: iterator }))
      for (const record of Records) {
        const image = unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>) as typeof Event.Type
        tally.add(record.dynamodb!.SequenceNumber!, image)
      }
      iterator = NextShardIterator
      if (Records.length === 0 && iterator !== undefined && tally.count < expected) await sleep(pollMs)
    }
  }
  return tally
}
