/**
 * A scripted `StreamsClient` for P9's memory part: one open shard whose writer stays `lag` records ahead of its
 * consumer. Records are made when `GetRecords` asks for them (P9's `storedEvent`s as new images), so a lag of a
 * million costs the script nothing: what the consumer's process holds is dynofunc's own.
 */
import { Effect, Layer } from "effect"
import { StreamsClient, type StreamsClientService, type StreamsOperation, type StreamsOutputOf, type StreamsRequest } from "dynofunc"
import { storedEvent } from "./events.js"

const streamArn = "arn:aws:dynamodb:local:000000000000:table/p9-backlog/stream/2026-12-07T00:00:00.000"
const shardId = "shardId-00000001765000000000-backlog"

/** Sequence number of record `i`: fixed-width digits, so that they sort as strings too. */
const sequenceNumber = (i: number) => String(1e20 + i)

/** Record `i` as `GetRecords` answers it: an INSERT of event `i`. */
const record = (i: number) => {
  const image = storedEvent(i)
  return {
    eventID: `backlog-${i}`,
    eventName: "INSERT" as const,
    dynamodb: {
      Keys: { pk: image["pk"]! },
      NewImage: image,
      SequenceNumber: sequenceNumber(i),
      StreamViewType: "NEW_AND_OLD_IMAGES" as const,
      ApproximateCreationDateTime: new Date(1_765_000_000_000 + i)
    }
  }
}

/**
 * A stream whose writer keeps `lag` records ahead of what its consumer has `processed` (the consumer says so with
 * `processed(n)`): `GetRecords` from position p answers the records from p up to `limit` of them, as far as the
 * writer has gone.
 *
 * @example
 * const backlog = lagging(100_000)
 * ChangeStream.entities([Events], { streamArn: backlog.streamArn }).pipe(Stream.take(10), Stream.runDrain, Effect.provide(backlog.layer))
 */
export const lagging = (lag: number) => {
  let done = 0
  const written = () => done + lag
  const answer = (request: StreamsRequest): unknown => {
    switch (request.operation) {
      case "DescribeStream":
        return {
          StreamDescription: {
            StreamArn: streamArn,
            StreamStatus: "ENABLED",
            Shards: [{ ShardId: shardId, SequenceNumberRange: { StartingSequenceNumber: sequenceNumber(0) } }]
          }
        }
      case "GetShardIterator": {
        const { ShardIteratorType, SequenceNumber } = (request as StreamsRequest<"GetShardIterator">).input
        const after = ShardIteratorType === "AFTER_SEQUENCE_NUMBER" ? Number(BigInt(SequenceNumber!) - BigInt(1e20)) + 1 : 0
        return { ShardIterator: String(ShardIteratorType === "LATEST" ? written() : after) }
      }
      case "GetRecords": {
        const { ShardIterator, Limit } = (request as StreamsRequest<"GetRecords">).input
        const from = Number(ShardIterator)
        const to = Math.min(written(), from + (Limit ?? 1000))
        return { Records: Array.from({ length: Math.max(0, to - from) }, (_, k) => record(from + k)), NextShardIterator: String(Math.max(from, to)) }
      }
      default:
        return {}
    }
  }
  const service: StreamsClientService = {
    send: <Name extends StreamsOperation>(request: StreamsRequest<Name>) => Effect.sync(() => answer(request) as StreamsOutputOf<Name>)
  }
  return {
    streamArn,
    layer: Layer.succeed(StreamsClient.StreamsClient, service),
    /** Tells the writer that the consumer has processed `count` more records. */
    processed: (count: number) => {
      done += count
    }
  }
}
