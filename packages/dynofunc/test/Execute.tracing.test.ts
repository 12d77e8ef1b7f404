import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Layer, Option, type Tracer } from "effect"
import {
  DynamoClient,
  add,
  batchGetItem,
  batchWriteItem,
  describeTable,
  execute,
  executeStatement,
  find,
  makeOperation,
  query,
  remove,
  scan,
  transactGetItems,
  transactWriteItems,
  type AnyOperation
} from "dynofunc"
import { recordingTracer } from "./support/tracing.js"

const getItem = makeOperation({
  name: "GetItem",
  description: { TableName: "users", Key: { id: { S: "u1" } } },
  decode: (raw) => raw.Item
})

const answering = DynamoClient.layerTest(() =>
  Effect.withSpan(Effect.succeed({ Item: { id: { S: "u1" } }, $metadata: {} }), "handler")
)

const failing = DynamoClient.layerTest(() =>
  Effect.fail({ name: "ResourceNotFoundException", message: "no table", $fault: "client", $metadata: {} })
)

describe("execute tracing", () => {
  it.effect("with a tracer installed, every call is a client span, the parent of what the client does", () =>
    Effect.gen(function* () {
      const { spans, tracer } = recordingTracer()
      yield* execute(getItem).pipe(Effect.provide(answering), Effect.withTracer(tracer))
      yield* execute(getItem).pipe(Effect.provide(answering), Effect.withTracer(tracer))
      const calls = spans.filter((s) => s.name === "DynamoDB.GetItem")
      expect(calls).toHaveLength(2)
      const [call] = calls
      expect(call!.kind).toBe("client")
      expect(Object.fromEntries(call!.attributes)).toEqual({
        "db.system.name": "aws.dynamodb",
        "rpc.system": "aws-api",
        "rpc.service": "DynamoDB",
        "rpc.method": "GetItem",
        "aws.dynamodb.table_names": ["users"]
      })
      expect(call!.status._tag).toBe("Ended")
      const handler = spans.find((s) => s.name === "handler")!
      expect(Option.getOrUndefined(handler.parent)).toBe(call)
    }))

  it.effect("with a tracer installed, a failing call ends its span with the failure", () =>
    Effect.gen(function* () {
      const { spans, tracer } = recordingTracer()
      const error = yield* execute(getItem).pipe(Effect.provide(failing), Effect.withTracer(tracer), Effect.flip)
      expect(error._tag).toBe("ResourceNotFoundError")
      const [call] = spans.filter((s) => s.name === "DynamoDB.GetItem")
      expect(call?.status._tag).toBe("Ended")
      const status = call!.status as Extract<Tracer.SpanStatus, { _tag: "Ended" }>
      expect(Exit.isFailure(status.exit)).toBe(true)
    }))

  it.effect("with a tracer installed, a request refused before sending has its span too", () =>
    Effect.gen(function* () {
      const { spans, tracer } = recordingTracer()
      const op = makeOperation({ ...getItem, description: { ...getItem.description, TableName: "a b" } })
      yield* execute(op).pipe(Effect.provide(answering), Effect.withTracer(tracer), Effect.flip)
      expect(spans.map((s) => s.name)).toEqual(["DynamoDB.GetItem"])
    }))

  it.effect("with Effect's built-in tracer, a failure still names the operation", () =>
    Effect.gen(function* () {
      const exit = yield* execute(getItem).pipe(Effect.provide(failing), Effect.exit)
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isFailure(exit)) expect(Cause.pretty(exit.cause)).toContain("at DynamoDB.GetItem")
    }))
})

describe("span attributes by the OpenTelemetry conventions for DynamoDB", () => {
  /** The attributes of the one `DynamoDB.*` span of running `op` against a client answering `output` in `region`. */
  const attributesOf = (op: AnyOperation, output: unknown = {}, region?: string) =>
    Effect.gen(function* () {
      const { spans, tracer } = recordingTracer()
      const layer = Layer.succeed(DynamoClient.DynamoClient, { sdk: undefined, region, send: () => Effect.succeed(output) as Effect.Effect<never> })
      yield* Effect.exit(execute(op).pipe(Effect.provide(layer), Effect.withTracer(tracer)))
      const [span] = spans.filter((s) => s.name.startsWith("DynamoDB."))
      return Object.fromEntries(span!.attributes)
    })

  const common = (method: string) => ({ "db.system.name": "aws.dynamodb", "rpc.system": "aws-api", "rpc.service": "DynamoDB", "rpc.method": method })

  it.effect("an item read: table, consistent read and projection (never the key), region and request id", () =>
    Effect.gen(function* () {
      const attributes = yield* attributesOf(find("users", { id: "KEY-1" }, { consistent: false, projection: ["name"] }), { $metadata: { requestId: "REQ-9" } }, "eu-west-1")
      expect(attributes).toEqual({
        ...common("GetItem"),
        "cloud.region": "eu-west-1",
        "aws.dynamodb.table_names": ["users"],
        "aws.dynamodb.consistent_read": false,
        "aws.dynamodb.projection": "#n0",
        "aws.request_id": "REQ-9"
      })
      expect(JSON.stringify(attributes)).not.toContain("KEY-1")
    }))

  it.effect("a query: index, limit, order, select, counts and consumed capacity, falsy values kept", () =>
    Effect.gen(function* () {
      const op = query({ TableName: "posts", IndexName: "byDate", Limit: 1, ScanIndexForward: false, Select: "COUNT", KeyConditionExpression: "a = :a", ExpressionAttributeValues: { ":a": { S: "VALUE-1" } } })
      const attributes = yield* attributesOf(op, { Count: 0, ScannedCount: 0, ConsumedCapacity: { TableName: "posts", CapacityUnits: 0.5 } })
      expect(attributes).toEqual({
        ...common("Query"),
        "aws.dynamodb.table_names": ["posts"],
        "aws.dynamodb.index_name": "byDate",
        "aws.dynamodb.limit": 1,
        "aws.dynamodb.scan_forward": false,
        "aws.dynamodb.select": "COUNT",
        "aws.dynamodb.count": 0,
        "aws.dynamodb.scanned_count": 0,
        "aws.dynamodb.consumed_capacity": [`{"TableName":"posts","CapacityUnits":0.5}`]
      })
      expect(JSON.stringify(attributes)).not.toContain("VALUE-1")
    }))

  it.effect("a parallel scan segment: segment 0 and the total", () =>
    Effect.gen(function* () {
      const attributes = yield* attributesOf(scan({ TableName: "things", Segment: 0, TotalSegments: 4 }), { Count: 2, ScannedCount: 3 })
      expect(attributes).toMatchObject({ "aws.dynamodb.segment": 0, "aws.dynamodb.total_segments": 4, "aws.dynamodb.count": 2, "aws.dynamodb.scanned_count": 3 })
    }))

  it.effect("batches and transactions: every table they touch", () =>
    Effect.gen(function* () {
      expect((yield* attributesOf(batchGetItem({ users: [{ id: "u1" }], orders: [{ id: "o1" }] })))["aws.dynamodb.table_names"]).toEqual(["users", "orders"])
      expect((yield* attributesOf(batchWriteItem({ users: [{ put: { id: "u1" } }] })))["aws.dynamodb.table_names"]).toEqual(["users"])
      const transaction = transactWriteItems([add("users", { id: "u1" }), remove("orders", { id: "o1" }), add("users", { id: "u2" })])
      expect((yield* attributesOf(transaction))["aws.dynamodb.table_names"]).toEqual(["users", "orders"])
      expect((yield* attributesOf(transactGetItems([find("carts", { id: "c1" })])))["aws.dynamodb.table_names"]).toEqual(["carts"])
    }))

  it.effect("PartiQL and control-plane calls: the common attributes, the table when named", () =>
    Effect.gen(function* () {
      expect(yield* attributesOf(executeStatement("SELECT * FROM users WHERE id = ?", ["SECRET-ID"]))).toEqual(common("ExecuteStatement"))
      expect(yield* attributesOf(describeTable("users"))).toEqual({ ...common("DescribeTable"), "aws.dynamodb.table_names": ["users"] })
    }))

  it.effect("a failed call records the request id of the error", () =>
    Effect.gen(function* () {
      const { spans, tracer } = recordingTracer()
      yield* execute(getItem).pipe(Effect.provide(failing), Effect.withTracer(tracer), Effect.flip)
      const failingWithId = DynamoClient.layerTest(() => Effect.fail({ name: "ValidationException", message: "bad", $metadata: { requestId: "REQ-E" } }))
      yield* execute(getItem).pipe(Effect.provide(failingWithId), Effect.withTracer(tracer), Effect.flip)
      expect(Object.fromEntries(spans.at(-1)!.attributes)["aws.request_id"]).toBe("REQ-E")
    }))
})
