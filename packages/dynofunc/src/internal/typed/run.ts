/**
 * Running typed operations: what a typed builder attaches to the plain operation it returns (`TypedMeta`), and
 * `run`, which turns the plain failures the meta explains into the typed ones.
 */
import { Effect } from "effect"
import { Outcome } from "#adapter"
import type { DynamoClient } from "../../DynamoClient.js"
import { type ErrorOf, execute } from "../../Execute.js"
import type { ItemEncodeError } from "../../EntityError.js"
import { UniqueConflictError, UniqueConstraintError, VersionConflictError } from "../../EntityError.js"
import type { AnyOperation, CommandName, Operation } from "@dynofunc/core/Operation"
import type { Item } from "@dynofunc/core/Value"
import { show } from "./show.js"

/** Where the typed facts of an operation live on it (a symbol: copied by `withInput`, invisible to the SDK). */
export const TypedMeta: unique symbol = Symbol.for("dynofunc/TypedMeta")

/** What a typed write knows that the plain operation does not. */
export interface Meta {
  readonly table: string
  readonly entity: string
  /** The encoding failure: the operation carries it as a problem too, so it is never sent. */
  readonly encodeError?: ItemEncodeError | undefined
  /** A versioned write: a failed condition means another version. */
  readonly version?: { readonly key: Readonly<Record<string, unknown>>; readonly expected: number | undefined } | undefined
  /** A write with unique fields: the transaction action at `action` puts the sentinel of `field = value`. */
  readonly unique?: ReadonlyArray<{ readonly field: string; readonly value: unknown; readonly action: number }> | undefined
  /**
   * A write conditioned on the stored values of unique fields (`expected`), asking for the stored item when a
   * condition fails (`ALL_OLD`): `changed` tells whether that item holds other values (`UniqueConflictError`).
   */
  readonly conflict?:
    | {
        readonly key: Readonly<Record<string, unknown>>
        readonly expected: Readonly<Record<string, unknown>>
        readonly changed: (stored: Item | undefined) => boolean
      }
    | undefined
  /**
   * A write built without all it needs (the time of its timestamps, the stored values of the unique fields whose
   * sentinels it moves): `run` gets them (Effect's `Clock`, one consistent read) and runs the write built again.
   */
  readonly settle?: (() => Effect.Effect<AnyOperation, unknown, DynamoClient>) | undefined
}

/** `op` with `meta` attached. */
export const withMeta = <Op extends object>(op: Op, meta: Meta): Op => {
  // Set in place (no object built to copy it from): every typed builder calls this.
  ;(op as { [TypedMeta]?: Meta })[TypedMeta] = meta
  return op
}

const metaOf = (op: object): Meta | undefined => (op as { [TypedMeta]?: Meta })[TypedMeta]

const typedFailure = (meta: Meta, error: unknown): unknown => {
  const tag = (error as { _tag?: unknown })._tag
  let failed: { readonly item?: Item | undefined } | undefined
  if (tag === "TransactionCanceledError") {
    const reasons = (error as { reasons?: ReadonlyArray<{ code?: string | undefined; item?: Item | undefined } | undefined> }).reasons ?? []
    const unique = meta.unique?.find(({ action }) => reasons[action]?.code === "ConditionalCheckFailed")
    if (unique !== undefined) {
      return new UniqueConstraintError({
        table: meta.table,
        entity: meta.entity,
        field: unique.field,
        value: unique.value,
        cause: error,
        message: `${meta.entity}.${unique.field} = ${show(unique.value)} is taken by another item`
      })
    }
    if (reasons[0]?.code === "ConditionalCheckFailed") failed = reasons[0]
  } else if (tag === "ConditionalCheckFailedError") failed = error as { readonly item?: Item | undefined }
  if (failed === undefined) return error
  if (meta.version !== undefined) return versionConflict(meta, meta.version, error)
  const conflict = meta.conflict
  if (conflict !== undefined && conflict.changed(failed.item)) {
    return new UniqueConflictError({
      table: meta.table,
      entity: meta.entity,
      key: conflict.key,
      expected: conflict.expected,
      cause: error,
      message: `${meta.entity} ${show(conflict.key)} no longer holds ${Object.entries(conflict.expected)
        .map(([field, value]) => `${field} = ${value === undefined ? "(none)" : String(value)}`)
        .join(", ")}: another write came in between; nothing was written`
    })
  }
  return error
}

const versionConflict = (meta: Meta, version: NonNullable<Meta["version"]>, cause: unknown) =>
  new VersionConflictError({
    table: meta.table,
    entity: meta.entity,
    key: version.key,
    expectedVersion: version.expected,
    cause,
    message:
      version.expected === undefined
        ? `${meta.entity} ${show(version.key)} already exists`
        : `${meta.entity} ${show(version.key)} is not at version ${version.expected}`
  })

/** Runs a typed operation: see `TypedTable.execute`. */
export const run = <Name extends CommandName, A, E>(op: Operation<Name, Outcome.Outcome<A, E>>): Effect.Effect<A, E | ErrorOf<Name>, DynamoClient> => {
  const meta = metaOf(op)
  if (meta?.encodeError !== undefined) return Effect.fail(meta.encodeError) as Effect.Effect<never, E>
  if (meta?.settle !== undefined) return Effect.flatMap(meta.settle() as Effect.Effect<typeof op, E>, run)
  const sent = meta === undefined ? execute(op) : Effect.mapError(execute(op), (error) => typedFailure(meta, error) as typeof error)
  return Effect.flatMap(sent, Outcome.fromOutcome)
}
