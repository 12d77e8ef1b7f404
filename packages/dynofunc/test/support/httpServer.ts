import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { Effect } from "effect"
import * as A from "#adapter"

/** A loopback HTTP server answering every request with `handler`, closed with the scope. */
export const server = (handler: Parameters<typeof createServer>[1]) =>
  Effect.acquireRelease(
    A.async<Server>((resume) => {
      const s = createServer(handler)
      s.listen(0, "127.0.0.1", () => {
        resume(Effect.succeed(s))
      })
    }),
    (s) => A.async<void>((resume) => {
      s.closeAllConnections()
      s.close(() => resume(Effect.void))
    })
  )

/** The server's `http://127.0.0.1:<port>` endpoint. */
export const endpointOf = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`
