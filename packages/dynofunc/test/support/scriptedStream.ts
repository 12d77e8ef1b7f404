/**
 * A test `StreamsClient` that plays a scripted shard tree: shards that appear after some `DescribeStream` calls and
 * close after more, records with sequence numbers, DescribeStream pages of `pageSize` shards, and faults — throttling
 * (`LimitExceededException`), expired iterators, trimmed records, a deleted stream — at chosen `GetRecords` calls.
 * It counts its calls and the `GetRecords` in flight, so a test can see that nothing runs after the stream stopped.
 * Records may arrive while it is read (`ScriptedRecord.arrivesAt`; they must come after those there from the start).
 */
import { Effect, Layer } from "effect"
import { StreamsClient, type StreamsClientService, type StreamsOperation, type StreamsOutputOf, type StreamsRequest } from "dynofunc"

/**
 * One scripted record: its key, its version (per key), its sequence number, and when it is written: from the start,
 * or (`arrivesAt`) once its shard has had that many `GetRecords` calls — then created at that moment (rounded down
 * to the second, as DynamoDB does); a record there from the start was created long before.
 */
export interface ScriptedRecord {
  readonly key: string
  readonly version: number
  readonly seq: number
  readonly arrivesAt?: number | undefined
}

export interface ScriptedShard {
  readonly id: string
  readonly parent?: string | undefined
  readonly records: ReadonlyArray<ScriptedRecord>
  /** Listed from this `DescribeStream` call on (counting from 0; default 0). */
  readonly appearsAt?: number | undefined
  /** Closed (its iterator ends after its last record) from this `DescribeStream` call on (default: from the start). */
  readonly closesAt?: number | undefined
  /** Records with a sequence number below this were trimmed. */
  readonly trimmedBelow?: number | undefined
}

export interface Script {
  readonly shards: ReadonlyArray<ScriptedShard>
  /** Shards per `DescribeStream` page (default 2). */
  readonly pageSize?: number | undefined
  /** Records per `GetRecords` at most (default 3). */
  readonly perRead?: number | undefined
  /**
   * What a `GetRecords` call fails with instead of answering, by its number `call` (from 0, over the whole stream) and
   * `ofShard` (from 0, among the calls for the same shard).
   */
  readonly faults?: ((call: number, ofShard: number) => "throttle" | "expire" | "delete" | undefined) | undefined
  /** Every other read of a shard with records left answers empty (default false). */
  readonly emptyReads?: boolean | undefined
  /** The stream is `DISABLED` (and so ends) once every shard is listed and closed (default true). */
  readonly disables?: boolean | undefined
  /** Milliseconds each `GetRecords` takes (default 0). */
  readonly latency?: number | undefined
}

export const streamArn = "arn:aws:dynamodb:local:000000000000:table/scripted/stream/2026-12-07T00:00:00.000"

const awsError = (name: string) => Effect.fail({ name, $fault: "client", message: `${name} (scripted)`, $metadata: { httpStatusCode: 400, requestId: "scripted" } })

/** A scripted stream's client, and what it counted. */
export const scripted = (script: Script) => {
  const counts = { describe: 0, getRecords: 0, getIterator: 0, inFlight: 0, maxInFlight: 0, deleted: false }
  const reads = new Map<string, number>()
  const calls = new Map<string, number>()
  const byId = new Map(script.shards.map((shard) => [shard.id, shard]))
  const pageSize = script.pageSize ?? 2
  /** The index of the last `DescribeStream` call: the script's clock. */
  const now = () => Math.max(0, counts.describe - 1)
  const closed = (shard: ScriptedShard) => (shard.closesAt ?? 0) <= now()
  const listed = () => script.shards.filter((shard) => (shard.appearsAt ?? 0) <= now())
  /** When each record that arrived while the shard was read was written. */
  const arrived = new Map<ScriptedRecord, number>()
  /** The records of `shard` written so far. */
  const written = (shard: ScriptedShard) =>
    shard.records.filter((record) => {
      if (record.arrivesAt === undefined) return true
      if (record.arrivesAt > (calls.get(shard.id) ?? 0)) return false
      if (!arrived.has(record)) arrived.set(record, Math.floor(Date.now() / 1000) * 1000)
      return true
    })

  const describe = (request: StreamsRequest<"DescribeStream">): StreamsOutputOf<"DescribeStream"> => {
    counts.describe++
    const shards = listed()
    const from = request.input.ExclusiveStartShardId
    const start = from === undefined ? 0 : shards.findIndex((shard) => shard.id === from) + 1
    const page = shards.slice(start, start + pageSize)
    const more = start + pageSize < shards.length
    const done = shards.length === script.shards.length && shards.every(closed)
    return {
      StreamDescription: {
        StreamArn: streamArn,
        StreamStatus: done && script.disables !== false ? "DISABLED" : "ENABLED",
        Shards: page.map((shard) => ({
          ShardId: shard.id,
          ...(shard.parent !== undefined && { ParentShardId: shard.parent }),
          SequenceNumberRange: {
            StartingSequenceNumber: String(shard.records[0]?.seq ?? 0),
            ...(closed(shard) && { EndingSequenceNumber: String(shard.records.at(-1)?.seq ?? 0) })
          }
        })),
        ...(more && { LastEvaluatedShardId: page.at(-1)!.id })
      }
    }
  }

  const iterator = (request: StreamsRequest<"GetShardIterator">) => {
    counts.getIterator++
    const { ShardId, ShardIteratorType, SequenceNumber } = request.input
    const shard = byId.get(ShardId!)
    if (shard === undefined) return awsError("ResourceNotFoundException")
    const seq = Number(SequenceNumber)
    if ((ShardIteratorType === "AFTER_SEQUENCE_NUMBER" || ShardIteratorType === "AT_SEQUENCE_NUMBER") && seq < (shard.trimmedBelow ?? 0)) {
      return awsError("TrimmedDataAccessException")
    }
    const index =
      ShardIteratorType === "LATEST" ? written(shard).length
      : ShardIteratorType === "AFTER_SEQUENCE_NUMBER" ? shard.records.filter((record) => record.seq <= seq).length
      : ShardIteratorType === "AT_SEQUENCE_NUMBER" ? shard.records.filter((record) => record.seq < seq).length
      : shard.records.filter((record) => record.seq < (shard.trimmedBelow ?? 0)).length
    return Effect.succeed({ ShardIterator: JSON.stringify({ shard: shard.id, index }) })
  }

  const getRecords = (request: StreamsRequest<"GetRecords">) => {
    const call = counts.getRecords++
    const { shard: id, index } = JSON.parse(request.input.ShardIterator!) as { shard: string; index: number }
    const ofShard = calls.get(id) ?? 0
    calls.set(id, ofShard + 1)
    const fault = script.faults?.(call, ofShard)
    if (fault === "delete") counts.deleted = true
    if (counts.deleted) return awsError("ResourceNotFoundException")
    if (fault === "throttle") return awsError("LimitExceededException")
    if (fault === "expire") return awsError("ExpiredIteratorException")
    const shard = byId.get(id)!
    const read = (reads.get(id) ?? 0) + 1
    reads.set(id, read)
    const empty = script.emptyReads === true && read % 2 === 0
    const taken = empty ? [] : written(shard).slice(index, index + Math.min(script.perRead ?? 3, request.input.Limit ?? 1000))
    const next = index + taken.length
    const ended = closed(shard) && next >= shard.records.length
    return Effect.succeed({
      Records: taken.map((record) => ({
        eventID: `${id}-${record.seq}`,
        eventName: record.version === 1 ? "INSERT" : "MODIFY",
        dynamodb: {
          Keys: { k: { S: record.key } },
          NewImage: { k: { S: record.key }, v: { N: String(record.version) } },
          SequenceNumber: String(record.seq),
          ApproximateCreationDateTime: new Date(arrived.get(record) ?? 1_765_000_000_000 + record.seq * 1000)
        }
      })),
      ...(!ended && { NextShardIterator: JSON.stringify({ shard: id, index: next }) })
    })
  }

  const answer = (request: StreamsRequest): Effect.Effect<unknown, unknown> => {
    switch (request.operation) {
      case "DescribeStream":
        return counts.deleted ? awsError("ResourceNotFoundException") : Effect.sync(() => describe(request as StreamsRequest<"DescribeStream">))
      case "GetShardIterator":
        return counts.deleted ? awsError("ResourceNotFoundException") : iterator(request as StreamsRequest<"GetShardIterator">)
      case "GetRecords": {
        const answered = Effect.suspend(() => getRecords(request as StreamsRequest<"GetRecords">))
        return Effect.acquireUseRelease(
          Effect.sync(() => {
            counts.inFlight++
            counts.maxInFlight = Math.max(counts.maxInFlight, counts.inFlight)
          }),
          () => (script.latency === undefined ? answered : Effect.andThen(Effect.sleep(`${script.latency} millis`), answered)),
          () => Effect.sync(() => void counts.inFlight--)
        )
      }
      default:
        return awsError("UnknownOperationException")
    }
  }

  const service: StreamsClientService = {
    send: <Name extends StreamsOperation>(request: StreamsRequest<Name>) => answer(request) as Effect.Effect<StreamsOutputOf<Name>, unknown>
  }
  return { counts, layer: Layer.succeed(StreamsClient.StreamsClient, service) }
}

/** A linear script: `keys` keys each written `versions` times into one closed shard, in key order round-robin. */
export const oneShard = (keys: number, versions: number): ReadonlyArray<ScriptedRecord> => {
  const records: Array<ScriptedRecord> = []
  for (let version = 1; version <= versions; version++) {
    for (let key = 0; key < keys; key++) records.push({ key: `k${key}`, version, seq: records.length + 1 })
  }
  return records
}
