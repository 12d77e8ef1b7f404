import { describe, expect, it } from "@effect/vitest"
import { Effect, Fiber, type Layer, Schedule } from "effect"
import { DynamoClient, execute, makeOperation, Retry, type DynamoError } from "dynofunc"
import * as T from "#test-effect"

const getItem = makeOperation({
  name: "GetItem",
  description: { TableName: "users", Key: { id: { S: "u1" } } },
  decode: (raw) => raw.Item
})

const failWith = (error: unknown) => DynamoClient.layerTest(() => Effect.fail(error))

const awsError = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  message: `${name} happened`,
  $fault: "client",
  $metadata: { httpStatusCode: 400, requestId: "req-1" },
  ...extra
})

/** The error `effect` fails with on `layer`, tried once (retries are `Retry.test.ts`'s). */
const failureOf = <A>(effect: Effect.Effect<A, DynamoError, DynamoClient.DynamoClient>, layer: Layer.Layer<DynamoClient.DynamoClient>) =>
  Effect.flip(Effect.provide(effect, layer)).pipe(Effect.provideService(Retry.Policy, Schedule.recurs(0)))

describe("execute", () => {
  it.effect("sends the description with its command and decodes the output", () =>
    Effect.gen(function* () {
      const seen: Array<unknown> = []
      const layer = DynamoClient.layerTest((request) => {
        seen.push(request)
        return Effect.succeed({ Item: { id: { S: "u1" } }, $metadata: {} })
      })
      const item = yield* Effect.provide(execute(getItem), layer)
      expect(item).toEqual({ id: { S: "u1" } })
      expect(seen).toEqual([{ operation: "GetItem", input: getItem.description }])
    }))

  it.effect("maps a declared AWS error to its tag, keeping code, message and request id", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(execute(getItem), failWith(awsError("ResourceNotFoundException")))
      expect(error._tag).toBe("ResourceNotFoundError")
      expect(error).toMatchObject({ code: "ResourceNotFoundException", message: "ResourceNotFoundException happened", requestId: "req-1", statusCode: 400 })
    }))

  it.effect("an AWS error the operation does not declare keeps its code as UnknownAwsError", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(execute(getItem), failWith(awsError("TransactionCanceledException")))
      expect(error._tag).toBe("UnknownAwsError")
      expect(error).toMatchObject({ code: "TransactionCanceledException" })
    }))

  it.effect("DynamoDB Local's short codes (DuplicateItem) map like DynamoDB's, keeping the code sent", () =>
    Effect.gen(function* () {
      const op = makeOperation({ name: "ExecuteStatement", description: { Statement: "INSERT" }, decode: () => undefined })
      const error = yield* failureOf(execute(op), failWith(awsError("DuplicateItem")))
      expect(error).toMatchObject({ _tag: "DuplicateItemError", code: "DuplicateItem" })
    }))

  it.effect("an unmodelled AWS code keeps its name", () =>
    Effect.gen(function* () {
      const error = yield* failureOf(execute(getItem), failWith(awsError("SomethingNewException")))
      expect(error).toMatchObject({ _tag: "UnknownAwsError", code: "SomethingNewException", requestId: "req-1" })
    }))

  it.effect.each([
    ["ValidationException", "ValidationError"],
    ["UnknownOperationException", "UnknownOperationError"],
    ["UnrecognizedClientException", "AuthenticationError"],
    ["MissingAuthenticationTokenException", "AuthenticationError"],
    ["ExpiredTokenException", "AuthenticationError"],
    ["AccessDeniedException", "AccessDeniedError"]
  ] as const)("common error %s becomes %s", ([code, tag]) =>
    Effect.gen(function* () {
      const error = yield* failureOf(execute(getItem), failWith(awsError(code)))
      expect(error).toMatchObject({ _tag: tag, code })
    }))

  it.effect("ConditionalCheckFailedError carries the current item", () =>
    Effect.gen(function* () {
      const op = makeOperation({
        name: "PutItem",
        description: { TableName: "users", Item: { id: { S: "u1" } } },
        decode: () => undefined
      })
      const error = yield* failureOf(execute(op), failWith(awsError("ConditionalCheckFailedException", { Item: { id: { S: "u1" }, n: { N: "2" } } })))
      expect(error).toMatchObject({ _tag: "ConditionalCheckFailedError", item: { id: "u1", n: 2 } })
    }))

  it.effect("TransactionCanceledError carries one reason per action", () =>
    Effect.gen(function* () {
      const op = makeOperation({
        name: "TransactWriteItems",
        description: { TransactItems: [{ Put: { TableName: "users", Item: { id: { S: "b" } } } }, { Delete: { TableName: "users", Key: { id: { S: "a" } } } }] },
        decode: () => undefined
      })
      const reasons = [{ Code: "None" }, { Code: "ConditionalCheckFailed", Message: "no", Item: { id: { S: "a" } } }]
      const error = yield* failureOf(execute(op), failWith(awsError("TransactionCanceledException", { CancellationReasons: reasons })))
      expect(error._tag).toBe("TransactionCanceledError")
      if (error._tag !== "TransactionCanceledError") return
      expect(error.reasons.map((reason) => [reason.code, reason.item])).toEqual([["None", undefined], ["ConditionalCheckFailed", { id: "a" }]])
    }))

  it.effect("a dynofunc error from a test handler passes through as is", () =>
    Effect.gen(function* () {
      const { ThrottlingError } = yield* Effect.promise(() => import("dynofunc"))
      const error = yield* failureOf(execute(getItem), failWith(new ThrottlingError({ code: "ThrottlingException", message: "slow down" })))
      expect(error).toBeInstanceOf(ThrottlingError)
    }))

  it.effect.each([
    [{ name: "Error", code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, "ConnectionRefused"],
    [{ name: "TimeoutError", message: "timed out" }, "Timeout"],
    [{ name: "Error", message: "socket hang up", code: "ECONNRESET" }, "ConnectionReset"],
    [new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })], "all failed"), "ConnectionRefused"]
  ])("a network failure becomes a TransportError (%#)", ([cause, reason]) =>
    Effect.gen(function* () {
      const error = yield* failureOf(execute(getItem), failWith(cause))
      expect(error).toMatchObject({ _tag: "TransportError", reason })
    }))

  it.effect("a request over a DynamoDB limit fails with InvalidInputError and is never sent", () =>
    Effect.gen(function* () {
      let sent = 0
      const layer = DynamoClient.layerTest(() => Effect.sync(() => (sent++, {})))
      const op = makeOperation({ ...getItem, description: { ...getItem.description, TableName: "a b" } })
      const error = yield* failureOf(execute(op), layer)
      expect(error._tag).toBe("InvalidInputError")
      expect(error).toMatchObject({ problems: [{ part: "TableName" }] })
      expect(sent).toBe(0)
    }))

  it.effect("interrupting execute interrupts the request", () =>
    Effect.gen(function* () {
      let interrupted = false
      const layer = DynamoClient.layerTest(() => Effect.never.pipe(Effect.onInterrupt(() => Effect.sync(() => (interrupted = true)))))
      const fiber = yield* T.fork(Effect.provide(execute(getItem), layer))
      yield* T.adjustClock("1 second")
      yield* T.interrupt(fiber)
      expect(interrupted).toBe(true)
      expect(T.isInterrupted(yield* Fiber.await(fiber))).toBe(true)
    }))
})
