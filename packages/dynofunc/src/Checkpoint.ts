/**
 * Checkpoints of change streams: per shard, the last sequence number *processed* (saved by `ChangeStream.consume`
 * after its handler succeeded on a batch), so a consumer that restarts goes on after it — records after the
 * checkpoint are delivered again, records before it never. Two implementations: in memory (`layerMemory`, for tests
 * and single runs) and a DynamoDB table with leases (`layerTable`): a consumer owns a shard while it renews its lease,
 * so two consumers of one stream never both read a shard; a crashed one's shards are taken over once its leases expire.
 *
 * @example
 * import { Effect } from "effect"
 * import { ChangeStream, Checkpoint, execute } from "dynofunc"
 *
 * const program = Effect.gen(function* () {
 *   yield* execute(Checkpoint.createTable("leases"))
 *   yield* ChangeStream.consume({ table: "users" }, (batch) => Effect.log(batch.records.length))
 * }).pipe(Effect.provide(Checkpoint.layerTable({ table: "leases", owner: "worker-1" })))
 *
 * @since 0.1.0
 */
import { Clock, Duration, Effect, Layer } from "effect"
import * as A from "#adapter"
import { attr, cor } from "@dynofunc/core/Condition"
import type { Operation } from "@dynofunc/core/Operation"
import { create, type CreateResult } from "@dynofunc/core/operations/create"
import { update } from "@dynofunc/core/operations/update"
import { remove as removeAction } from "@dynofunc/core/Update"
import { LeaseLostError } from "./ChangeStreamError.js"
import type { DynamoClient } from "./DynamoClient.js"
import { execute, type ErrorOf } from "./Execute.js"
import type { Position } from "./ChangeStream.js"

/**
 * How far a shard has been processed: after a sequence number, or to its end.
 *
 * @since 0.1.0
 * @category models
 */
export type Processed = { readonly after: string } | "ended"

/**
 * What a checkpoint store can fail with.
 *
 * @since 0.1.0
 * @category errors
 */
export type CheckpointError = LeaseLostError | ErrorOf<"UpdateItem">

/**
 * What a checkpoint store does, for one consumer.
 *
 * @since 0.1.0
 * @category models
 */
export interface CheckpointService {
  /**
   * Takes shard `shardId` of `streamArn` for this consumer: its saved position (`undefined`: none yet, `ended`: read
   * to its end), or `taken` while another consumer holds it.
   */
  readonly claim: (streamArn: string, shardId: string) => Effect.Effect<Position | undefined | "taken", CheckpointError>
  /** Saves how far shard `shardId` has been processed (`ended`: to its end, which also gives the shard up). */
  readonly save: (streamArn: string, shardId: string, position: Processed) => Effect.Effect<void, CheckpointError>
  /** Keeps the shards this consumer holds (a `LeaseLostError` when one was taken over). */
  readonly renew: Effect.Effect<void, CheckpointError>
  /** Gives up the shards this consumer holds, for others to take at once. */
  readonly release: Effect.Effect<void>
  /** How often `renew` must run to keep the leases (`undefined`: never). */
  readonly renewEvery: A.DurationInput | undefined
}

/**
 * The `Checkpoint` service `ChangeStream.consume` reads and saves positions with.
 *
 * @example
 * import { Effect } from "effect"
 * import { Checkpoint } from "dynofunc"
 * const saved = Effect.flatMap(Checkpoint.Checkpoint, (checkpoint) => checkpoint.claim("arn:…", "shardId-1"))
 *
 * @since 0.1.0
 * @category services
 */
export class Checkpoint extends A.Service<Checkpoint, CheckpointService>()("dynofunc/Checkpoint") {}

/**
 * An in-memory checkpoint store: positions kept in this service value (share the value to share them), no leases —
 * one consumer at a time.
 *
 * @example
 * import { Checkpoint } from "dynofunc"
 * import { Layer } from "effect"
 * const store = Checkpoint.memory()
 * const layer = Layer.succeed(Checkpoint.Checkpoint, store) // a second run with the same store goes on where the first stopped
 *
 * @since 0.1.0
 * @category constructors
 */
export const memory = (): CheckpointService => {
  const positions = new Map<string, Position>()
  return {
    claim: (streamArn, shardId) => Effect.sync(() => positions.get(`${streamArn} ${shardId}`)),
    save: (streamArn, shardId, position) => Effect.sync(() => void positions.set(`${streamArn} ${shardId}`, position)),
    renew: Effect.void,
    release: Effect.void,
    renewEvery: undefined
  }
}

/**
 * A Layer with a fresh in-memory checkpoint store.
 *
 * @example
 * import { ChangeStream, Checkpoint } from "dynofunc"
 * import { Effect } from "effect"
 * ChangeStream.consume({ table: "users" }, (batch) => Effect.log(batch.shardId)).pipe(Effect.provide(Checkpoint.layerMemory()))
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory = (): Layer.Layer<Checkpoint> => Layer.effect(Checkpoint, Effect.sync(memory))

/**
 * How a lease table is used.
 *
 * @since 0.1.0
 * @category models
 */
export interface TableOptions {
  /** The lease table (see `createTable`); one table serves any number of streams. */
  readonly table: string
  /** This consumer's name in the table (default: a random one); give each consumer its own. */
  readonly owner?: string | undefined
  /** How long a lease lasts without renewal (default 30 seconds); it is renewed every third of that. */
  readonly leaseDuration?: A.DurationInput | undefined
}

/** The lease table's key attribute: `<stream ARN> <shard id>`. */
const keyAttribute = "leaseKey"
const ended = "SHARD_END"

/**
 * The `CreateTable` operation for a lease table (key `leaseKey`, on-demand).
 *
 * @example
 * import { execute, Checkpoint } from "dynofunc"
 * execute(Checkpoint.createTable("leases"))
 *
 * @since 0.1.0
 * @category constructors
 */
export const createTable = (table: string): Operation<"CreateTable", CreateResult> => create(table, keyAttribute)

const positionOf = (checkpoint: unknown): Position | undefined =>
  checkpoint === ended ? "ended" : typeof checkpoint === "string" ? { after: checkpoint } : undefined

/**
 * A checkpoint store in a DynamoDB table, one item per shard: its checkpoint, its owner and when the owner's lease
 * expires. Every write is conditional on the owner, so a consumer whose lease was taken over fails with
 * `LeaseLostError` rather than overwrite the new owner's checkpoint.
 *
 * @example
 * import { Checkpoint } from "dynofunc"
 * const store = Checkpoint.table({ table: "leases", owner: "worker-1", leaseDuration: "20 seconds" })
 *
 * @since 0.1.0
 * @category constructors
 */
export const table = (options: TableOptions): Effect.Effect<CheckpointService, never, DynamoClient> =>
  Effect.flatMap(Effect.context<DynamoClient>(), (context) => {
    const owner = options.owner ?? `consumer-${Math.random().toString(36).slice(2, 10)}`
    const duration = A.decodeDuration(options.leaseDuration ?? "30 seconds")
    const millis = Math.round(Duration.toMillis(duration))
    const held = new Map<string, { readonly streamArn: string; readonly shardId: string }>()
    const key = (streamArn: string, shardId: string) => ({ [keyAttribute]: `${streamArn} ${shardId}` })
    const lost = (streamArn: string, shardId: string) => () => {
      held.delete(`${streamArn} ${shardId}`)
      return Effect.fail(new LeaseLostError({ streamArn, shardId, owner, message: `${owner} lost its lease of ${shardId} to another consumer` }))
    }
    /** An update of a shard this consumer holds: a `LeaseLostError` when it no longer does. */
    const ownUpdate = (streamArn: string, shardId: string, attributes: Record<string, unknown>) =>
      Effect.asVoid(
        Effect.catchTag(
          execute(update(options.table, key(streamArn, shardId), attributes, { condition: attr("owner").equals(owner) })),
          "ConditionalCheckFailedError",
          lost(streamArn, shardId)
        )
      )
    const run = <A, E>(effect: Effect.Effect<A, E, DynamoClient>) => Effect.provide(effect, context)
    return Effect.succeed<CheckpointService>({
      claim: (streamArn, shardId) =>
        run(Effect.flatMap(Clock.currentTimeMillis, (now) =>
          execute(update(options.table, key(streamArn, shardId), { owner, expiresAt: Number(now) + millis, streamArn, shardId }, {
            condition: cor(attr("owner").notExists(), attr("owner").equals(owner), attr("expiresAt").lt(Number(now)), attr("checkpoint").equals(ended)),
            returnValues: "ALL_NEW",
            returnValuesOnConditionCheckFailure: "ALL_OLD"
          })).pipe(
            Effect.map((result) => {
              const position = positionOf(result.attributes?.["checkpoint"])
              if (position !== "ended") held.set(`${streamArn} ${shardId}`, { streamArn, shardId })
              return position
            }),
            Effect.catchTag("ConditionalCheckFailedError", () => Effect.succeed("taken" as const))
          ))),
      save: (streamArn, shardId, position) =>
        run(Effect.flatMap(Clock.currentTimeMillis, (now) =>
          position === "ended"
            ? Effect.tap(ownUpdate(streamArn, shardId, { checkpoint: ended, owner: removeAction() }), () => Effect.sync(() => held.delete(`${streamArn} ${shardId}`)))
            : ownUpdate(streamArn, shardId, { checkpoint: position.after, expiresAt: Number(now) + millis }))),
      renew: run(Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.forEach([...held.values()], ({ streamArn, shardId }) => ownUpdate(streamArn, shardId, { expiresAt: Number(now) + millis }), { discard: true }))),
      release: run(Effect.suspend(() =>
        Effect.forEach([...held.values()], ({ streamArn, shardId }) => Effect.ignore(ownUpdate(streamArn, shardId, { owner: removeAction() })), { discard: true }))),
      renewEvery: Math.max(1, Math.floor(millis / 3))
    })
  })

/**
 * A Layer with a lease-table checkpoint store (`table`).
 *
 * @example
 * import { ChangeStream, Checkpoint } from "dynofunc"
 * import { Effect } from "effect"
 * ChangeStream.consume({ table: "users" }, (batch) => Effect.log(batch.shardId)).pipe(
 *   Effect.provide(Checkpoint.layerTable({ table: "leases", owner: "worker-1" }))
 * )
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTable = (options: TableOptions): Layer.Layer<Checkpoint, never, DynamoClient> => Layer.effect(Checkpoint, table(options))
