/** Loopback helpers shared by the engines: a free port, and waiting until an HTTP endpoint answers. */
import { request as httpRequest } from "node:http"
import { request as httpsRequest } from "node:https"
import { createServer } from "node:net"
import { Duration, Effect, Schedule } from "effect"
import * as A from "#adapter"
import { type Engine, EngineStartError, EngineTimeoutError } from "../EngineError.js"

/** A port free on 127.0.0.1 right now: bind port 0, read what the system chose, close. */
export const freePort = (engine: Engine): Effect.Effect<number, EngineStartError> =>
  A.async<number, EngineStartError>((resume) => {
    const server = createServer()
    server.unref()
    server.once("error", (cause) =>
      resume(Effect.fail(new EngineStartError({ engine, reason: "port", message: `no free port: ${cause.message}`, cause })))
    )
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resume(Effect.succeed(port)))
    })
    return Effect.sync(() => server.close())
  })

/** One request to `endpoint`; succeeds on any HTTP answer (an unsigned ListTables is refused, but answered). */
const probe = (endpoint: string): Effect.Effect<boolean> =>
  A.async<boolean>((resume) => {
    const request = endpoint.startsWith("https:") ? httpsRequest : httpRequest
    const req = request(endpoint, {
      method: "POST",
      agent: false,
      timeout: 1_000,
      headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.ListTables" }
    })
    req.once("response", (response) => {
      response.resume()
      resume(Effect.succeed(true))
    })
    req.once("timeout", () => req.destroy())
    req.once("error", () => resume(Effect.succeed(false)))
    req.end("{}")
    return Effect.sync(() => req.destroy())
  })

/**
 * Polls `endpoint` until it answers (and `owned`, checked after each answer, holds); fails with
 * `EngineTimeoutError` after `timeout`, quoting `output()`.
 */
export const awaitReady = (
  engine: Engine,
  endpoint: string,
  timeout: A.DurationInput,
  options: { readonly output?: () => string; readonly owned?: Effect.Effect<boolean> } = {}
): Effect.Effect<void, EngineTimeoutError> =>
  A.timeoutFail(
    Effect.flatMap(probe(endpoint), (answered) => (answered && options.owned ? options.owned : Effect.succeed(answered))).pipe(
      Effect.repeat({ schedule: Schedule.spaced("50 millis"), until: (ready) => ready }),
      Effect.asVoid
    ),
    timeout,
    () =>
      new EngineTimeoutError({
        engine,
        endpoint,
        timeout: A.decodeDuration(timeout),
        message: `${engine} at ${endpoint} did not answer within ${Duration.format(A.decodeDuration(timeout))}`,
        output: options.output?.()
      })
  )
