import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb"
import type { Server } from "node:http"
import { describe, expect } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { attr, DynamoClient, execute, find, query } from "dynofunc"
import { protocol } from "dynofunc/sdk"
import { endpointOf, server } from "./support/httpServer.js"
import * as T from "#test-effect"

/** A loopback DynamoDB that answers every request with `body`, written by hand as DynamoDB writes it. */
const answering = (body: string) =>
  server((_, res) => {
    res.writeHead(200, { "content-type": "application/x-amz-json-1.0" })
    res.end(body)
  })

const credentials = { accessKeyId: "test", secretAccessKey: "test" }

/** A `DynamoClient` built by dynofunc over the loopback server. */
const clientOf = (s: Server) =>
  DynamoClient.layer({ region: "local", endpoint: endpointOf(s), credentials: { ...credentials, secretAccessKey: Redacted.make("test") } })

/** An SDK client of your own over the loopback server (destroyed with the scope), given as a `DynamoClient`. */
const ownClientOf = (s: Server, config: DynamoDBClientConfig) =>
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => new DynamoDBClient({ ...config, region: "local", endpoint: endpointOf(s), credentials })),
      (sdk) => Effect.sync(() => sdk.destroy())
    ),
    DynamoClient.layerFromSdk
  )

describe("responses read from the wire", () => {
  // The SDK's own reader loses a top-level attribute named `__proto__` (see src/internal/execution/sdkProtocol.ts).
  T.scoped("an attribute named __proto__ is kept, at the top level and nested", () =>
    Effect.gen(function* () {
      const layer = clientOf(
        yield* answering(`{"Item":{"pk":{"S":"a"},"__proto__":{"M":{"__proto__":{"N":"1"},"x":{"S":"y"}}},"n":{"N":"2"}}}`)
      )
      const { item } = yield* execute(find("users", { pk: "a" })).pipe(Effect.provide(layer))
      expect(Object.keys(item!)).toEqual(["pk", "__proto__", "n"])
      const nested = Object.getOwnPropertyDescriptor(item, "__proto__")?.value as object
      expect(Object.getPrototypeOf(item)).toBe(Object.prototype)
      expect(Object.getOwnPropertyDescriptor(nested, "__proto__")?.value).toBe(1)
      expect(Object.getOwnPropertyDescriptor(nested, "x")?.value).toBe("y")
    }))

  T.scoped("query items and the last evaluated key keep __proto__ too", () =>
    Effect.gen(function* () {
      const layer = clientOf(yield* answering(
        `{"Items":[{"pk":{"S":"a"},"__proto__":{"S":"p"}}],"Count":1,"ScannedCount":1,` +
          `"LastEvaluatedKey":{"pk":{"S":"a"},"__proto__":{"S":"p"}}}`
      ))
      const result = yield* execute(query("users", attr("pk").equals("a"))).pipe(Effect.provide(layer))
      expect(Object.getOwnPropertyDescriptor(result.items[0], "__proto__")?.value).toBe("p")
      expect(Object.getOwnPropertyDescriptor(result.lastKey, "__proto__")?.value).toBe("p")
    }))

  T.scoped("an SDK client built with dynofunc/sdk's protocol keeps __proto__ through layerFromSdk", () =>
    Effect.gen(function* () {
      const s = yield* answering(`{"Item":{"pk":{"S":"a"},"__proto__":{"S":"p"}}}`)
      const layer = yield* ownClientOf(s, { protocol })
      const { item } = yield* execute(find("users", { pk: "a" })).pipe(Effect.provide(layer))
      expect(Object.getOwnPropertyDescriptor(item, "__proto__")?.value).toBe("p")
    }))

  T.scoped("a stock SDK client loses __proto__: the call fails saying how to fix it, instead of dropping the attribute", () =>
    Effect.gen(function* () {
      const s = yield* answering(`{"Item":{"pk":{"S":"a"},"__proto__":{"S":"p"}}}`)
      const layer = yield* ownClientOf(s, {})
      const error = yield* execute(find("users", { pk: "a" })).pipe(Effect.provide(layer), Effect.flip)
      expect(error).toMatchObject({ _tag: "MalformedResponseError", operation: "GetItem" })
      expect(error._tag === "MalformedResponseError" && error.problem).toContain("Item.__proto__: the SDK client lost")
      expect(error.message).toContain("`protocol` from `dynofunc/sdk`")
    }))
})
