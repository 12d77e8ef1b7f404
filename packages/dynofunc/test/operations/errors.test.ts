import { describe, expect, it } from "@effect/vitest"
import { Effect, Schedule } from "effect"
import { DynamoClient, execute, Retry, transactWriteItems, type CommandName, type DynamoError, type Operation } from "dynofunc"
import { tagOf } from "../../../core/scripts/generate-commands.js"
import { commandErrors } from "@dynofunc/core/internal/builders/commands.generated"
import { modelledAwsNames } from "../../src/internal/execution/toDynamoError.js"
import { samples } from "./samples.js"

const awsError = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  message: `${name} happened`,
  $fault: "client",
  $metadata: { httpStatusCode: 400, requestId: "r1" },
  ...extra
})

/** What running `name`'s sample fails with when the engine answers `aws` (tried once). */
const failure = (name: CommandName, error: unknown) =>
  Effect.flip(
    Effect.provide(
      execute(samples[name].op as Operation<CommandName, unknown>) as Effect.Effect<unknown, DynamoError, DynamoClient.DynamoClient>,
      DynamoClient.layerTest(() => Effect.fail(error))
    )
  ).pipe(Effect.provideService(Retry.Policy, Schedule.recurs(0)))

const names = Object.keys(samples) as Array<CommandName>

describe("each operation's error mapping", () => {
  it.effect.each(names)("%s: every error the SDK declares comes out as its tag", (name) =>
    Effect.gen(function* () {
      for (const aws of commandErrors[name]) {
        const error = yield* failure(name, awsError(aws))
        expect({ aws, tag: error._tag }).toEqual({ aws, tag: tagOf(aws) })
        expect(error).toMatchObject({ code: aws, message: `${aws} happened`, requestId: "r1", statusCode: 400 })
      }
    }))

  it.effect.each(names)("%s: a modelled error it does not declare is an UnknownAwsError keeping its code", (name) =>
    Effect.gen(function* () {
      const undeclared = modelledAwsNames.filter((aws) => !commandErrors[name].includes(aws))
      expect(undeclared.length).toBeGreaterThan(0)
      for (const aws of undeclared) {
        const error = yield* failure(name, awsError(aws))
        expect({ aws, tag: error._tag, code: (error as { code?: string }).code }).toEqual({ aws, tag: "UnknownAwsError", code: aws })
      }
    }))

  it.effect.each(names)("%s: the errors any call can meet", (name) =>
    Effect.gen(function* () {
      const common = [
        ["ValidationException", "ValidationError"],
        ["UnknownOperationException", "UnknownOperationError"],
        ["UnrecognizedClientException", "AuthenticationError"],
        ["AccessDeniedException", "AccessDeniedError"],
        ["SomethingNewException", "UnknownAwsError"]
      ] as const
      for (const [aws, tag] of common) {
        expect((yield* failure(name, awsError(aws)))._tag).toBe(tag)
      }
      const refused = yield* failure(name, Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }))
      expect(refused).toMatchObject({ _tag: "TransportError", reason: "ConnectionRefused" })
    }))

  it.effect("a cancelled transaction carries one reason per action, items decoded", () =>
    Effect.gen(function* () {
      const error = yield* failure(
        "TransactWriteItems",
        awsError("TransactionCanceledException", {
          CancellationReasons: [{ Code: "None" }, { Code: "ConditionalCheckFailed", Message: "no", Item: { id: { S: "u1" } } }]
        })
      )
      expect(error._tag).toBe("TransactionCanceledError")
      expect((error as { reasons: ReadonlyArray<unknown> }).reasons).toMatchObject([
        { code: "None" },
        { code: "ConditionalCheckFailed", message: "no", item: { id: "u1" } }
      ])
    }))

  it.effect("a transaction over 100 actions is refused before sending", () =>
    Effect.gen(function* () {
      const op = transactWriteItems(Array.from({ length: 101 }, (_, i) => ({ Delete: { TableName: "users", Key: { id: { S: `u${i}` } } } })))
      const error = yield* Effect.flip(Effect.provide(execute(op), DynamoClient.layerTest(() => Effect.die("sent"))))
      expect(error._tag).toBe("InvalidInputError")
    }))
})
