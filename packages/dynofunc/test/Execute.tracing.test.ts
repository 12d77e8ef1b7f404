import { GetItemCommand } from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Option, type Tracer } from "effect"
import { DynamoClient, execute, makeOperation } from "dynofunc"
import { recordingTracer } from "./support/tracing.js"

const getItem = makeOperation({
  name: "GetItem",
  command: GetItemCommand,
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
