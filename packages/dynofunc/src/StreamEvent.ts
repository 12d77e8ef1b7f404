/**
 * AWS Lambda handlers for DynamoDB stream events: the event's records as the same `ChangeRecord`s `ChangeStream`
 * reads (or decoded by entity), an Effect run per record or per batch with a Layer you give (built once per Lambda
 * container), and the partial batch response (`batchItemFailures`) so that Lambda retries from the first record that
 * failed, not the whole batch. Turn on `ReportBatchItemFailures` on the event source mapping. The event's types are
 * declared here: no Lambda runtime library is needed.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoClient, StreamEvent } from "dynofunc"
 *
 * export const handler = StreamEvent.handler(DynamoClient.layer(), (change) => Effect.log(change.event, change.keys))
 *
 * @since 0.1.0
 */
import { Effect, Exit, type Layer, ManagedRuntime } from "effect"
import { type ChangeRecord, fromRaw, type RawRecord } from "@dynofunc/core/ChangeRecord"
import type { AttributeMap } from "@dynofunc/core/Value"
import type { DecodeOptions, EntityChange } from "./ChangeStream.js"
import { decodedOrSkipped, decoder } from "./internal/changes/typed.js"
import type { CollectionMember } from "./TypedTable.js"
import { readAttribute } from "./internal/transport/wire.js"

/**
 * One record of a DynamoDB stream event, as Lambda sends it (binary values base64, times in epoch seconds).
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamEventRecord extends RawRecord {
  /** The stream's ARN. */
  readonly eventSourceARN?: string | undefined
}

/**
 * A DynamoDB stream event: the records of one shard, in order.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamEventPayload {
  readonly Records: ReadonlyArray<StreamEventRecord>
}

/**
 * The partial batch response: the records to retry from (Lambda retries from the lowest sequence number).
 *
 * @since 0.1.0
 * @category models
 */
export interface BatchResponse {
  readonly batchItemFailures: ReadonlyArray<{ readonly itemIdentifier: string }>
}

/**
 * A Lambda handler of DynamoDB stream events.
 *
 * @since 0.1.0
 * @category models
 */
export type Handler = (event: StreamEventPayload) => Promise<BatchResponse>

const images = ["Keys", "NewImage", "OldImage"] as const

/**
 * The `ChangeRecord` of an event record: its binary values read from base64 (on a copy; the event is not changed).
 * The event does not name the shard: `shardId` is the stream's ARN. Throws a `MalformedValue` for what is not a
 * stream record.
 *
 * @example
 * import { StreamEvent } from "dynofunc"
 * StreamEvent.changeOf({ eventName: "INSERT", dynamodb: { Keys: { id: { S: "u1" } }, SequenceNumber: "1", ApproximateCreationDateTime: 1765090800 } }).approximateCreationTime
 * // 2025-12-07T07:00:00.000Z
 *
 * @since 0.1.0
 * @category constructors
 */
export const changeOf = (record: StreamEventRecord): ChangeRecord => {
  const change = record.dynamodb
  if (typeof change !== "object" || change === null) return fromRaw(record, record.eventSourceARN ?? "")
  const read: Record<string, unknown> = { ...change }
  for (const field of images) {
    const image = change[field]
    if (typeof image === "object" && image !== null) read[field] = Object.fromEntries(Object.entries(structuredClone(image)).map(([name, value]) => [name, readAttribute(value)]))
  }
  return fromRaw({ ...record, dynamodb: read as { readonly Keys?: AttributeMap } }, record.eventSourceARN ?? "")
}

/** The identifier Lambda retries from: the record's sequence number (its event id when it has none). */
const identifierOf = (record: StreamEventRecord | undefined): ReadonlyArray<{ readonly itemIdentifier: string }> => {
  const identifier = record?.dynamodb?.SequenceNumber ?? record?.eventID
  return identifier === undefined ? [] : [{ itemIdentifier: identifier }]
}

/** `decode` of one event record: its change, decoded (`[]`: skipped). */
type Decode<A> = (record: StreamEventRecord) => Effect.Effect<ReadonlyArray<A>, unknown>

const plain: Decode<ChangeRecord> = (record) => Effect.try({ try: () => [changeOf(record)], catch: (error) => error })

/**
 * The handler: a runtime over `layer`, built at the first event and kept for the container's life; each event's
 * records decoded and handed to `process` one at a time (`perRecord`) or all at once; the first record that failed
 * (to decode, or in `process`, or everything when the Layer failed) is answered, so Lambda retries from there.
 */
const handle = <A, R, LE, E>(layer: Layer.Layer<R, LE>, decode: Decode<A>, process: (items: ReadonlyArray<A>) => Effect.Effect<unknown, E, R>, perRecord: boolean): Handler => {
  let runtime: ManagedRuntime.ManagedRuntime<R, LE> | undefined
  return async (event) => {
    runtime ??= ManagedRuntime.make(layer)
    const records = Array.isArray(event?.Records) ? event.Records : []
    const program = Effect.gen(function* () {
      const decoded: Array<A> = []
      for (let i = 0; i < records.length; i++) {
        const items = yield* Effect.exit(decode(records[i]!))
        if (Exit.isFailure(items)) {
          if (perRecord || decoded.length === 0) return identifierOf(records[i])
          return Exit.isFailure(yield* Effect.exit(process(decoded))) ? identifierOf(records[0]) : identifierOf(records[i])
        }
        if (!perRecord) {
          decoded.push(...items.value)
          continue
        }
        if (Exit.isFailure(yield* Effect.exit(process(items.value)))) return identifierOf(records[i])
      }
      return perRecord || decoded.length === 0 || Exit.isSuccess(yield* Effect.exit(process(decoded))) ? [] : identifierOf(records[0])
    }).pipe(Effect.withSpan("dynofunc.StreamEvent.handle", { kind: "consumer", attributes: { "faas.trigger": "datasource", "dynofunc.records": records.length } }))
    const exit = await runtime.runPromiseExit(program)
    return { batchItemFailures: Exit.isSuccess(exit) ? exit.value : identifierOf(records[0]) }
  }
}

/**
 * A handler that runs `process` on each change of the event, in order, with the services of `layer`; a failure stops
 * the batch there and answers that record, so Lambda retries from it (the changes before it are done).
 *
 * @example
 * import { StreamEvent, DynamoClient } from "dynofunc"
 * import { Effect } from "effect"
 * export const handler = StreamEvent.handler(DynamoClient.layer(), (change) =>
 *   change.event === "REMOVE" ? Effect.log(`removed ${String(change.keys["id"])}`) : Effect.void)
 *
 * @since 0.1.0
 * @category constructors
 */
export const handler = <R, LE, E>(layer: Layer.Layer<R, LE>, process: (change: ChangeRecord) => Effect.Effect<unknown, E, R>): Handler =>
  handle(layer, plain, (items) => Effect.forEach(items, process, { discard: true }), true)

/**
 * A handler that runs `process` once on all the changes of the event; when it fails, the whole batch is retried.
 *
 * @example
 * import { StreamEvent, DynamoClient } from "dynofunc"
 * import { Effect } from "effect"
 * export const handler = StreamEvent.batchHandler(DynamoClient.layer(), (changes) => Effect.log(`${changes.length} changes`))
 *
 * @since 0.1.0
 * @category constructors
 */
export const batchHandler = <R, LE, E>(layer: Layer.Layer<R, LE>, process: (changes: ReadonlyArray<ChangeRecord>) => Effect.Effect<unknown, E, R>): Handler =>
  handle(layer, plain, process, false)

/**
 * A handler of the changes of `members` (entities of one table), decoded as `ChangeStream.entities` decodes them;
 * a record that does not decode is answered as failed (retried from there), or with `onInvalid: "skip"` reported and
 * left out. One change at a time, as `handler`.
 *
 * @example
 * import { Schema, Effect } from "effect"
 * import { TypedTable, Entity, StreamEvent, DynamoClient } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk" })
 * const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ id: Schema.String, email: Schema.String }),
 *   primary: { partition: { prefix: "USER", fields: ["id"] } } })
 * export const handler = StreamEvent.entityHandler([User], DynamoClient.layer(), (change) => Effect.log(change.newImage?.email))
 *
 * @since 0.1.0
 * @category constructors
 */
export const entityHandler = <const Members extends ReadonlyArray<CollectionMember>, R, LE, E>(
  members: Members,
  layer: Layer.Layer<R, LE>,
  process: (change: EntityChange<Members[number]>) => Effect.Effect<unknown, E, R>,
  options: DecodeOptions = {}
): Handler => {
  const decodeAll = decodedOrSkipped(decoder<Members[number]>(members), options)
  const decode: Decode<EntityChange<Members[number]>> = (record) => Effect.flatMap(plain(record), decodeAll)
  return handle(layer, decode, (items) => Effect.forEach(items, process, { discard: true }), true)
}
