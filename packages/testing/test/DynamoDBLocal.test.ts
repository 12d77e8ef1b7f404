import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { existsSync } from "node:fs"
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { ListTablesCommand } from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Layer, Scope } from "effect"
import { DynamoClient } from "dynofunc"
import { DynamoDBLocal, Endpoint } from "@dynofunc/testing"
import { createUsersTable, isAlive, isOpen, javaChildren, listTables } from "./support/net.js"
import * as A from "#adapter"
import * as T from "#test-effect"

// These tests are about starting the engine: an endpoint set for the whole run must not replace it.
delete process.env[DynamoDBLocal.endpointEnv]

/** Runs an effect with `process.env[name]` set to `value`, restored afterwards. */
const withEnv =
  (name: string, value: string) =>
  <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.acquireUseRelease(
      Effect.sync(() => {
        const previous = process.env[name]
        process.env[name] = value
        return previous
      }),
      () => T.withConfigFromEnvNow(self),
      (previous) =>
        Effect.sync(() => {
          if (previous === undefined) delete process.env[name]
          else process.env[name] = previous
        })
    )

/** Polls `javaChildren` until it has `count` entries (a killed process takes a moment to be reaped). */
const javaCount = (count: number) =>
  Effect.gen(function* () {
    for (let attempt = 0; attempt < 100; attempt++) {
      const found = javaChildren()?.length
      if (found === undefined || found === count) return found
      yield* Effect.sleep("20 millis")
    }
    return javaChildren()?.length
  }).pipe(A.withLiveClock)

describe("DynamoDBLocal", () => {
  // Runs first, so the other tests find the jar in the cache.
  it.effect("fetch: two concurrent fetches into an empty directory agree, the second waits for the first", () =>
    Effect.gen(function* () {
      const parent = yield* Effect.promise(() => mkdtemp(path.join(tmpdir(), "dynofunc-ddbl-")))
      const dir = path.join(parent, "dynamodb-local")
      const [a, b] = yield* Effect.all([DynamoDBLocal.fetch(dir), DynamoDBLocal.fetch(dir)], { concurrency: 2 })
      expect(a).toBe(dir)
      expect(b).toBe(dir)
      yield* Effect.promise(() => rm(parent, { recursive: true, force: true }))
    }), { timeout: 120_000 })

  // T.scoped runs under a TestClock: the engine's own waiting must not depend on it
  T.scoped("starts, answers, serves the env-var endpoint, and is gone after release", () =>
    Effect.gen(function* () {
      const scope = yield* Scope.make()
      yield* Effect.addFinalizer(() => Scope.close(scope, Exit.void))
      const instance = yield* DynamoDBLocal.make().pipe(A.extendScope(scope))
      const pid = instance.pid!
      expect(instance.endpoint).toBe(`http://127.0.0.1:${instance.port}`)
      expect(isAlive(pid)).toBe(true)

      yield* Effect.gen(function* () {
        yield* createUsersTable
        const client = yield* DynamoClient.DynamoClient
        // PartiQL: DynamoDB Local, not dynalite
        yield* client.send({
          operation: "ExecuteStatement",
          input: { Statement: `INSERT INTO "users" VALUE {'id': 'u1'}` }
        })
        const raw = yield* Effect.promise(() => client.sdk!.send(new ListTablesCommand({})))
        expect(raw.TableNames).toEqual(["users"])
      }).pipe(Effect.provide(Endpoint.layer(instance.endpoint)))

      // DYNOFUNC_DYNAMODB_ENDPOINT: make and the public layer use that engine and start no java; each gets a
      // database of its own there (an access key id of its own), so neither sees "users" nor the other's tables
      const viaEnv = yield* Effect.scoped(
        Effect.gen(function* () {
          const again = yield* DynamoDBLocal.make()
          expect(again).toMatchObject({ endpoint: instance.endpoint, port: instance.port, pid: undefined })
          expect(again.credentials.accessKeyId).toMatch(/^[a-zA-Z0-9]+$/)
          expect(again.credentials.accessKeyId).not.toBe(instance.credentials.accessKeyId)
          const other = yield* DynamoDBLocal.make()
          expect(other.credentials.accessKeyId).not.toBe(again.credentials.accessKeyId)
          yield* createUsersTable.pipe(Effect.provide(Endpoint.layer(other.endpoint, { credentials: other.credentials })))
          return yield* listTables.pipe(Effect.provide(DynamoDBLocal.layer()))
        })
      ).pipe(withEnv("DYNOFUNC_DYNAMODB_ENDPOINT", instance.endpoint))
      expect(viaEnv.TableNames).toEqual([])
      // the engine's own database (Endpoint.credentials) still holds its table
      const own = yield* listTables.pipe(Effect.provide(Endpoint.layer(instance.endpoint)))
      expect(own.TableNames).toEqual(["users"])
      expect(yield* javaCount(1)).toBeOneOf([1, undefined])
      // releasing the env-var engine's layer left the engine running
      expect(isAlive(pid)).toBe(true)

      yield* Scope.close(scope, Exit.void)
      expect(isAlive(pid)).toBe(false)
      expect(yield* isOpen(instance.port)).toBe(false)
      // DynamoDB Local writes a metadata file into its working directory: not ours
      expect(existsSync(path.join(process.cwd(), "dynamodb-local-metadata.json"))).toBe(false)
    }))

  it.live("globalSetup: one engine for the run, named by the env var while it runs, stopped by its teardown", () =>
    Effect.gen(function* () {
      const teardown = yield* Effect.promise(DynamoDBLocal.globalSetup())
      const endpoint = process.env[DynamoDBLocal.endpointEnv]!
      const port = Number(new URL(endpoint).port)
      expect(yield* isOpen(port)).toBe(true)
      const tables = yield* listTables.pipe(Effect.provide(Endpoint.layer(endpoint)))
      expect(tables.TableNames).toEqual([])
      // set already (a second setup, or the user's own engine): nothing started, nothing to stop
      const nothing = yield* Effect.promise(DynamoDBLocal.globalSetup())
      expect(yield* javaCount(1)).toBeOneOf([1, undefined])
      yield* Effect.promise(nothing)
      expect(process.env[DynamoDBLocal.endpointEnv]).toBe(endpoint)
      yield* Effect.promise(teardown)
      expect(process.env[DynamoDBLocal.endpointEnv]).toBeUndefined()
      expect(yield* isOpen(port)).toBe(false)
      expect(yield* javaCount(0)).toBeOneOf([0, undefined])
    }))

  it.live("interrupting the start kills the java process", () =>
    Effect.gen(function* () {
      const fiber = yield* T.fork(Effect.scoped(DynamoDBLocal.make()))
      yield* Effect.sleep("300 millis")
      expect(yield* javaCount(1)).toBeOneOf([1, undefined])
      yield* T.interrupt(fiber)
      expect(yield* javaCount(0)).toBeOneOf([0, undefined])
    }))

  it.live("a start that times out is a typed error and leaves no process", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Effect.scoped(DynamoDBLocal.make({ startTimeout: "1 millis" })))
      expect(error).toMatchObject({ _tag: "EngineTimeoutError", engine: "dynamodb-local" })
      expect(yield* javaCount(0)).toBeOneOf([0, undefined])
    }))

  T.scopedLive("a port held by another server is detected, although that server answers", () =>
    Effect.gen(function* () {
      const occupied = yield* Effect.acquireRelease(
        A.async<ReturnType<typeof createServer>>((resume) => {
          const server = createServer((_, res) => res.writeHead(400).end("{}"))
          server.listen(0, () => resume(Effect.succeed(server)))
        }),
        (server) => A.async<void>((resume) => void server.close(() => resume(Effect.void)))
      )
      const port = (occupied.address() as AddressInfo).port
      const error = yield* Effect.flip(Effect.scoped(DynamoDBLocal.make({ port })))
      expect(error).toMatchObject({ _tag: "EngineStartError", reason: "port" })
      expect(yield* javaCount(0)).toBeOneOf([0, undefined])
    }))

  it.effect("no java: a typed error", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Effect.scoped(DynamoDBLocal.make({ java: "/nonexistent/bin/java" })))
      expect(error).toMatchObject({ _tag: "EngineStartError", reason: "spawn" })
    }))

  it.live("an env-var endpoint that does not answer times out; one that is not a URL is refused", () =>
    Effect.gen(function* () {
      const port = yield* Effect.scoped(
        Effect.map(
          Effect.acquireRelease(
            A.async<ReturnType<typeof createServer>>((resume) => {
              const server = createServer()
              server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
            }),
            (server) => A.async<void>((resume) => void server.close(() => resume(Effect.void)))
          ),
          (server) => (server.address() as AddressInfo).port
        )
      )
      const timeout = yield* Effect.flip(
        Layer.build(DynamoDBLocal.layer({ startTimeout: "300 millis" })).pipe(
          Effect.scoped,
          withEnv("DYNOFUNC_DYNAMODB_ENDPOINT", `http://127.0.0.1:${port}`)
        )
      )
      expect(timeout).toMatchObject({ _tag: "EngineTimeoutError", endpoint: `http://127.0.0.1:${port}` })
      const invalid = yield* Effect.flip(Effect.scoped(DynamoDBLocal.make({ endpoint: "not a url" })))
      expect(invalid).toMatchObject({ _tag: "EngineStartError", reason: "endpoint" })
    }))

})
