/**
 * Resumable cursors: the position after a page of a `query` or `scan` (or a whole parallel scan) as an opaque
 * string a web API can hand to its client and take back. A cursor is signed with HMAC-SHA256 under a key you
 * provide and bound to the operation, table, index and segment it was taken from: a cursor that was altered,
 * signed with another key, taken from another table or index, or is not a cursor at all, fails with
 * `InvalidCursorError` and nothing is read.
 *
 * @example
 * import { Config, Effect } from "effect"
 * import { Cursor, execute, attr, query } from "dynofunc"
 *
 * const page = (customer: string, cursor: string | undefined) =>
 *   Effect.gen(function* () {
 *     const cursors = Cursor.make(yield* Config.redacted("CURSOR_KEY"))
 *     const op = query("orders", attr("customer").equals(customer), { limit: 20 })
 *     const result = yield* execute(cursor === undefined ? op : yield* cursors.resume(op, cursor))
 *     return { orders: result.items, next: cursors.after(op, result) }
 *   })
 *
 * @since 0.1.0
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { Data, Effect, Redacted } from "effect"
import { type InputOf, make as makeOperation, type Operation } from "@dynofunc/core/Operation"
import type { ScanPosition, SegmentPosition } from "./Pages.js"
import { crypto } from "./internal/builtins.js"

/**
 * A cursor was refused: `Malformed` (not a cursor, or not one this version reads), `Tampered` (its signature does
 * not match: altered, or signed with another key) or `OtherTarget` (taken from another operation, table, index or
 * segment than the one it is used with).
 *
 * @example
 * import { Cursor, query, attr } from "dynofunc"
 * import { Redacted, Effect } from "effect"
 * const cursors = Cursor.make(Redacted.make("a secret key of the service"))
 * const op = query("orders", attr("customer").equals("c1"))
 * cursors.resume(op, "not-a-cursor").pipe(
 *   Effect.catchTag("InvalidCursorError", (error) => Effect.fail(`bad cursor (${error.reason})`))
 * )
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidCursorError extends Data.TaggedError("InvalidCursorError")<{
  readonly reason: "Malformed" | "Tampered" | "OtherTarget"
  readonly message: string
  readonly cause?: unknown
}> {}

/**
 * A page a cursor can be taken after: a `query` or `scan` result (its SDK output's `LastEvaluatedKey`).
 *
 * @since 0.1.0
 * @category models
 */
export interface KeyedPage {
  readonly raw: { readonly LastEvaluatedKey?: Record<string, AttributeValue> | undefined }
}

/**
 * The reads a cursor can point into.
 *
 * @since 0.1.0
 * @category models
 */
export type Read = Operation<"Query", unknown> | Operation<"Scan", unknown>

/**
 * Cursors signed with one key.
 *
 * @since 0.1.0
 * @category models
 */
export interface Cursors {
  /** The cursor of the position after `page` of `op`; `undefined` after the last page. */
  readonly after: (op: Read, page: KeyedPage) => string | undefined
  /** `op` going on from `cursor` (its `ExclusiveStartKey` set), or `InvalidCursorError`. */
  readonly resume: <Name extends "Query" | "Scan", Result>(
    op: Operation<Name, Result>,
    cursor: string
  ) => Effect.Effect<Operation<Name, Result>, InvalidCursorError>
  /** The cursor of a parallel scan of `op` at `position` (a `SegmentPage`'s `position`). */
  readonly ofPosition: (op: Operation<"Scan", unknown>, position: ScanPosition) => string
  /** The parallel scan position in `cursor`, for `Pages.parallelScan(op, { from })`; or `InvalidCursorError`. */
  readonly position: (op: Operation<"Scan", unknown>, cursor: string) => Effect.Effect<ScanPosition, InvalidCursorError>
}

/** A key attribute as the cursor holds it: name, type (`S`, `N` or `B`) and value (binary in base64). */
type KeyPart = readonly [name: string, type: "S" | "N" | "B", value: string]
type Key = ReadonlyArray<KeyPart>
type Target = readonly [name: string, table: unknown, index: unknown, segment: unknown, totalSegments: unknown]
/** What is signed: format version, target, and either one key (`page`) or a position per segment (`scan`). */
type Payload = readonly [1, Target, "page", Key] | readonly [1, Target, "scan", ReadonlyArray<"start" | "done" | Key>]

/**
 * Cursors signed and checked with `key` (HMAC-SHA256; use at least 32 random bytes, kept secret: anyone with the key
 * can make cursors into any table this code reads).
 *
 * @example
 * import { Cursor } from "dynofunc"
 * import { Redacted } from "effect"
 * const cursors = Cursor.make(Redacted.make(process.env["CURSOR_KEY"] ?? ""))
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (key: Redacted.Redacted<string>): Cursors => {
  const sign = (body: string) => crypto().createHmac("sha256", Redacted.value(key)).update(body).digest()
  const encode = (payload: Payload): string => {
    const body = Buffer.from(JSON.stringify(payload)).toString("base64url")
    return `${body}.${sign(body).toString("base64url")}`
  }
  const decode = (op: Located, cursor: string, kind: Payload[2]) =>
    Effect.suspend(() => {
      const [body, signature, ...rest] = cursor.split(".")
      if (body === undefined || signature === undefined || rest.length > 0 || body === "") {
        return refuse("Malformed", "not a cursor (expected <payload>.<signature>)")
      }
      const expected = sign(body)
      const given = Buffer.from(signature, "base64url")
      if (given.length !== expected.length || !crypto().timingSafeEqual(given, expected)) {
        return refuse("Tampered", "its signature does not match: it was altered, or signed with another key")
      }
      const payload = parse(body)
      if (payload === undefined || payload[2] !== kind) return refuse("Malformed", `not a ${kind} cursor of this version`)
      const wanted = targetOf(op)
      const fields = ["operation", "table", "index", "segment", "total segments"] as const
      const differs = fields.findIndex((_, i) => payload[1][i] !== wanted[i])
      return differs === -1
        ? Effect.succeed(payload)
        : refuse(
            "OtherTarget",
            `taken from ${fields[differs]} ${JSON.stringify(payload[1][differs])}, used on ${JSON.stringify(wanted[differs])}`
          )
    })
  return {
    after: (op, page) => {
      const last = page.raw.LastEvaluatedKey
      return last === undefined || Object.keys(last).length === 0 ? undefined : encode([1, targetOf(op), "page", keyOf(last)])
    },
    resume: (op, cursor) =>
      Effect.map(decode(op, cursor, "page"), (payload) =>
        makeOperation({ ...op, description: { ...op.description, ExclusiveStartKey: attributesOf(payload[3] as Key) } })
      ),
    ofPosition: (op, position) =>
      encode([1, targetOf(op), "scan", position.map((p) => (typeof p === "string" ? p : keyOf(p.after)))]),
    position: (op, cursor) =>
      Effect.map(decode(op, cursor, "scan"), (payload) =>
        (payload[3] as ReadonlyArray<"start" | "done" | Key>).map(
          (p): SegmentPosition => (typeof p === "string" ? p : { after: attributesOf(p) })
        )
      )
  }
}

const refuse = (reason: InvalidCursorError["reason"], detail: string) =>
  Effect.fail(new InvalidCursorError({ reason, message: `invalid cursor: ${detail}` }))

/** What binds a cursor: the operation and the table, index and segment it reads. */
interface Located {
  readonly name: "Query" | "Scan"
  readonly description: object
}

const targetOf = ({ name, description }: Located): Target => {
  const { IndexName, Segment, TableName, TotalSegments } = description as InputOf<"Scan">
  return [name, TableName ?? null, IndexName ?? null, Segment ?? null, TotalSegments ?? null]
}

const keyOf = (attributes: Record<string, AttributeValue>): Key =>
  // Key attributes are strings, numbers or binary: DynamoDB sends no other type in a LastEvaluatedKey.
  Object.entries(attributes).map(([name, value]): KeyPart =>
    value.B !== undefined
      ? [name, "B", Buffer.from(value.B).toString("base64")]
      : value.N !== undefined ? [name, "N", value.N] : [name, "S", value.S ?? ""]
  )

const attributesOf = (key: Key): Record<string, AttributeValue> =>
  Object.fromEntries(
    key.map(([name, type, value]) => [
      name,
      type === "S" ? { S: value } : type === "N" ? { N: value } : { B: new Uint8Array(Buffer.from(value, "base64")) }
    ])
  )

/** The payload in `body` when it has a payload's shape; `undefined` otherwise. */
const parse = (body: string): Payload | undefined => {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(body, "base64url").toString("utf8"))
  } catch {
    return undefined
  }
  if (!Array.isArray(value) || value.length !== 4 || value[0] !== 1 || !isTarget(value[1])) return undefined
  if (value[2] === "page") return isKey(value[3]) ? (value as unknown as Payload) : undefined
  return value[2] === "scan" && Array.isArray(value[3]) && value[3].length > 0 &&
      value[3].every((p: unknown) => p === "start" || p === "done" || isKey(p))
    ? (value as unknown as Payload)
    : undefined
}

const isTarget = (value: unknown): value is Target =>
  Array.isArray(value) && value.length === 5 && (value[0] === "Query" || value[0] === "Scan")

/** A primary key: one to four attributes (table and index keys), distinct names, each `S`, `N` or `B`. */
const isKey = (value: unknown): value is Key =>
  Array.isArray(value) &&
  value.length >= 1 &&
  value.length <= 4 &&
  new Set(value.map((part: unknown) => (Array.isArray(part) ? part[0] : undefined))).size === value.length &&
  value.every(
    (part: unknown) =>
      Array.isArray(part) &&
      part.length === 3 &&
      typeof part[0] === "string" &&
      part[0] !== "" &&
      (part[1] === "S" || part[1] === "N" || part[1] === "B") &&
      typeof part[2] === "string"
  )
