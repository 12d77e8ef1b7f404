import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Fiber } from "effect"
import { create, createTableAndWait, deleteTableAndWait, DynamoClient, waitUntilTableActive, waitUntilTableGone } from "dynofunc"
import * as T from "#test-effect"

const notFound = { name: "ResourceNotFoundException", $fault: "client", message: "no table", $metadata: { httpStatusCode: 400 } }

/** A test client whose DescribeTable answers come from `answers`, one per call (the last one repeats). */
const scripted = (answers: ReadonlyArray<"missing" | "CREATING" | "ACTIVE" | "GSI_CREATING" | "DELETING">) => {
  const calls: Array<string> = []
  const layer = DynamoClient.layerTest((request) => {
    calls.push(request.operation)
    if (request.operation !== "DescribeTable") return Effect.succeed({ TableDescription: { TableName: "users" }, $metadata: {} })
    const answer = answers[Math.min(calls.filter((c) => c === "DescribeTable").length - 1, answers.length - 1)]!
    if (answer === "missing") return Effect.fail(notFound)
    const status = answer === "GSI_CREATING" ? "ACTIVE" : answer
    return Effect.succeed({
      Table: {
        TableName: "users",
        TableStatus: status,
        GlobalSecondaryIndexes: [{ IndexName: "by-email", IndexStatus: answer === "GSI_CREATING" ? "CREATING" : "ACTIVE" }]
      },
      $metadata: {}
    })
  })
  return { calls, layer }
}

describe("waitUntilTableActive", () => {
  it.effect("polls every interval until the table and its indexes are ACTIVE", () =>
    Effect.gen(function* () {
      const { calls, layer } = scripted(["missing", "CREATING", "GSI_CREATING", "ACTIVE"])
      const fiber = yield* T.fork(Effect.provide(waitUntilTableActive("users", { interval: "2 seconds" }), layer))
      yield* T.adjustClock("5 seconds")
      expect(calls).toHaveLength(3)
      yield* T.adjustClock("1 second")
      const table = yield* Fiber.join(fiber)
      expect(table.TableStatus).toBe("ACTIVE")
      expect(calls).toHaveLength(4)
    }))

  it.effect("fails with WaitTimeoutError after the timeout", () =>
    Effect.gen(function* () {
      const { layer } = scripted(["CREATING"])
      const fiber = yield* T.fork(Effect.flip(Effect.provide(waitUntilTableActive("users", { timeout: "30 seconds" }), layer)))
      yield* T.adjustClock("31 seconds")
      const error = yield* Fiber.join(fiber)
      expect(error._tag).toBe("WaitTimeoutError")
      expect(error).toMatchObject({ waitingFor: `table "users" to be ACTIVE`, timeout: Duration.seconds(30) })
    }))

  it.effect("fails at once with DescribeTable's other errors", () =>
    Effect.gen(function* () {
      const layer = DynamoClient.layerTest(() => Effect.fail({ ...notFound, name: "AccessDeniedException" }))
      const error = yield* Effect.flip(Effect.provide(waitUntilTableActive("users"), layer))
      expect(error._tag).toBe("AccessDeniedError")
    }))
})

describe("waitUntilTableGone and the *AndWait helpers", () => {
  it.effect("waitUntilTableGone succeeds once DescribeTable answers ResourceNotFoundException", () =>
    Effect.gen(function* () {
      const { calls, layer } = scripted(["DELETING", "DELETING", "missing"])
      const fiber = yield* T.fork(Effect.provide(waitUntilTableGone("users"), layer))
      yield* T.adjustClock("2 seconds")
      yield* Fiber.join(fiber)
      expect(calls).toHaveLength(3)
    }))

  it.effect("createTableAndWait sends CreateTable, then waits", () =>
    Effect.gen(function* () {
      const { calls, layer } = scripted(["CREATING", "ACTIVE"])
      const fiber = yield* T.fork(Effect.provide(createTableAndWait(create("users", "id")), layer))
      yield* T.adjustClock("1 second")
      const table = yield* Fiber.join(fiber)
      expect(table.TableName).toBe("users")
      expect(calls).toEqual(["CreateTable", "DescribeTable", "DescribeTable"])
    }))

  it.effect("deleteTableAndWait takes a table name", () =>
    Effect.gen(function* () {
      const { calls, layer } = scripted(["missing"])
      yield* Effect.provide(deleteTableAndWait("users"), layer)
      expect(calls).toEqual(["DeleteTable", "DescribeTable"])
    }))
})
