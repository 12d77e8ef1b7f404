/**
 * Waiting for table changes to finish: DynamoDB creates, updates and deletes tables in the background, so these
 * Effects poll `DescribeTable` on a `Schedule` until the table is active (or gone), and fail with a typed
 * `WaitTimeoutError` when that takes longer than the timeout.
 *
 * @example
 * import { Effect } from "effect"
 * import { create, createTableAndWait, execute, find } from "dynofunc"
 *
 * const program = Effect.gen(function* () {
 *   const table = yield* createTableAndWait(create("users", "id"), { timeout: "2 minutes" })
 *   console.log(table.TableStatus) // "ACTIVE"
 *   return yield* execute(find("users", { id: "u1" }))
 * })
 *
 * @since 0.1.0
 */
import type { TableDescription } from "@aws-sdk/client-dynamodb"
import { Data, Duration, Effect, Schedule } from "effect"
import * as A from "#adapter"
import type { DynamoClient } from "./DynamoClient.js"
import type { ResourceNotFoundError } from "./DynamoError.js"
import { execute, type ErrorOf } from "./Execute.js"
import type { Operation } from "@dynofunc/core/Operation"
import { deleteTable } from "@dynofunc/core/operations/deleteTable"
import { describeTable } from "@dynofunc/core/operations/describeTable"

/**
 * A wait went on longer than its timeout.
 *
 * @since 0.1.0
 * @category errors
 */
export class WaitTimeoutError extends Data.TaggedError("WaitTimeoutError")<{
  /** What was awaited, in words: `table "users" to be ACTIVE`. */
  readonly waitingFor: string
  readonly timeout: Duration.Duration
  readonly message: string
}> {}

/**
 * How long to wait, and how often to look.
 *
 * @since 0.1.0
 * @category models
 */
export interface WaitOptions {
  /** Give up after this long (default: 5 minutes). */
  readonly timeout?: A.DurationInput | undefined
  /** The time between two looks (default: 1 second). */
  readonly interval?: A.DurationInput | undefined
}

const defaults = { timeout: Duration.minutes(5), interval: Duration.seconds(1) }

/**
 * Runs `poll` every `interval` until `done` holds for what it succeeds with, and succeeds with that; fails with
 * `WaitTimeoutError` after `timeout`, or with `poll`'s own error.
 *
 * @example
 * import { waitUntil, execute, describeTimeToLive } from "dynofunc"
 * waitUntil(execute(describeTimeToLive("sessions")), (out) => out.TimeToLiveDescription?.TimeToLiveStatus === "ENABLED",
 *   "time to live on sessions to be ENABLED")
 *
 * @since 0.1.0
 * @category execution
 */
export const waitUntil = <A, E, R>(
  poll: Effect.Effect<A, E, R>,
  done: (value: A) => boolean,
  waitingFor: string,
  options: WaitOptions = {}
): Effect.Effect<A, E | WaitTimeoutError, R> => {
  const timeout = A.decodeDuration(options.timeout ?? defaults.timeout)
  const schedule = Schedule.passthrough(A.limited(Schedule.spaced(options.interval ?? defaults.interval), { while: (value: A) => !done(value) }))
  return A.timeoutFail(
    Effect.repeat(poll, schedule),
    timeout,
    () => new WaitTimeoutError({ waitingFor, timeout, message: `gave up waiting for ${waitingFor} after ${Duration.format(timeout)}` })
  )
}

const isActive = (table: TableDescription | undefined): table is TableDescription =>
  table?.TableStatus === "ACTIVE" && (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === "ACTIVE")

/**
 * What waiting on a table can fail with: `DescribeTable`'s errors (a table not there yet is waited for) and the timeout.
 *
 * @since 0.1.0
 * @category errors
 */
export type WaitTableError = Exclude<ErrorOf<"DescribeTable">, ResourceNotFoundError> | WaitTimeoutError

/**
 * Waits until the table and all its global secondary indexes are `ACTIVE`, and succeeds with its description. A table
 * not found yet is waited for too (just after `CreateTable`, it may not be visible everywhere).
 *
 * @example
 * import { waitUntilTableActive } from "dynofunc"
 * waitUntilTableActive("users", { timeout: "2 minutes", interval: "2 seconds" })
 *
 * @since 0.1.0
 * @category execution
 */
export const waitUntilTableActive = (
  tableName: string,
  options?: WaitOptions
): Effect.Effect<TableDescription, WaitTableError, DynamoClient> =>
  waitUntil(
    execute(describeTable(tableName)).pipe(
      Effect.map((result) => result.table),
      Effect.catchTag("ResourceNotFoundError", () => Effect.succeed(undefined))
    ),
    isActive,
    `table "${tableName}" to be ACTIVE`,
    options
  ) as Effect.Effect<TableDescription, WaitTableError, DynamoClient>

/**
 * Waits until the table no longer exists (`DescribeTable` answers `ResourceNotFoundException`).
 *
 * @example
 * import { waitUntilTableGone } from "dynofunc"
 * waitUntilTableGone("users", { timeout: "1 minute" })
 *
 * @since 0.1.0
 * @category execution
 */
export const waitUntilTableGone = (tableName: string, options?: WaitOptions): Effect.Effect<void, WaitTableError, DynamoClient> =>
  waitUntil(
    execute(describeTable(tableName)).pipe(
      Effect.as(false),
      Effect.catchTag("ResourceNotFoundError", () => Effect.succeed(true))
    ),
    (gone) => gone,
    `table "${tableName}" to be gone`,
    options
  ).pipe(Effect.asVoid)

const tableNameOf = (op: { readonly description: { readonly TableName?: string | undefined } }): string => op.description.TableName ?? ""

/**
 * Creates a table and waits until it is active; succeeds with its description.
 *
 * @example
 * import { createTableAndWait, create } from "dynofunc"
 * createTableAndWait(create("users", "id", { globalIndexes: [{ name: "by-email", hashKey: "email" }] }))
 *
 * @since 0.1.0
 * @category execution
 */
export const createTableAndWait = (
  op: Operation<"CreateTable", unknown>,
  options?: WaitOptions
): Effect.Effect<TableDescription, ErrorOf<"CreateTable"> | WaitTableError, DynamoClient> =>
  Effect.andThen(execute(op), waitUntilTableActive(tableNameOf(op), options))

/**
 * Updates a table and waits until it (and its indexes) are active again; succeeds with its description.
 *
 * @example
 * import { updateTableAndWait, updateTable } from "dynofunc"
 * updateTableAndWait(updateTable("users", { billing: { read: 5, write: 5 } }))
 *
 * @since 0.1.0
 * @category execution
 */
export const updateTableAndWait = (
  op: Operation<"UpdateTable", unknown>,
  options?: WaitOptions
): Effect.Effect<TableDescription, ErrorOf<"UpdateTable"> | WaitTableError, DynamoClient> =>
  Effect.andThen(execute(op), waitUntilTableActive(tableNameOf(op), options))

/**
 * Deletes a table and waits until it is gone. Give the table name or a `deleteTable` operation.
 *
 * @example
 * import { deleteTableAndWait } from "dynofunc"
 * deleteTableAndWait("users")
 *
 * @since 0.1.0
 * @category execution
 */
export const deleteTableAndWait = (
  target: string | Operation<"DeleteTable", unknown>,
  options?: WaitOptions
): Effect.Effect<void, ErrorOf<"DeleteTable"> | WaitTableError, DynamoClient> => {
  const op = typeof target === "string" ? deleteTable(target) : target
  return Effect.andThen(execute(op), waitUntilTableGone(tableNameOf(op), options))
}
