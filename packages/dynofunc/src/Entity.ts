/**
 * Entities: one kind of item in a typed table, described by an Effect Schema (`Schema.Struct` or `Schema.Class`),
 * the only source of truth for the item type, its attribute names and how values are stored.
 *
 * An entity declares its tag (stored on every item, in the table's `entityAttribute`), how its keys are composed
 * from its fields on the table and on each index (`PREFIX#field1#field2`, see `CompositeKey`), and optionally
 * timestamps, a version attribute (optimistic locking) and unique fields. Its builders (`put`, `get`, `update`,
 * `delete`, `query`, `scan`) return ordinary `Operation`s with the same `description` the plain builders give, usable
 * in `transactWriteItems` and anywhere an operation goes; run them with `TypedTable.execute` for decoded items and
 * typed errors (`execute` gives the `Either`).
 *
 * - Writes encode through the Schema (`Schema.Date` is stored as its ISO string, `Schema.BigInt` as its string…);
 *   an invalid item is an `ItemEncodeError` and nothing is sent.
 * - Reads decode through the Schema; an item that does not match is an `ItemDecodeError` carrying the
 *   Schema failure (`ParseError` on Effect 3, `SchemaError` on Effect 4), the table, the key and the raw item (queries and scans may skip them instead: `onInvalid: "skip"`).
 * - An update that changes a field an index key is composed from recomputes that key; if it does not give every
 *   field the key needs, the operation carries a problem naming the index and the missing fields (or follows the
 *   index's `onMissing`: `"sparse"` removes the key, `"keep"` leaves it).
 *
 * @example
 * import { Effect, Schema } from "effect"
 * import { TypedTable, Entity } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk", indexes: { gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" } } })
 * const User = Entity.make({
 *   table: app,
 *   name: "User",
 *   schema: Schema.Struct({ org: Schema.String, id: Schema.String, email: Schema.String, visits: Schema.Number, joined: Schema.Date }),
 *   primary: { partition: { prefix: "ORG", fields: ["org"] }, sort: { prefix: "USER", fields: ["id"] } },
 *   indexes: { gsi1: { partition: { prefix: "EMAIL", fields: ["email"] } } }
 * })
 * const program = Effect.gen(function* () {
 *   yield* TypedTable.execute(User.put({ org: "acme", id: "u1", email: "ada@acme.org", visits: 0, joined: new Date() }))
 *   yield* TypedTable.execute(User.update({ org: "acme", id: "u1" }, { visits: Entity.increment() }))
 *   const { items } = yield* TypedTable.execute(User.query("primary", { org: "acme" }))
 *   return items // ReadonlyArray<{ org: string; id: string; email: string; visits: number; joined: Date }>
 * })
 *
 * @since 0.1.0
 */
import type { GetItemCommandOutput, QueryCommandOutput, ScanCommandOutput } from "@aws-sdk/client-dynamodb"
import type { Schema, Types } from "effect"
import type { Outcome } from "#adapter"
import type { AnySchema } from "#schema"
import type { Condition } from "@dynofunc/core/Condition"
import type { ItemDecodeError, ItemEncodeError, UniqueConflictError, UniqueConstraintError, VersionConflictError } from "./EntityError.js"
import { action, type ActionId } from "./internal/typed/actions.js"
import type { FieldsSchema } from "./internal/typed/codec.js"
import { make as makeRuntime } from "./internal/typed/entity/runtime.js"
import type { Operation } from "@dynofunc/core/Operation"
import type { Size } from "@dynofunc/core/Path"
import type { Path } from "@dynofunc/core/Path"
import type { CollectionMember, EntityWrite, Table } from "./TypedTable.js"
import type { Item } from "@dynofunc/core/Value"

/**
 * The kinds of typed update actions.
 *
 * @since 0.1.0
 * @category models
 */
export type ActionKind = "increment" | "decrement" | "append" | "prepend" | "add" | "delete" | "remove" | "ifNotExists"

/**
 * A typed update action of `Kind` on a field holding `V` (the type is what the compiler checks; `V` is phantom).
 *
 * @since 0.1.0
 * @category models
 */
export interface Action<Kind extends ActionKind, V> {
  readonly [ActionId]: Kind
  /** The operand as given (encoded with the field's Schema when the update is built). */
  readonly operand: unknown
  readonly _V?: V
}

/**
 * One side of a key: a prefix and the fields composed after it.
 *
 * @since 0.1.0
 * @category models
 */
export interface KeyPart {
  readonly prefix?: string | undefined
  readonly fields: ReadonlyArray<string>
}

/**
 * What an update that touches part of a composed index key does: fail (default), drop the item from the index, or keep the old key.
 *
 * @since 0.1.0
 * @category models
 */
export type MissingPolicy = "fail" | "sparse" | "keep"

/**
 * An entity's key on one index (`primary` or a GSI): composed partition and sort keys.
 *
 * @since 0.1.0
 * @category models
 */
export interface KeyDef {
  readonly partition: KeyPart
  readonly sort?: KeyPart | undefined
  readonly onMissing?: MissingPolicy | undefined
}

/**
 * What `make` takes: the table, the entity's tag, its Schema, how its keys are composed, and optionally
 * timestamps, a version attribute and unique fields.
 *
 * @example
 * import { Schema } from "effect"
 * import { TypedTable, Entity } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk" })
 * const config = { table: app, name: "User", schema: Schema.Struct({ id: Schema.String }), primary: { partition: { prefix: "USER", fields: ["id"] } } } satisfies Entity.EntityConfig
 *
 * @since 0.1.0
 * @category models
 */
export interface EntityConfig {
  readonly table: Table
  readonly name: string
  readonly schema: FieldsSchema
  readonly primary: KeyDef
  readonly indexes?: { readonly [index: string]: KeyDef | undefined } | undefined
  readonly timestamps?: { readonly createdAt?: string | undefined; readonly updatedAt?: string | undefined } | undefined
  readonly version?: string | undefined
  readonly unique?: ReadonlyArray<string> | undefined
}

/**
 * The plain item of an entity: its Schema's fields (what writes take; a `Schema.Class` reads back as instances).
 *
 * @since 0.1.0
 * @category models
 */
export type Fields<C extends EntityConfig> = C["schema"] extends Schema.Struct<infer _F>
  ? Schema.Schema.Type<C["schema"]>
  : Types.Simplify<Schema.Struct.Type<C["schema"]["fields"]>>

/**
 * What reads of an entity give: its Schema's type.
 *
 * @since 0.1.0
 * @category models
 */
export type Read<C extends EntityConfig> = Schema.Schema.Type<C["schema"]>

type PartFields<P> = P extends { readonly fields: ReadonlyArray<infer F> } ? F : never

/**
 * The fields the primary key is composed of.
 *
 * @since 0.1.0
 * @category models
 */
export type KeyFields<C extends EntityConfig> = (PartFields<C["primary"]["partition"]> | PartFields<C["primary"]["sort"]>) & keyof Fields<C>

/**
 * What identifies one item: the primary key's fields.
 *
 * @since 0.1.0
 * @category models
 */
export type Key<C extends EntityConfig> = Pick<Fields<C>, KeyFields<C>>

/**
 * The fields the entity fills in itself: timestamps and version.
 *
 * @since 0.1.0
 * @category models
 */
export type Managed<C extends EntityConfig> =
  | (C["timestamps"] extends { readonly createdAt: infer F extends string } ? F : never)
  | (C["timestamps"] extends { readonly updatedAt: infer F extends string } ? F : never)
  | (C["version"] extends string ? C["version"] : never)

/**
 * What `put` takes: the item, the managed fields optional.
 *
 * @since 0.1.0
 * @category models
 */
export type PutItem<C extends EntityConfig> = Omit<Fields<C>, Managed<C>> & Partial<Pick<Fields<C>, Managed<C> & keyof Fields<C>>>

type UniqueFields<C extends EntityConfig> = C["unique"] extends ReadonlyArray<infer F> ? F : never
type VersionError<C extends EntityConfig> = C["version"] extends string ? VersionConflictError : never
type UniqueError<C extends EntityConfig> = [UniqueFields<C>] extends [never] ? never : UniqueConstraintError
/** A write that may move unique sentinels is a transaction (when it does), and may read the stored values first. */
type UniqueWrite<C extends EntityConfig, Name extends "PutItem" | "UpdateItem" | "DeleteItem"> = [UniqueFields<C>] extends [never] ? Name : Name | "TransactWriteItems"
/** What a write of unique fields may fail with for reading their stored values first: the read, and a write in between. */
type UniqueRead<C extends EntityConfig> = [UniqueFields<C>] extends [never] ? never : ItemDecodeError | UniqueConflictError

/**
 * The stored values of an entity's unique fields, as far as the caller knows them (`undefined`: the item has none).
 *
 * @since 0.1.0
 * @category models
 */
export type Previous<C extends EntityConfig> = { readonly [K in UniqueFields<C> & keyof Fields<C>]?: Fields<C>[K] | undefined }

/**
 * The update actions a field holding `V` may take.
 *
 * @since 0.1.0
 * @category models
 */
export type ActionFor<V> =
  | Action<"ifNotExists", V>
  | ([Extract<V, number | bigint>] extends [never] ? never : Action<"increment" | "decrement", number | bigint>)
  | ([Extract<V, ReadonlyArray<unknown>>] extends [never] ? never : Action<"append" | "prepend", Extract<V, ReadonlyArray<unknown>>>)
  | ([Extract<V, ReadonlySet<unknown>>] extends [never] ? never : Action<"add" | "delete", Extract<V, ReadonlySet<unknown>>>)
  | (undefined extends V ? Action<"remove", undefined> : never)

/**
 * What `update` takes: any field but the primary key's and the managed ones, each a value or an action for its type.
 *
 * @since 0.1.0
 * @category models
 */
export type Changes<C extends EntityConfig> = {
  readonly [K in Exclude<keyof Fields<C>, KeyFields<C> | Managed<C>>]?: Fields<C>[K] | ActionFor<Fields<C>[K]>
}

type IndexNames<C extends EntityConfig> = C["table"] extends Table<infer Spec> ? keyof NonNullable<Spec["indexes"]> & string : never

type AttributeNames<X> = X extends string ? X : X extends { readonly name: infer N } ? N : X extends ReadonlyArray<infer E> ? AttributeNames<E> : never

type KeyQuery<C extends EntityConfig, K> = K extends { readonly partition: infer P; readonly sort?: infer S }
  ? Pick<Fields<C>, PartFields<P> & keyof Fields<C>> & Partial<Pick<Fields<C>, PartFields<S> & keyof Fields<C>>>
  : never

type NativeQuery<C extends EntityConfig, I extends string> = C["table"] extends Table<infer Spec>
  ? NonNullable<Spec["indexes"]>[I] extends { readonly partitionKey: infer P; readonly sortKey?: infer S }
    ? Pick<Fields<C>, AttributeNames<P> & keyof Fields<C>> & Partial<Pick<Fields<C>, AttributeNames<S> & keyof Fields<C>>>
    : never
  : never

/**
 * What a query on `index` takes: the partition key's fields, then sort key fields from the left (all of them: an
 * equality; some: a prefix). On a multi-attribute index, the index's own attributes.
 *
 * @since 0.1.0
 * @category models
 */
export type QueryKey<C extends EntityConfig, I extends string> = I extends "primary"
  ? KeyQuery<C, C["primary"]>
  : I extends keyof NonNullable<C["indexes"]>
    ? KeyQuery<C, NonNullable<C["indexes"]>[I]>
    : NativeQuery<C, I>

/**
 * A path of an entity, typed by the value it holds: comparisons take that type and encode it with the field's Schema.
 *
 * @since 0.1.0
 * @category models
 */
export interface TypedPath<V> {
  /** The plain path, for anything the typed methods do not cover. */
  readonly path: Path
  equals(value: NonNullable<V>): Condition
  notEquals(value: NonNullable<V>): Condition
  lt(value: NonNullable<V>): Condition
  lte(value: NonNullable<V>): Condition
  gt(value: NonNullable<V>): Condition
  gte(value: NonNullable<V>): Condition
  between(low: NonNullable<V>, high: NonNullable<V>): Condition
  in(values: ReadonlyArray<NonNullable<V>>): Condition
  beginsWith(prefix: NonNullable<V> extends string ? string : never): Condition
  contains(
    operand: NonNullable<V> extends string ? string : NonNullable<V> extends ReadonlyArray<infer E> | ReadonlySet<infer E> ? E : never
  ): Condition
  exists(): Condition
  notExists(): Condition
  size(): Size
}

/**
 * Options of `put`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PutOptions<C extends EntityConfig = EntityConfig> {
  /** Write only if this holds. */
  readonly condition?: Condition | undefined
  /** With a version attribute: the version the stored item must have (none: it must not exist yet). */
  readonly expectedVersion?: number | undefined
  /**
   * The time for the timestamps. Default: `TypedTable.execute` reads Effect's `Clock` (a `TestClock` controls it)
   * and builds the write again with it; the description itself holds the wall-clock time it was built at.
   */
  readonly now?: Date | undefined
  /**
   * The stored values of the unique fields (`undefined`: the item, or that value, is not stored), to move their
   * sentinels: left out, the put carries a problem and `TypedTable.execute` reads them first (one consistent
   * `GetItem`; not needed for a versioned put without `expectedVersion`, which writes a new item). The put is then
   * conditioned on the stored values still being these.
   */
  readonly previous?: Previous<C> | undefined
}

/**
 * Options of `get`.
 *
 * @since 0.1.0
 * @category models
 */
export interface GetOptions<P extends ReadonlyArray<string> = ReadonlyArray<string>> {
  readonly consistent?: boolean | undefined
  /** Read only these fields: the result type narrows to them. */
  readonly projection?: P | undefined
}

/**
 * Options of `update`: those of `put`, `previous` naming the stored values of the unique fields it changes.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateOptions<C extends EntityConfig = EntityConfig> extends PutOptions<C> {
  /**
   * The stored values of the unique fields the update changes, to move their sentinels: left out, the write
   * carries a problem and `TypedTable.execute` reads them first (one consistent `GetItem`). The update is then
   * conditioned on the stored values still being these.
   */
  readonly previous?: Previous<C> | undefined
}

/**
 * Options of `delete`.
 *
 * @since 0.1.0
 * @category models
 */
export interface DeleteOptions<C extends EntityConfig = EntityConfig> {
  readonly condition?: Condition | undefined
  readonly expectedVersion?: number | undefined
  /** The stored values of the unique fields, to remove their sentinels (left out: read first, as for `update`). */
  readonly previous?: Previous<C> | undefined
}

/**
 * Options of `query` and `scan`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ReadOptions {
  /** Only items for which this holds (besides the entity tag, always checked). */
  readonly filter?: Condition | undefined
  readonly limit?: number | undefined
  /** Sort order of a query: `"asc"` (default) or `"desc"`. */
  readonly order?: "asc" | "desc" | undefined
  readonly startKey?: Item | undefined
  readonly consistent?: boolean | undefined
  /** An item that does not match the Schema: fail with `ItemDecodeError` (default), or skip it, listed in `invalid`. */
  readonly onInvalid?: "fail" | "skip" | undefined
}

/**
 * A page of decoded items.
 *
 * @since 0.1.0
 * @category models
 */
export interface Page<A, Raw> {
  readonly items: ReadonlyArray<A>
  /** The items skipped with `onInvalid: "skip"`. */
  readonly invalid: ReadonlyArray<ItemDecodeError>
  readonly count: number
  readonly lastKey: Item | undefined
  readonly raw: Raw
}

/**
 * An entity: its configuration and its typed builders.
 *
 * @since 0.1.0
 * @category models
 */
export interface TypedEntity<C extends EntityConfig> extends CollectionMember<C["name"], Read<C>> {
  readonly config: C
  /**
   * Writes the item (`PutItem`). With unique fields, conditioned on their stored values (read first, or given as
   * `previous`), and when one changes a `TransactWriteItems` moving its sentinel: the old value's deleted, the new
   * one's put if no item holds it.
   */
  put(
    item: PutItem<C>,
    options?: PutOptions<C>
  ): Operation<
    UniqueWrite<C, "PutItem">,
    Outcome.Outcome<{ readonly item: Fields<C>; readonly raw: unknown }, ItemEncodeError | VersionError<C> | UniqueError<C> | UniqueRead<C>>
  >
  /** Reads one item by its key (`GetItem`), decoded. */
  get(key: Key<C>, options?: GetOptions<never>): Operation<"GetItem", Outcome.Outcome<{ readonly item: Read<C> | undefined; readonly raw: GetItemCommandOutput }, ItemDecodeError>>
  get<const P extends ReadonlyArray<keyof Fields<C> & string>>(
    key: Key<C>,
    options: GetOptions<P> & { readonly projection: P }
  ): Operation<"GetItem", Outcome.Outcome<{ readonly item: Pick<Fields<C>, P[number]> | undefined; readonly raw: GetItemCommandOutput }, ItemDecodeError>>
  /**
   * Changes fields of an existing item (`UpdateItem`, condition: it exists), index keys recomputed; gives the new
   * item. Changing a unique field moves its sentinel: a `TransactWriteItems` (which gives no item back).
   */
  update(
    key: Key<C>,
    changes: Changes<C>,
    options?: UpdateOptions<C>
  ): Operation<
    UniqueWrite<C, "UpdateItem">,
    Outcome.Outcome<{ readonly item: Read<C> | undefined; readonly raw: unknown }, ItemDecodeError | ItemEncodeError | VersionError<C> | UniqueError<C> | UniqueRead<C>>
  >
  /** Deletes one item by its key (`DeleteItem`; with unique fields, a `TransactWriteItems` removing their sentinels too). */
  delete(key: Key<C>, options?: DeleteOptions<C>): Operation<UniqueWrite<C, "DeleteItem">, Outcome.Outcome<{ readonly raw: unknown }, VersionError<C> | UniqueRead<C>>>
  /** Reads items of this entity from one partition of `index` (`"primary"`: the table), decoded. */
  query<I extends "primary" | IndexNames<C>>(
    index: I,
    key: QueryKey<C, I>,
    options?: ReadOptions
  ): Operation<"Query", Outcome.Outcome<Page<Read<C>, QueryCommandOutput>, ItemDecodeError>>
  /** Reads every item of this entity (`Scan`, filtered on the entity tag), decoded. */
  scan(options?: ReadOptions): Operation<"Scan", Outcome.Outcome<Page<Read<C>, ScanCommandOutput>, ItemDecodeError>>
  /**
   * A put of this entity for `TypedTable.batchWrite`, encoded there (timestamps from Effect's `Clock`). A batch write
   * holds no condition: refused for an entity with unique fields or a version.
   */
  batchPut(item: PutItem<C>): EntityWrite<C["name"], PutItem<C>, Key<C>>
  /** A delete of this entity's item for `TypedTable.batchWrite`. */
  batchDelete(key: Key<C>): EntityWrite<C["name"], PutItem<C>, Key<C>>
  /** A field, for conditions and filters: values typed and encoded by its Schema. */
  attr<K extends keyof Fields<C> & string>(name: K): TypedPath<Fields<C>[K]>
  /** A nested field of a Struct field. */
  path<K1 extends keyof Fields<C> & string, K2 extends keyof NonNullable<Fields<C>[K1]> & string>(
    first: K1,
    second: K2
  ): TypedPath<NonNullable<Fields<C>[K1]>[K2]>
}

type FieldName<S extends FieldsSchema> = keyof S["fields"] & string
type FieldsOfType<S extends FieldsSchema, V> = {
  [K in FieldName<S>]-?: [Schema.Schema.Type<Extract<S["fields"][K], AnySchema>>] extends [V] ? K : never
}[FieldName<S>]

type DefFields<D> = D extends { readonly partition: { readonly fields: ReadonlyArray<infer P> } }
  ? P | (D extends { readonly sort?: { readonly fields: ReadonlyArray<infer S> } | undefined } ? S : never)
  : never
type TypedField<C extends EntityConfig, Setting, V> = Setting extends string ? Exclude<Setting, FieldsOfType<C["schema"], V>> : never

/**
 * What `make` finds wrong beyond `EntityConfig` (`never`: nothing): key fields not in the Schema, indexes the table
 * does not have, timestamps that are not `Date` fields, a version that is not a number field, unique fields not in
 * the Schema. Checked on the inferred configuration, once: a cheap check (see the type-check cost test).
 *
 * @since 0.1.0
 * @category models
 */
export type ConfigProblems<C extends EntityConfig> =
  | Exclude<DefFields<C["primary"]> | DefFields<NonNullable<C["indexes"]>[keyof NonNullable<C["indexes"]>]>, FieldName<C["schema"]>>
  | Exclude<keyof NonNullable<C["indexes"]>, IndexNames<C>>
  | TypedField<C, NonNullable<C["timestamps"]>["createdAt"] | NonNullable<C["timestamps"]>["updatedAt"], Date>
  | TypedField<C, C["version"], number>
  | (C["unique"] extends ReadonlyArray<infer U> ? Exclude<U, FieldName<C["schema"]>> : never)

/**
 * Declares an entity of a typed table. Settings that name what the Schema or the table does not have (or a timestamp
 * that is not a `Date` field, a version that is not a number field) do not compile: the call then expects a second
 * argument whose type lists them (`ConfigProblems`).
 *
 * @example
 * import { Schema } from "effect"
 * import { TypedTable, Entity } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk" })
 * const Account = Entity.make({
 *   table: app,
 *   name: "Account",
 *   schema: Schema.Struct({ id: Schema.String, email: Schema.String, version: Schema.Number, createdAt: Schema.Date, updatedAt: Schema.Date }),
 *   primary: { partition: { prefix: "ACCOUNT", fields: ["id"] } },
 *   timestamps: { createdAt: "createdAt", updatedAt: "updatedAt" },
 *   version: "version",
 *   unique: ["email"]
 * })
 * Account.put({ id: "a1", email: "ada@example.com" }).name // "TransactWriteItems": the item and its email sentinel
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <const C extends EntityConfig>(
  config: C,
  ..._problems: [ConfigProblems<C>] extends [never] ? [] : [settingsNotInTheSchema: ConfigProblems<C>]
): TypedEntity<C> => {
  const runtime = makeRuntime(config)
  return { ...runtime, config, runtime } as unknown as TypedEntity<C>
}

/**
 * Adds `by` (default 1) to a number field.
 *
 * @example
 * import { Entity } from "dynofunc"
 * const changes = { visits: Entity.increment() }
 *
 * @since 0.1.0
 * @category combinators
 */
export const increment = (by: number | bigint = 1): Action<"increment", number | bigint> => action("increment", by)

/**
 * Subtracts `by` (default 1) from a number field.
 *
 * @example
 * import { Entity } from "dynofunc"
 * const changes = { stock: Entity.decrement(3) }
 *
 * @since 0.1.0
 * @category combinators
 */
export const decrement = (by: number | bigint = 1): Action<"decrement", number | bigint> => action("decrement", by)

/**
 * Appends elements to an array field.
 *
 * @example
 * import { Entity } from "dynofunc"
 * const changes = { roles: Entity.append(["admin"]) }
 *
 * @since 0.1.0
 * @category combinators
 */
export const append = <E>(elements: ReadonlyArray<E>): Action<"append", ReadonlyArray<E>> => action("append", elements)

/**
 * Prepends elements to an array field.
 *
 * @example
 * import { Entity } from "dynofunc"
 * const changes = { history: Entity.prepend(["latest"]) }
 *
 * @since 0.1.0
 * @category combinators
 */
export const prepend = <E>(elements: ReadonlyArray<E>): Action<"prepend", ReadonlyArray<E>> => action("prepend", elements)

/**
 * Adds elements to a set field (stored as a DynamoDB set: declare it `Schema.ReadonlySetFromSelf`).
 *
 * @example
 * import { Entity } from "dynofunc"
 * const changes = { tags: Entity.addToSet(["beta"]) }
 *
 * @since 0.1.0
 * @category combinators
 */
export const addToSet = <E>(elements: Iterable<E>): Action<"add", ReadonlySet<E>> => action("add", elements)

/**
 * Removes elements from a set field.
 *
 * @example
 * import { Entity } from "dynofunc"
 * const changes = { tags: Entity.deleteFromSet(["beta"]) }
 *
 * @since 0.1.0
 * @category combinators
 */
export const deleteFromSet = <E>(elements: Iterable<E>): Action<"delete", ReadonlySet<E>> => action("delete", elements)

/**
 * Removes an optional field.
 *
 * @example
 * import { Entity } from "dynofunc"
 * const changes = { nickname: Entity.remove() }
 *
 * @since 0.1.0
 * @category combinators
 */
export const remove = (): Action<"remove", undefined> => action("remove", undefined)

/**
 * Sets a field only when the item does not have it yet.
 *
 * @example
 * import { Entity } from "dynofunc"
 * const changes = { firstSeen: Entity.ifNotExists(new Date()) }
 *
 * @since 0.1.0
 * @category combinators
 */
export const ifNotExists = <V>(value: V): Action<"ifNotExists", V> => action("ifNotExists", value)
