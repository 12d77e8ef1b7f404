/**
 * One HTTP exchange with DynamoDB over `node:http` / `node:https` and a keep-alive `Agent`: the body goes out, the
 * whole answer comes back. Aborting (interruption) or a timeout destroys the request, and with it its socket, which
 * leaves the agent's pool.
 */
import * as http from "node:http"
import * as https from "node:https"

/** Where requests go: the endpoint, its agent, and the `host` header value that is signed. */
export interface Target {
  readonly secure: boolean
  readonly hostname: string
  readonly port: number
  readonly host: string
  readonly agent: http.Agent
}

/** The answer, read whole. */
export interface Answer {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: Buffer
}

/** A request that ran out of time (`requestTimeout`): named as the SDK names it, so it maps to `TransportError` `Timeout`. */
export class RequestTimeoutError extends Error {
  constructor(millis: number) {
    super(`no answer from DynamoDB within the request timeout (${millis} ms)`)
    this.name = "TimeoutError"
  }
}

/**
 * The target for `endpoint`, with a new keep-alive agent holding at most `maxSockets` connections (destroy it with
 * `target.agent.destroy()`).
 *
 * @example
 * const target = makeTarget(new URL("http://127.0.0.1:8000"), 50)
 */
export const makeTarget = (endpoint: URL, maxSockets: number): Target => {
  const secure = endpoint.protocol === "https:"
  const options = { keepAlive: true, maxSockets, scheduling: "lifo" as const }
  return {
    secure,
    hostname: endpoint.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: endpoint.port === "" ? (secure ? 443 : 80) : Number(endpoint.port),
    host: endpoint.host,
    agent: secure ? new https.Agent(options) : new http.Agent(options)
  }
}

/**
 * Posts `body` with `headers` to `target`; `done` is called once, with the answer or the error. Returns the abort.
 *
 * @example
 * const target = makeTarget(new URL("http://127.0.0.1:8000"), 50)
 * const headers = { "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.ListTables" }
 * const abort = exchange(target, headers, "{}", undefined, (error, answer) => console.log(error ?? answer))
 */
export const exchange = (
  target: Target,
  headers: http.OutgoingHttpHeaders,
  body: string,
  timeoutMillis: number | undefined,
  done: (error: unknown, answer?: Answer) => void
): (() => void) => {
  let finished = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const finish = (error: unknown, answer?: Answer) => {
    if (finished) return
    finished = true
    if (timer !== undefined) clearTimeout(timer)
    done(error, answer)
  }
  const request = (target.secure ? https.request : http.request)(
    { agent: target.agent, hostname: target.hostname, port: target.port, method: "POST", path: "/", headers },
    (response) => {
      const chunks: Array<Buffer> = []
      response.on("data", (chunk: Buffer) => chunks.push(chunk))
      response.on("error", (error) => finish(error))
      response.on("end", () =>
        finish(undefined, {
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
        })
      )
    }
  )
  request.on("error", (error) => finish(error))
  if (timeoutMillis !== undefined) {
    timer = setTimeout(() => request.destroy(new RequestTimeoutError(timeoutMillis)), timeoutMillis)
  }
  request.end(body)
  return () => {
    finished = true
    if (timer !== undefined) clearTimeout(timer)
    request.destroy()
  }
}
