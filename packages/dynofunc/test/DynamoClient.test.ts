import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import { Config, Effect, Redacted } from "effect"
import * as A from "#adapter"
import * as T from "#test-effect"
import { DynamoClient, execute, listTables } from "dynofunc"

const sdkOf = Effect.map(DynamoClient.DynamoClient, (service) => service.sdk!)

describe("DynamoClient", () => {
  it.effect("layer builds an SDK client from the config", () =>
    Effect.gen(function* () {
      const layer = DynamoClient.layer({
        region: "eu-west-3",
        endpoint: "http://127.0.0.1:1",
        credentials: { accessKeyId: "AKID", secretAccessKey: Redacted.make("SECRET"), sessionToken: Redacted.make("TOKEN") },
        maxAttempts: 2
      })
      const sdk = yield* Effect.provide(sdkOf, layer)
      expect(yield* Effect.promise(() => sdk.config.region())).toBe("eu-west-3")
      expect(yield* Effect.promise(() => sdk.config.maxAttempts())).toBe(2)
      const credentials = yield* Effect.promise(() => sdk.config.credentials())
      expect(credentials).toMatchObject({ accessKeyId: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN" })
    }))

  it.effect("layer destroys the SDK client when the layer is released", () =>
    Effect.gen(function* () {
      let destroyed = 0
      const original = DynamoDBClient.prototype.destroy
      DynamoDBClient.prototype.destroy = function (this: DynamoDBClient) {
        destroyed++
        original.call(this)
      }
      try {
        yield* Effect.provide(sdkOf, DynamoClient.layer({ region: "eu-west-1" }))
        expect(destroyed).toBe(1)
      } finally {
        DynamoDBClient.prototype.destroy = original
      }
    }))

  it.effect("layerConfig reads Effect Config; secrets stay Redacted until the SDK needs them", () =>
    Effect.gen(function* () {
      const layer = DynamoClient.layerConfig({
        region: A.configString("AWS_REGION"),
        endpoint: A.configString("DYNAMODB_ENDPOINT"),
        credentials: Config.all({
          accessKeyId: A.configString("AWS_ACCESS_KEY_ID"),
          secretAccessKey: T.configRedacted("AWS_SECRET_ACCESS_KEY")
        })
      })
      const sdk = yield* Effect.provide(sdkOf, layer).pipe(
        T.withConfigValues({ AWS_REGION: "ap-south-1", DYNAMODB_ENDPOINT: "http://127.0.0.1:4567", AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: "shh" })
      )
      expect(yield* Effect.promise(() => sdk.config.region())).toBe("ap-south-1")
      const endpoint = yield* Effect.promise(() => (sdk.config.endpoint as () => Promise<{ hostname: string; port?: number }>)())
      expect(endpoint).toMatchObject({ hostname: "127.0.0.1", port: 4567 })
      expect(yield* Effect.promise(() => sdk.config.credentials())).toMatchObject({ accessKeyId: "id", secretAccessKey: "shh" })
    }))

  it.effect("layerConfig fails with a ConfigError when a setting is missing", () =>
    Effect.gen(function* () {
      const error = yield* Effect.provide(sdkOf, DynamoClient.layerConfig({ region: A.configString("NO_SUCH_REGION_VAR") })).pipe(
        T.withConfigValues({}),
        Effect.flip
      )
      expect(T.isConfigError(error)).toBe(true)
      expect(String(error)).toContain("NO_SUCH_REGION_VAR")
    }))

  it.effect("layerFromSdk uses the given client and leaves it open", () =>
    Effect.gen(function* () {
      const mine = new DynamoDBClient({ region: "us-east-1" })
      let destroyed = false
      mine.destroy = () => void (destroyed = true)
      const sdk = yield* Effect.provide(sdkOf, DynamoClient.layerFromSdk(mine))
      expect(sdk).toBe(mine)
      expect(destroyed).toBe(false)
    }))

  it.effect("a send that can be interrupted carries an abort signal; an uninterruptible one (a batch request) goes without", () =>
    Effect.gen(function* () {
      const mine = new DynamoDBClient({ region: "us-east-1" })
      const signals: Array<AbortSignal | undefined> = []
      mine.send = ((_command: unknown, options?: { readonly abortSignal?: AbortSignal }) => {
        signals.push(options?.abortSignal)
        return Promise.resolve({ TableNames: [] })
      }) as typeof mine.send
      const list = Effect.provide(execute(listTables()), DynamoClient.layerFromSdk(mine))
      yield* list
      yield* Effect.uninterruptible(list)
      expect(signals).toHaveLength(2)
      expect(signals[0]).toBeInstanceOf(AbortSignal)
      expect(signals[1]).toBeUndefined()
    }))
})
