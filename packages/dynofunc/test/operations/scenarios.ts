/**
 * What the engine-backed tests run: one scenario per group of operations, each on its own tables, so one engine
 * serves a whole test file. Every scenario is an Effect needing a `DynamoClient`.
 */
import { expect } from "@effect/vitest"
import { Effect } from "effect"
import {
  add,
  attr,
  batchExecuteStatement,
  batchGetItem,
  batchWriteItem,
  conditionCheck,
  createTable,
  createTableAndWait,
  deleteItem,
  deleteTable,
  deleteTableAndWait,
  describeLimits,
  describeTable,
  describeTimeToLive,
  execute,
  executeStatement,
  executeTransaction,
  find,
  getItem,
  listTables,
  listTagsOfResource,
  putItem,
  query,
  remove,
  scan,
  tagResource,
  transactGetItems,
  transactWriteItems,
  untagResource,
  update,
  updateItem,
  updateTable,
  updateTableAndWait,
  updateTimeToLive,
  type CommandName,
  type DynamoClient,
  type DynamoError,
  type Operation,
  type UpdateTableChanges
} from "dynofunc"
import { supported, type Engine } from "./engines.js"
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
    const error = yield* Effect.flip(execute(samples[name].op as Operation<CommandName, unknown>) as Effect.Effect<unknown, DynamoError, DynamoClient.DynamoClient>)
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

/** UpdateTimeToLive on and off, read back with DescribeTimeToLive (DynamoDB Local). */
export const timeToLiveOnOff = Effect.gen(function* () {
  yield* timeToLiveOff
  const table = yield* itemTable("ttl-on")
  const on = yield* execute(updateTimeToLive(table, "expiresAt", true))
  expect(on.TimeToLiveSpecification).toEqual({ AttributeName: "expiresAt", Enabled: true })
  expect((yield* execute(describeTimeToLive(table))).TimeToLiveDescription).toMatchObject({
    AttributeName: "expiresAt",
    TimeToLiveStatus: "ENABLED"
  })
  yield* execute(updateTimeToLive(table, "expiresAt", false))
  expect((yield* execute(describeTimeToLive(table))).TimeToLiveDescription?.TimeToLiveStatus).toBe("DISABLED")
  yield* deleteTableAndWaitFast(table)
})

/** Transactions composed from item operations, and their cancellation reasons (DynamoDB Local). */
export const transactions = Effect.gen(function* () {
  const accounts = yield* itemTable("tx-accounts")
  yield* execute(
    transactWriteItems([add(accounts, { id: "a1", balance: 100 }), add(accounts, { id: "a2", balance: 0 }), add(accounts, { id: "gone" }), add(accounts, { id: "bank", open: true })])
  )
  yield* execute(
    transactWriteItems(
      [
        update(accounts, { id: "a1" }, { balance: 70 }, { condition: attr("balance").gte(30) }),
        update(accounts, { id: "a2" }, { balance: 30 }),
        remove(accounts, { id: "gone" }),
        conditionCheck(accounts, { id: "bank" }, attr("open").equals(true))
      ],
      { clientRequestToken: "transfer-1" }
    )
  )
  const read = yield* execute(transactGetItems([find(accounts, { id: "a1" }), find(accounts, { id: "a2" }, { projection: ["balance"] }), find(accounts, { id: "gone" })]))
  expect(read.items).toEqual([{ id: "a1", balance: 70 }, { balance: 30 }, undefined])

  const cancelled = yield* Effect.flip(
    execute(
      transactWriteItems([
        update(accounts, { id: "a2" }, { balance: 0 }),
        update(accounts, { id: "a1" }, { balance: 0 }, { condition: attr("balance").gte(1000), returnValuesOnConditionCheckFailure: "ALL_OLD" })
      ])
    )
  )
  expect(cancelled._tag).toBe("TransactionCanceledError")
  if (cancelled._tag === "TransactionCanceledError") {
    expect(cancelled.reasons.map((reason) => reason.code)).toEqual(["None", "ConditionalCheckFailed"])
    expect(cancelled.reasons[1]?.item).toEqual({ id: "a1", balance: 70 })
  }
  yield* deleteTableAndWaitFast(accounts)
})

/** PartiQL statements with plain JS parameters, batches, transactions, a duplicate insert (DynamoDB Local). */
export const partiql = Effect.gen(function* () {
  const table = yield* itemTable("partiql")
  yield* execute(executeStatement(`INSERT INTO "${table}" VALUE {'id': ?, 'name': ?, 'visits': ?}`, ["u1", "Ada", 1]))
  const duplicate = yield* Effect.flip(execute(executeStatement(`INSERT INTO "${table}" VALUE {'id': ?}`, ["u1"])))
  // DynamoDB Local answers `DuplicateItem` where AWS answers `DuplicateItemException`: both are DuplicateItemError,
  // and the code stays as the engine sent it.
  expect(duplicate._tag).toBe("DuplicateItemError")
  expect((duplicate as { code?: string }).code).toBe("DuplicateItem")

  const selected = yield* execute(executeStatement(`SELECT * FROM "${table}" WHERE id = ?`, ["u1"], { consistent: true }))
  expect(selected.items).toEqual([{ id: "u1", name: "Ada", visits: 1 }])

  const batch = yield* execute(
    batchExecuteStatement([
      { statement: `INSERT INTO "${table}" VALUE {'id': ?}`, parameters: ["u2"] },
      executeStatement(`INSERT INTO "${table}" VALUE {'id': ?}`, ["u1"]),
      // Short of a parameter: DynamoDB answers this statement alone, and the batch runs.
      { statement: `INSERT INTO "${table}" VALUE {'id': ?, 'name': ?}`, parameters: ["u3"] }
    ])
  )
  expect(batch.responses[0]?.error).toBeUndefined()
  expect(batch.responses[1]?.error?.code).toBe("DuplicateItem")
  expect(batch.responses[2]?.error?.code).toBe("ValidationError")

  yield* execute(
    executeTransaction([
      { statement: `UPDATE "${table}" SET visits = visits + ? WHERE id = ?`, parameters: [1, "u1"] },
      { statement: `DELETE FROM "${table}" WHERE id = ?`, parameters: ["u2"] }
    ])
  )
  const read = yield* execute(
    executeTransaction([
      { statement: `SELECT visits FROM "${table}" WHERE id = ?`, parameters: ["u1"] },
      { statement: `SELECT * FROM "${table}" WHERE id = ?`, parameters: ["u2"] }
    ])
  )
  expect(read.items).toEqual([{ visits: 2 }, undefined])
  yield* deleteTableAndWaitFast(table)
})

/** DescribeLimits (DynamoDB Local). */
export const limits = Effect.gen(function* () {
  const limits = yield* execute(describeLimits())
  expect(limits.TableMaxReadCapacityUnits).toBeGreaterThan(0)
})

/** Tag, list as a plain object, untag (dynalite). */
export const tags = Effect.gen(function* () {
  const table = yield* itemTable("tags")
  const arn = (yield* execute(describeTable(table))).table?.TableArn ?? ""
  yield* execute(tagResource(arn, { team: "growth", env: "test" }))
  expect((yield* execute(listTagsOfResource(arn))).tags).toEqual({ team: "growth", env: "test" })
  yield* execute(untagResource(arn, ["env"]))
  expect((yield* execute(listTagsOfResource({ ResourceArn: arn }))).tags).toEqual({ team: "growth" })
  yield* deleteTableAndWaitFast(table)
})

/**
 * Every scenario the engine-backed tests run on `engine`, by title: the engine's own, then one per operation it does
 * not support. `operations.*.test.ts` run them; `transport/differential.*.test.ts` run them through both transports.
 */
export const engineScenarios = (engine: Engine): ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown, DynamoClient.DynamoClient>]> => [
  ...(engine === "DynamoDB Local" ? dynamoDBLocalScenarios : dynaliteScenarios),
  ...(Object.keys(samples) as Array<CommandName>)
    .filter((name) => !supported[engine].includes(name))
    .map((name) => [`every other operation answers UnknownOperationException: ${name}`, unsupported(name)] as const)
]

const dynamoDBLocalScenarios = [
  [
    "table lifecycle: create, describe, list, update (streams), delete, with waiters",
    Effect.gen(function* () {
      const updated = yield* tableLifecycle({ stream: "NEW_AND_OLD_IMAGES" })
      expect(updated.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" })
    })
  ],
  ["items: put, get, update, delete (friendly and raw), query, scan, failed condition", itemOperations(true)],
  ["batches: batchWriteItem and batchGetItem with plain items per table", batches],
  ["time to live: off, on, off", timeToLiveOnOff],
  ["transactions composed from item operations, and their cancellation reasons", transactions],
  ["PartiQL: statements with plain JS parameters, batches, transactions, a duplicate insert", partiql],
  ["limits", limits]
] as const

const dynaliteScenarios = [
  [
    "table lifecycle: create, describe, list, update (billing), delete, with waiters",
    Effect.gen(function* () {
      const updated = yield* tableLifecycle({
        billing: { read: 2, write: 3 },
        input: { GlobalSecondaryIndexUpdates: [{ Update: { IndexName: "by-email", ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } } }] }
      })
      expect(updated.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 2, WriteCapacityUnits: 3 })
    })
  ],
  ["items: put, get, update, delete (friendly and raw), query, scan, failed condition", itemOperations(false)],
  ["batches: batchWriteItem and batchGetItem with plain items per table", batches],
  ["time to live: describeTimeToLive", timeToLiveOff],
  ["tags: tag, list as a plain object, untag", tags]
] as const

export { fast }

/** Deletes `table` and waits until it is gone, polling quickly. */
export const deleteTableAndWaitFast = (table: string) => deleteTableAndWait(table, fast)
