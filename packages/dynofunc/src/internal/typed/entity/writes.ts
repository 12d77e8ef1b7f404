/** An entity's item writes: `put`, `delete` and the plain write of a typed batch write. */
import { Outcome } from "#adapter"
import type { Condition } from "@dynofunc/core/Condition"
import { putItem } from "@dynofunc/core/internal/builders/build"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import type { AnyOperation, Operation } from "@dynofunc/core/Operation"
import { make as makeOperation } from "@dynofunc/core/Operation"
import { add } from "@dynofunc/core/operations/add"
import { remove } from "@dynofunc/core/operations/remove"
import { transactWriteItems } from "@dynofunc/core/operations/transactWriteItems"
import type { Item } from "@dynofunc/core/Value"
import type * as BatchWrite from "../../../BatchWrite.js"
import type { InvalidInputError } from "../../../DynamoError.js"
import type { ItemEncodeError } from "../../../EntityError.js"
import { invalidOptions as invalidInput } from "../../bulk/options.js"
import { type Meta, withMeta } from "../run.js"
import { both, type Compiled, encodeFailure, type Options, refused } from "./compiled.js"
import { managedAttributes, storedItem } from "./items.js"
import { primaryKey } from "./keys.js"
import { expectedVersion, managed, versionCondition } from "./managed.js"
import { noneStored, settle } from "./settle.js"
import { type Moves, sentinelMoves, unknownPrevious } from "./unique.js"

const noFields: ReadonlyArray<string> = []

/**
 * The meta of a write of the item at `key`: the version it checks, the sentinels its `moves` put and the unique
 * values they keep (to tell a conflict), and what `settle` gets first.
 */
export const writeMeta = (entity: Compiled, key: Readonly<Record<string, unknown>>, moves: Moves, version: Meta["version"], settle: Meta["settle"]): Meta => ({
  table: entity.tableName,
  entity: entity.entityName,
  version,
  unique: moves.guards,
  conflict: moves.conflict === undefined ? undefined : { key, ...moves.conflict },
  settle
})

/**
 * The `PutItem` of an item: written in one pass by the codec (its managed attributes added as strings), or, when
 * that fails, encoded and marshalled apart, which says what is wrong (and never sends it). `returnOld`: the stored
 * item comes back when the condition fails (`ALL_OLD`, to tell a unique conflict).
 */
const putOperation = (entity: Compiled, full: Readonly<Record<string, unknown>>, condition: Condition | undefined, returnOld: boolean, problems: Array<InputProblem>) => {
  const options = returnOld ? { condition, returnValuesOnConditionCheckFailure: "ALL_OLD" as const } : { condition }
  const written = entity.codec.writeItem(full)
  if (written !== undefined) {
    const { key, attributes } = managedAttributes(entity, full, problems)
    for (const name in attributes) written[name] = { S: attributes[name]! }
    return { key, op: putItem(entity.tableName, written, options), encodeError: undefined }
  }
  const { key, stored, encoded } = storedItem(entity, full, problems)
  return { key, op: add(entity.tableName, stored, options), encodeError: encoded.ok ? undefined : encodeFailure(entity, "Item", encoded.error) }
}

export const put = (entity: Compiled, item: Readonly<Record<string, unknown>>, options: Options = {}): AnyOperation => {
  const config = entity.config
  const full = managed(entity, item, options)
  const problems: Array<InputProblem> = []
  const condition = both(options.condition, versionCondition(entity, options))
  const decode = (raw: unknown) => Outcome.succeed({ item: full, raw })
  const unique = config.unique ?? noFields
  // A versioned put without `expectedVersion` writes a new item (its condition: none stored): no values to read.
  const known = unique.length > 0 && config.version !== undefined && options.expectedVersion === undefined ? { ...options, previous: noneStored(unique) } : options
  const unread = unique.length === 0 ? noFields : unknownPrevious(entity, unique, known, problems)
  const moves = sentinelMoves(entity, unique, known.previous ?? {}, full, problems)
  const { key, op: putItem_, encodeError } = putOperation(entity, full, both(condition, moves.held), moves.conflict !== undefined, problems)
  // No unique value changes (or none declared): the put alone, conditioned on the stored values it keeps.
  const plain = moves.actions.length === 0 ? putItem_ : transactWriteItems([putItem_, ...moves.actions])
  const op = withMeta(
    makeOperation({ ...(plain as Operation<"PutItem", unknown>), decode, problems: [...plain.problems, ...problems] }),
    writeMeta(
      entity,
      key,
      moves,
      config.version === undefined ? undefined : { key, expected: options.expectedVersion },
      config.timestamps === undefined && unread.length === 0 ? undefined : settle(entity, key, unread, known, true, (settled) => put(entity, item, settled))
    )
  )
  return encodeError === undefined ? op : refused(entity, op, encodeError)
}

export const deleteItem = (entity: Compiled, keyValues: Readonly<Record<string, unknown>>, options: Options = {}): AnyOperation => {
  const problems: Array<InputProblem> = []
  const key = primaryKey(entity, keyValues, problems)
  const versioned = expectedVersion(entity, options)
  const unique = entity.config.unique ?? []
  const unread = unknownPrevious(entity, unique, options, problems)
  const moves = sentinelMoves(entity, unique, options.previous ?? {}, {}, problems)
  // Nothing stored to remove (the item, or each of its unique values, absent): a plain delete, still conditioned on
  // the unique values being absent, so that an item written in between is not deleted away from its sentinels.
  const condition = both(both(versioned, options.condition), moves.held)
  const held = moves.conflict === undefined ? { condition } : { condition, returnValuesOnConditionCheckFailure: "ALL_OLD" as const }
  const plain = moves.actions.length === 0 ? remove(entity.tableName, key, held) : transactWriteItems([remove(entity.tableName, key, held), ...moves.actions])
  const typed = makeOperation({
    ...(plain as Operation<"DeleteItem", unknown>),
    problems: [...plain.problems, ...problems],
    decode: (raw: unknown) => Outcome.succeed({ raw })
  })
  return withMeta(
    typed,
    writeMeta(
      entity,
      key,
      moves,
      versioned === undefined ? undefined : { key, expected: options.expectedVersion },
      settle(entity, key, unread, options, false, (settled) => deleteItem(entity, keyValues, settled))
    )
  )
}

/** A typed write of a batch: the item to put (domain values), or the key to delete. */
export type PlainWrite = { readonly put: Readonly<Record<string, unknown>> } | { readonly delete: Readonly<Record<string, unknown>> }

/**
 * The plain batch write of a typed one (`put`: the item at `now`, encoded; `delete`: its key), or why it cannot be
 * sent. A batch write holds no condition: an entity with unique fields or a version is refused (its sentinels
 * and its lock would be skipped).
 */
export const batchWrite = (entity: Compiled, write: PlainWrite, now: Date): Outcome.Outcome<BatchWrite.Write, ItemEncodeError | InvalidInputError> => {
  const problems: Array<InputProblem> = []
  if ((entity.config.unique ?? []).length > 0 || entity.config.version !== undefined) {
    problems.push({ part: "Entity", message: `${entity.entityName} has unique fields or a version: a batch write cannot hold their conditions (use put and delete)` })
  }
  let plain: BatchWrite.Write
  if ("put" in write) {
    const { stored, encoded } = storedItem(entity, managed(entity, write.put, { now }), problems)
    if (!encoded.ok) return Outcome.fail(encodeFailure(entity, "Item", encoded.error))
    plain = { table: entity.tableName, put: stored as Item }
  } else plain = { table: entity.tableName, delete: primaryKey(entity, write.delete, problems) }
  return problems.length === 0 ? Outcome.succeed(plain) : Outcome.fail(invalidInput("BatchWriteItem", problems))
}
