/**
 * `table(name)`: the operations with the table name filled in.
 *
 * @example
 * import { Effect } from "effect"
 * import { execute, table } from "dynofunc"
 *
 * const users = table("users")
 * const program = Effect.gen(function* () {
 *   yield* execute(users.add({ id: "u1", name: "Ada" }))
 *   return yield* execute(users.find({ id: "u1" }))
 * })
 *
 * @since 0.1.0
 */
import type { KeyConditionInput } from "./KeyCondition.js"
import { add, create, describe, find, query, remove, scan, update, type QueryOptions, type ScanOptions } from "./operations/index.js"

/** `operation` with its first argument, the table name, already given. */
const bind =
  <Args extends ReadonlyArray<unknown>, Result>(operation: (tableName: string, ...args: Args) => Result, tableName: string) =>
  (...args: Args): Result =>
    operation(tableName, ...args)

/**
 * The original operations bound to one table.
 *
 * @example
 * import { table } from "dynofunc"
 * table("users").update({ id: "u1" }, { name: "Ada" }).description.TableName // "users"
 *
 * @since 0.1.0
 * @category constructors
 */
export const table = (tableName: string) => ({
  name: tableName,
  create: bind(create, tableName),
  describe: () => describe(tableName),
  find: bind(find, tableName),
  add: bind(add, tableName),
  update: bind(update, tableName),
  remove: bind(remove, tableName),
  delete: bind(remove, tableName),
  query: (keyCondition: KeyConditionInput, options?: QueryOptions) => query(tableName, keyCondition, options),
  scan: (options?: ScanOptions) => scan(tableName, options)
})

/**
 * The operations of `table(name)`.
 *
 * @since 0.1.0
 * @category models
 */
export type Table = ReturnType<typeof table>
