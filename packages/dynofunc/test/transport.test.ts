import { describe, expect, it } from "@effect/vitest"
import { Deferred, type Duration, Effect, Layer, Redacted, Schedule } from "effect"
import { DynamoClient, HttpClient, Retry, describe as describeTable, execute } from "dynofunc"
import { endpointOf, server } from "./support/httpServer.js"
import * as A from "#adapter"
import * as T from "#test-effect"

const credentials = { accessKeyId: "test", secretAccessKey: Redacted.make("test") }

/** Both transports fail alike: the same tags and reasons. */
const transports = [
  ["the SDK", (endpoint: string, requestTimeout?: Duration.DurationInput) => DynamoClient.layer({ region: "local", endpoint, credentials, maxAttempts: 1, requestTimeout })],
  ["the lean transport", (endpoint: string, requestTimeout?: Duration.DurationInput) => HttpClient.layer({ region: "local", endpoint, credentials, requestTimeout })],
  [
    "the lean transport on undici",
    (endpoint: string, requestTimeout?: Duration.DurationInput) =>
      HttpClient.layer({ region: "local", endpoint, credentials, requestTimeout, connections: HttpClient.undiciPool(() => import("undici")) })
  ]
] as const

describe.each(transports)("transport failures on %s", (_, transport) => {
  /** A client to `endpoint`, each request tried once. */
  const clientFor = (endpoint: string) => Layer.merge(transport(endpoint, "300 millis"), Layer.succeed(Retry.Policy, Schedule.recurs(0)))

  T.scoped("connection refused", () =>
    Effect.gen(function* () {
      const s = yield* server((_, res) => res.end())
      const endpoint = endpointOf(s)
      yield* A.async<void>((resume) => {
        s.close(() => resume(Effect.void))
      })
      const error = yield* execute(describeTable("users")).pipe(Effect.flip, Effect.provide(clientFor(endpoint)))
      expect(error).toMatchObject({ _tag: "TransportError", reason: "ConnectionRefused" })
    }))

  T.scoped("a connection closed before the answer is a reset", () =>
    Effect.gen(function* () {
      const s = yield* server((req) => req.socket.destroy())
      const error = yield* execute(describeTable("users")).pipe(Effect.flip, Effect.provide(clientFor(endpointOf(s))))
      expect(error).toMatchObject({ _tag: "TransportError", reason: "ConnectionReset" })
    }))

  T.scoped("a 502 from something that is not DynamoDB is a bad gateway", () =>
    Effect.gen(function* () {
      const s = yield* server((_, res) => {
        res.writeHead(502, { "content-type": "text/html" })
        res.end("<html><body>Bad Gateway</body></html>")
      })
      const error = yield* execute(describeTable("users")).pipe(Effect.flip, Effect.provide(clientFor(endpointOf(s))))
      expect(error).toMatchObject({ _tag: "TransportError", reason: "BadGateway", statusCode: 502 })
    }))

  T.scoped("a server that never answers times out", () =>
    Effect.gen(function* () {
      const s = yield* server(() => {})
      const error = yield* execute(describeTable("users")).pipe(Effect.flip, Effect.provide(clientFor(endpointOf(s))))
      expect(error).toMatchObject({ _tag: "TransportError", reason: "Timeout" })
    }))

  it.live("interrupting execute aborts the HTTP request", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const arrived = yield* Deferred.make<void>()
        const closed = yield* Deferred.make<void>()
        const s = yield* server((req) => {
          A.deferredDoneUnsafe(arrived, Effect.void)
          req.socket.on("close", () => A.deferredDoneUnsafe(closed, Effect.void))
        })
        const layer = transport(endpointOf(s))
        const fiber = yield* T.fork(Effect.provide(execute(describeTable("users")), layer))
        yield* Deferred.await(arrived)
        yield* T.interrupt(fiber)
        yield* A.timeoutFail(Deferred.await(closed), "2 seconds", () => "socket still open")
      })
    ))
})
