/**
 * No secret, session token or item value in what a failed call leaves behind: every error kind an SDK client meets
 * (a loopback server answering errors to a client with a known secret and session token), printed every way —
 * `util.inspect` with hidden fields at any depth, `JSON.stringify`, `String`, `Cause.pretty` — and every span.
 */
import { inspect } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Redacted, Schedule } from "effect"
import { DynamoClient, Retry, add, execute, find, transactWriteItems, type DynamoError } from "dynofunc"
import { endpointOf, server } from "./support/httpServer.js"
import { recordingTracer } from "./support/tracing.js"
import * as T from "#test-effect"

const secret = "SECRETKEY-wJalrXUtnFEMI-K7MDENG"
const sessionToken = "SESSIONTOKEN-FQoGZXIvYXdzEJr-0123456789"
const keyValue = "KEYVALUE-u-4242"
const itemValue = "ITEMVALUE-ada@example.com"

/** The answers, one per request in order: first to GetItem, PutItem and TransactWriteItems, then to `failures`' GetItems. */
const answers: ReadonlyArray<readonly [status: number, body: string, contentType?: string]> = [
  [400, `{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`],
  [400, `{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}`],
  [
    400,
    `{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","message":"Transaction cancelled","CancellationReasons":[{"Code":"ConditionalCheckFailed","Message":"no"}]}`
  ]
]

const failures: ReadonlyArray<readonly [status: number, body: string, contentType?: string]> = [
  [400, `{"__type":"com.amazon.coral.validate#ValidationException","message":"One or more parameter values were invalid"}`],
  [400, `{"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"The security token included in the request is invalid."}`],
  [400, `{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"slow down"}`],
  [500, `{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}`],
  [502, "<html>bad gateway</html>", "text/html"],
  [200, `{"Item":{"id":{"Z":"${itemValue}"}}}`]
]

describe("no secret anywhere a failed call leaves a trace", () => {
  T.scoped("errors (every printout), causes and spans hold no secret, session token, key or item value", () =>
    Effect.gen(function* () {
      let next = 0
      const script = [...answers, ...failures]
      const s = yield* server((_, res) => {
        const [status, body, contentType] = script[next++]!
        res.writeHead(status, { "content-type": contentType ?? "application/x-amz-json-1.0", "x-amzn-requestid": `REQ-${status}` })
        res.end(body)
      })
      const layer = DynamoClient.layer({
        region: "eu-west-1",
        endpoint: endpointOf(s),
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: Redacted.make(secret), sessionToken: Redacted.make(sessionToken) }
      })
      const { spans, tracer } = recordingTracer()
      const calls = [
        execute(find("users", { id: keyValue })),
        execute(add("users", { id: keyValue, email: itemValue })),
        execute(transactWriteItems([add("users", { id: keyValue, email: itemValue })])),
        ...failures.map(() => execute(find("users", { id: keyValue })))
      ] as ReadonlyArray<Effect.Effect<unknown, DynamoError, DynamoClient.DynamoClient>>
      const exits = yield* Effect.forEach(calls, (call) =>
        Effect.exit(call.pipe(Effect.provide(layer), Effect.provideService(Retry.Policy, Schedule.recurs(0)), Effect.withTracer(tracer)))
      )
      const tags = exits.map((exit) => (Exit.isFailure(exit) ? (Cause.squash(exit.cause) as DynamoError)._tag : "ok"))
      expect(tags).toEqual([
        "ResourceNotFoundError",
        "ConditionalCheckFailedError",
        "TransactionCanceledError",
        "ValidationError",
        "AuthenticationError",
        "ProvisionedThroughputExceededError",
        "InternalServerError",
        "TransportError",
        "MalformedResponseError"
      ])
      const printed: Array<string> = []
      for (const exit of exits) {
        if (Exit.isSuccess(exit)) continue
        const error = Cause.squash(exit.cause)
        printed.push(inspect(error, { showHidden: true, depth: Infinity }), JSON.stringify(error) ?? "", String(error), Cause.pretty(exit.cause))
        const cause = (error as { cause?: unknown }).cause
        printed.push(inspect(cause, { showHidden: true, depth: Infinity }), JSON.stringify(cause) ?? "")
      }
      printed.push(...spans.map((span) => inspect({ name: span.name, attributes: [...span.attributes], events: (span as unknown as { events?: unknown }).events }, { depth: Infinity })))
      const all = printed.join("\n")
      expect(all).toContain("REQ-400")
      for (const needle of [secret, sessionToken, keyValue, itemValue, "X-Amz-Security-Token", "authorization"]) {
        expect(all.toLowerCase()).not.toContain(needle.toLowerCase())
      }
    }))

  it.effect("a secretAccessKey given as a plain string is a ConfigError naming it, before any request", () =>
    Effect.gen(function* () {
      const plain = { accessKeyId: "AKID", secretAccessKey: "hunter2-secret" } as never
      const error = yield* execute(find("users", { id: "u1" })).pipe(Effect.provide(DynamoClient.layer({ region: "local", credentials: plain })), Effect.flip)
      expect(T.isConfigError(error)).toBe(true)
      expect(String(error)).toContain("credentials.secretAccessKey")
      expect(String(error)).not.toContain("hunter2")
    }))

  it.effect("so is a plain-string sessionToken", () =>
    Effect.gen(function* () {
      const config = { region: "local", credentials: { accessKeyId: "AKID", secretAccessKey: Redacted.make("s"), sessionToken: "token" as never } }
      const error = yield* Effect.flip(Effect.scoped(DynamoClient.make(config)))
      expect(String(error)).toContain("credentials.sessionToken")
    }))
})
