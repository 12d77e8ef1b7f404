/**
 * A loopback HTTP server that answers every request at once with the same DynamoDB JSON body (and the headers
 * DynamoDB sends: request id, CRC32), in this process: its CPU time counts in every contender's figure alike.
 */
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { crc32 } from "node:zlib"

export interface CannedServer {
  readonly endpoint: string
  readonly close: () => Promise<void>
}

/** Starts the server on a free loopback port. */
export const cannedServer = (json: unknown): Promise<CannedServer> => {
  const body = Buffer.from(JSON.stringify(json))
  const headers = {
    "content-type": "application/x-amz-json-1.0",
    "content-length": String(body.length),
    "x-amzn-requestid": "BENCHMARKREQUEST0000000000000000000000000000000000",
    "x-amz-crc32": String(crc32(body))
  }
  const server: Server = createServer((request, response) => {
    // Read the request to its end, as a real server would, then answer.
    request.on("data", () => {})
    request.on("end", () => {
      response.writeHead(200, headers)
      response.end(body)
    })
  })
  server.keepAliveTimeout = 60_000
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () =>
      resolve({
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          })
      })
    )
  })
}
