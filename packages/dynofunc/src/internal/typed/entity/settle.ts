/**
 * What a write built without all it needs settles before it is sent (`Meta.settle`, run by `TypedTable.execute`):
 * the time of its timestamps and the stored values of the unique fields whose sentinels it moves.
 */
import { Clock, Effect } from "effect"
import { Outcome } from "#adapter"
import type { AnyOperation } from "@dynofunc/core/Operation"
import { find } from "@dynofunc/core/operations/find"
import { execute } from "../../../Execute.js"
import type { Meta } from "../run.js"
import type { Compiled, Options } from "./compiled.js"
import { decodeItem } from "./items.js"

/** Every one of `fields` known to hold no stored value (a new item). */
export const noneStored = (fields: ReadonlyArray<string>): Readonly<Record<string, unknown>> => Object.fromEntries(fields.map((field) => [field, undefined]))

/**
 * What `TypedTable.execute` settles before sending a write built without all it needs: the time of its
 * timestamps (with `stamped`: Effect's `Clock`, unless `now` was given) and the stored values of the unique
 * fields in `unread` (one consistent read). `rebuild` builds the write again with them.
 */
export const settle = (
  entity: Compiled,
  key: Record<string, string>,
  unread: ReadonlyArray<string>,
  options: Options,
  stamped: boolean,
  rebuild: (settled: Options) => AnyOperation
): Meta["settle"] => {
  const stamp = stamped && entity.config.timestamps !== undefined && options.now === undefined
  if (!stamp && unread.length === 0) return undefined
  return () =>
    Effect.gen(function* () {
      const now = stamp ? new Date(yield* Clock.currentTimeMillis) : options.now
      const previous = unread.length === 0 ? options.previous : { ...options.previous, ...(yield* readStored(entity, key, unread)) }
      return rebuild({ ...options, now, previous })
    })
}

/** The stored values of `fields` (each listed, `undefined` when the item or the field is absent), decoded. */
const readStored = (entity: Compiled, key: Record<string, string>, fields: ReadonlyArray<string>) =>
  Effect.flatMap(execute(find(entity.tableName, key, { consistent: true, projection: fields })), ({ item }) => {
    const stored = noneStored(fields)
    return item === undefined
      ? Effect.succeed(stored)
      : Effect.map(Outcome.fromOutcome(decodeItem(entity, item, entity.codec.decodeProjection(fields))), (decoded) => ({ ...stored, ...(decoded as object) }))
  })
