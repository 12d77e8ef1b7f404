/**
 * An in-memory DynamoDB for the bulk helpers' fault tests: `BatchWriteItem`, `BatchGetItem` and `DescribeTable` over
 * a `Map`, behind a `DynamoClient` that throttles a share of the requests and leaves a random part of each batch
 * unprocessed. It counts how often each item was sent and applied. Its randomness is seeded: a failing run replays.
 */
import type { AttributeValue, BatchGetItemCommandOutput, BatchWriteItemCommandOutput, KeysAndAttributes, WriteRequest } from "@aws-sdk/client-dynamodb"
import { DynamoClient, type CommandName, type TestAnswer } from "dynofunc"
import { Effect, type Layer } from "effect"

export interface Faults {
  /** The share of requests failed whole with a throttling error. */
  readonly throttle: number
  /** The chance that each write or key of a request is left unprocessed. */
  readonly unprocessed: number
  /** How long each request takes, in milliseconds. */
  readonly latencyMs?: number
  readonly seed?: number
}

type AttributeMap = Record<string, AttributeValue>

/** mulberry32: a small seeded PRNG. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const throttled = (name: string) => Effect.fail({ name, $fault: "client", message: "slow down", $metadata: {} })
const throttlingNames = ["ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"]

export const makeStore = (keys: Readonly<Record<string, ReadonlyArray<string>>>, faults: Faults) => {
  const next = random(faults.seed ?? 1)
  const tables = new Map<string, Map<string, AttributeMap>>(Object.keys(keys).map((table) => [table, new Map()]))
  /** table/key → how often it was sent, and how often applied. */
  const sent = new Map<string, number>()
  const applied = new Map<string, number>()
  let requests = 0
  const keyOf = (table: string, item: AttributeMap) =>
    `${table}/${(keys[table] ?? ["id"]).map((name) => JSON.stringify(item[name])).join("/")}`
  const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)

  const batchWrite = (requestItems: Record<string, Array<WriteRequest>>): Effect.Effect<BatchWriteItemCommandOutput, unknown> => {
    requests++
    for (const [table, writes] of Object.entries(requestItems)) {
      for (const write of writes) bump(sent, keyOf(table, write.PutRequest?.Item ?? write.DeleteRequest!.Key!))
    }
    if (next() < faults.throttle) return throttled(throttlingNames[requests % 3]!)
    const unprocessed: Record<string, Array<WriteRequest>> = {}
    for (const [table, writes] of Object.entries(requestItems)) {
      const store = tables.get(table)
      if (store === undefined) return Effect.fail({ name: "ResourceNotFoundException", $fault: "client", message: `no table ${table}`, $metadata: {} })
      for (const write of writes) {
        if (next() < faults.unprocessed) {
          // A copy, as a response would hold: the writer must find it by key.
          ;(unprocessed[table] ??= []).push({ ...write })
          continue
        }
        const item = write.PutRequest?.Item ?? write.DeleteRequest!.Key!
        const key = keyOf(table, item)
        bump(applied, key)
        if (write.PutRequest !== undefined) store.set(key, item)
        else store.delete(key)
      }
    }
    return Effect.succeed({ UnprocessedItems: unprocessed, $metadata: {} })
  }

  const batchGet = (requestItems: Record<string, KeysAndAttributes>): Effect.Effect<BatchGetItemCommandOutput, unknown> => {
    requests++
    if (next() < faults.throttle) return throttled(throttlingNames[requests % 3]!)
    const responses: Record<string, Array<AttributeMap>> = {}
    const unprocessed: Record<string, KeysAndAttributes> = {}
    for (const [table, request] of Object.entries(requestItems)) {
      for (const key of request.Keys ?? []) {
        bump(sent, keyOf(table, key))
        if (next() < faults.unprocessed) {
          ;(unprocessed[table] ??= { ...request, Keys: [] }).Keys!.push({ ...key })
          continue
        }
        const item = tables.get(table)?.get(keyOf(table, key))
        if (item !== undefined) (responses[table] ??= []).push(item)
      }
    }
    return Effect.succeed({ Responses: responses, UnprocessedKeys: unprocessed, $metadata: {} })
  }

  const layer: Layer.Layer<DynamoClient.DynamoClient> = DynamoClient.layerTest((request) => {
    const answer = ((): Effect.Effect<TestAnswer<CommandName>, unknown> => {
      switch (request.operation) {
        case "BatchWriteItem":
          return batchWrite(request.input.RequestItems as Record<string, Array<WriteRequest>>)
        case "BatchGetItem":
          return batchGet(request.input.RequestItems as Record<string, KeysAndAttributes>)
        case "DescribeTable": {
          const names = keys[request.input.TableName ?? ""]
          return names === undefined
            ? Effect.fail({ name: "ResourceNotFoundException", $fault: "client", message: "no table", $metadata: {} })
            : Effect.succeed({
                Table: { TableName: request.input.TableName, KeySchema: names.map((name, i) => ({ AttributeName: name, KeyType: i === 0 ? "HASH" : "RANGE" })) }
              })
        }
        default:
          return Effect.die(new Error(`the faulty store does not answer ${request.operation}`))
      }
    })()
    return faults.latencyMs === undefined ? answer : Effect.andThen(Effect.sleep(faults.latencyMs), answer)
  })

  return {
    layer,
    /** The items of `table`, by key string. */
    items: (table: string) => tables.get(table)!,
    keyOf,
    sent,
    applied,
    get requests() {
      return requests
    },
    /** Puts items directly (for the batch get tests). */
    seed: (table: string, items: ReadonlyArray<AttributeMap>) => {
      for (const item of items) tables.get(table)!.set(keyOf(table, item), item)
    }
  }
}
