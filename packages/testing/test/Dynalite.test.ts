import { ListTablesCommand } from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import { Deferred, Effect, Exit, Scope } from "effect"
import { DynamoClient } from "dynofunc"
import { Dynalite, Endpoint } from "@dynofunc/testing"
import { createUsersTable, isOpen, listTables } from "./support/net.js"
import * as A from "#adapter"
import * as T from "#test-effect"

describe("Dynalite", () => {
  it.layer(Dynalite.layer())("layer", (it) => {
    it.effect("answers through the DynamoClient service; new tables are ACTIVE at once", () =>
      Effect.gen(function* () {
        expect((yield* listTables).TableNames).toEqual([])
        yield* createUsersTable
        const client = yield* DynamoClient.DynamoClient
        // CreateTable answers CREATING, as DynamoDB does; with createTableMs 0 the table is ACTIVE right after
        const described = yield* client.send({
          operation: "DescribeTable",
          input: { TableName: "users" }
        })
        expect(described.Table?.TableStatus).toBe("ACTIVE")
        const raw = yield* Effect.promise(() => client.sdk!.send(new ListTablesCommand({})))
        expect(raw.TableNames).toEqual(["users"])
      }))
  })

  it.effect("make: listens on a loopback port, closed when the scope closes", () =>
    Effect.gen(function* () {
      const scope = yield* Scope.make()
      const instance = yield* Dynalite.make().pipe(A.extendScope(scope))
      expect(instance.endpoint).toBe(`http://127.0.0.1:${instance.port}`)
      expect(instance.port).toBeGreaterThan(0)
      // a client left open (keep-alive sockets) does not hold the close up
      const tables = yield* listTables.pipe(Effect.provide(Endpoint.layer(instance.endpoint)))
      expect(tables.TableNames).toEqual([])
      expect(yield* isOpen(instance.port)).toBe(true)
      yield* Scope.close(scope, Exit.void)
      expect(yield* isOpen(instance.port)).toBe(false)
    }))

  it.effect("make: closed on interruption", () =>
    Effect.gen(function* () {
      const started = yield* Deferred.make<Dynalite.Instance>()
      const fiber = yield* T.fork(
        Effect.scoped(Effect.flatMap(Dynalite.make(), (instance) => Deferred.succeed(started, instance).pipe(Effect.andThen(Effect.never))))
      )
      const { port } = yield* Deferred.await(started)
      expect(yield* isOpen(port)).toBe(true)
      yield* T.interrupt(fiber)
      expect(yield* isOpen(port)).toBe(false)
    }))

  T.scoped("two engines are independent", () =>
    Effect.gen(function* () {
      const [a, b] = yield* Effect.all([Dynalite.make(), Dynalite.make()])
      expect(a.port).not.toBe(b.port)
    }))

  T.scoped("a port in use is a typed error", () =>
    Effect.gen(function* () {
      const { port } = yield* Dynalite.make()
      const error = yield* Effect.flip(Dynalite.make({ port }))
      expect(error).toMatchObject({ _tag: "EngineStartError", engine: "dynalite", reason: "listen" })
    }))
})
