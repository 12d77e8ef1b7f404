/**
 * undici's `Pool` under the lean client: an HTTP/1.1 client with its own parser and connection pool, about a third
 * less CPU per exchange than `node:http` (`BENCHMARKS.md`, P7). The caller hands over undici (`() =>
 * import("undici")`): dynofunc never names the package, so a program that does not pick it neither loads nor bundles
 * it. The types below are the part of undici this module uses, so dynofunc's own types never need undici installed.
 */
import { Effect } from "effect"
import type { Connections, UndiciModule } from "../../HttpClient.js"
import { type Answer, type Exchange, once } from "./http.js"

/** What the lean client asks of undici's `DispatchController`. */
interface Controller {
  abort(reason: Error): void
}

/** The handler undici's `dispatch` calls back (its current, non-deprecated form). */
interface Handler {
  onRequestStart(controller: Controller, context: unknown): void
  onResponseStart(controller: Controller, statusCode: number, headers: Answer["headers"], statusMessage?: string): void
  onResponseData(controller: Controller, chunk: Buffer): void
  onResponseEnd(controller: Controller, trailers: unknown): void
  onResponseError(controller: Controller, error: Error): void
}

/** The part of undici's `Pool` the lean client uses. */
export interface Pool {
  dispatch(options: { path: string; method: "POST"; headers: Readonly<Record<string, string>>; body: string }, handler: Handler): boolean
  destroy(): Promise<void>
}

/**
 * Connections through undici's `Pool`, at most `maxConnections` keep-alive connections to the endpoint, destroyed with
 * their scope; `load` gives the `undici` module when a Layer is built. undici's own header and body timeouts are off:
 * `requestTimeout` is the one limit, as with `node:http`.
 *
 * @example
 * import { undiciPool } from "./undici.js"
 * const connections = undiciPool(() => import("undici"))
 */
export const undiciPool = (load: () => Promise<UndiciModule>): Connections => ({
  open: (endpoint, maxConnections) =>
    Effect.map(
      Effect.acquireRelease(
        Effect.map(
          Effect.promise(load),
          (undici) => new undici.Pool(endpoint.origin, { connections: maxConnections, headersTimeout: 0, bodyTimeout: 0 })
        ),
        (pool) => Effect.promise(() => pool.destroy())
      ),
      (pool): Exchange => (headers, body, timeoutMillis, done) => {
        const exchange = once(done)
        let controller: Controller | undefined
        // Aborted before undici handed the request a connection: aborted as soon as it does.
        let aborted: Error | undefined
        const abort = (error: Error) => {
          aborted = error
          controller?.abort(error)
        }
        const chunks: Array<Buffer> = []
        let status = 0
        let answered: Answer["headers"] = {}
        pool.dispatch({ path: "/", method: "POST", headers, body }, {
          onRequestStart: (started) => {
            controller = started
            if (aborted !== undefined) started.abort(aborted)
          },
          onResponseStart: (_, statusCode, responseHeaders) => {
            status = statusCode
            answered = responseHeaders
          },
          onResponseData: (_, chunk) => {
            chunks.push(chunk)
          },
          onResponseEnd: () =>
            exchange.finish(undefined, {
              status,
              headers: answered,
              body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
            }),
          onResponseError: (_, error) => exchange.finish(error)
        })
        exchange.arm(timeoutMillis, abort)
        return () => {
          exchange.silence()
          abort(new Error("interrupted"))
        }
      }
    )
})
