/**
 * Typed tables: a table's physical keys and indexes declared once, for the entities (`Entity.make`) stored in it.
 *
 * A table has a partition key attribute and usually a sort key attribute (strings, holding composite keys built
 * by its entities); each global secondary index has its own, or lists several item attributes (up to 4 partition
 * and 4 sort attributes: DynamoDB's multi-attribute keys, queried on the entity's own fields). Every item carries
 * its entity's tag in `entityAttribute` (default `_entity`), which a collection query decodes by.
 *
 * @example
 * import { TypedTable } from "dynofunc"
 * const app = TypedTable.make({
 *   name: "app",
 *   partitionKey: "pk",
 *   sortKey: "sk",
 *   indexes: { gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" }, byRegion: { partitionKey: ["org", "region"] } }
 * })
 * TypedTable.create(app) // CreateTable with pk/sk, gsi1 and the multi-attribute byRegion index
 *
 * @since 0.1.0
 */
import type { QueryCommandOutput, ScalarAttributeType } from "@aws-sdk/client-dynamodb"
import { Effect, Stream } from "effect"
import type { Outcome } from "#adapter"
import { mapConcatEffect } from "#adapter"
import type { DynamoClient } from "./DynamoClient.js"
import type { InvalidInputError } from "./DynamoError.js"
import type { ItemDecodeError, ItemEncodeError, UnknownEntityError } from "./EntityError.js"
import type { ErrorOf } from "./Execute.js"
import type { Runtime } from "./internal/typed/entity/runtime.js"
import { run } from "./internal/typed/run.js"
import type { Condition } from "@dynofunc/core/Condition"
import type { CommandName, Operation } from "@dynofunc/core/Operation"
import * as Pages from "./Pages.js"
import { create as createTable, type CreateOptions, type CreateResult } from "@dynofunc/core/operations/create"
import type { Item } from "@dynofunc/core/Value"

export {
  /**
   * @since 0.1.0
   * @category execution
   */
  batchWrite
} from "./internal/typed/batch.js"
export {
  /**
   * @since 0.1.0
   * @category execution
   */
  collection
} from "./internal/typed/collection.js"

/**
 * A put or delete of one entity's item in a batch: `Entity.batchPut(item)`, `Entity.batchDelete(key)`.
 *
 * @since 0.1.0
 * @category models
 */
export type EntityWrite<Tag extends string = string, P = unknown, K = unknown> =
  | { readonly entity: Tag; readonly put: P; readonly delete?: undefined; /** @internal */ readonly runtime: Runtime }
  | { readonly entity: Tag; readonly delete: K; readonly put?: undefined; /** @internal */ readonly runtime: Runtime }

/**
 * Why nothing of a typed batch write was sent: a write does not encode, or cannot be a batch write.
 *
 * @since 0.1.0
 * @category errors
 */
export type EntityWriteError = ItemEncodeError | InvalidInputError

/**
 * An entity as a collection query needs it (any `Entity`).
 *
 * @since 0.1.0
 * @category models
 */
export interface CollectionMember<Tag extends string = string, A = unknown> {
  readonly name: Tag
  readonly table: Table
  /** @internal */
  readonly runtime: Runtime
  readonly Type?: A
}

/**
 * One item of a collection: its entity's tag and the decoded item, a union to match on `entity`.
 *
 * @since 0.1.0
 * @category models
 */
export type Tagged<Members extends CollectionMember> = Members extends CollectionMember<infer Tag, infer A>
  ? { readonly entity: Tag; readonly item: A }
  : never

/**
 * Options of `collection`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CollectionOptions {
  /** Items not matching their Schema: fail with `ItemDecodeError` (default), or skip them, listed in `invalid`. */
  readonly onInvalid?: "fail" | "skip" | undefined
  /** Items whose tag none of the entities has: fail with `UnknownEntityError` (default), or skip them, listed in `unknown`. */
  readonly onUnknown?: "fail" | "skip" | undefined
  readonly filter?: Condition | undefined
  readonly limit?: number | undefined
  readonly order?: "asc" | "desc" | undefined
  readonly startKey?: Item | undefined
  readonly consistent?: boolean | undefined
}

/**
 * A page of a collection.
 *
 * @since 0.1.0
 * @category models
 */
export interface CollectionResult<Members extends CollectionMember> {
  readonly items: ReadonlyArray<Tagged<Members>>
  readonly invalid: ReadonlyArray<ItemDecodeError>
  readonly unknown: ReadonlyArray<UnknownEntityError>
  readonly lastKey: Item | undefined
  readonly raw: QueryCommandOutput
}

/**
 * A key attribute of an index: its name, or its name and type (`S` by default).
 *
 * @since 0.1.0
 * @category models
 */
export type IndexAttribute = string | { readonly name: string; readonly type?: ScalarAttributeType | undefined }

/**
 * A global secondary index: one attribute per key (composite keys), or up to 4 each (multi-attribute keys).
 *
 * @since 0.1.0
 * @category models
 */
export interface IndexSpec {
  readonly partitionKey: IndexAttribute | ReadonlyArray<IndexAttribute>
  readonly sortKey?: IndexAttribute | ReadonlyArray<IndexAttribute> | undefined
}

/**
 * What a typed table declares.
 *
 * @since 0.1.0
 * @category models
 */
export interface TableSpec {
  readonly name: string
  readonly partitionKey: string
  readonly sortKey?: string | undefined
  readonly indexes?: { readonly [index: string]: IndexSpec } | undefined
  /** The attribute holding each item's entity tag; default `_entity`. */
  readonly entityAttribute?: string | undefined
}

/**
 * A typed table: its declaration, with the attribute names resolved.
 *
 * @since 0.1.0
 * @category models
 */
export interface Table<Spec extends TableSpec = TableSpec> {
  readonly spec: Spec
  readonly name: string
  readonly entityAttribute: string
  /** The key attribute names of the table (`primary`) and of each index, in key-schema order. */
  readonly keys: { readonly [index: string]: { readonly partition: ReadonlyArray<string>; readonly sort: ReadonlyArray<string> } }
}

/** The names an index spec lists. */
const names = (spec: IndexAttribute | ReadonlyArray<IndexAttribute> | undefined): ReadonlyArray<string> =>
  spec === undefined ? [] : (Array.isArray(spec) ? (spec as ReadonlyArray<IndexAttribute>) : [spec as IndexAttribute]).map((a) => (typeof a === "string" ? a : a.name))

/**
 * Declares a typed table.
 *
 * @example
 * import { TypedTable } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk" })
 * app.keys.primary // { partition: ["pk"], sort: ["sk"] }
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <const Spec extends TableSpec>(spec: Spec): Table<Spec> => {
  const keys: Record<string, { partition: ReadonlyArray<string>; sort: ReadonlyArray<string> }> = {
    primary: { partition: [spec.partitionKey], sort: spec.sortKey === undefined ? [] : [spec.sortKey] }
  }
  for (const [index, keySpec] of Object.entries(spec.indexes ?? {})) {
    keys[index] = { partition: names(keySpec.partitionKey), sort: names(keySpec.sortKey) }
  }
  return { spec, name: spec.name, entityAttribute: spec.entityAttribute ?? "_entity", keys }
}

/**
 * The `CreateTable` operation for a typed table: string keys, its indexes (projection `ALL`), on-demand billing
 * unless `options` say otherwise.
 *
 * @example
 * import { TypedTable } from "dynofunc"
 * TypedTable.create(TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk" })).description.KeySchema
 * // [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }]
 *
 * @since 0.1.0
 * @category execution
 */
export const create = (table: Table, options: CreateOptions = {}): Operation<"CreateTable", CreateResult> =>
  createTable(table.name, table.spec.partitionKey, {
    ...(table.spec.sortKey !== undefined && { rangeKey: table.spec.sortKey }),
    globalIndexes: Object.entries(table.spec.indexes ?? {}).map(([name, index]) => ({
      name,
      hashKey: index.partitionKey,
      rangeKey: index.sortKey
    })),
    ...options
  })

/**
 * Runs a typed operation (from `Entity` or `TypedTable.collection`): `execute`, then the typed outcome — decoded
 * items, or `ItemDecodeError`, `ItemEncodeError` (nothing sent), `VersionConflictError`, `UniqueConstraintError`,
 * `UniqueConflictError`, `UnknownEntityError`, as the operation can fail. A write that needs more than it was built
 * with (the time of its timestamps, the stored values of its unique fields) gets it first (Effect's `Clock`, one
 * consistent read) and is built again with it.
 *
 * @example
 * import { Effect, Schema } from "effect"
 * import { TypedTable, Entity } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk" })
 * const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ id: Schema.String }), primary: { partition: { prefix: "USER", fields: ["id"] } } })
 * const user = TypedTable.execute(User.get({ id: "u1" })).pipe(Effect.map((result) => result.item))
 *
 * @since 0.1.0
 * @category execution
 */
export const execute: <Name extends CommandName, A, E>(
  op: Operation<Name, Outcome.Outcome<A, E>>
) => Effect.Effect<A, ErrorOf<Name> | E, DynamoClient> = run

/**
 * What a typed read gives per page: decoded items, and the ones skipped (`onInvalid` / `onUnknown: "skip"`).
 *
 * @since 0.1.0
 * @category models
 */
export interface DecodedPage<A> {
  readonly items: ReadonlyArray<A>
  readonly invalid: ReadonlyArray<ItemDecodeError>
  readonly unknown?: ReadonlyArray<UnknownEntityError> | undefined
}

/**
 * Options of `items`: those of `Pages.items`, and what to do with each item a page skipped.
 *
 * @since 0.1.0
 * @category models
 */
export interface ItemsOptions<R = never> extends Pages.ItemsOptions {
  /** Called with each item skipped by `onInvalid: "skip"` (or a collection's `onUnknown: "skip"`), in order. */
  readonly onSkipped?: ((skipped: ItemDecodeError | UnknownEntityError) => Effect.Effect<void, never, R>) | undefined
}

/**
 * Every decoded item of every page of a typed query or scan, in order: `Pages.items`, with the skipped ones handed
 * over. An item that does not decode fails the stream with `ItemDecodeError`, unless the operation says
 * `onInvalid: "skip"` (or a collection `onUnknown: "skip"`): then it is left out and given to `onSkipped`.
 * `maxItems` stops reading once that many came out. (`Pages.pages` streams the decoded pages, `invalid` included.)
 *
 * @example
 * import { Console, Effect, Schema, Stream } from "effect"
 * import { TypedTable, Entity } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk" })
 * const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ org: Schema.String, id: Schema.String, email: Schema.String }),
 *   primary: { partition: { prefix: "ORG", fields: ["org"] }, sort: { prefix: "USER", fields: ["id"] } } })
 * const emails = TypedTable.items(User.query("primary", { org: "acme" }, { onInvalid: "skip" }), {
 *   maxItems: 500,
 *   onSkipped: (error) => Effect.logWarning(error.message)
 * }).pipe(Stream.map((user) => user.email), Stream.runCollect)
 *
 * @since 0.1.0
 * @category execution
 */
export const items = <Name extends "Query" | "Scan", A, E, R = never>(
  op: Operation<Name, Outcome.Outcome<DecodedPage<A>, E>>,
  options: ItemsOptions<R> = {}
): Stream.Stream<A, ErrorOf<Name> | E, DynamoClient | R> => {
  const onSkipped = options.onSkipped
  const decoded = mapConcatEffect(Pages.pages(op, options), (page) =>
    onSkipped === undefined
      ? Effect.succeed(page.items)
      : Effect.as(Effect.forEach([...page.invalid, ...(page.unknown ?? [])], onSkipped, { discard: true }), page.items)
  )
  return options.maxItems === undefined ? decoded : Stream.take(decoded, options.maxItems)
}
