/**
 * dynalite, a DynamoDB implementation in Node, run in-process and in memory: starts in milliseconds, needs no Java.
 * No transactions and no PartiQL (use `DynamoDBLocal` for those); it does support tags.
 *
 * @example
 * import { Effect } from "effect"
 * import { execute, scan } from "dynofunc"
 * import { Dynalite } from "@dynofunc/testing"
 *
 * execute(scan("users")).pipe(Effect.provide(Dynalite.layer()))
 *
 * @since 0.1.0
 */
import type { Server } from "node:http"
import { createRequire } from "node:module"
import { DynamoClient, type DynamoClientConfig } from "#dynofunc"
import { Effect, type Layer, type Scope } from "effect"
import * as A from "#adapter"
import { EngineStartError } from "./EngineError.js"
import * as Endpoint from "./Endpoint.js"

/**
 * How to run dynalite. Tables change state at once unless told otherwise.
 *
 * @example
 * import { Dynalite } from "@dynofunc/testing"
 * Dynalite.layer({ createTableMs: 50, maxItemSizeKb: 100 })
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** How long a new table stays `CREATING`, in milliseconds. Default 0: `ACTIVE` at once. */
  readonly createTableMs?: number | undefined
  /** How long a deleted table stays `DELETING`, in milliseconds. Default 0. */
  readonly deleteTableMs?: number | undefined
  /** How long an updated table stays `UPDATING`, in milliseconds. Default 0. */
  readonly updateTableMs?: number | undefined
  /** The largest item accepted, in KB. Default 400, as DynamoDB. */
  readonly maxItemSizeKb?: number | undefined
  /** The port on 127.0.0.1. Default 0: a free one. */
  readonly port?: number | undefined
}

/**
 * A running dynalite.
 *
 * @example
 * import { Effect } from "effect"
 * import { Dynalite } from "@dynofunc/testing"
 * const instance = Effect.scoped(Effect.gen(function* () {
 *   const { endpoint, port } = yield* Dynalite.make()
 *   return `${endpoint} (port ${port})`
 * }))
 *
 * @since 0.1.0
 * @category models
 */
export interface Instance {
  /** Its URL, `http://127.0.0.1:<port>`. */
  readonly endpoint: string
  readonly port: number
}

interface DynaliteOptions {
  readonly createTableMs: number
  readonly deleteTableMs: number
  readonly updateTableMs: number
  readonly maxItemSizeKb?: number
}

type CreateServer = (options: DynaliteOptions) => Server

const require = createRequire(import.meta.url)

/** dynalite failing before it listens: it could not be `loaded` (the package) or `created` (the server). */
const loadError = (what: "loaded" | "created", cause: unknown) =>
  new EngineStartError({
    engine: "dynalite",
    reason: "load",
    message: `dynalite could not be ${what}: ${cause instanceof Error ? cause.message : String(cause)}`,
    cause
  })

/** dynalite is loaded on first use, so importing `@dynofunc/testing` for DynamoDB Local alone never loads it. */
const load = Effect.try({
  try: () => require("dynalite") as CreateServer,
  catch: (cause) =>
    loadError("loaded", cause)
})

const listen = (server: Server, port: number): Effect.Effect<number, EngineStartError> =>
  A.async<number, EngineStartError>((resume) => {
    const onError = (cause: Error) =>
      resume(
        Effect.fail(
          new EngineStartError({
            engine: "dynalite",
            reason: "listen",
            message: `dynalite could not listen on 127.0.0.1:${port}: ${cause.message}`,
            cause
          })
        )
      )
    server.once("error", onError)
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError)
      const address = server.address()
      resume(Effect.succeed(typeof address === "object" && address !== null ? address.port : port))
    })
  })

/** Stops accepting connections, drops the open ones (keep-alive sockets included) and closes the store. */
const close = (server: Server): Effect.Effect<void> =>
  A.async<void>((resume) => {
    if (!server.listening) return resume(Effect.void)
    server.close(() => resume(Effect.void))
    server.closeAllConnections()
  })

/**
 * Starts dynalite in memory on a free loopback port; it is stopped when the scope closes (interruption included).
 *
 * @example
 * import { ListTablesCommand } from "@aws-sdk/client-dynamodb"
 * import { Effect } from "effect"
 * import { Dynalite, Endpoint } from "@dynofunc/testing"
 * import { DynamoClient } from "dynofunc"
 * Effect.scoped(Effect.gen(function* () {
 *   const { endpoint } = yield* Dynalite.make()
 *   const client = yield* DynamoClient.make(Endpoint.config(endpoint))
 *   return yield* Effect.promise(() => client.sdk!.send(new ListTablesCommand({})))
 * }))
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Instance, EngineStartError, Scope.Scope> =>
  Effect.gen(function* () {
    const createServer = yield* load
    const server = yield* Effect.acquireRelease(
      Effect.try({
        try: () =>
          createServer({
            createTableMs: options.createTableMs ?? 0,
            deleteTableMs: options.deleteTableMs ?? 0,
            updateTableMs: options.updateTableMs ?? 0,
            ...(options.maxItemSizeKb !== undefined && { maxItemSizeKb: options.maxItemSizeKb })
          }),
        catch: (cause) =>
          loadError("created", cause)
      }),
      close
    )
    const port = yield* listen(server, options.port ?? 0)
    return { endpoint: `http://127.0.0.1:${port}`, port }
  })

/**
 * A `DynamoClient` connected to a fresh in-memory dynalite, both released with the Layer.
 * `client` passes settings to the client (e.g. `{ maxAttempts: 1 }`).
 *
 * @example
 * import { it } from "@effect/vitest"
 * import { Dynalite } from "@dynofunc/testing"
 * import { execute, create } from "dynofunc"
 * it.layer(Dynalite.layer())("users", (it) => {
 *   it.effect("creates a table", () => execute(create("users", "id")))
 * })
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {},
  client: DynamoClientConfig = {}
): Layer.Layer<DynamoClient.DynamoClient, EngineStartError | A.ConfigError> =>
  A.layerScoped(
    DynamoClient.DynamoClient,
    Effect.flatMap(make(options), ({ endpoint }) => DynamoClient.make(Endpoint.config(endpoint, client)))
  )
