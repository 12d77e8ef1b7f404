/** The fields an entity manages itself: timestamps and the version. */
import { attr, type Condition } from "@dynofunc/core/Condition"
import type { Compiled, Options } from "./compiled.js"

/** The time of a write: `now` as given, else the wall clock (`TypedTable.execute` builds the write again with Effect's `Clock`). */
export const timeOf = (options: Options): Date => options.now ?? new Date()

/** The item with its managed fields (timestamps, version) filled in. */
export const managed = (entity: Compiled, item: Readonly<Record<string, unknown>>, options: Options): Readonly<Record<string, unknown>> => {
  const config = entity.config
  if (config.timestamps === undefined && config.version === undefined) return item
  const full: Record<string, unknown> = { ...item }
  const now = timeOf(options)
  const createdAt = config.timestamps?.createdAt
  const updatedAt = config.timestamps?.updatedAt
  if (createdAt !== undefined && full[createdAt] === undefined) full[createdAt] = now
  if (updatedAt !== undefined) full[updatedAt] = now
  if (config.version !== undefined) full[config.version] = (options.expectedVersion ?? 0) + 1
  return full
}

/** The version condition of an update or delete: the expected version, if any (a version of no item: none). */
export const expectedVersion = (entity: Compiled, options: Options): Condition | undefined =>
  entity.config.version !== undefined && options.expectedVersion !== undefined ? attr(entity.config.version).equals(options.expectedVersion) : undefined

/** The version condition of a versioned put: the expected version, or (none expected) no such item yet. */
export const versionCondition = (entity: Compiled, options: Options): Condition | undefined =>
  entity.config.version === undefined
    ? undefined
    : expectedVersion(entity, options) ?? attr(entity.keyAttributes.partition[0]!).notExists()
