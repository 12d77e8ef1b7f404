/**
 * The placeholder allocator: one per request, shared by the key condition, condition, filter, update and
 * projection. Attribute names get `#n0`, `#n1`, … (one placeholder per distinct name), values get `:v0`, `:v1`, …
 * (one per occurrence, never shared). Placeholders the caller supplies (the raw escape hatch) are reserved first:
 * the allocator skips them and never overwrites them; two caller sources giving one placeholder two meanings is a
 * problem. Names and values never enter an expression string: the emitters beside this file (`path`, `condition`,
 * `keyCondition`, `update`, `overlaps`) write only placeholders, allocated as they are met, so the output is a pure
 * function of the input.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../../InputProblem.js"
import { formatPath, ValueError } from "../values/valueError.js"
import { toAttributeValue } from "../../Value.js"
import * as Records from "./records.generated.js"

/** The state of one compilation. */
export interface Placeholders {
  /** The distinct names met so far, in order: the name at index `i` is `#n{i}` (unless placeholders are reserved). */
  readonly nameList: Array<string>
  /** name → index, built only once there are many names (a linear search is faster for a few). */
  nameIndex: Map<string, number> | undefined
  /**
   * A 32-bit filter of the names met so far (bit `nameBit(name)` set for each): a name whose bit is clear is new,
   * so most names skip the search for an earlier occurrence (string comparisons were most of the cost of `name`).
   */
  nameBits: number
  /** The values met so far, in order: the value at index `i` is `:v{i}` (unless placeholders are reserved). */
  readonly valueList: Array<AttributeValue>
  /** Caller placeholders (the raw escape hatch), when there are any: the allocator steps around them. */
  reserved: Reserved | undefined
  /** What is wrong so far; allocated with the first problem (most compilations have none). */
  problems: Array<InputProblem> | undefined
  /** The part being compiled, for problems: `ConditionExpression`, `UpdateExpression`, … */
  part: string
  /** The attribute path whose value is being compiled (updates), for problems with that value. */
  subject: string | ReadonlyArray<string | number> | undefined
}

/** Caller placeholders, and the keys given to generated ones when they had to step around them. */
interface Reserved {
  readonly names: Record<string, string>
  readonly values: Record<string, AttributeValue>
  readonly nameKeys: Array<string>
  readonly valueKeys: Array<string>
  nextName: number
  nextValue: number
}

/** A fresh allocator. */
export const make = (): Placeholders => ({
  nameList: [],
  nameIndex: undefined,
  nameBits: 0,
  valueList: [],
  reserved: undefined,
  problems: undefined,
  part: "",
  subject: undefined
})

/** Records a problem with the part being compiled. */
export const problem = (ctx: Placeholders, message: string): void => {
  problemIn(ctx, ctx.part, message)
}

/** Records a problem with `part`. */
export const problemIn = (ctx: Placeholders, part: string, message: string): void => {
  if (ctx.problems === undefined) ctx.problems = []
  ctx.problems.push({ part, message })
}

const nameKeys: Array<string> = []
const valueKeys: Array<string> = []
for (let i = 0; i < 128; i++) {
  nameKeys.push("#n" + i)
  valueKeys.push(":v" + i)
}
const nameKey = (i: number): string => (i < 128 ? nameKeys[i]! : "#n" + i)
const valueKey = (i: number): string => (i < 128 ? valueKeys[i]! : ":v" + i)

const linearLimit = 12

/** The filter bit of `name`: its length, first and last character, spread by Fibonacci hashing (top 5 bits). */
const nameBit = (name: string): number =>
  1 << (Math.imul((name.length << 16) ^ (name.charCodeAt(0) << 8) ^ name.charCodeAt(name.length - 1), 0x9e3779b1) >>> 27)

/** The placeholder of attribute name `name` (allocated on first use; one per distinct name). */
export const name = (ctx: Placeholders, name: string): string => {
  const list = ctx.nameList
  const n = list.length
  let index = -1
  const bit = nameBit(name)
  if ((ctx.nameBits & bit) === 0) ctx.nameBits |= bit
  else if (ctx.nameIndex === undefined) {
    for (let i = 0; i < n; i++) {
      if (list[i] === name) {
        index = i
        break
      }
    }
  } else index = ctx.nameIndex.get(name) ?? -1
  if (index >= 0) return ctx.reserved === undefined ? nameKey(index) : ctx.reserved.nameKeys[index]!
  if (name.length === 0) problem(ctx, "an attribute name cannot be empty")
  list.push(name)
  if (ctx.nameIndex !== undefined) ctx.nameIndex.set(name, n)
  else if (n + 1 > linearLimit) {
    const map = new Map<string, number>()
    for (let i = 0; i <= n; i++) map.set(list[i]!, i)
    ctx.nameIndex = map
  }
  const reserved = ctx.reserved
  if (reserved === undefined) return nameKey(n)
  let key = nameKey(reserved.nextName++)
  while (key in reserved.names) key = nameKey(reserved.nextName++)
  reserved.nameKeys.push(key)
  return key
}

/** A new placeholder holding `value`, already an `AttributeValue` (values are never shared). */
export const attributeValue = (ctx: Placeholders, value: AttributeValue): string => {
  const n = ctx.valueList.push(value) - 1
  const reserved = ctx.reserved
  if (reserved === undefined) return valueKey(n)
  let key = valueKey(reserved.nextValue++)
  while (key in reserved.values) key = valueKey(reserved.nextValue++)
  reserved.valueKeys.push(key)
  return key
}

/** The record `{ key(0): list[0], key(1): list[1], … }`: a literal for the common sizes (`records.generated.ts`). */
const toRecord = <A>(
  list: ReadonlyArray<A>,
  literals: ReadonlyArray<(a: ReadonlyArray<unknown>) => Record<string, unknown>>,
  keys: (i: number) => string
): Record<string, A> => {
  const n = list.length
  if (n < literals.length) return literals[n]!(list) as Record<string, A>
  const out: Record<string, A> = {}
  for (let i = 0; i < n; i++) out[keys(i)] = list[i]!
  return out
}

/** `ExpressionAttributeNames`, or `undefined` when there are none. */
export const namesRecord = (ctx: Placeholders): Record<string, string> | undefined => {
  const reserved = ctx.reserved
  if (reserved === undefined) return ctx.nameList.length === 0 ? undefined : toRecord(ctx.nameList, Records.names, nameKey)
  const out: Record<string, string> = { ...reserved.names }
  for (let i = 0; i < ctx.nameList.length; i++) out[reserved.nameKeys[i]!] = ctx.nameList[i]!
  return Object.keys(out).length === 0 ? undefined : out
}

/** `ExpressionAttributeValues`, or `undefined` when there are none. */
export const valuesRecord = (ctx: Placeholders): Record<string, AttributeValue> | undefined => {
  const reserved = ctx.reserved
  if (reserved === undefined) return ctx.valueList.length === 0 ? undefined : toRecord(ctx.valueList, Records.values, valueKey)
  const out: Record<string, AttributeValue> = { ...reserved.values }
  for (let i = 0; i < ctx.valueList.length; i++) out[reserved.valueKeys[i]!] = ctx.valueList[i]!
  return Object.keys(out).length === 0 ? undefined : out
}

const reserve = (ctx: Placeholders): Reserved =>
  (ctx.reserved ??= { names: {}, values: {}, nameKeys: [], valueKeys: [], nextName: 0, nextValue: 0 })

const maxSafe = Number.MAX_SAFE_INTEGER
const minSafe = Number.MIN_SAFE_INTEGER
/** The smallest magnitude DynamoDB holds: smaller numbers (other than 0) go the general way, which refuses them. */
const minMagnitude = 1e-130

/** `value` as an `AttributeValue`; a value that cannot be marshalled is a problem (and stands as `NULL`). */
export const marshal = (ctx: Placeholders, value: unknown): AttributeValue => {
  switch (typeof value) {
    case "string":
      return { S: value }
    case "number":
      if (value <= maxSafe && value >= minSafe && (value >= minMagnitude || value <= -minMagnitude || value === 0)) return { N: String(value) }
      break
    case "boolean":
      return { BOOL: value }
    case "undefined":
      valueProblem(ctx, [], "undefined is not a DynamoDB value")
      return { NULL: true }
  }
  if (value === null) return { NULL: true }
  if (Array.isArray(value)) {
    const list = primitiveList(value)
    if (list !== undefined) return { L: list }
  }
  try {
    return toAttributeValue(value)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const path = error instanceof ValueError ? error.path : []
    valueProblem(ctx, path, path.length === 0 ? `cannot store ${describe(value)}: ${message}` : message)
    return { NULL: true }
  }
}

/**
 * A problem with a value: its part is the attribute it is for and the path inside it (`UpdateExpression.profile
 * .tags[3]`) when an update is being compiled; otherwise the expression, with the path in the message.
 */
const valueProblem = (ctx: Placeholders, path: ReadonlyArray<string | number>, message: string): void => {
  if (ctx.subject !== undefined) {
    const subject = formatPath(ctx.part, typeof ctx.subject === "string" ? [ctx.subject] : ctx.subject)
    problemIn(ctx, formatPath(subject, path), message)
  } else {
    problemIn(ctx, ctx.part, path.length === 0 ? message : `${formatPath("value", path)}: ${message}`)
  }
}

/** A list of strings, safe numbers and booleans, marshalled without the general path; `undefined` for others. */
const primitiveList = (values: ReadonlyArray<unknown>): Array<AttributeValue> | undefined => {
  const out: Array<AttributeValue> = []
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (typeof v === "string") out.push({ S: v })
    else if (typeof v === "number" && v <= maxSafe && v >= minSafe && (v >= minMagnitude || v <= -minMagnitude || v === 0)) out.push({ N: String(v) })
    else if (typeof v === "boolean") out.push({ BOOL: v })
    else return undefined
  }
  return out
}

/** A new placeholder holding the marshalled `value`. */
export const value = (ctx: Placeholders, value: unknown): string => attributeValue(ctx, marshal(ctx, value))

const describe = (value: unknown): string => {
  if (typeof value === "number" || typeof value === "bigint") return String(value)
  if (value instanceof Set) return value.size === 0 ? "an empty set" : "a set"
  return typeof value
}

const namePattern = /^#[A-Za-z0-9_]+$/
const valuePattern = /^:[A-Za-z0-9_]+$/

/** Reserves caller-supplied names (`#x` → name); a placeholder already meaning something else is a problem. */
export const reserveNames = (ctx: Placeholders, names: Readonly<Record<string, string>>, part: string): void => {
  const reserved = reserve(ctx)
  for (const key of Object.keys(names)) {
    const target = names[key]!
    if (!namePattern.test(key)) {
      problemIn(ctx, part, `name placeholder "${key}" must be # followed by letters, digits or _`)
      continue
    }
    const existing = reserved.names[key]
    if (existing !== undefined && existing !== target) {
      problemIn(ctx, part, `name placeholder ${key} is given twice: "${existing}" and "${target}"`)
      continue
    }
    reserved.names[key] = target
  }
}

/** Reserves caller-supplied values (`:x` → value); a placeholder already holding another value is a problem. */
export const reserveValues = (
  ctx: Placeholders,
  values: Readonly<Record<string, unknown>>,
  marshalled: boolean,
  part: string
): void => {
  const reserved = reserve(ctx)
  for (const key of Object.keys(values)) {
    if (!valuePattern.test(key)) {
      problemIn(ctx, part, `value placeholder "${key}" must be : followed by letters, digits or _`)
      continue
    }
    const saved = ctx.part
    ctx.part = part
    const target = marshalled ? (values[key] as AttributeValue) : marshal(ctx, values[key])
    ctx.part = saved
    const existing = reserved.values[key]
    if (existing !== undefined && !sameValue(existing, target)) {
      problemIn(ctx, part, `value placeholder ${key} is given twice with different values`)
      continue
    }
    reserved.values[key] = target
  }
}

const sameValue = (a: AttributeValue, b: AttributeValue): boolean => a === b || stableJson(a) === stableJson(b)

const stableJson = (value: unknown): string => {
  if (value instanceof Uint8Array) return `b${Buffer.from(value).toString("base64")}`
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>
    return `{${Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`)
      .join(",")}}`
  }
  return JSON.stringify(value)
}
