import { readFileSync } from "node:fs"
import * as Sdk from "@aws-sdk/client-dynamodb"
import { describe, expect, expectTypeOf, it } from "@effect/vitest"
import type { Effect } from "effect"
import {
  execute,
  getItem,
  transactWriteItems,
  type ConditionalCheckFailedError,
  type CommonError,
  type DynamoClient,
  type ErrorOf,
  type FindResult,
  type IdempotentParameterMismatchError,
  type InternalServerError,
  type InvalidEndpointError,
  type ItemCollectionSizeLimitExceededError,
  type ProvisionedThroughputExceededError,
  type ReplicatedWriteConflictError,
  type RequestLimitExceededError,
  type ResourceNotFoundError,
  type ThrottlingError,
  type TransactionCanceledError,
  type TransactionConflictError,
  type TransactionInProgressError
} from "dynofunc"
import { readSdkCommands, render, tagOf, target } from "../../core/scripts/generate-commands.js"
import { commandErrors, commandNames, type Commands } from "@dynofunc/core/internal/builders/commands.generated"
import { modelledAwsNames } from "../src/internal/execution/toDynamoError.js"

describe("commands.generated.ts", () => {
  it("is what the generator renders from the installed SDK", () => {
    expect(readFileSync(target, "utf8")).toBe(render())
  })

  it("holds every command of the SDK (62 in this version)", () => {
    const commands = readSdkCommands()
    expect(commands).toHaveLength(62)
    for (const { name } of commands) expect(typeof (Sdk as unknown as Record<string, unknown>)[`${name}Command`]).toBe("function")
  })

  it("decodes to each command's declared errors, as the SDK's doc comments list them, in the SDK's order of commands", () => {
    const commands = readSdkCommands()
    expect(commandNames).toEqual(commands.map(({ name }) => name))
    expect(commandErrors).toEqual(Object.fromEntries(commands.map(({ name, throws }) => [name, throws])))
    expect(commandErrors.GetItem).toEqual(["InternalServerError", "InvalidEndpointException", "ProvisionedThroughputExceededException", "RequestLimitExceeded", "ResourceNotFoundException", "ThrottlingException"])
    expect(commandErrors.DescribeEndpoints).toEqual([])
  })

  it("every SDK exception class has a dynofunc class, and nothing more", () => {
    const exceptions = Object.entries(Sdk)
      .filter(([, value]) => typeof value === "function" && value.prototype instanceof Sdk.DynamoDBServiceException)
      .map(([name]) => name)
      .sort()
    expect([...modelledAwsNames].sort()).toEqual(exceptions)
  })

  it("every error a command declares is one of the SDK's exception classes", () => {
    const declared = new Set(readSdkCommands().flatMap((command) => command.throws))
    expect([...declared].filter((name) => !modelledAwsNames.includes(name))).toEqual([])
  })

  it("tags follow one rule: Exception → Error", () => {
    expect(tagOf("ResourceNotFoundException")).toBe("ResourceNotFoundError")
    expect(tagOf("InternalServerError")).toBe("InternalServerError")
    expect(tagOf("RequestLimitExceeded")).toBe("RequestLimitExceededError")
  })
})

describe("error unions, checked by the compiler", () => {
  it("ErrorOf<GetItem> is exactly what the SDK declares for GetItem, and the common errors", () => {
    expectTypeOf<ErrorOf<"GetItem">>().toEqualTypeOf<
      | InternalServerError
      | InvalidEndpointError
      | ProvisionedThroughputExceededError
      | RequestLimitExceededError
      | ResourceNotFoundError
      | ThrottlingError
      | CommonError
    >()
  })

  it("ErrorOf<PutItem> has the condition and collection errors; GetItem's has neither", () => {
    expectTypeOf<ErrorOf<"PutItem">>().toEqualTypeOf<
      | ConditionalCheckFailedError
      | InternalServerError
      | InvalidEndpointError
      | ItemCollectionSizeLimitExceededError
      | ProvisionedThroughputExceededError
      | ReplicatedWriteConflictError
      | RequestLimitExceededError
      | ResourceNotFoundError
      | ThrottlingError
      | TransactionConflictError
      | CommonError
    >()
    expectTypeOf<ConditionalCheckFailedError>().not.toMatchTypeOf<ErrorOf<"GetItem">>()
  })

  it("a command that declares nothing can only meet the common errors", () => {
    expectTypeOf<ErrorOf<"DescribeEndpoints">>().toEqualTypeOf<CommonError>()
    expectTypeOf<Commands["DescribeEndpoints"]["errors"]>().toEqualTypeOf<never>()
  })

  it("execute narrows to the operation's own union", () => {
    expectTypeOf(execute(getItem("users", { id: "u1" }))).toEqualTypeOf<Effect.Effect<FindResult, ErrorOf<"GetItem">, DynamoClient.DynamoClient>>()
    expectTypeOf<Effect.Effect.Error<ReturnType<typeof execute<"TransactWriteItems", unknown>>>>().toEqualTypeOf<
      | IdempotentParameterMismatchError
      | InternalServerError
      | InvalidEndpointError
      | ProvisionedThroughputExceededError
      | RequestLimitExceededError
      | ResourceNotFoundError
      | ThrottlingError
      | TransactionCanceledError
      | TransactionInProgressError
      | CommonError
    >()
    expectTypeOf(transactWriteItems([]).name).toEqualTypeOf<"TransactWriteItems">()
  })
})
