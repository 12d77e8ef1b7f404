/**
 * One write of a `BatchWriteItem` request (a `WriteRequest`), checked in one place: by `checkLimits` for every
 * request it is given, and by the batch writer as it marshals each write. Also the identity of an item (its key,
 * as one string), which tells two writes or reads of one item apart.
 *
 * The batch writer checks each write as it marshals it, then builds requests that hold each item once, within the
 * limits, and marks them (`markChecked` in `requests.ts`): `checkLimits` does not size the items and read their keys
 * a second time.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { itemSize } from "../values/itemSize.js"
import { canonicalNumber } from "../values/numbers.js"
import { keyProblem } from "./options.js"

/** DynamoDB's limits on items and batches of writes. */
export const WriteLimits = {
  itemBytes: 400 * 1024,
  batchWriteBytes: 16 * 1024 * 1024
} as const

type AttributeMap = Record<string, AttributeValue>

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value)

/** A key attribute's value as text (length-prefixed, so no two keys share one); `undefined` unless a string, number or binary. */
const keyPart = (value: AttributeValue | undefined): string | undefined => {
  if (value === undefined) return undefined
  if (value.S !== undefined) return `S${value.S.length}:${value.S}`
  if (value.N !== undefined) return `N${canonicalNumber(value.N)};`
  if (value.B !== undefined) return `B${Buffer.from(value.B).toString("base64")};`
  return undefined
}

/**
 * The identity of the item `key` names, from its attributes `names` (numbers by value, binaries by bytes);
 * `undefined` when one is missing or not a string, number or binary. Give the names in one order for one table.
 */
export const keyIdentity = (key: AttributeMap, names: ReadonlyArray<string>): string | undefined => {
  let out = ""
  for (let i = 0; i < names.length; i++) {
    const part = keyPart(key[names[i]!])
    if (part === undefined) return undefined
    out += part
  }
  return out
}

/**
 * The identity of a whole item, when its key is not known: every attribute by name, the strings, numbers and
 * binaries by value (two items alike in all of those have the same key, whatever the key is).
 */
export const itemIdentity = (item: AttributeMap): string => {
  let out = ""
  for (const name of Object.keys(item).sort()) out += `${name.length}:${name}${keyPart(item[name]) ?? "*"}`
  return out
}

/** What the check of one write found: the item's identity (by key when known) and its size in bytes. */
export interface CheckedWrite {
  /** `undefined` for a put whose table's key is not known (`requests.ts` matches it with the other writes). */
  readonly identity: string | undefined
  /** The key attributes the identity is made of, in that order. */
  readonly keyNames: ReadonlyArray<string> | undefined
  readonly size: number
}

/** What is wrong with one write: `part` is relative to the write (`""`, `.PutRequest.Item`, `.DeleteRequest.Key`). */
export interface WriteProblem {
  readonly part: string
  readonly message: string
}

/**
 * Checks one write of `table`: exactly one `PutRequest` of an item of at most 400 KB, or one `DeleteRequest` of a
 * key. When the table's key attribute `names` are known, the put's item and the delete's key hold each of them (a
 * non-empty string, a number or a binary, within the key sizes: at most 2,048 bytes, and at most one over 1,024 — the
 * sort key's limit), and the delete's key nothing else.
 */
export const checkWrite = (table: string, request: unknown, names: ReadonlyArray<string> | undefined): CheckedWrite | WriteProblem => {
  const put = isRecord(request) ? request["PutRequest"] : undefined
  const del = isRecord(request) ? request["DeleteRequest"] : undefined
  if ((put === undefined) === (del === undefined)) return { part: "", message: "each write is one PutRequest or one DeleteRequest" }
  const part = put !== undefined ? ".PutRequest.Item" : ".DeleteRequest.Key"
  const attributes = put !== undefined ? (put as { Item?: unknown }).Item : (del as { Key?: unknown }).Key
  if (put !== undefined && !isRecord(attributes)) return { part, message: "a put holds an item" }
  if (put === undefined) {
    const problem = keyProblem(attributes)
    if (problem !== undefined) return { part: part + problem.at, message: problem.message }
  }
  const map = attributes as AttributeMap
  let identity: string | undefined
  let keyNames = names
  if (names !== undefined) {
    identity = keyIdentity(map, names)
    if (identity === undefined || names.some((name) => map[name]!.S === "" || map[name]!.B?.byteLength === 0)) {
      return { part, message: `the key of table ${table} is ${names.join(", ")}: each must be a non-empty string, a number or a binary` }
    }
    if (put === undefined && Object.keys(map).length !== names.length) {
      return { part, message: `a delete takes the key of table ${table} only (${names.join(", ")})` }
    }
    if (put !== undefined) {
      // A put's key values within the key limits (a delete's key was checked whole above).
      const key: AttributeMap = {}
      for (const name of names) key[name] = map[name]!
      const problem = keyProblem(key)
      if (problem !== undefined) return { part: part + problem.at, message: problem.message }
    }
  } else if (put === undefined) {
    keyNames = Object.keys(map).sort()
    identity = keyIdentity(map, keyNames)
  }
  const size = itemSize(map)
  if (size > WriteLimits.itemBytes) return { part, message: `item is ${size} bytes; DynamoDB allows ${WriteLimits.itemBytes}` }
  return { identity, keyNames, size }
}
