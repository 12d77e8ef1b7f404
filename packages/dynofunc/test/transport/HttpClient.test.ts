import type { IncomingMessage } from "node:http"
import { inspect } from "node:util"
import { describe, expect } from "@effect/vitest"
import { Cause, Config, Effect, Exit, Redacted, Schedule } from "effect"
import { HttpClient, Retry, execute, find } from "dynofunc"
import { endpointOf, server } from "../support/httpServer.js"
import { recordingTracer } from "../support/tracing.js"
import * as A from "#adapter"
import * as T from "#test-effect"

const secretAccessKey = "SECRET-KEY-that-must-never-leak"
const sessionToken = "SESSION-TOKEN-that-must-never-leak"
const credentials = { accessKeyId: "AKIDTEST", secretAccessKey: Redacted.make(secretAccessKey), sessionToken: Redacted.make(sessionToken) }

/** Everything a tracer and a logger saw, and every way a user may print an error. */
const recorder = () => {
  const seen: Array<string> = []
  const { spans, tracer } = recordingTracer()
  const logger = T.loggingTo(({ annotations, cause, message }) => {
    seen.push(inspect(message, { depth: 20 }), Cause.pretty(cause), inspect(annotations, { depth: 20 }))
  })
  const spansSeen = () =>
    spans.map((span) => inspect({ name: span.name, attributes: span.attributes, status: span.status, events: (span as unknown as { events?: unknown }).events }, { depth: 20 }))
  return { seen, tracer, logger, spansSeen }
}

/** A server answering the n-th request with `answers[n]` (and remembering the requests' headers). */
const scripted = (answers: ReadonlyArray<(request: IncomingMessage, respond: (status: number, body: string, headers?: Record<string, string>) => void) => void>) => {
  const requests: Array<IncomingMessage["headers"]> = []
  return Effect.map(
    server((request, response) => {
      const answer = answers[Math.min(requests.length, answers.length - 1)]!
      requests.push(request.headers)
      request.resume()
      answer(request, (status, body, headers) => {
        response.writeHead(status, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "REQ", ...headers })
        response.end(body)
      })
    }),
    (s) => ({ endpoint: endpointOf(s), requests })
  )
}

describe.each([
  ["node:http", HttpClient.nodeHttp],
  ["undici", HttpClient.undiciPool(() => import("undici"))]
])("no secret anywhere (%s)", (_, connections) => {
  T.scoped("not in spans, logs, errors or their printouts, whatever the call ended with", () =>
    Effect.gen(function* () {
      const { endpoint } = yield* scripted([
        (_, respond) => respond(200, '{"Item":{"id":{"S":"u1"}}}'),
        (_, respond) => respond(400, '{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}'),
        (_, respond) => respond(400, '{"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"The security token included in the request is invalid."}'),
        (_, respond) => respond(502, "<html>bad gateway</html>", { "content-type": "text/html" }),
        () => {}
      ])
      const { seen, tracer, logger, spansSeen } = recorder()
      const layer = HttpClient.layer({ region: "eu-west-1", endpoint, credentials, requestTimeout: "200 millis", connections })
      const refused = HttpClient.layer({ region: "eu-west-1", endpoint: "http://127.0.0.1:1", credentials, connections })
      // Each call tried once: the scripted answers come one per request.
      const call = execute(find("users", { id: "u1" })).pipe(Effect.provideService(Retry.Policy, Schedule.recurs(0)))
      const outcomes = [
        ...(yield* Effect.forEach([1, 2, 3, 4, 5], () => Effect.exit(Effect.provide(call, layer)))),
        yield* Effect.exit(Effect.provide(call, refused))
      ]
      expect(outcomes.map((exit) => (Exit.isSuccess(exit) ? "ok" : A.failureOption(exit.cause).pipe((o) => (o._tag === "Some" ? o.value._tag : "?"))))).toEqual([
        "ok",
        "ResourceNotFoundError",
        "AuthenticationError",
        "TransportError",
        "TransportError",
        "TransportError"
      ])
      for (const exit of outcomes) {
        yield* Effect.logError("call ended", exit).pipe(Effect.provide(logger))
        if (Exit.isFailure(exit)) {
          const error = Cause.squash(exit.cause)
          seen.push(String(error), inspect(error, { depth: 20, showHidden: true }), JSON.stringify(error) ?? "", Cause.pretty(exit.cause))
        }
      }
      yield* Effect.exit(call.pipe(Effect.provide(layer), Effect.withTracer(tracer)))
      seen.push(...spansSeen())
      expect(seen.length).toBeGreaterThan(10)
      for (const text of seen) {
        expect(text).not.toContain(secretAccessKey)
        expect(text).not.toContain(sessionToken)
        expect(text).not.toContain("Signature=")
      }
    }))

  T.scoped("the secrets go out only as the signature and the token header", () =>
    Effect.gen(function* () {
      const { endpoint, requests } = yield* scripted([(_, respond) => respond(200, "{}")])
      yield* Effect.provide(execute(find("users", { id: "u1" })), HttpClient.layer({ region: "eu-west-1", endpoint, credentials, connections }))
      const headers = requests[0]!
      expect(headers["x-amz-security-token"]).toBe(sessionToken)
      expect(headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-west-1\/dynamodb\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/)
      expect(JSON.stringify(headers)).not.toContain(secretAccessKey)
    }))
})

describe("credentials", () => {
  T.scoped("a provider is asked once for concurrent calls, and again only when its credentials are about to expire", () =>
    Effect.gen(function* () {
      const { endpoint, requests } = yield* scripted([(_, respond) => respond(200, "{}")])
      let asked = 0
      const provider = async () => {
        asked++
        await new Promise((resolve) => setTimeout(resolve, 20))
        return { accessKeyId: `AKID${asked}`, secretAccessKey: "s", expiration: new Date(Date.now() + 60 * 60 * 1000) }
      }
      const layer = HttpClient.layer({ region: "eu-west-1", endpoint, credentials: provider })
      yield* Effect.gen(function* () {
        yield* Effect.all(Array.from({ length: 8 }, () => execute(find("users", { id: "u1" }))), { concurrency: "unbounded" })
        expect(asked).toBe(1)
        yield* execute(find("users", { id: "u1" }))
        yield* execute(find("users", { id: "u1" }))
        expect(asked).toBe(1)
      }).pipe(Effect.provide(layer))
      expect(requests.map((headers) => /Credential=(\w+)\//.exec(String(headers["authorization"]))?.[1])).toEqual(Array(10).fill("AKID1"))
    }))

  T.scoped("credentials within five minutes of expiring are refreshed before the call", () =>
    Effect.gen(function* () {
      const { endpoint, requests } = yield* scripted([(_, respond) => respond(200, "{}")])
      let asked = 0
      const provider = async () => {
        asked++
        return { accessKeyId: `AKID${asked}`, secretAccessKey: "s", expiration: new Date(Date.now() + (asked === 1 ? 4 * 60 * 1000 : 60 * 60 * 1000)) }
      }
      yield* Effect.provide(
        Effect.all([execute(find("users", { id: "u1" })), execute(find("users", { id: "u1" })), execute(find("users", { id: "u1" }))]),
        HttpClient.layer({ region: "eu-west-1", endpoint, credentials: provider })
      )
      expect(asked).toBe(2)
      expect(requests.map((headers) => /Credential=(\w+)\//.exec(String(headers["authorization"]))?.[1])).toEqual(["AKID1", "AKID2", "AKID2"])
    }))

  T.scoped("a provider's failure fails the call, and the next call asks again", () =>
    Effect.gen(function* () {
      const { endpoint } = yield* scripted([(_, respond) => respond(200, "{}")])
      let asked = 0
      const provider = async () => {
        asked++
        if (asked === 1) throw Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" })
        return { accessKeyId: "AKID", secretAccessKey: "s" }
      }
      const layer = HttpClient.layer({ region: "eu-west-1", endpoint, credentials: provider })
      const [first, second] = yield* Effect.provide(
        Effect.all([Effect.flip(execute(find("users", { id: "u1" }))), execute(find("users", { id: "u1" }))]),
        layer
      )
      expect(first).toMatchObject({ _tag: "TransportError", message: "Could not load credentials from any providers" })
      expect(second.item).toBeUndefined()
      expect(asked).toBe(2)
    }))
})

describe("clock skew", () => {
  T.scoped("a server clock more than five minutes away makes the next requests signed with the server's time", () =>
    Effect.gen(function* () {
      const serverTime = Date.now() + 2 * 60 * 60 * 1000
      const { endpoint, requests } = yield* scripted([(_, respond) => respond(200, "{}", { date: new Date(serverTime).toUTCString() })])
      yield* Effect.provide(
        Effect.all([execute(find("users", { id: "u1" })), execute(find("users", { id: "u1" }))]),
        HttpClient.layer({ region: "eu-west-1", endpoint, credentials })
      )
      const signedAt = (headers: IncomingMessage["headers"]) => {
        const d = String(headers["x-amz-date"])
        return Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +d.slice(9, 11), +d.slice(11, 13), +d.slice(13, 15))
      }
      expect(Math.abs(signedAt(requests[0]!) - Date.now())).toBeLessThan(60_000)
      expect(Math.abs(signedAt(requests[1]!) - serverTime)).toBeLessThan(60_000)
    }))
})

describe("HttpClient.layerConfig", () => {
  T.scoped("reads its settings from Config and signs with them", () =>
    Effect.gen(function* () {
      const { endpoint, requests } = yield* scripted([(_, respond) => respond(200, "{}")])
      const layer = HttpClient.layerConfig({
        region: A.configString("REGION"),
        endpoint: A.configString("ENDPOINT"),
        credentials: Config.all({ accessKeyId: A.configString("KEY_ID"), secretAccessKey: T.configRedacted("SECRET") })
      })
      yield* Effect.provide(execute(find("users", { id: "u1" })), layer).pipe(T.withConfigValues({ REGION: "ap-south-1", ENDPOINT: endpoint, KEY_ID: "AKIDCONF", SECRET: "s" }))
      expect(requests[0]!["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDCONF\/\d{8}\/ap-south-1\/dynamodb\/aws4_request,/)
    }))

  T.scoped("fails with a ConfigError naming the missing setting, sending nothing", () =>
    Effect.gen(function* () {
      const { endpoint, requests } = yield* scripted([(_, respond) => respond(200, "{}")])
      const layer = HttpClient.layerConfig({ region: A.configString("NO_SUCH_REGION_VAR"), endpoint: A.configString("ENDPOINT") })
      const error = yield* Effect.provide(execute(find("users", { id: "u1" })), layer).pipe(T.withConfigValues({ ENDPOINT: endpoint }), Effect.flip)
      expect(T.isConfigError(error)).toBe(true)
      expect(String(error)).toContain("NO_SUCH_REGION_VAR")
      expect(requests).toHaveLength(0)
    }))
})
