/**
 * The lean transport reads answers as the SDK does: the same canned HTTP answer, served on loopback, gives the same
 * output (bytes, dates, unmodelled members dropped, `$metadata`, an attribute named `__proto__`) and the same tagged
 * error through both Layers.
 */
import { readFileSync } from "node:fs"
import * as Sdk from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import { Effect, type Layer, Redacted } from "effect"
import { DynamoClient, type DynamoError, HttpClient, Retry, execute, find, type CommandName } from "dynofunc"
import { render, tables, target } from "../../scripts/generate-wire-shapes.js"
import { commandErrors } from "@dynofunc/core/internal/builders/commands.generated"
import { toDynamoError } from "../../src/internal/execution/toDynamoError.js"
import * as Shapes from "../../src/internal/transport/shapes.generated.js"
import { crc32 } from "../../src/internal/transport/wire.js"
import { endpointOf, server } from "../support/httpServer.js"
import * as A from "#adapter"
import * as T from "#test-effect"

const credentials = { accessKeyId: "test", secretAccessKey: Redacted.make("test") }

interface Canned {
  readonly operation: CommandName
  readonly status: number
  readonly body: string
  readonly headers?: Record<string, string>
  /** The message differs on purpose: the SDK's names a hidden field of its own error. */
  readonly ownMessage?: true
}

/** What `layer`'s client answers to `operation` when the server answers `canned`: the output, or the tagged error. */
const outcome = <E>(layer: Layer.Layer<DynamoClient.DynamoClient, E>, canned: Canned) =>
  Effect.flatMap(DynamoClient.DynamoClient, (client) =>
    client.send({
      operation: canned.operation,
      command: (Sdk as unknown as Record<string, unknown>)[`${canned.operation}Command`],
      input: {}
    } as never)
  ).pipe(
    Effect.map((output) => ({ output })),
    A.catchAll((cause) => {
      const error = toDynamoError(cause, canned.operation, commandErrors[canned.operation])
      return Effect.succeed({ error: { ...error, _tag: error._tag, message: error.message, cause: undefined } })
    }),
    Effect.provide(layer)
  )

const both = (canned: Canned) =>
  Effect.gen(function* () {
    const s = yield* server((_, res) => {
      res.writeHead(canned.status, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "REQ1", ...canned.headers })
      res.end(canned.body)
    })
    const endpoint = endpointOf(s)
    const sdk = yield* outcome(DynamoClient.layer({ region: "local", endpoint, credentials, maxAttempts: 1 }), canned)
    const lean = yield* outcome(HttpClient.layer({ region: "local", endpoint, credentials }), canned)
    return { sdk, lean }
  })

const error = (type: string, members: object) => JSON.stringify({ __type: type, ...members })
const dynamodb = "com.amazonaws.dynamodb.v20120810#"

const cases: ReadonlyArray<readonly [string, Canned]> = [
  [
    "GetItem: bytes, byte sets, nested maps and lists, NULL, an attribute named __proto__, an unmodelled member",
    {
      operation: "GetItem",
      status: 200,
      body: '{"Item":{"id":{"S":"u1"},"bin":{"B":"AQID"},"bins":{"BS":["AQ==","Ag=="]},"nested":{"M":{"b":{"B":"BA=="},"l":{"L":[{"B":"BQ=="},{"N":"1"}]}}},"__proto__":{"S":"kept"},"n":{"NULL":true},"ok":{"BOOL":false}},"ConsumedCapacity":{"TableName":"t","CapacityUnits":0.5,"Surprise":1},"Unmodelled":1}'
    }
  ],
  [
    "DescribeTable: timestamps as Dates, unmodelled members dropped",
    {
      operation: "DescribeTable",
      status: 200,
      body: '{"Table":{"TableName":"t","CreationDateTime":1.700000000123E9,"ProvisionedThroughput":{"LastIncreaseDateTime":1700000000,"ReadCapacityUnits":1,"NumberOfDecreasesToday":0},"TableThroughputModeSummary":{"TableThroughputMode":"PAY_PER_REQUEST"},"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]}}'
    }
  ],
  [
    "ListBackups: timestamps in a list of structures",
    { operation: "ListBackups", status: 200, body: '{"BackupSummaries":[{"TableName":"t","BackupCreationDateTime":1700000000.5,"BackupSizeBytes":12}]}' }
  ],
  [
    "Query: items and a binary LastEvaluatedKey",
    { operation: "Query", status: 200, body: '{"Count":1,"ScannedCount":1,"Items":[{"id":{"B":"AQ=="}}],"LastEvaluatedKey":{"id":{"B":"AQ=="}}}' }
  ],
  ["TagResource: an empty answer", { operation: "TagResource", status: 200, body: "" }],
  [
    "ConditionalCheckFailedException with the item",
    {
      operation: "PutItem",
      status: 400,
      body: error(`${dynamodb}ConditionalCheckFailedException`, { message: "The conditional request failed", Item: { id: { S: "u1" }, b: { B: "AQ==" } } })
    }
  ],
  [
    "TransactionCanceledException with its reasons",
    {
      operation: "TransactWriteItems",
      status: 400,
      body: error(`${dynamodb}TransactionCanceledException`, {
        Message: "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
        CancellationReasons: [{ Code: "None" }, { Code: "ConditionalCheckFailed", Message: "The conditional request failed", Item: { id: { S: "a1" } } }]
      })
    }
  ],
  ["ValidationException", { operation: "GetItem", status: 400, body: error("com.amazon.coral.validate#ValidationException", { message: "bad key" }) }],
  ["AccessDeniedException with Message", { operation: "GetItem", status: 400, body: error("com.amazon.coral.service#AccessDeniedException", { Message: "not authorized" }) }],
  ["an unknown code", { operation: "GetItem", status: 400, body: error("com.amazon.coral.service#SomethingNewException", { message: "new" }) }],
  ["InternalServerError (500)", { operation: "GetItem", status: 500, body: error(`${dynamodb}InternalServerError`, { message: "Internal server error" }) }],
  [
    "the code in x-amzn-errortype",
    {
      operation: "GetItem",
      status: 400,
      body: '{"message":"Rate exceeded"}',
      headers: { "x-amzn-errortype": "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/" }
    }
  ],
  ["a 503 that is not DynamoDB's", { operation: "GetItem", status: 503, body: "<html>Service Unavailable</html>", headers: { "content-type": "text/html" }, ownMessage: true }]
]

describe("the lean transport reads answers as the SDK does", () => {
  it("the generated shapes are the installed SDK's", () => {
    expect(readFileSync(target, "utf8")).toBe(render())
  })

  it("the compact shapes decode to the tables the generator read from the SDK's schemas", () => {
    const { shapes, outputs, errors } = tables()
    expect({ shapes: Shapes.shapes, outputs: Shapes.outputs, errors: Shapes.errors }).toEqual({ shapes, outputs, errors })
    expect(Object.keys(Shapes.outputs)).toEqual(Object.keys(outputs))
    const getItem = Shapes.shapes[Shapes.outputs["GetItem"]! - 3]!
    expect(Object.keys(getItem)).toEqual(["Item", "ConsumedCapacity"])
    expect(Shapes.shapes[(getItem as Record<string, number>)["Item"]! - 3]).toEqual(["M", 2])
    expect(Object.keys(Shapes.errors).sort()).toEqual(["ConditionalCheckFailedException", "ProvisionedThroughputExceededException", "ThrottlingException", "TransactionCanceledException"])
  })

  T.scoped.each(cases)("%s", ([, canned]) =>
    Effect.gen(function* () {
      const { sdk, lean } = yield* both(canned)
      if (canned.ownMessage) {
        expect(lean).toEqual({ error: { ...(sdk as { error: object }).error, message: expect.stringContaining("not DynamoDB's JSON") } })
      } else {
        expect(lean).toEqual(sdk)
      }
    }))

  T.scoped("an attribute named __proto__ is an own attribute, not the prototype", () =>
    Effect.gen(function* () {
      const { lean } = yield* both(cases[0]![1])
      const item = (lean as { output: { Item: Record<string, unknown> } }).output.Item
      expect(Object.getPrototypeOf(item)).toBe(Object.prototype)
      expect(Object.hasOwn(item, "__proto__")).toBe(true)
    }))
})

describe("x-amz-crc32", () => {
  const body = '{"Item":{"id":{"S":"u1"}}}'

  T.scoped("a body that matches its CRC32 is read", () =>
    Effect.gen(function* () {
      const { lean } = yield* both({ operation: "GetItem", status: 200, body, headers: { "x-amz-crc32": String(crc32(Buffer.from(body))) } })
      expect(lean).toMatchObject({ output: { Item: { id: { S: "u1" } } } })
    }))

  T.scoped("a damaged body fails as a transport error, never as an answer", () =>
    Effect.gen(function* () {
      const s = yield* server((_, res) => {
        res.writeHead(200, { "x-amz-crc32": String(crc32(Buffer.from(body)) ^ 1) })
        res.end(body)
      })
      const { lean } = yield* Effect.succeed(null).pipe(
        Effect.andThen(outcome(HttpClient.layer({ region: "local", endpoint: endpointOf(s), credentials }), { operation: "GetItem", status: 200, body })),
        Effect.map((lean) => ({ lean }))
      )
      expect(lean).toMatchObject({ error: { _tag: "TransportError", reason: "ChecksumMismatch" } })
      expect((lean as { error: { message: string } }).error.message).toContain("CRC32")
      expect(Retry.isRetryable((lean as { error: DynamoError }).error)).toBe(true)
    }))

  // `it.live`: the retry's delay must really pass.
  it.live("execute tries a damaged answer's request again", () =>
    Effect.scoped(Effect.gen(function* () {
      let requests = 0
      const s = yield* server((req, res) => {
        req.resume()
        req.on("end", () => {
          requests++
          res.writeHead(200, { "x-amz-crc32": String(crc32(Buffer.from(body)) ^ (requests === 1 ? 1 : 0)) })
          res.end(body)
        })
      })
      const found = yield* execute(find("users", { id: "u1" })).pipe(
        Effect.provide(HttpClient.layer({ region: "local", endpoint: endpointOf(s), credentials }))
      )
      expect(found.item).toEqual({ id: "u1" })
      expect(requests).toBe(2)
    })))

  it("is the standard CRC32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926)
  })
})
