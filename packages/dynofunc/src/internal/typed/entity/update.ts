/**
 * An entity's updates: typed changes (values and actions) to the plain update, with its timestamps, version, index
 * keys recomputed and unique sentinels moved.
 */
import type { UpdateItemCommandOutput } from "@aws-sdk/client-dynamodb"
import { Outcome } from "#adapter"
import { attr, type Condition } from "@dynofunc/core/Condition"
import { decodeWrite } from "@dynofunc/core/internal/builders/build"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import type { AnyOperation } from "@dynofunc/core/Operation"
import { transactWriteItems } from "@dynofunc/core/operations/transactWriteItems"
import { update } from "@dynofunc/core/operations/update"
import * as Update from "@dynofunc/core/Update"
import type { ItemEncodeError } from "../../../EntityError.js"
import { ActionId, isAction, operandShape, toUpdate } from "../actions.js"
import { type Meta, withMeta } from "../run.js"
import { Fail } from "../schema/types.js"
import { list } from "../show.js"
import { both, type Compiled, encodeFailure, type Options, refused } from "./compiled.js"
import { oneItem } from "./items.js"
import { composePart, primaryKey } from "./keys.js"
import { expectedVersion, timeOf } from "./managed.js"
import { settle } from "./settle.js"
import { noMoves, sentinelMoves, unknownPrevious } from "./unique.js"
import { writeMeta } from "./writes.js"

/** What every update of an entity shares, built once per entity (`updates`). */
export interface Updates {
  readonly entity: Compiled
  /** The condition of every update: the item exists (an update never creates one). */
  readonly itemExists: Condition
  /** The result of an update returning `ALL_NEW`: the new item, decoded (one function, not a closure per update). */
  readonly decodeUpdated: (raw: UpdateItemCommandOutput) => unknown
  /** The meta of an update that needs nothing settled, checks no version and moves no sentinel: the same for all. */
  readonly plainMeta: Meta
  /** The timestamp fields an update sets, each with whether only when missing (`createdAt`). */
  readonly stamps: ReadonlyArray<readonly [string | undefined, boolean]>
}

export const updates = (entity: Compiled): Updates => ({
  entity,
  itemExists: attr(entity.keyAttributes.partition[0]!).exists(),
  decodeUpdated: (raw) => oneItem(entity, raw.Attributes, raw, () => decodeWrite(raw).attributes, entity.codec.decodeItem),
  plainMeta: { table: entity.tableName, entity: entity.entityName, version: undefined, unique: noMoves.guards, settle: undefined },
  stamps: [[entity.config.timestamps?.updatedAt, false], [entity.config.timestamps?.createdAt, true]]
})

const noFields: ReadonlyArray<string> = []

/** The result of a write that gives no item back (a transaction). */
const noItem = (raw: unknown) => Outcome.succeed({ item: undefined, raw })

/** An operation built here and not yet returned, completed in place. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The value of top-level `field` for the plain update: written in one pass (an `AttributeValue` the builder takes
 * as it is), else encoded (the builder marshals it, and names what DynamoDB cannot hold), else `Fail`.
 */
const updateValue = (entity: Compiled, field: string, value: unknown): unknown => {
  const written = entity.codec.fieldWriter(field)(value)
  return written === Fail ? entity.codec.fieldEncoder(field)(value) : attr.value(written)
}

/** Why `value` of top-level `field` does not encode (its encoder gave `Fail`, so `encodeField` fails too). */
const updateEncodeError = (entity: Compiled, field: string, value: unknown): ItemEncodeError => {
  const encoded = entity.codec.encodeField([field], value)
  if (encoded.ok) throw new Error(`${entity.entityName}.${field}: its encoder failed but Schema's did not`)
  return encodeFailure(entity, "UpdateExpression", encoded.error)
}

/** The plain update for typed `changes`, GSI keys recomputed; or the encoding failure. */
const updateAttributes = (
  shared: Updates,
  keyValues: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
  options: Options,
  problems: Array<InputProblem>
): Outcome.Outcome<Record<string, unknown>, ItemEncodeError> => {
  const entity = shared.entity
  const config = entity.config
  const plain: Record<string, unknown> = {}
  for (const field in changes) {
    const value = changes[field]
    if (value === undefined) continue
    if (entity.primaryFields.has(field)) {
      problems.push({ part: "UpdateExpression", message: `${entity.entityName}.${field} is part of the primary key and cannot change (delete and put instead)` })
      continue
    }
    if (isAction(value)) {
      const kind = value[ActionId]
      if (operandShape(kind) === "none") plain[field] = toUpdate(kind, value.operand)
      else {
        const operand = kind === "add" || kind === "delete" ? new Set(value.operand as Iterable<unknown>) : value.operand
        const encoded = updateValue(entity, field, operand)
        if (encoded === Fail) return Outcome.fail(updateEncodeError(entity, field, operand))
        plain[field] = toUpdate(kind, encoded)
      }
    } else {
      const encoded = updateValue(entity, field, value)
      if (encoded === Fail) return Outcome.fail(updateEncodeError(entity, field, value))
      plain[field] = encoded
    }
  }
  if (config.timestamps !== undefined) {
    const now = timeOf(options)
    for (const [field, onlyWhenMissing] of shared.stamps) {
      if (field === undefined) continue
      const encoded = updateValue(entity, field, now)
      if (encoded === Fail) return Outcome.fail(updateEncodeError(entity, field, now))
      plain[field] = onlyWhenMissing ? Update.ifNotExists(encoded) : encoded
    }
  }
  if (config.version !== undefined) plain[config.version] = Update.increment(1)
  recomputeIndexKeys(entity, keyValues, changes, plain, problems)
  return Outcome.succeed(plain)
}

/** Sets (or removes, or keeps) the index keys composed from fields the update changes (the key's fields are known too). */
const recomputeIndexKeys = (
  entity: Compiled,
  keyValues: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
  plain: Record<string, unknown>,
  problems: Array<InputProblem>
): void => {
  if (entity.indexes.length === 0) return
  const known: Record<string, unknown> = {}
  for (const field of entity.primaryFields) known[field] = keyValues[field]
  for (const field in changes) if (changes[field] !== undefined && !isAction(changes[field])) known[field] = changes[field]
  for (const index of entity.indexes) {
    const sides = [[index.def.partition, index.partitionAttribute], [index.def.sort, index.sortAttribute]] as const
    for (const [part, attribute] of sides) {
      if (part === undefined || attribute === undefined) continue
      const touched = part.fields.filter((field) => changes[field] !== undefined)
      if (touched.length === 0) continue
      const missing = part.fields.filter((field) => known[field] === undefined)
      if (missing.length === 0) {
        const composed = composePart(part, known)!
        if (composed.problem !== undefined) problems.push({ part: `Index[${index.index}]`, message: `${entity.entityName}: ${composed.problem}` })
        else plain[attribute] = composed.key
        continue
      }
      const policy = index.def.onMissing ?? "fail"
      if (policy === "sparse") {
        plain[index.partitionAttribute] = Update.remove()
        if (index.sortAttribute !== undefined) plain[index.sortAttribute] = Update.remove()
      } else if (policy === "fail") {
        problems.push({
          part: `Index[${index.index}]`,
          message: `${entity.entityName}: index "${index.index}" key "${attribute}" is composed of ${list(part.fields)}; the update changes ${list(touched)} but does not give ${list(missing)} (give them all, or set onMissing: "sparse" or "keep" on the index)`
        })
      }
    }
  }
}

export const updateItem = (
  shared: Updates,
  keyValues: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
  options: Options = {}
): AnyOperation => {
  const entity = shared.entity
  const config = entity.config
  const problems: Array<InputProblem> = []
  const key = primaryKey(entity, keyValues, problems)
  const attributes = updateAttributes(shared, keyValues, changes, options, problems)
  const versioned = expectedVersion(entity, options)
  const condition = both(both(shared.itemExists, versioned), options.condition)
  const moving = config.unique === undefined ? noFields : config.unique.filter((field) => changes[field] !== undefined)
  for (const field of moving) {
    const change = changes[field]
    if (isAction(change) && change[ActionId] !== "remove") {
      problems.push({ part: "UpdateExpression", message: `${entity.entityName}.${field} is unique: set it or remove it (its sentinel moves with the value)` })
    }
  }
  const unread = moving.length === 0 ? noFields : unknownPrevious(entity, moving, options, problems)
  const moves =
    moving.length === 0
      ? noMoves
      : sentinelMoves(entity, moving, options.previous ?? {}, Object.fromEntries(moving.map((field) => [field, isAction(changes[field]) ? undefined : changes[field]])), problems)
  const plainAttributes = Outcome.isSuccess(attributes) ? Outcome.successOf(attributes) : {}
  const stamp = config.timestamps !== undefined && options.now === undefined
  const meta: Meta =
    moves === noMoves && versioned === undefined && !stamp && unread.length === 0
      ? shared.plainMeta
      : writeMeta(
          entity,
          key,
          moves,
          versioned === undefined ? undefined : { key, expected: options.expectedVersion },
          settle(entity, key, unread, options, true, (settled) => updateItem(shared, keyValues, changes, settled))
        )
  // No sentinel moves (unique values set unchanged, if any): the update alone, conditioned on them. The stored
  // item comes back when a condition on unique values fails (`ALL_OLD`, to tell a unique conflict).
  const alone = moves.actions.length === 0
  const condition_ = both(condition, moves.held)
  const updateOptions =
    moves.conflict === undefined
      ? { condition: condition_, returnValues: alone ? ("ALL_NEW" as const) : undefined }
      : { condition: condition_, returnValues: alone ? ("ALL_NEW" as const) : undefined, returnValuesOnConditionCheckFailure: "ALL_OLD" as const }
  // The plain operation is this call's own: it becomes the typed one in place (its decode, the entity's problems).
  const typed: Mutable<AnyOperation> = alone
    ? update(entity.tableName, key, plainAttributes, updateOptions)
    : transactWriteItems([update(entity.tableName, key, plainAttributes, updateOptions), ...moves.actions])
  // A transaction gives no item back.
  typed.decode = alone ? shared.decodeUpdated : noItem
  if (Outcome.isFailure(attributes)) typed.problems = problems
  else if (problems.length > 0) typed.problems = [...typed.problems, ...problems]
  withMeta(typed, meta)
  return Outcome.isFailure(attributes) ? refused(entity, typed, Outcome.failureOf(attributes)) : typed
}
