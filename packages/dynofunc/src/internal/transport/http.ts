/**
 * How the lean client's requests travel: a `Connections` opens a scoped pool of keep-alive connections to one
 * endpoint and gives its `Exchange` — the body goes out, the whole answer comes back. Two of them: `nodeHttp`
 * (`node:http` / `node:https` and an `Agent`, the default) here, and `undiciPool` (`./undici.ts`). Aborting
 * (interruption) or a timeout destroys the request, and with it its socket, which leaves the pool.
 */
import type { Agent } from "node:http"
import { Effect } from "effect"
import type { Connections } from "../../HttpClient.js"
import { http, https } from "../builtins.js"

/** The answer, read whole; header names in lower case. */
export interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  readonly body: Buffer
}

/** Called once per exchange, with the answer or the error. */
export type Done = (error: unknown, answer?: Answer) => void

/**
 * Posts `body` with `headers` to the endpoint's `/`; `done` is called once. Returns the abort. With a
 * `timeoutMillis`, the exchange fails with a `RequestTimeoutError` when the whole answer has not come by then.
 */
export type Exchange = (
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMillis: number | undefined,
  done: Done
) => () => void

/** A request that ran out of time (`requestTimeout`): named as the SDK names it, so it maps to `TransportError` `Timeout`. */
export class RequestTimeoutError extends Error {
  constructor(millis: number) {
    super(`no answer from DynamoDB within the request timeout (${millis} ms)`)
    this.name = "TimeoutError"
  }
}

/**
 * `done`, called once only, with a `RequestTimeoutError` timer armed by `arm` (given the abort to call on timeout) and
 * cleared on the first call. The shared bookkeeping of every `Exchange`.
 */
export const once = (done: Done) => {
  let finished = false
  let timer: ReturnType<typeof setTimeout> | undefined
  return {
    finish: (error: unknown, answer?: Answer) => {
      if (finished) return
      finished = true
      if (timer !== undefined) clearTimeout(timer)
      done(error, answer)
    },
    /** After `timeoutMillis`, `destroy` with a `RequestTimeoutError`. */
    arm: (timeoutMillis: number | undefined, destroy: (error: Error) => void) => {
      if (timeoutMillis !== undefined) timer = setTimeout(() => destroy(new RequestTimeoutError(timeoutMillis)), timeoutMillis)
    },
    /** The exchange was aborted: `done` is not called any more. */
    silence: () => {
      finished = true
      if (timer !== undefined) clearTimeout(timer)
    }
  }
}

/**
 * Node's own HTTP client: `node:http` / `node:https` with a keep-alive `Agent` (LIFO: the warmest socket first),
 * destroyed with its scope. The module and its `Agent` come with the first exchange, not with the Layer: a program
 * that builds the Layer and sends nothing yet (a Lambda's cold start) does not load Node's HTTP stack.
 *
 * @example
 * import { nodeHttp } from "./http.js"
 * const exchange = nodeHttp.open(new URL("http://127.0.0.1:8000"), 50)
 */
export const nodeHttp: Connections = {
  open: (endpoint, maxConnections) => {
    const secure = endpoint.protocol === "https:"
    const options = { keepAlive: true, maxSockets: maxConnections, scheduling: "lifo" as const }
    const hostname = endpoint.hostname.replace(/^\[(.*)\]$/, "$1")
    const port = endpoint.port === "" ? (secure ? 443 : 80) : Number(endpoint.port)
    let agent: Agent | undefined
    const connect = () => (agent ??= secure ? new (https().Agent)(options) : new (http().Agent)(options))
    const post: Exchange = (headers, body, timeoutMillis, done) => {
      const exchange = once(done)
      const request = secure ? https().request : http().request
      const sent = request({ agent: connect(), hostname, port, method: "POST", path: "/", headers }, (response) => {
        const chunks: Array<Buffer> = []
        response.on("data", (chunk: Buffer) => chunks.push(chunk))
        response.on("error", (error) => exchange.finish(error))
        response.on("end", () =>
          exchange.finish(undefined, {
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
          })
        )
      })
      sent.on("error", (error) => exchange.finish(error))
      exchange.arm(timeoutMillis, (error) => sent.destroy(error))
      sent.end(body)
      return () => {
        exchange.silence()
        sent.destroy()
      }
    }
    return Effect.as(Effect.acquireRelease(Effect.void, () => Effect.sync(() => agent?.destroy())), post)
  }
}
