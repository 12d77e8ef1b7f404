/**
 * `StreamsClient`'s Layers: from Effect `Config` (the SDK Streams client; no request is sent), and `layerTest`, whose
 * handlers answer `ChangeStream`'s requests — by operation, a missing one, a throw, a plain answer, an AWS error.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schedule, Stream } from "effect"
import * as A from "#adapter"
import * as T from "#test-effect"
import { ChangeStream, Retry, StreamsClient } from "dynofunc"

const regionOf = Effect.map(StreamsClient.StreamsClient, (service) => service.region)

describe("StreamsClient.layerConfig", () => {
  it.effect("reads its settings from Config", () =>
    Effect.gen(function* () {
      const layer = StreamsClient.layerConfig({ region: A.configString("REGION"), endpoint: A.configString("ENDPOINT") })
      const region = yield* Effect.provide(regionOf, layer).pipe(T.withConfigValues({ REGION: "ap-south-1", ENDPOINT: "http://127.0.0.1:4567" }))
      expect(region).toBe("ap-south-1")
    }))

  it.effect("fails with a ConfigError naming the missing setting", () =>
    Effect.gen(function* () {
      const error = yield* Effect.provide(regionOf, StreamsClient.layerConfig({ region: A.configString("NO_SUCH_REGION_VAR") })).pipe(
        T.withConfigValues({}),
        Effect.flip
      )
      expect(T.isConfigError(error)).toBe(true)
      expect(String(error)).toContain("NO_SUCH_REGION_VAR")
    }))
})

describe("StreamsClient.layerTest", () => {
  const streamArn = "arn:aws:dynamodb:eu-west-1:000000000000:table/users/stream/2026-01-01T00:00:00.000"
  /** One closed shard holding one INSERT of `{ id: "u1" }`, answered by operation. */
  const oneRecord: StreamsClient.StreamsTestHandlers = {
    DescribeStream: () =>
      Effect.succeed({
        StreamDescription: {
          StreamArn: streamArn,
          StreamStatus: "DISABLED",
          Shards: [{ ShardId: "s0", SequenceNumberRange: { StartingSequenceNumber: "1", EndingSequenceNumber: "1" } }]
        }
      }),
    GetShardIterator: (request) => Effect.succeed({ ShardIterator: `${request.input.ShardId}:${request.input.ShardIteratorType}` }),
    GetRecords: (request) =>
      Effect.succeed({
        Records: request.input.ShardIterator === "s0:TRIM_HORIZON"
          ? [{ eventID: "e1", eventName: "INSERT", dynamodb: { Keys: { id: { S: "u1" } }, NewImage: { id: { S: "u1" } }, SequenceNumber: "1" } }]
          : []
      })
  }
  const records = (handler: StreamsClient.StreamsTestHandler | StreamsClient.StreamsTestHandlers) =>
    ChangeStream.records({ streamArn }, { pollInterval: "1 millis", discoveryInterval: "2 millis" }).pipe(
      Stream.runCollect,
      Effect.map((collected) => Array.from(collected, (record) => ({ event: record.event, keys: record.keys, newImage: record.newImage }))),
      Effect.provide(StreamsClient.layerTest(handler)),
      Effect.provideService(Retry.Policy, Schedule.recurs(0))
    )

  it.effect("answers each request with the handler of its operation", () =>
    Effect.gen(function* () {
      expect(yield* records(oneRecord)).toEqual([{ event: "INSERT", keys: { id: "u1" }, newImage: { id: "u1" } }])
    }))

  it.effect("an operation with no handler fails with UnknownOperationError", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(records({ DescribeStream: oneRecord.DescribeStream! }))
      expect(error).toMatchObject({ _tag: "UnknownOperationError", code: "UnknownOperationException" })
      expect(error.message).toContain("no handler for GetShardIterator")
    }))

  it.effect("one handler for every request sees each operation, and its AWS-shaped failure is typed", () =>
    Effect.gen(function* () {
      const seen: Array<string> = []
      const error = yield* Effect.flip(records((request) => {
        seen.push(request.operation)
        return request.operation === "DescribeStream"
          ? oneRecord.DescribeStream!(request)
          : Effect.fail({ name: "TrimmedDataAccessException", $fault: "client", message: "trimmed" })
      }))
      expect(seen).toEqual(["DescribeStream", "GetShardIterator"])
      expect(error).toMatchObject({ _tag: "TrimmedRecordsError" })
    }))

  it.effect("a handler that throws fails with a TransportError; one that answers with no Effect is taken as is", () =>
    Effect.gen(function* () {
      const thrown = yield* Effect.flip(records(() => {
        throw new Error("handler bug")
      }))
      expect(thrown).toMatchObject({ _tag: "TransportError", message: "handler bug" })
      const described = Effect.runSync(oneRecord.DescribeStream!({ operation: "DescribeStream", input: { StreamArn: streamArn } }))
      const plain = { ...oneRecord, DescribeStream: () => described } as unknown as StreamsClient.StreamsTestHandlers
      expect(yield* records(plain)).toHaveLength(1)
    }))
})
