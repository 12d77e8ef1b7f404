/**
 * What the engine-backed tests run: one scenario per group of operations, each on its own tables, so one engine
 * serves a whole test file. Every scenario is an Effect needing a `DynamoClient`.
 */
import { expect } from "@effect/vitest"
import { Effect } from "effect"
import {
  attr,
  batchGetItem,
  batchWriteItem,
  createTable,
  createTableAndWait,
  deleteItem,
  deleteTable,
  deleteTableAndWait,
  describeTable,
  describeTimeToLive,
  execute,
  getItem,
  listTables,
  putItem,
  query,
  scan,
  updateItem,
  updateTable,
  updateTableAndWait,
  type CommandName,
  type DynamoClient,
  type DynamoError,
  type Operation,
  type UpdateTableChanges
} from "dynofunc"
import { samples } from "./samples.js"

let counter = 0
/** A table name no other test of this run uses. */
export const fresh = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`

const fast = { interval: "50 millis", timeout: "30 seconds" } as const

/** A table with key `id`, ready for items. */
export const itemTable = (prefix: string) =>
  Effect.gen(function* () {
    const name = fresh(prefix)
    yield* createTableAndWait(createTable(name, "id"), fast)
    return name
  })

/** That `name`'s sample answers `UnknownOperationException`. */
export const unsupported = (name: CommandName) =>
  Effect.gen(function* () {
    const error = yield* Effect.flip(execute(samples[name].op as Operation<CommandName, unknown>) as Effect.Effect<unknown, DynamoError, DynamoClient>)
    expect(error).toMatchObject({ _tag: "UnknownOperationError", code: "UnknownOperationException" })
  })

/** create (friendly and raw), describe, list, update, delete — with the waiters — and the errors on the way. */
export const tableLifecycle = (update: UpdateTableChanges) =>
  Effect.gen(function* () {
    const name = fresh("lifecycle")
    const created = yield* createTableAndWait(
      createTable(name, "id", { rangeKey: { name: "at", type: "N" }, globalIndexes: [{ name: "by-email", hashKey: "email" }] }),
      fast
    )
    expect(created).toMatchObject({ TableName: name, TableStatus: "ACTIVE" })
    expect(created.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(["by-email"])

    const again = yield* Effect.flip(execute(createTable(name, "id")))
    expect(again._tag).toBe("ResourceInUseError")

    const described = yield* execute(describeTable(name))
    expect(described.table?.KeySchema).toEqual([
      { AttributeName: "id", KeyType: "HASH" },
      { AttributeName: "at", KeyType: "RANGE" }
    ])
    const listed = yield* execute(listTables())
    expect(listed.TableNames).toContain(name)

    const updated = yield* updateTableAndWait(updateTable(name, update), fast)
    expect(updated.TableStatus).toBe("ACTIVE")

    const raw = fresh("raw")
    yield* createTableAndWait(
      createTable({
        TableName: raw,
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
        BillingMode: "PAY_PER_REQUEST"
      }),
      fast
    )
    yield* deleteTableAndWait(deleteTable({ TableName: raw }), fast)

    yield* deleteTableAndWait(name, fast)
    expect((yield* Effect.flip(execute(describeTable(name))))._tag).toBe("ResourceNotFoundError")
    expect((yield* Effect.flip(execute(deleteTable(name))))._tag).toBe("ResourceNotFoundError")
    return updated
  })

/**
 * The item operations, friendly and raw, and a failed condition; with `oldItemOnFailure`, the engine is expected to
 * honour `ReturnValuesOnConditionCheckFailure` (dynalite ignores it).
 */
export const itemOperations = (oldItemOnFailure: boolean) => Effect.gen(function* () {
  const table = yield* itemTable("items")
  yield* execute(putItem(table, { id: "u1", name: "Ada", visits: 1, tags: new Set(["a"]) }))
  yield* execute(putItem({ TableName: table, Item: { id: { S: "u2" }, name: { S: "Grace" } } }))
  expect((yield* execute(getItem(table, { id: "u1" }))).item).toEqual({ id: "u1", name: "Ada", visits: 1, tags: new Set(["a"]) })
  expect((yield* execute(getItem({ TableName: table, Key: { id: { S: "u2" } } }))).item).toEqual({ id: "u2", name: "Grace" })

  const updated = yield* execute(updateItem(table, { id: "u1" }, { visits: 2 }, { returnValues: "ALL_NEW" }))
  expect(updated.attributes).toMatchObject({ id: "u1", visits: 2 })

  const failed = yield* Effect.flip(
    execute(updateItem(table, { id: "u1" }, { visits: 3 }, { condition: attr("visits").equals(1), returnValuesOnConditionCheckFailure: "ALL_OLD" }))
  )
  expect(failed._tag).toBe("ConditionalCheckFailedError")
  if (failed._tag === "ConditionalCheckFailedError" && oldItemOnFailure) expect(failed.item).toMatchObject({ id: "u1", visits: 2 })

  expect((yield* execute(query(table, attr("id").equals("u1")))).items).toHaveLength(1)
  expect((yield* execute(scan(table))).count).toBe(2)

  const removed = yield* execute(deleteItem(table, { id: "u1" }, { returnValues: "ALL_OLD" }))
  expect(removed.attributes).toMatchObject({ id: "u1" })
  yield* execute(deleteItem({ TableName: table, Key: { id: { S: "u2" } } }))
  expect((yield* execute(scan(table))).count).toBe(0)

  expect((yield* Effect.flip(execute(getItem("no-such-table", { id: "x" }))))._tag).toBe("ResourceNotFoundError")
  yield* deleteTableAndWait(table, fast)
})

/** Batch writes and reads with plain items per table. */
export const batches = Effect.gen(function* () {
  const users = yield* itemTable("batch-users")
  const orders = yield* itemTable("batch-orders")
  const written = yield* execute(
    batchWriteItem({
      [users]: [{ put: { id: "u1", name: "Ada" } }, { put: { id: "u2", name: "Grace" } }, { put: { id: "u3" } }],
      [orders]: [{ put: { id: "o1", total: 10 } }]
    })
  )
  expect(written.unprocessed).toEqual({})
  yield* execute(batchWriteItem({ [users]: [{ delete: { id: "u3" } }] }))
  const read = yield* execute(
    batchGetItem({ [users]: [{ id: "u1" }, { id: "u2" }, { id: "u3" }], [orders]: { keys: [{ id: "o1" }], projection: ["total"], consistent: true } })
  )
  expect([...(read.items[users] ?? [])].sort((a, b) => String(a["id"]).localeCompare(String(b["id"])))).toEqual([
    { id: "u1", name: "Ada" },
    { id: "u2", name: "Grace" }
  ])
  expect(read.items[orders]).toEqual([{ total: 10 }])
  expect(read.unprocessed).toEqual({})
  yield* deleteTableAndWait(users, fast)
  yield* deleteTableAndWait(orders, fast)
})

/** DescribeTimeToLive on a new table: off. */
export const timeToLiveOff = Effect.gen(function* () {
  const table = yield* itemTable("ttl")
  const ttl = yield* execute(describeTimeToLive(table))
  expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe("DISABLED")
  yield* deleteTableAndWait(table, fast)
})

export { fast }

/** Deletes `table` and waits until it is gone, polling quickly. */
export const deleteTableAndWaitFast = (table: string) => deleteTableAndWait(table, fast)
