/**
 * The batch writer behind `BatchWrite`: checks and marshals each write once (the marshalled `WriteRequest` is what
 * every attempt sends), keeps two writes of one item out of one request (the later waits until the earlier is
 * applied), and finds each request's `UnprocessedItems` among its writes by key.
 */
import type { WriteRequest } from "@aws-sdk/client-dynamodb"
import { Effect, type Scope } from "effect"
import type { Cause, Options, Write } from "../../BatchWrite.js"
import type { DynamoClient } from "../../DynamoClient.js"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import { execute, type ErrorOf } from "../../Execute.js"
import { batchWriteItem } from "@dynofunc/core/operations/batchWriteItem"
import { describeTable } from "@dynofunc/core/operations/describeTable"
import { toItem, type AttributeMap } from "@dynofunc/core/Value"
import { checkWrite } from "@dynofunc/core/internal/input/writes"
import { markChecked } from "@dynofunc/core/internal/input/requests"
import { Limits, tableNameProblems } from "@dynofunc/core/internal/input/limits"
import type * as Dispatch from "./dispatch.js"
import { keyString, tableKey } from "./keys.js"
import { checkAll, dispatcher as makeDispatcher, inOrder, invalid, reporting, stopMessage, type Halt, type Reported } from "./run.js"

interface WriteEntry extends Dispatch.Entry {
  readonly write: Write
  readonly table: string
  readonly request: WriteRequest
  readonly key: string
}

type RequestError = ErrorOf<"BatchWriteItem"> | ErrorOf<"DescribeTable">
type WriteHalt<E> = Halt<RequestError, E>

/** What `BatchWriteError` is built from. */
export interface Report<E> {
  readonly reason: Reported<RequestError, E>["reason"]
  readonly cause: Cause<E> | undefined
  readonly unapplied: ReadonlyArray<Write>
  readonly written: number
  readonly message: string
}

export interface Writer<E> {
  /** Checks, marshals and queues one write (the `Stream` path). */
  readonly add: (write: Write) => Effect.Effect<void, WriteHalt<E>, DynamoClient>
  /** Checks every write first, sends nothing if one is bad, then queues them all (the `Iterable` path). */
  readonly addAll: (writes: ReadonlyArray<Write>) => Effect.Effect<void, WriteHalt<E>, DynamoClient>
  readonly finish: Effect.Effect<{ readonly written: number; readonly requests: number; readonly retries: number }, WriteHalt<E>, DynamoClient>
  /**
   * Runs `work` (`add`, `addAll`, `finish`); when it halts or is interrupted, stops the requests (those in flight
   * finish) and fails with `toError` of what was not applied, and why.
   */
  readonly reporting: <A, Err, R>(work: Effect.Effect<A, WriteHalt<E>, R>, toError: (report: Report<E>) => Err) => Effect.Effect<A, Err, R>
}

const problem = (seq: number, part: string, message: string): InputProblem => ({ part: `writes[${seq}]${part}`, message })

const describeKeys = (table: string) =>
  Effect.map(execute(describeTable(table)), (result) => (result.table?.KeySchema ?? []).map((key) => key.AttributeName ?? "").sort())

export const makeWriter = <E>(options: Options): Effect.Effect<Writer<E>, never, Scope.Scope> =>
  Effect.gen(function* () {
    /** Each table's key attribute names, sorted: the one order its keys are read in (and `checkLimits` reads keys in). */
    const names = new Map<string, ReadonlyArray<string>>()
    /**
     * Key of an item with a write queued or in flight → the later writes of that item, waiting until it is applied
     * (`null` while there are none: no list per write).
     */
    const busy = new Map<string, Array<WriteEntry> | null>()
    /** Writes read from an `Iterable` (or taken from a `Stream`) and not queued yet: `unread.slice(queued)`. */
    let unread: ReadonlyArray<Write> = []
    let queued = 0
    let received = 0
    let written = 0

    const settle = (entry: WriteEntry) => {
      written++
      const next = busy.get(entry.key)?.shift()
      if (next === undefined) busy.delete(entry.key)
      else dispatcher.release(next)
    }

    /** The entries of `sent` DynamoDB left over; all of them when one of its leftovers cannot be told apart. */
    const leftoversOf = (sent: ReadonlyArray<WriteEntry>, unprocessed: Record<string, ReadonlyArray<WriteRequest>>) => {
      const tables = Object.entries(unprocessed)
      if (tables.length === 0) return []
      const byKey = new Map(sent.map((entry) => [entry.key, entry]))
      const leftovers: Array<WriteEntry> = []
      for (const [table, requests] of tables) {
        for (const request of requests) {
          const item = request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {}
          const entry = byKey.get(keyString(table, names.get(table) ?? [], item) ?? "")
          if (entry === undefined) return sent
          leftovers.push(entry)
        }
      }
      return leftovers
    }

    const send = (entries: ReadonlyArray<WriteEntry>) => {
      const requestItems: Record<string, Array<WriteRequest>> = {}
      for (const entry of entries) (requestItems[entry.table] ??= []).push(entry.request)
      // Checked writes (`prepare`), as many as fit one request (the dispatcher), each item once (`busy`).
      markChecked("BatchWriteItem", requestItems)
      return Effect.map(execute(batchWriteItem({ RequestItems: requestItems })), (result) => {
        const leftovers = leftoversOf(entries, result.raw.UnprocessedItems ?? {})
        const left = new Set(leftovers)
        for (const entry of entries) if (!left.has(entry)) settle(entry)
        return { leftovers }
      })
    }

    const dispatcher = yield* makeDispatcher<WriteEntry, ErrorOf<"BatchWriteItem">>(options, { maxCount: Limits.batchWriteRequests, maxBytes: Limits.batchWriteBytes }, send)

    /**
     * The key attribute names of `table`, described once when not given. `options.keys` is read when the table's
     * first write comes (a typed batch write from a `Stream` names each table's keys as its first write comes).
     */
    const keysOf = (table: string): Effect.Effect<ReadonlyArray<string>, WriteHalt<E>, DynamoClient> => {
      const known = names.get(table)
      if (known !== undefined) return Effect.succeed(known)
      const given = options.keys?.[table]
      if (given !== undefined) {
        const sorted = [...given].sort()
        names.set(table, sorted)
        return Effect.succeed(sorted)
      }
      return describeKeys(table).pipe(
        Effect.map((found) => {
          names.set(table, found)
          return found
        }),
        Effect.mapError((cause) => ({ reason: "RequestFailed" as const, cause }))
      )
    }

    /** The checked, marshalled write, or what is wrong with it. */
    const prepare = (write: Write, seq: number): WriteEntry | InputProblem => {
      const table = (write as { table?: unknown }).table
      if (typeof table !== "string") return problem(seq, ".table", "a write needs the name of its table")
      const tableProblem = tableNameProblems(table, `writes[${seq}].table`)[0]
      if (tableProblem !== undefined) return tableProblem
      const isPut = "put" in write
      const value: unknown = isPut ? write.put : (write as { delete?: unknown }).delete
      if (typeof value !== "object" || value === null) return problem(seq, "", "a write is { table, put: item } or { table, delete: key }")
      let attributes: AttributeMap
      try {
        attributes = toItem(value as Record<string, unknown>)
      } catch (error) {
        return problem(seq, isPut ? ".put" : ".delete", error instanceof Error ? error.message : String(error))
      }
      const request: WriteRequest = isPut ? { PutRequest: { Item: attributes } } : { DeleteRequest: { Key: attributes } }
      const checked = checkWrite(table, request, names.get(table) ?? [])
      if ("message" in checked) return problem(seq, isPut ? ".put" : ".delete", checked.message)
      return { seq, size: checked.size, write, table, request, key: tableKey(table, checked.identity!) }
    }

    /**
     * Whether a checked write goes to the dispatcher now: not while an earlier write of the same item is not applied
     * (it waits for that one, `settle`).
     */
    const admit = (entry: WriteEntry): boolean => {
      received++
      const waiting = busy.get(entry.key)
      if (waiting === undefined) {
        busy.set(entry.key, null)
        return true
      }
      if (waiting === null) busy.set(entry.key, [entry])
      else waiting.push(entry)
      return false
    }

    const add = (write: Write): Effect.Effect<void, WriteHalt<E>, DynamoClient> => {
      const table = (write as { table?: unknown }).table
      const ready = typeof table === "string" && !names.has(table) && tableNameProblems(table).length === 0 ? keysOf(table) : Effect.void
      return Effect.flatMap(ready, (): Effect.Effect<void, WriteHalt<E>, DynamoClient> => {
        const entry = prepare(write, received)
        if ("part" in entry) {
          unread = [write]
          queued = 0
          return Effect.fail(invalid("BatchWriteItem", "batch write", [entry]))
        }
        return admit(entry) ? dispatcher.add(entry) : Effect.void
      })
    }

    const addAll = (writes: ReadonlyArray<Write>): Effect.Effect<void, WriteHalt<E>, DynamoClient> => {
      unread = writes
      const tables = new Set<string>()
      for (const write of writes) {
        const table = (write as { table?: unknown }).table
        if (typeof table === "string" && !names.has(table) && tableNameProblems(table).length === 0) tables.add(table)
      }
      return Effect.gen(function* () {
        for (const table of tables) yield* keysOf(table)
        const { entries, problems } = checkAll(writes, prepare)
        if (problems.length > 0) return yield* Effect.fail(invalid("BatchWriteItem", "batch write", problems))
        // Queued without an effect per write; one `drain` per request's worth.
        for (const entry of entries) {
          queued = entry.seq + 1
          if (admit(entry) && dispatcher.offer(entry)) yield* dispatcher.drain
        }
      })
    }

    const finish = Effect.map(dispatcher.finish, () => ({ written, ...dispatcher.counters }))

    const report = (halt: Reported<RequestError, E>): Effect.Effect<Report<E>> =>
      Effect.map(dispatcher.abort, (stranded) => {
        const unapplied = inOrder([...stranded, ...[...busy.values()].flatMap((waiting) => waiting ?? [])], (entry) => entry.write, unread.slice(queued))
        return {
          reason: halt.reason,
          cause: halt.cause,
          unapplied,
          written,
          message: stopMessage("batch write", halt, `${written} written, ${unapplied.length} not applied`)
        }
      })

    return {
      add,
      addAll,
      finish,
      reporting: (work, toError) => reporting(work, dispatcher.abort, (halt) => Effect.map(report(halt), toError))
    }
  })
