/**
 * The errors of typed tables and entities (`Entity`, `TypedTable`), beside the ones of the operations they compile
 * to. Each carries what is needed to act: the table, the entity, the key, the item, and the Schema failure as `cause` (`ParseError` on Effect 3, `SchemaError` on Effect 4).
 *
 * @example
 * import { Effect } from "effect"
 * import { ItemDecodeError, VersionConflictError } from "dynofunc"
 * const handled = (effect: Effect.Effect<string, ItemDecodeError | VersionConflictError>) =>
 *   effect.pipe(
 *     Effect.catchTag("ItemDecodeError", (error) => Effect.succeed(`bad item in ${error.table}: ${error.message}`)),
 *     Effect.catchTag("VersionConflictError", (error) => Effect.succeed(`stale: expected version ${error.expectedVersion}`))
 *   )
 *
 * @since 0.1.0
 */
import { Data } from "effect"
import type { SchemaFailure } from "#schema"

/**
 * An item read from the table does not match its entity's Schema.
 *
 * @example
 * import { ItemDecodeError } from "dynofunc"
 * declare const error: import("effect/ParseResult").ParseError // Effect 4: import("effect/Schema").SchemaError
 * new ItemDecodeError({ table: "app", entity: "User", key: { pk: "USER#1" }, item: { pk: "USER#1" }, cause: error, message: "…" })
 *
 * @since 0.1.0
 * @category errors
 */
export class ItemDecodeError extends Data.TaggedError("ItemDecodeError")<{
  readonly table: string
  readonly entity: string
  /** The key attributes of the item, as stored. */
  readonly key: Readonly<Record<string, unknown>>
  /** The item as read (plain JS), before decoding. */
  readonly item: Readonly<Record<string, unknown>>
  readonly cause: SchemaFailure
  readonly message: string
}> {}

/**
 * An item (or a value of an update, a key or a condition) given to a typed write does not match its entity's
 * Schema: nothing was sent.
 *
 * @example
 * import { ItemEncodeError } from "dynofunc"
 * declare const error: import("effect/ParseResult").ParseError // Effect 4: import("effect/Schema").SchemaError
 * new ItemEncodeError({ table: "app", entity: "User", part: "Item", cause: error, message: "…" })
 *
 * @since 0.1.0
 * @category errors
 */
export class ItemEncodeError extends Data.TaggedError("ItemEncodeError")<{
  readonly table: string
  readonly entity: string
  /** Which part of the request: `Item`, `Key`, `UpdateExpression`, `ConditionExpression`, … */
  readonly part: string
  readonly cause: SchemaFailure
  readonly message: string
}> {}

/**
 * An item of a collection query carries an entity tag that none of the entities asked for knows.
 *
 * @example
 * import { UnknownEntityError } from "dynofunc"
 * new UnknownEntityError({ table: "app", tag: "Invoice", item: { pk: "ORG#1", _entity: "Invoice" }, message: "…" })
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownEntityError extends Data.TaggedError("UnknownEntityError")<{
  readonly table: string
  /** The tag found on the item (`undefined` when it has none). */
  readonly tag: unknown
  readonly item: Readonly<Record<string, unknown>>
  readonly message: string
}> {}

/**
 * A versioned write found another version than the one it expected (optimistic locking): someone wrote first.
 *
 * @example
 * import { VersionConflictError } from "dynofunc"
 * new VersionConflictError({ table: "app", entity: "User", key: { pk: "USER#1" }, expectedVersion: 3, cause: undefined, message: "…" })
 *
 * @since 0.1.0
 * @category errors
 */
export class VersionConflictError extends Data.TaggedError("VersionConflictError")<{
  readonly table: string
  readonly entity: string
  readonly key: Readonly<Record<string, unknown>>
  /** The version the write expected (`undefined`: it expected the item not to exist). */
  readonly expectedVersion: number | undefined
  readonly cause: unknown
  readonly message: string
}> {}

/**
 * A write would give a field declared unique a value another item already holds.
 *
 * @example
 * import { UniqueConstraintError } from "dynofunc"
 * new UniqueConstraintError({ table: "app", entity: "User", field: "email", value: "ada@example.com", cause: undefined, message: "…" })
 *
 * @since 0.1.0
 * @category errors
 */
export class UniqueConstraintError extends Data.TaggedError("UniqueConstraintError")<{
  readonly table: string
  readonly entity: string
  /** The unique field whose value is taken. */
  readonly field: string
  readonly value: unknown
  readonly cause: unknown
  readonly message: string
}> {}

/**
 * A write that moves unique sentinels (`put`, `update`, `delete` of an entity with unique fields) found other stored
 * values of those fields than it read first (or was given as `previous`): another write came in between. Nothing
 * was written; run the write again (`TypedTable.execute` reads the stored values anew).
 *
 * @example
 * import { UniqueConflictError } from "dynofunc"
 * new UniqueConflictError({ table: "app", entity: "User", key: { pk: "USER#1" }, expected: { email: "ada@example.com" }, cause: undefined, message: "…" })
 *
 * @since 0.1.0
 * @category errors
 */
export class UniqueConflictError extends Data.TaggedError("UniqueConflictError")<{
  readonly table: string
  readonly entity: string
  readonly key: Readonly<Record<string, unknown>>
  /** The stored values the write expected (`undefined`: none), by unique field. */
  readonly expected: Readonly<Record<string, unknown>>
  readonly cause: unknown
  readonly message: string
}> {}
