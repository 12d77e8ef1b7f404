/**
 * The batch reader behind `BatchGet`: checks and marshals each key once, skips keys already asked for, asks for the
 * key attributes in every projection (to tell found items from missing keys), and sorts each `BatchGetItem` answer
 * into items found, keys missing and keys left over (`UnprocessedKeys`, sent again).
 */
import type { KeysAndAttributes } from "@aws-sdk/client-dynamodb"
import { Effect, type Scope } from "effect"
import type { Cause, Get, Got, Options } from "../../BatchGet.js"
import type { DynamoClient } from "../../DynamoClient.js"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import { execute, type ErrorOf } from "../../Execute.js"
import { compile } from "@dynofunc/core/Expression"
import { batchGetItem } from "@dynofunc/core/operations/batchGetItem"
import { fromItem, toItem, type AttributeMap, type Item } from "@dynofunc/core/Value"
import { itemSize } from "@dynofunc/core/internal/values/itemSize"
import { Limits, tableNameProblems } from "@dynofunc/core/internal/input/limits"
import { fieldProblems, keyProblem } from "@dynofunc/core/internal/input/options"
import { markChecked } from "@dynofunc/core/internal/input/requests"
import type * as Dispatch from "./dispatch.js"
import { keyString } from "./keys.js"
import { checkAll, dispatcher as makeDispatcher, inOrder, invalid, reporting, stopMessage, type Halt, type Reported } from "./run.js"

interface KeyEntry extends Dispatch.Entry {
  readonly get: Get
  readonly request: AttributeMap
  readonly key: string
}

type GetHalt<E> = Halt<ErrorOf<"BatchGetItem">, E>

/** What `BatchGetError` is built from. */
export interface Report<E> {
  readonly reason: Reported<ErrorOf<"BatchGetItem">, E>["reason"]
  readonly cause: Cause<E> | undefined
  readonly unread: ReadonlyArray<Get>
  readonly message: string
}

/** How one table's keys are read: its key attribute names, and the fields each request carries for it. */
interface TableRead {
  readonly names: ReadonlyArray<string>
  readonly fields: Omit<KeysAndAttributes, "Keys">
}

export interface Getter<E> {
  readonly add: (get: Get) => Effect.Effect<void, GetHalt<E>, DynamoClient>
  readonly addAll: (gets: ReadonlyArray<Get>) => Effect.Effect<void, GetHalt<E>, DynamoClient>
  readonly finish: Effect.Effect<{ readonly requests: number; readonly retries: number }, GetHalt<E>, DynamoClient>
  readonly reporting: <A, Err, R>(work: Effect.Effect<A, GetHalt<E>, R>, toError: (report: Report<E>) => Err) => Effect.Effect<A, Err, R>
}

const problem = (seq: number, part: string, message: string): InputProblem => ({ part: `keys[${seq}]${part}`, message })

/**
 * A getter handing each request's results (found and missing, one per key) to `emit`, which may wait: the request's
 * slot stays taken meanwhile, so a slow consumer slows the reads down.
 */
export const makeGetter = <E>(
  options: Options,
  emit: (results: ReadonlyArray<Got>) => Effect.Effect<void>
): Effect.Effect<Getter<E>, never, Scope.Scope> =>
  Effect.gen(function* () {
    const tables = new Map<string, TableRead>()
    /** Every key asked for so far: a key given twice is read once. */
    const seen = new Set<string>()
    /** Checked keys of an `Iterable` not queued yet (`upcoming.slice(queued)`), and keys refused as invalid. */
    let upcoming: ReadonlyArray<KeyEntry> = []
    let queued = 0
    let refused: ReadonlyArray<Get> = []
    let received = 0

    const send = (entries: ReadonlyArray<KeyEntry>) => {
      const requestItems: Record<string, KeysAndAttributes> = {}
      for (const entry of entries) {
        const table = entry.get.table
        ;(requestItems[table] ??= { ...tables.get(table)!.fields, Keys: [] }).Keys!.push(entry.request)
      }
      // Checked keys (`prepare`), at most 100 (the dispatcher), each once (`seen`).
      markChecked("BatchGetItem", requestItems)
      return Effect.map(execute(batchGetItem({ RequestItems: requestItems })), (result) => {
        const pending = new Map(entries.map((entry) => [entry.key, entry]))
        const results: Array<Got> = []
        for (const [table, items] of Object.entries(result.raw.Responses ?? {})) {
          for (const item of items) {
            const key = keyString(table, tables.get(table)?.names ?? [], item)
            const entry = key === undefined ? undefined : pending.get(key)
            if (entry === undefined) continue
            pending.delete(entry.key)
            results.push({ table, key: entry.get.key, item: fromItem(item) })
          }
        }
        const leftovers: Array<KeyEntry> = []
        for (const [table, request] of Object.entries(result.raw.UnprocessedKeys ?? {})) {
          for (const unprocessed of request.Keys ?? []) {
            const key = keyString(table, tables.get(table)?.names ?? [], unprocessed)
            const entry = key === undefined ? undefined : pending.get(key)
            // A leftover not found among the keys sent: none of the keys without an answer counts as missing.
            if (entry === undefined) return { leftovers: [...pending.values()], after: emit(results) }
            pending.delete(entry.key)
            leftovers.push(entry)
          }
        }
        for (const entry of pending.values()) results.push({ table: entry.get.table, key: entry.get.key, item: undefined })
        return { leftovers, after: emit(results) }
      })
    }

    const dispatcher = yield* makeDispatcher<KeyEntry, ErrorOf<"BatchGetItem">>(options, { maxCount: Limits.batchGetKeys, maxBytes: Number.POSITIVE_INFINITY }, send)

    /** How `table` is read, settled by its first key: the key attribute names, consistency and projection. */
    const tableRead = (table: string, names: ReadonlyArray<string>, seq: number): TableRead | InputProblem => {
      const known = tables.get(table)
      if (known !== undefined) {
        return known.names.join("\u0000") === names.join("\u0000")
          ? known
          : problem(seq, ".key", `the keys of table ${table} are ${known.names.join(", ")}; this one has ${names.join(", ")}`)
      }
      const settings = options.tables?.[table]
      const projection = settings?.projection
      const compiled = compile({
        projection: projection === undefined || projection.length === 0 ? undefined : [...projection, ...names.filter((name) => !projection.includes(name))]
      })
      if (compiled.problems.length > 0) return { part: `tables.${table}.projection`, message: compiled.problems[0]!.message }
      const read: TableRead = {
        names,
        fields: { ...(settings?.consistent !== undefined && { ConsistentRead: settings.consistent }), ...compiled.fields }
      }
      // The fields `checkLimits` would check in each request (which skips the requests the reader marks), once.
      const fieldIssues: Array<InputProblem> = []
      fieldProblems("BatchGetItem", read.fields, `tables.${table}.`, fieldIssues)
      if (fieldIssues.length > 0) return fieldIssues[0]!
      tables.set(table, read)
      return read
    }

    const prepare = (get: Get, seq: number): KeyEntry | InputProblem => {
      const table = (get as { table?: unknown }).table
      if (typeof table !== "string") return problem(seq, ".table", "a key to read is { table, key }")
      const tableProblem = tableNameProblems(table, `keys[${seq}].table`)[0]
      if (tableProblem !== undefined) return tableProblem
      const value: unknown = (get as { key?: unknown }).key
      if (typeof value !== "object" || value === null) return problem(seq, ".key", "a key to read is { table, key }")
      let request: AttributeMap
      try {
        request = toItem(value as Item)
      } catch (error) {
        return problem(seq, ".key", error instanceof Error ? error.message : String(error))
      }
      const keyIssue = keyProblem(request)
      if (keyIssue !== undefined) return problem(seq, ".key" + keyIssue.at, keyIssue.message)
      const names = Object.keys(request).sort()
      const key = keyString(table, names, request)
      if (key === undefined) return problem(seq, ".key", "a key is one or two attributes, each a string, number or binary")
      const read = tableRead(table, names, seq)
      if ("part" in read) return read
      return { seq, size: itemSize(request), get, request, key }
    }

    /** Whether a checked key is to be read: not when it was asked for already. */
    const fresh = (entry: KeyEntry): boolean => {
      received++
      if (seen.has(entry.key)) return false
      seen.add(entry.key)
      return true
    }

    const add = (get: Get): Effect.Effect<void, GetHalt<E>, DynamoClient> => {
      const entry = prepare(get, received)
      if (!("part" in entry)) return fresh(entry) ? dispatcher.add(entry) : Effect.void
      refused = [get]
      return Effect.fail(invalid("BatchGetItem", "batch get", [entry]))
    }

    const addAll = (gets: ReadonlyArray<Get>): Effect.Effect<void, GetHalt<E>, DynamoClient> =>
      Effect.suspend((): Effect.Effect<void, GetHalt<E>, DynamoClient> => {
        const { entries, problems } = checkAll(gets, prepare)
        if (problems.length > 0) {
          refused = gets
          return Effect.fail(invalid("BatchGetItem", "batch get", problems))
        }
        upcoming = entries
        // Queued without an effect per key; one `drain` per request's worth.
        return Effect.gen(function* () {
          for (const entry of entries) {
            queued++
            if (fresh(entry) && dispatcher.offer(entry)) yield* dispatcher.drain
          }
        })
      })

    const report = (halt: Reported<ErrorOf<"BatchGetItem">, E>): Effect.Effect<Report<E>> =>
      Effect.map(dispatcher.abort, (stranded) => {
        const unqueued = upcoming.slice(queued).filter((entry) => !seen.has(entry.key) && seen.add(entry.key))
        const left = inOrder([...stranded, ...unqueued], (entry) => entry.get, refused)
        return { reason: halt.reason, cause: halt.cause, unread: left, message: stopMessage("batch get", halt, `${left.length} keys not read`) }
      })

    return {
      add,
      addAll,
      finish: Effect.map(dispatcher.finish, () => ({ ...dispatcher.counters })),
      reporting: (work, toError) => reporting(work, dispatcher.abort, (halt) => Effect.map(report(halt), toError))
    }
  })
