/**
 * Test helpers: is a loopback port open, is a process alive, which java processes did this process start, and a
 * small table to create through the engine under test.
 */
import { readdirSync, readFileSync } from "node:fs"
import { connect } from "node:net"
import type { ListTablesCommandOutput } from "@aws-sdk/client-dynamodb"
import { DynamoClient } from "dynofunc"
import { Effect } from "effect"
import * as A from "#adapter"

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export const isOpen = (port: number): Effect.Effect<boolean> =>
  A.async<boolean>((resume) => {
    const socket = connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resume(Effect.succeed(true))
    })
    socket.once("error", () => resume(Effect.succeed(false)))
    return Effect.sync(() => socket.destroy())
  })

/** Whether process `pid` exists (a zombie counts as gone). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"))
  } catch {
    return true
  }
}

/** The pids of the live `java` processes whose parent is this process (Linux only: `undefined` elsewhere). */
export const javaChildren = (): ReadonlyArray<number> | undefined => {
  let entries: Array<string>
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))
  } catch {
    return undefined
  }
  return entries.flatMap((entry) => {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
      const match = /^(\d+) \((.*)\) (\S) (\d+)/.exec(stat)
      return match !== null && match[2] === "java" && match[3] !== "Z" && Number(match[4]) === process.pid
        ? [Number(match[1])]
        : []
    } catch {
      return []
    }
  })
}

/** ListTables through the `DynamoClient` service's `send`, the way `execute` sends requests. */
export const listTables: Effect.Effect<ListTablesCommandOutput, unknown, DynamoClient.DynamoClient> = Effect.flatMap(
  DynamoClient.DynamoClient,
  (client) => client.send({ operation: "ListTables", input: {} })
)

/** Creates the on-demand table `users` (string key `id`) through the `DynamoClient` service. */
export const createUsersTable = Effect.flatMap(DynamoClient.DynamoClient, (client) =>
  client.send({
    operation: "CreateTable",
    input: {
      TableName: "users",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST"
    }
  })
)
