import { describe, expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import {
  add,
  attr,
  batchExecuteStatement,
  conditionCheck,
  describeLimits,
  describeTimeToLive,
  execute,
  executeStatement,
  executeTransaction,
  find,
  remove,
  transactGetItems,
  transactWriteItems,
  update,
  updateTimeToLive,
  type CommandName
} from "dynofunc"
import { DynamoDBLocal } from "@dynofunc/testing"
import { supported } from "./engines.js"
import { samples } from "./samples.js"
import { batches, deleteTableAndWaitFast, itemOperations, itemTable, tableLifecycle, timeToLiveOff, unsupported } from "./scenarios.js"

const engine = "DynamoDB Local"

layer(DynamoDBLocal.layer({}, { maxAttempts: 1 }), { timeout: "120 seconds", excludeTestServices: true })("operations on DynamoDB Local", (it) => {
  it.effect("table lifecycle: create, describe, list, update (streams), delete, with waiters", () =>
    Effect.gen(function* () {
      const updated = yield* tableLifecycle({ stream: "NEW_AND_OLD_IMAGES" })
      expect(updated.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" })
    }))

  it.effect("items: put, get, update, delete (friendly and raw), query, scan, failed condition", () => itemOperations(true))

  it.effect("batches: batchWriteItem and batchGetItem with plain items per table", () => batches)

  it.effect("time to live: off, on, off", () =>
    Effect.gen(function* () {
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
    }))

  it.effect("transactions composed from item operations, and their cancellation reasons", () =>
    Effect.gen(function* () {
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
    }))

  it.effect("PartiQL: statements with plain JS parameters, batches, transactions, a duplicate insert", () =>
    Effect.gen(function* () {
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
          executeStatement(`INSERT INTO "${table}" VALUE {'id': ?}`, ["u1"])
        ])
      )
      expect(batch.responses[0]?.error).toBeUndefined()
      expect(batch.responses[1]?.error?.code).toBe("DuplicateItem")

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
    }))

  it.effect("limits", () =>
    Effect.gen(function* () {
      const limits = yield* execute(describeLimits())
      expect(limits.TableMaxReadCapacityUnits).toBeGreaterThan(0)
    }))

  describe("every other operation answers UnknownOperationException", () => {
    const others = (Object.keys(samples) as Array<CommandName>).filter((name) => !supported[engine].includes(name))
    it.effect.each(others)("%s", (name) => unsupported(name))
  })
})
