/**
 * Unique fields: each value held by a sentinel item (`_unique#<entity>#<field>#<value>`), put only if absent, moved
 * in the same transaction as the write that changes the value.
 */
import { attr, cand, type Condition } from "@dynofunc/core/Condition"
import * as CompositeKey from "@dynofunc/core/CompositeKey"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import type { Operation } from "@dynofunc/core/Operation"
import { add } from "@dynofunc/core/operations/add"
import { remove } from "@dynofunc/core/operations/remove"
import type { Meta } from "../run.js"
import { list } from "../show.js"
import type { Compiled, Options } from "./compiled.js"
import { typedPath } from "./paths.js"

/** The sentinel moves of a write (see `sentinelMoves`). */
export interface Moves {
  readonly actions: ReadonlyArray<Operation<"PutItem", unknown> | Operation<"DeleteItem", unknown>>
  readonly guards: NonNullable<Meta["unique"]>
  readonly held: Condition | undefined
  readonly conflict: Omit<NonNullable<Meta["conflict"]>, "key"> | undefined
}

/** The sentinel moves of a write that changes no unique field. */
export const noMoves: Moves = { actions: [], guards: [], held: undefined, conflict: undefined }

/** The sentinel of `field = value`: its composed key, or the problem composing it. */
const sentinelOf = (entity: Compiled, field: string, value: unknown) => CompositeKey.compose("_unique", [entity.entityName, field, value])

const sentinelKey = (entity: Compiled, field: string, value: unknown, problems: Array<InputProblem>): Record<string, string> => {
  const composed = sentinelOf(entity, field, value)
  if (composed.problem !== undefined) problems.push({ part: "Item", message: `${entity.entityName}.${field}: ${composed.problem}` })
  const key: Record<string, string> = {}
  for (const name of [...entity.keyAttributes.partition, ...entity.keyAttributes.sort]) key[name] = composed.key ?? ""
  return key
}

/** Whether two values of unique `field` are one value (one sentinel); `undefined` is no value. */
const sameUnique = (entity: Compiled, field: string, a: unknown, b: unknown): boolean =>
  a === undefined || b === undefined ? a === b : sentinelOf(entity, field, a).key === sentinelOf(entity, field, b).key

/** The sentinel item of `field = value`, put only if no item holds that value yet. */
const putSentinel = (entity: Compiled, field: string, value: unknown, problems: Array<InputProblem>) =>
  add(entity.tableName, { ...sentinelKey(entity, field, value, problems), [entity.table.entityAttribute]: `_unique:${entity.entityName}.${field}` }, {
    condition: attr(entity.keyAttributes.partition[0]!).notExists()
  })

/**
 * The sentinel moves of a write that sets unique fields from `previous` to `next` (`undefined`: none), as
 * transaction actions after the item's own; `guards` name the action of each put. The item's own action is
 * conditioned on `held`: every one of these fields still holds its previous value, so that no concurrent write
 * moved one in between (a value written again unchanged too: its sentinel must still be there). `conflict` (with
 * the item's key, `Meta.conflict`) tells such a concurrent write from the item's other conditions failing.
 */
export const sentinelMoves = (
  entity: Compiled,
  fields: ReadonlyArray<string>,
  previous: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
  problems: Array<InputProblem>
): Moves => {
  if (fields.length === 0) return noMoves
  const actions: Array<Operation<"PutItem", unknown> | Operation<"DeleteItem", unknown>> = []
  const guards: Array<{ readonly field: string; readonly value: unknown; readonly action: number }> = []
  const held: Array<Condition> = []
  const expected: Record<string, unknown> = {}
  for (const field of fields) {
    const [before, after] = [previous[field], next[field]]
    expected[field] = before
    held.push(before === undefined ? attr(field).notExists() : typedPath(entity.codec, [field]).equals(before))
    if (sameUnique(entity, field, before, after)) continue
    if (before !== undefined) actions.push(remove(entity.tableName, sentinelKey(entity, field, before, problems)))
    if (after !== undefined) {
      actions.push(putSentinel(entity, field, after, problems))
      guards.push({ field, value: after, action: actions.length })
    }
  }
  const conflict: Omit<NonNullable<Meta["conflict"]>, "key"> = {
    expected,
    changed: (stored) => {
      if (stored === undefined) return fields.some((field) => expected[field] !== undefined)
      const decoded = entity.codec.decodeProjection(fields)(stored)
      return !decoded.ok || fields.some((field) => !sameUnique(entity, field, expected[field], (decoded.value as Record<string, unknown>)[field]))
    }
  }
  return { actions, guards, held: held.length === 0 ? undefined : cand(...held), conflict }
}

/** The unique fields a write changes whose stored values it does not know (from `previous`). */
export const unknownPrevious = (entity: Compiled, fields: ReadonlyArray<string>, options: Options, problems: Array<InputProblem>): ReadonlyArray<string> => {
  const unread = fields.filter((field) => options.previous === undefined || !(field in options.previous))
  if (unread.length > 0) {
    problems.push({
      part: "previous",
      message: `${entity.entityName}: moving the unique sentinels of ${list(unread)} needs their stored values: give them as \`previous\`, or run the write with TypedTable.execute (which reads them first)`
    })
  }
  return unread
}
