/**
 * A stream consumer: `pnpm --filter @dynofunc/examples stream-consumer` (on DynamoDB Local, which serves DynamoDB
 * Streams; Java 17). Creates a table with a stream of both images, makes four writes, and consumes the table's
 * change stream batch by batch with `ChangeStream.consume`, keeping a checkpoint after each batch (in memory here;
 * `Checkpoint.layerTable` keeps it in a lease table so a restarted consumer goes on where it stopped). It stops once
 * it has seen every change it made.
 */
import { Console, Deferred, Effect, Ref } from "effect"
import { type ChangeRecord, ChangeStream, Checkpoint, add, create, execute, remove, update } from "dynofunc"

/** How each change is printed: the event, the key, and what changed. */
const describe = (change: ChangeRecord.ChangeRecord) =>
  `${change.event} ${JSON.stringify(change.keys)}: ${JSON.stringify(change.oldImage ?? null)} -> ${JSON.stringify(change.newImage ?? null)}`

/** Writes four changes to `accounts` and prints them from its change stream. */
export const program = Effect.gen(function* () {
  yield* execute(create("accounts", "id", { stream: "NEW_AND_OLD_IMAGES" }))
  yield* execute(add("accounts", { id: "a1", balance: 100 }))
  yield* execute(add("accounts", { id: "a2", balance: 5 }))
  yield* execute(update("accounts", { id: "a1" }, { balance: 80 }))
  yield* execute(remove("accounts", { id: "a2" }))

  const seen = yield* Ref.make(0)
  const done = yield* Deferred.make<void>()
  const consumer = ChangeStream.consume(
    { table: "accounts" },
    (batch) =>
      Effect.gen(function* () {
        for (const change of batch.records) yield* Console.log(describe(change))
        if ((yield* Ref.updateAndGet(seen, (n) => n + batch.records.length)) >= 4) yield* Deferred.succeed(done, undefined)
      }),
    { start: "trim-horizon", pollInterval: "100 millis" }
  ).pipe(Effect.provide(Checkpoint.layerMemory()))
  // The consumer runs until it is interrupted: here, once every change was printed.
  yield* Effect.raceFirst(consumer, Deferred.await(done))
  yield* Console.log(`consumed ${yield* Ref.get(seen)} changes`)
})
