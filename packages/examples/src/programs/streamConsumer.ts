/**
 * A typed, restartable stream consumer: `pnpm --filter @dynofunc/examples stream-consumer` (on DynamoDB Local, which
 * serves DynamoDB Streams; Java 17). An `Account` entity in a table with a stream of both images; six writes; a
 * consumer (`ChangeStream.consumeEntities`) that decodes each change by its entity and keeps its checkpoint in a
 * lease table (`Checkpoint.layerTable`). The first run is stopped part-way, in the middle of a batch; the second run
 * (a new consumer on the same lease table) goes on after the last batch the first one finished: the records of the
 * unfinished batch come again, none before it. Then the same records, as a Lambda stream event, go through
 * `StreamEvent.entityHandler`, whose answer names the record Lambda would retry from.
 */
import { Console, Data, Deferred, Effect, Layer, Ref, Schema } from "effect"
import { type ChangeRecord, ChangeStream, Checkpoint, Entity, StreamEvent, TypedTable, execute, scan } from "dynofunc"

/** The table: `pk` only, items tagged by entity. */
export const bank = TypedTable.make({ name: "bank", partitionKey: "pk" })

/** An account: pk = `ACCOUNT#<id>`; `opened` is stored as an ISO string and decoded to a `Date`. */
export const Account = Entity.make({
  table: bank,
  name: "Account",
  schema: Schema.Struct({ id: Schema.String, balance: Schema.Number, opened: Schema.DateFromString }),
  primary: { partition: { prefix: "ACCOUNT", fields: ["id"] } }
})

type Account = Entity.Read<typeof Account.config>

/** The lease table holding the consumer's checkpoints, and the consumer's name in it. */
const leases = { table: "bank-leases", owner: "worker-1" }

/** The Lambda handler's refusal of an overdrawn account. */
export class Overdrawn extends Data.TaggedError("Overdrawn")<{ readonly id: string }> {}

/** How a typed change is printed: the event, the account, its balance before and after, the day it was opened. */
const describe = (change: ChangeRecord.ChangeRecord<Account>) => {
  const account = change.newImage ?? change.oldImage
  const balances = [change.oldImage?.balance ?? "-", change.newImage?.balance ?? "-"].join(" -> ")
  return `${change.event} ${account?.id}: ${balances} (opened ${account?.opened.toISOString().slice(0, 10)})`
}

/**
 * One run of the consumer: each change decoded by its entity and printed, a checkpoint saved in the lease table after
 * each batch. The run is stopped from outside (interrupted, as a crash or a deploy stops a consumer) while it handles the change
 * `stopAt` picks: that change's batch is not checkpointed. Gives the changes it handled, in order.
 */
const run = (name: string, stopAt: (change: ChangeRecord.ChangeRecord<Account>) => boolean) =>
  Effect.gen(function* () {
    const handled = yield* Ref.make<ReadonlyArray<ChangeRecord.ChangeRecord<Account>>>([])
    const stop = yield* Deferred.make<void>()
    const consumer = ChangeStream.consumeEntities(
      [Account],
      { table: bank.name },
      (batch) =>
        Effect.forEach(batch.records, (change) =>
          Effect.gen(function* () {
            yield* Ref.update(handled, (changes) => [...changes, change])
            yield* Console.log(`${name}: ${describe(change)}`)
            if (stopAt(change)) yield* Effect.andThen(Deferred.succeed(stop, undefined), Effect.never)
          })),
      // Two records per GetRecords, so that the six changes come in three batches (1000 by default).
      { start: "trim-horizon", pollInterval: "100 millis", limit: 2 }
    ).pipe(Effect.provide(Checkpoint.layerTable(leases)))
    yield* Effect.raceFirst(consumer, Deferred.await(stop))
    return yield* Ref.get(handled)
  })

const opened = new Date("2026-01-05T09:00:00.000Z")

/** Creates the tables, writes six changes, consumes them in two runs, and hands them to the Lambda handler. */
export const program = Effect.gen(function* () {
  yield* execute(TypedTable.create(bank, { stream: "NEW_AND_OLD_IMAGES" }))
  yield* execute(Checkpoint.createTable(leases.table))
  yield* TypedTable.execute(Account.put({ id: "a1", balance: 100, opened }))
  yield* TypedTable.execute(Account.put({ id: "a2", balance: 5, opened }))
  yield* TypedTable.execute(Account.update({ id: "a1" }, { balance: 80 }))
  yield* TypedTable.execute(Account.put({ id: "a3", balance: 40, opened }))
  yield* TypedTable.execute(Account.update({ id: "a3" }, { balance: -20 }))
  yield* TypedTable.execute(Account.delete({ id: "a2" }))

  // The first run is stopped at the fifth change, the first of the third batch: two batches are checkpointed.
  const first = yield* run("run 1", (change) => change.event === "MODIFY" && change.newImage?.id === "a3")
  const lease = (yield* execute(scan(leases.table))).items[0]
  const checkpointed = first.find((change) => change.sequenceNumber === lease?.["checkpoint"])
  yield* Console.log(`lease table after run 1: checkpoint after ${checkpointed === undefined ? "none" : describe(checkpointed)}, owner ${String(lease?.["owner"] ?? "none")}`)

  // The second run, a new consumer on the same lease table, goes on after the checkpoint; stopped at the last change.
  const second = yield* run("run 2", (change) => change.event === "REMOVE")

  // The same records as Lambda sends them (times in epoch seconds, the stream's ARN on each), to the typed handler.
  const arn = yield* ChangeStream.streamArn({ table: bank.name })
  const changes = [...first, ...second.filter((change) => !first.some((seen) => seen.sequenceNumber === change.sequenceNumber))]
  const event: StreamEvent.StreamEventPayload = {
    Records: changes.map(({ raw }) => {
      const time = raw.dynamodb?.ApproximateCreationDateTime
      return { ...raw, eventSourceARN: arn, dynamodb: { ...raw.dynamodb, ApproximateCreationDateTime: time instanceof Date ? Math.floor(time.getTime() / 1000) : time } }
    })
  }
  const audited = yield* Ref.make<ReadonlyArray<string>>([])
  // An overdrawn account fails its record: Lambda retries the batch from there (the records before it are done).
  const handler = StreamEvent.entityHandler([Account], Layer.empty, (change) =>
    (change.newImage?.balance ?? 0) < 0
      ? Effect.fail(new Overdrawn({ id: change.newImage?.id ?? "" }))
      : Ref.update(audited, (lines) => [...lines, describe(change)]))
  const answer = yield* Effect.promise(() => handler(event))
  for (const line of yield* Ref.get(audited)) yield* Console.log(`lambda: ${line}`)
  const retried = answer.batchItemFailures.map(({ itemIdentifier }) => changes.find((change) => change.sequenceNumber === itemIdentifier))
  yield* Console.log(`lambda answer: ${answer.batchItemFailures.length} batchItemFailures, retry from ${retried.map((change) => (change === undefined ? "?" : describe(change))).join(", ")}`)
})
