/**
 * Typed batch writes: puts and deletes of entities, each encoded through its entity into a plain `BatchWrite.Write`,
 * run by the batch writer; what it did not apply is reported as the typed writes given.
 */
import { Clock, Effect, Stream } from "effect"
import { isStream, Outcome } from "#adapter"
import * as BatchWrite from "../../BatchWrite.js"
import type { DynamoClient } from "../../DynamoClient.js"
import type { EntityWrite, EntityWriteError } from "../../TypedTable.js"

/**
 * Writes every entity write `writes` holds through `BatchWrite.run` (same chunking, retries and reporting). Each is
 * encoded through its entity, the timestamps from Effect's `Clock`: from an `Iterable` all of them before anything is
 * sent (the first that fails is the error); from a `Stream` each as it comes (a failure stops the run, reason
 * `SourceFailed`). `BatchWriteError.unapplied` lists the entity writes not applied, as given.
 *
 * @example
 * import { Effect, Schema } from "effect"
 * import { TypedTable, Entity } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk" })
 * const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ id: Schema.String, name: Schema.String }),
 *   primary: { partition: { prefix: "USER", fields: ["id"] } } })
 * const users = Array.from({ length: 1000 }, (_, i) => User.batchPut({ id: `u${i}`, name: `user ${i}` }))
 * const program = TypedTable.batchWrite([...users, User.batchDelete({ id: "old" })]).pipe(
 *   Effect.catchTag("BatchWriteError", (error) => Effect.succeed(error.unapplied.map((write) => write.put ?? write.delete)))
 * )
 */
export const batchWrite = <W extends EntityWrite, E = never, R = never>(
  writes: Iterable<W> | Stream.Stream<W, E, R>,
  options: BatchWrite.Options = {}
): Effect.Effect<BatchWrite.Summary, BatchWrite.BatchWriteError<E | EntityWriteError, W> | EntityWriteError, DynamoClient | R> =>
  Effect.flatMap(Clock.currentTimeMillis, (millis) => {
    const now = new Date(millis)
    const given = new Map<BatchWrite.Write, W>()
    // Each table's keys, named as its first write is encoded, before the writer reads them: no `DescribeTable`.
    const keys: Record<string, ReadonlyArray<string>> = { ...options.keys }
    const plain = (write: W): Effect.Effect<BatchWrite.Write, EntityWriteError> => {
      const table = write.runtime.table
      keys[table.name] ??= [...table.keys.primary!.partition, ...table.keys.primary!.sort]
      return Outcome.fromOutcome(
        Outcome.map(write.runtime.batchWrite(write.put !== undefined ? { put: write.put as never } : { delete: write.delete as never }, now), (converted) => {
          given.set(converted, write)
          return converted
        })
      )
    }
    const source: Effect.Effect<Iterable<BatchWrite.Write> | Stream.Stream<BatchWrite.Write, E | EntityWriteError, R>, EntityWriteError> =
      isStream(writes)
        ? Effect.succeed(Stream.mapEffect(writes as Stream.Stream<W, E, R>, plain))
        : Effect.forEach(Array.from(writes as Iterable<W>), plain)
    return Effect.flatMap(source, (converted) =>
      Effect.mapError(
        BatchWrite.run(converted, { ...options, keys }),
        (error) => new BatchWrite.BatchWriteError<E | EntityWriteError, W>({ ...error, unapplied: error.unapplied.map((write) => given.get(write)!) })
      )
    )
  })
