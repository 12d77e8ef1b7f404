/**
 * A REST handler: `pnpm --filter @dynofunc/examples rest` serves a small notes API over `node:http` on a free port,
 * sends it a few requests with `fetch`, prints each answer, and stops. The handler is one function from a request to
 * a response: each dynofunc error it can meet is matched by its tag and becomes a status code (409 for a note that
 * exists, 404 for one that does not, 400 for a bad page cursor), and whatever else fails is a 500.
 */
import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import { Console, Effect, Redacted } from "effect"
import { Cursor, type DynamoClient, add, attr, create, execute, find, query } from "dynofunc"

/** A request as the handler sees it. */
export interface Request {
  readonly method: string
  readonly path: string
  readonly query: URLSearchParams
  readonly body: unknown
}

/** What the handler answers. */
export interface Response {
  readonly status: number
  readonly body: unknown
}

const cursors = Cursor.make(Redacted.make("an example key: use 32 random bytes from a secret store"))

/** A board's notes, a page of 2 at a time, with the cursor of the next page. */
const listNotes = (board: string, cursor: string | null) =>
  Effect.gen(function* () {
    const op = query("notes", attr("board").equals(board), { limit: 2 })
    const page = yield* execute(cursor === null ? op : yield* cursors.resume(op, cursor))
    return { status: 200, body: { notes: page.items, next: cursors.after(op, page) ?? null } }
  }).pipe(Effect.catchTag("InvalidCursorError", (error) => Effect.succeed({ status: 400, body: { error: `bad cursor: ${error.reason}` } })))

/** The routes: `GET /boards/:board/notes`, `PUT /boards/:board/notes/:id` (create only), `GET /boards/:board/notes/:id`. */
export const handle = (request: Request): Effect.Effect<Response, never, DynamoClient.DynamoClient> => {
  const [, boards, board, notes, id] = request.path.split("/")
  if (boards !== "boards" || board === undefined || notes !== "notes") return Effect.succeed({ status: 404, body: { error: "no such route" } })
  const answer: Effect.Effect<Response, unknown, DynamoClient.DynamoClient> =
    id === undefined && request.method === "GET"
      ? listNotes(board, request.query.get("cursor"))
      : id !== undefined && request.method === "PUT"
      ? execute(add("notes", { board, id, text: String((request.body as { text?: unknown } | null)?.text ?? "") }, { condition: attr("id").notExists() })).pipe(
        Effect.as({ status: 201, body: { board, id } }),
        Effect.catchTag("ConditionalCheckFailedError", () => Effect.succeed({ status: 409, body: { error: `note ${id} exists` } }))
      )
      : id !== undefined && request.method === "GET"
      ? Effect.map(execute(find("notes", { board, id })), ({ item }) => (item === undefined ? { status: 404, body: { error: `no note ${id}` } } : { status: 200, body: item }))
      : Effect.succeed({ status: 405, body: { error: `${request.method} not allowed` } })
  return Effect.match(answer, { onSuccess: (response) => response, onFailure: () => ({ status: 500, body: { error: "internal error" } }) })
}

const readBody = (incoming: IncomingMessage) =>
  new Promise<unknown>((resolve) => {
    const chunks: Array<Buffer> = []
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk))
    incoming.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8")
      try {
        resolve(text === "" ? null : JSON.parse(text))
      } catch {
        resolve(null)
      }
    })
  })

/** `handle` behind a `node:http` server on a free loopback port, closed when the scope ends; gives its base URL. */
export const serve = Effect.gen(function* () {
  // The services the handler needs, taken from the running program: each request runs with them.
  const services = yield* Effect.context<DynamoClient.DynamoClient>()
  const run = <A>(effect: Effect.Effect<A, never, DynamoClient.DynamoClient>) => Effect.runPromise(Effect.provide(effect, services))
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://localhost")
    void readBody(incoming)
      .then((body) => run(handle({ method: incoming.method ?? "GET", path: url.pathname, query: url.searchParams, body })))
      .then((response) => outgoing.writeHead(response.status, { "content-type": "application/json" }).end(JSON.stringify(response.body)))
  })
  yield* Effect.acquireRelease(
    Effect.promise(() => new Promise<void>((listening) => void server.listen(0, "127.0.0.1", listening))),
    () => Effect.promise(() => new Promise<void>((closed) => void server.close(() => closed())))
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

/** Creates the table, serves the API, and prints the answers to a few requests. */
export const program = Effect.scoped(
  Effect.gen(function* () {
    yield* execute(create("notes", "board", { rangeKey: "id" }))
    const base = yield* serve
    const send = (method: string, path: string, body?: unknown) =>
      Effect.promise(async () => {
        const response = await fetch(`${base}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
        return { status: response.status, body: (await response.json()) as { readonly next?: string | null } }
      }).pipe(Effect.tap((response) => Console.log(`${method} ${path} -> ${response.status} ${JSON.stringify(response.body)}`)))
    for (const id of ["n1", "n2", "n3"]) yield* send("PUT", `/boards/b1/notes/${id}`, { text: `note ${id}` })
    yield* send("PUT", "/boards/b1/notes/n1", { text: "again" })
    yield* send("GET", "/boards/b1/notes/n2")
    yield* send("GET", "/boards/b1/notes/n9")
    const first = yield* send("GET", "/boards/b1/notes")
    yield* send("GET", `/boards/b1/notes?cursor=${encodeURIComponent(first.body.next ?? "")}`)
    yield* send("GET", "/boards/b1/notes?cursor=not-a-cursor")
  })
)
