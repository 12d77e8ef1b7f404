/**
 * Attribute values DynamoDB could never send fail with `MalformedResponseError` naming their place, in every response
 * field that holds items, on both transports: the real SDK client (with dynofunc's protocol, and with the SDK's plain
 * JSON reader, which turns an unknown member into `$unknown`) and the lean `HttpClient`, each reading crafted JSON
 * from a loopback server.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
import { AwsJson1_0Protocol, JsonCodec } from "@aws-sdk/core/protocols"
import { describe, expect, it } from "@effect/vitest"
import { Effect, type Layer, Redacted } from "effect"
import * as fc from "fast-check"
import {
  batchExecuteStatement,
  batchGetItem,
  batchWriteItem,
  DynamoClient,
  executeStatement,
  executeTransaction,
  execute,
  getItem,
  HttpClient,
  putItem,
  query,
  transactGetItems,
  transactWriteItems,
  updateItem
} from "dynofunc"
import { toAttributeMap } from "@dynofunc/core/internal/values/toAttributeValue"
import { writeBody } from "../../src/internal/transport/wire.js"
import { User } from "../typed/fixtures.js"
import { endpointOf, server } from "../support/httpServer.js"
import * as T from "#test-effect"

const credentials = { accessKeyId: "test", secretAccessKey: Redacted.make("test") }
const key = { TableName: "users", Key: { id: { S: "u1" } } }
const dynamodb = "com.amazonaws.dynamodb.v20120810#"

/** The SDK's own JSON protocol without DynamoDB's codec: unknown union members come back as `$unknown`. */
class UnionProtocol extends AwsJson1_0Protocol {
  constructor(settings: ConstructorParameters<typeof AwsJson1_0Protocol>[0]) {
    super({ ...settings, jsonCodec: new JsonCodec({ timestampFormat: { useTrait: true, default: 7 }, jsonName: false }) })
  }
}

interface Field {
  readonly name: string
  /** The operation to run, and the answer with `V` where the malformed value goes. */
  readonly run: Effect.Effect<unknown, unknown, DynamoClient.DynamoClient>
  readonly status?: number
  readonly body: string
  readonly path: string
}

const fields: ReadonlyArray<Field> = [
  { name: "GetItem Item", run: execute(getItem(key)), body: '{"Item":{"id":{"S":"u1"},"address":{"M":{"city":V}}}}', path: "Item.address.city" },
  {
    name: "Query Items",
    run: execute(query({ TableName: "users", KeyConditionExpression: "id = :id", ExpressionAttributeValues: { ":id": { S: "u1" } } })),
    body: '{"Items":[{"id":{"S":"a"}},{"id":{"S":"b"}},{"id":{"S":"c"}},{"id":{"S":"d"},"address":{"M":{"city":V}}}],"Count":4,"ScannedCount":4}',
    path: "Items[3].address.city"
  },
  {
    name: "Query LastEvaluatedKey",
    run: execute(query({ TableName: "users", KeyConditionExpression: "id = :id", ExpressionAttributeValues: { ":id": { S: "u1" } } })),
    body: '{"Items":[],"Count":0,"ScannedCount":0,"LastEvaluatedKey":{"id":V}}',
    path: "LastEvaluatedKey.id"
  },
  {
    name: "UpdateItem Attributes",
    run: execute(updateItem({ ...key, UpdateExpression: "SET a = :a", ExpressionAttributeValues: { ":a": { S: "x" } }, ReturnValues: "ALL_NEW" })),
    body: '{"Attributes":{"tags":{"L":[{"S":"a"},{"S":"b"},V]}}}',
    path: "Attributes.tags[2]"
  },
  {
    name: "PutItem ItemCollectionMetrics",
    run: execute(putItem({ TableName: "users", Item: { id: { S: "u1" } } })),
    body: '{"ItemCollectionMetrics":{"ItemCollectionKey":{"pk":V},"SizeEstimateRangeGB":[0,1]}}',
    path: "ItemCollectionMetrics.ItemCollectionKey.pk"
  },
  {
    name: "BatchGetItem Responses",
    run: execute(batchGetItem({ RequestItems: { users: { Keys: [key.Key] } } })),
    body: '{"Responses":{"users":[{"id":{"S":"u0"}},{"id":V}]}}',
    path: "Responses.users[1].id"
  },
  {
    name: "BatchGetItem UnprocessedKeys",
    run: execute(batchGetItem({ RequestItems: { users: { Keys: [key.Key] } } })),
    body: '{"Responses":{},"UnprocessedKeys":{"users":{"Keys":[{"id":V}]}}}',
    path: "UnprocessedKeys.users.Keys[0].id"
  },
  {
    name: "BatchWriteItem UnprocessedItems",
    run: execute(batchWriteItem({ RequestItems: { users: [{ PutRequest: { Item: key.Key } }] } })),
    body: '{"UnprocessedItems":{"users":[{"PutRequest":{"Item":{"id":V}}}]}}',
    path: "UnprocessedItems.users[0].PutRequest.Item.id"
  },
  {
    name: "BatchWriteItem ItemCollectionMetrics",
    run: execute(batchWriteItem({ RequestItems: { users: [{ PutRequest: { Item: key.Key } }] } })),
    body: '{"UnprocessedItems":{},"ItemCollectionMetrics":{"users":[{"ItemCollectionKey":{"pk":V}}]}}',
    path: "ItemCollectionMetrics.users[0].ItemCollectionKey.pk"
  },
  {
    name: "TransactGetItems Responses",
    run: execute(transactGetItems({ TransactItems: [{ Get: key }, { Get: { ...key, Key: { id: { S: "u2" } } } }] })),
    body: '{"Responses":[{"Item":{"id":{"S":"a"}}},{"Item":{"id":V}}]}',
    path: "Responses[1].Item.id"
  },
  {
    name: "TransactWriteItems ItemCollectionMetrics",
    run: execute(transactWriteItems({ TransactItems: [{ Put: { TableName: "users", Item: key.Key } }] })),
    body: '{"ItemCollectionMetrics":{"users":[{"ItemCollectionKey":{"pk":V}}]}}',
    path: "ItemCollectionMetrics.users[0].ItemCollectionKey.pk"
  },
  {
    name: "TransactionCanceled CancellationReasons",
    run: execute(transactWriteItems({ TransactItems: [{ Put: { TableName: "users", Item: key.Key } }, { Put: { TableName: "users", Item: { id: { S: "u2" } } } }] })),
    status: 400,
    body: `{"__type":"${dynamodb}TransactionCanceledException","message":"cancelled","CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Item":{"id":V}}]}`,
    path: "CancellationReasons[1].Item.id"
  },
  {
    name: "ConditionalCheckFailed Item",
    run: execute(putItem({ TableName: "users", Item: key.Key, ConditionExpression: "attribute_not_exists(id)", ReturnValuesOnConditionCheckFailure: "ALL_OLD" })),
    status: 400,
    body: `{"__type":"${dynamodb}ConditionalCheckFailedException","message":"failed","Item":{"id":V}}`,
    path: "Item.id"
  },
  { name: "ExecuteStatement Items", run: execute(executeStatement({ Statement: "SELECT * FROM users" })), body: '{"Items":[{"id":V}]}', path: "Items[0].id" },
  {
    name: "BatchExecuteStatement Responses[].Item",
    run: execute(batchExecuteStatement({ Statements: [{ Statement: "SELECT * FROM users" }] })),
    body: '{"Responses":[{"TableName":"users","Item":{"id":V}}]}',
    path: "Responses[0].Item.id"
  },
  {
    name: "BatchExecuteStatement Responses[].Error.Item",
    run: execute(batchExecuteStatement({ Statements: [{ Statement: "SELECT * FROM users" }] })),
    body: '{"Responses":[{"Error":{"Code":"ConditionalCheckFailed","Message":"m","Item":{"id":V}}}]}',
    path: "Responses[0].Error.Item.id"
  },
  {
    name: "ExecuteTransaction Responses",
    run: execute(executeTransaction({ TransactStatements: [{ Statement: "SELECT * FROM users" }] })),
    body: '{"Responses":[{"Item":{"id":V}}]}',
    path: "Responses[0].Item.id"
  },
  {
    name: "typed get (Entity) Item",
    run: execute(User.get({ org: "acme", id: "u1" })),
    body: '{"Item":{"pk":{"S":"ORG#acme"},"sk":{"S":"USER#u1"},"org":V}}',
    path: "Item.org"
  }
]

/** Malformed values, the problem each is reported with, and whether the SDK's plain reader still hands it over. */
const shapes: ReadonlyArray<{ readonly json: string; readonly problem: string; readonly union?: true }> = [
  { json: "{}", problem: "an attribute value with no type", union: true },
  { json: "null", problem: "not an attribute value but null", union: true },
  { json: '{"ZZ":"x"}', problem: "an attribute value of no DynamoDB type (ZZ)", union: true },
  { json: '{"S":"x","N":"1"}', problem: "an attribute value of two types (S and N)", union: true },
  { json: '{"S":"x","ZZ":"y"}', problem: "an attribute value of two types (S and ZZ)" },
  { json: '{"S":"x","NULL":null}', problem: "an attribute value of two types (S and NULL)" },
  { json: '{"N":5}', problem: "N is not a number's text but a number" },
  { json: '{"N":"five"}', problem: "N is not a number" },
  { json: '{"S":1}', problem: "S is not a string but a number" },
  { json: '{"L":"x"}', problem: "L is not a list but a string" },
  { json: '{"M":null}', problem: "not a map of attributes but null" },
  { json: '{"M":[]}', problem: "not a map of attributes but a list" },
  { json: '{"BOOL":"true"}', problem: "BOOL is not a boolean but a string" },
  { json: '{"NULL":false}', problem: "NULL is not true but a boolean" },
  { json: '{"SS":[1]}', problem: "SS[0] is not a string but a number" },
  { json: '{"SS":[]}', problem: "SS is an empty set (DynamoDB stores none)" },
  { json: '{"SS":["a","a"]}', problem: "SS holds an element twice" },
  { json: '{"NS":["1","x"]}', problem: "N is not a number" },
  { json: '{"B":5}', problem: "B is not binary but a number" },
  { json: '{"B":"!!!!"}', problem: "B is not binary but a string (not base64 as DynamoDB sends it)" },
  { json: '{"B":"AQ"}', problem: "B is not binary but a string (not base64 as DynamoDB sends it)" },
  { json: '{"BS":["AQ==","A-_="]}', problem: "BS[1] is not binary but a string (not base64 as DynamoDB sends it)" },
  { json: '{"BS":[5]}', problem: "BS[0] is not binary but a number" }
]

/** A key attribute (LastEvaluatedKey, UnprocessedKeys, ItemCollectionKey) of a type no key has. */
const keyFields = new Set(["Query LastEvaluatedKey", "BatchGetItem UnprocessedKeys", "PutItem ItemCollectionMetrics", "BatchWriteItem ItemCollectionMetrics", "TransactWriteItems ItemCollectionMetrics"])

const transports = (endpoint: string) => ({
  sdk: DynamoClient.layer({ region: "local", endpoint, credentials, maxAttempts: 1 }),
  sdkUnion: DynamoClient.layerFromSdk(
    new DynamoDBClient({ region: "local", endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1, protocol: UnionProtocol })
  ),
  lean: HttpClient.layer({ region: "local", endpoint, credentials })
})

/** A loopback server answering with what `answer` holds when the request comes, and the three transports on it. */
const serving = Effect.gen(function* () {
  const answer = { status: 200, body: "{}" }
  const s = yield* server((_, res) => {
    res.writeHead(answer.status, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "REQ1" })
    res.end(answer.body)
  })
  return { answer, layers: transports(endpointOf(s)) }
})

/** What running `run` on `layer` gave: the `MalformedResponseError`'s problem, or how else it ended. */
const problemOf = <E>(run: Effect.Effect<unknown, unknown, DynamoClient.DynamoClient>, layer: Layer.Layer<DynamoClient.DynamoClient, E>) =>
  run.pipe(
    Effect.match({
      onSuccess: () => "success",
      onFailure: (error) =>
        (error as { _tag?: unknown })._tag === "MalformedResponseError"
          ? (error as { problem: string }).problem
          : `not malformed: ${String((error as { _tag?: unknown })._tag)} ${String((error as { message?: unknown }).message)}`
    }),
    Effect.provide(layer)
  )

describe("malformed attribute values", () => {
  T.scoped("fail naming their place, in every field that holds items, on every transport", () =>
    Effect.gen(function* () {
      const { answer, layers } = yield* serving
      const failures: Array<string> = []
      for (const field of fields) {
        for (const shape of shapes) {
          answer.status = field.status ?? 200
          answer.body = field.body.replace("V", shape.json)
          for (const [name, layer] of Object.entries(layers)) {
            if (name === "sdkUnion" && shape.union !== true) continue
            const got = yield* problemOf(field.run, layer)
            const wanted = `${field.path}: ${shape.problem}`
            if (got !== wanted) failures.push(`${field.name} ${shape.json} on ${name}: ${got}`)
          }
        }
        if (keyFields.has(field.name)) {
          answer.status = 200
          answer.body = field.body.replace("V", '{"BOOL":true}')
          for (const [name, layer] of Object.entries(layers)) {
            const got = yield* problemOf(field.run, layer)
            if (got !== `${field.path}: a key attribute of type BOOL (keys are S, N or B)`) failures.push(`${field.name} BOOL key on ${name}: ${got}`)
          }
        }
      }
      expect(failures).toEqual([])
    }), 120_000)

  T.scoped("the SDK's $unknown names the member it kept", () =>
    Effect.gen(function* () {
      const { answer, layers } = yield* serving
      answer.body = '{"Item":{"id":{"S":"u1"},"tags":{"L":[{"S":"a"},{"VECTOR":[1,2]}]}}}'
      expect(yield* problemOf(execute(getItem(key)), layers.sdkUnion)).toBe("Item.tags[1]: an attribute value of no DynamoDB type (VECTOR)")
      expect(yield* problemOf(execute(getItem(key)), layers.lean)).toBe("Item.tags[1]: an attribute value of no DynamoDB type (VECTOR)")
    }))

  T.scoped("an SDK client without dynofunc's protocol: what its own reader cannot read is a MalformedResponseError too", () =>
    Effect.gen(function* () {
      const { answer } = yield* serving
      const s = yield* server((_, res) => {
        res.writeHead(200, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "REQ1" })
        res.end(answer.body)
      })
      const plain = DynamoClient.layerFromSdk(
        new DynamoDBClient({ region: "local", endpoint: endpointOf(s), credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 })
      )
      for (const body of ['{"Item":{"id":{"S":"u1"},"tags":{"L":[null]}}}', '{"Item":{"id":{"B":"AQ"}}}']) {
        answer.body = body
        expect(yield* problemOf(execute(getItem(key)), plain)).toMatch(/^the response: the SDK's own reader failed on it \(a TypeError\)/)
      }
    }))

  it("property: any well-formed item reads back as it was written, any malformation at any depth fails naming its place", async () => {
    const name = fc.stringMatching(/^[a-z]{1,5}$/)
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small", maxDepth: 5 },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bytes) => new Uint8Array(bytes)),
        fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 4 }).map((strings) => new Set(strings)),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(name, tie("value"), { maxKeys: 4 })
      )
    }))
    const item = fc.dictionary(name, value, { minKeys: 1, maxKeys: 5 })
    /** Every attribute value in `map` (wire JSON): how to reach it, and the place a `MalformedValue` names. */
    interface Place {
      readonly steps: ReadonlyArray<string | number>
      readonly where: string
    }
    const places = (map: Record<string, unknown>, at: Place): Array<Place> =>
      Object.entries(map).flatMap(([key, attribute]) => {
        const place = { steps: [...at.steps, key], where: `${at.where}.${key}` }
        return [place, ...inside(attribute, place)]
      })
    const inside = (attribute: unknown, at: Place): Array<Place> => {
      const { L, M } = attribute as { L?: ReadonlyArray<unknown>; M?: Record<string, unknown> }
      if (M !== undefined) return places(M, { steps: [...at.steps, "M"], where: at.where })
      return (L ?? []).flatMap((element, i) => {
        const place = { steps: [...at.steps, "L", i], where: `${at.where}[${i}]` }
        return [place, ...inside(element, place)]
      })
    }
    await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const { answer, layers } = yield* serving
          const check = (layer: (typeof layers)["lean"] | (typeof layers)["sdk"], runs: number) =>
            Effect.promise(() =>
              fc.assert(
                fc.asyncProperty(item, fc.nat(), fc.constantFrom(...shapes), fc.boolean(), async (js, pick, shape, malformed) => {
                  const wire = JSON.parse(writeBody(toAttributeMap(js))) as Record<string, unknown>
                  const all = places(wire, { steps: [], where: "Item" })
                  const place = all[pick % all.length]!
                  if (malformed) {
                    let holder: Record<string | number, unknown> = wire
                    for (const step of place.steps.slice(0, -1)) holder = holder[step] as Record<string | number, unknown>
                    holder[place.steps[place.steps.length - 1]!] = JSON.parse(shape.json)
                  }
                  answer.status = 200
                  answer.body = JSON.stringify({ Item: wire })
                  const got = await Effect.runPromise(
                    execute(getItem(key)).pipe(
                      Effect.map((result) => ({ item: result.item as unknown })),
                      Effect.catchTag("MalformedResponseError", (error) => Effect.succeed({ problem: error.problem })),
                      Effect.provide(layer)
                    )
                  )
                  expect(got).toEqual(malformed ? { problem: `${place.where}: ${shape.problem}` } : { item: js })
                }),
                { numRuns: runs }
              )
            )
          yield* check(layers.lean, 200)
          yield* check(layers.sdk, 50)
        })
      )
    )
  }, 120_000)
})
