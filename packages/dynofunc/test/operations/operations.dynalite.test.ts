import { describe, expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import { describeTable, execute, listTagsOfResource, tagResource, untagResource, type CommandName } from "dynofunc"
import { Dynalite } from "@dynofunc/testing"
import { supported } from "./engines.js"
import { samples } from "./samples.js"
import { batches, deleteTableAndWaitFast, itemOperations, itemTable, tableLifecycle, timeToLiveOff, unsupported } from "./scenarios.js"

const engine = "dynalite"

layer(Dynalite.layer({}, { maxAttempts: 1 }), { timeout: "60 seconds", excludeTestServices: true })("operations on dynalite", (it) => {
  it.effect("table lifecycle: create, describe, list, update (billing), delete, with waiters", () =>
    Effect.gen(function* () {
      const updated = yield* tableLifecycle({
        billing: { read: 2, write: 3 },
        input: { GlobalSecondaryIndexUpdates: [{ Update: { IndexName: "by-email", ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } } }] }
      })
      expect(updated.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 2, WriteCapacityUnits: 3 })
    }))

  it.effect("items: put, get, update, delete (friendly and raw), query, scan, failed condition", () => itemOperations(false))

  it.effect("batches: batchWriteItem and batchGetItem with plain items per table", () => batches)

  it.effect("time to live: describeTimeToLive", () => timeToLiveOff)

  it.effect("tags: tag, list as a plain object, untag", () =>
    Effect.gen(function* () {
      const table = yield* itemTable("tags")
      const arn = (yield* execute(describeTable(table))).table?.TableArn ?? ""
      yield* execute(tagResource(arn, { team: "growth", env: "test" }))
      expect((yield* execute(listTagsOfResource(arn))).tags).toEqual({ team: "growth", env: "test" })
      yield* execute(untagResource(arn, ["env"]))
      expect((yield* execute(listTagsOfResource({ ResourceArn: arn }))).tags).toEqual({ team: "growth" })
      yield* deleteTableAndWaitFast(table)
    }))

  describe("every other operation answers UnknownOperationException", () => {
    const others = (Object.keys(samples) as Array<CommandName>).filter((name) => !supported[engine].includes(name))
    it.effect.each(others)("%s", (name) => unsupported(name))
  })
})
