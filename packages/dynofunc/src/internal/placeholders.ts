/**
 * The placeholder allocator: one per request, shared by the key condition, condition, filter, update and
 * projection. Attribute names get `#n0`, `#n1`, … (one placeholder per distinct name), values get `:v0`, `:v1`, …
 * (one per occurrence, never shared). Placeholders the caller supplies (the raw escape hatch) are reserved first:
 * the allocator skips them and never overwrites them; two caller sources giving one placeholder two meanings is a
 * problem.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../DynamoError.js"
import { toAttributeValue } from "../Value.js"

/** The state of one compilation. */
export interface Placeholders {
  /** `#n0` → name: what becomes `ExpressionAttributeNames`. */
  readonly names: Record<string, string>
  /** `:v0` → value: what becomes `ExpressionAttributeValues`. */
  readonly values: Record<string, AttributeValue>
  /** name → `#n…`, to give each distinct name one placeholder. */
  readonly nameOf: Map<string, string>
  nextName: number
  nextValue: number
  namesUsed: boolean
  valuesUsed: boolean
  /** Whether the caller supplied placeholders (the allocator then skips them). */
  reserved: boolean
  readonly problems: Array<InputProblem>
  /** The part being compiled, for problems: `ConditionExpression`, `UpdateExpression`, … */
  part: string
}

/** A fresh allocator. */
export const make = (): Placeholders => ({
  names: {},
  values: {},
  nameOf: new Map(),
  nextName: 0,
  nextValue: 0,
  namesUsed: false,
  valuesUsed: false,
  reserved: false,
  problems: [],
  part: ""
})

/** Records a problem with the part being compiled. */
export const problem = (ctx: Placeholders, message: string): void => {
  ctx.problems.push({ message, part: ctx.part })
}

/** The placeholder of attribute name `name` (allocated on first use). */
export const name = (ctx: Placeholders, name: string): string => {
  let placeholder = ctx.nameOf.get(name)
  if (placeholder !== undefined) return placeholder
  if (name.length === 0) problem(ctx, "an attribute name cannot be empty")
  placeholder = "#n" + ctx.nextName++
  if (ctx.reserved) while (placeholder in ctx.names) placeholder = "#n" + ctx.nextName++
  ctx.nameOf.set(name, placeholder)
  ctx.names[placeholder] = name
  ctx.namesUsed = true
  return placeholder
}

/** A new placeholder holding `value`, already an `AttributeValue`. */
export const attributeValue = (ctx: Placeholders, value: AttributeValue): string => {
  let placeholder = ":v" + ctx.nextValue++
  if (ctx.reserved) while (placeholder in ctx.values) placeholder = ":v" + ctx.nextValue++
  ctx.values[placeholder] = value
  ctx.valuesUsed = true
  return placeholder
}

const maxSafe = Number.MAX_SAFE_INTEGER
const minSafe = Number.MIN_SAFE_INTEGER

/** `value` as an `AttributeValue`; a value that cannot be marshalled is a problem (and stands as `NULL`). */
export const marshal = (ctx: Placeholders, value: unknown): AttributeValue => {
  switch (typeof value) {
    case "string":
      return { S: value }
    case "number":
      if (value <= maxSafe && value >= minSafe) return { N: String(value) }
      break
    case "boolean":
      return { BOOL: value }
    case "undefined":
      problem(ctx, "undefined is not a DynamoDB value")
      return { NULL: true }
  }
  if (value === null) return { NULL: true }
  try {
    return toAttributeValue(value)
  } catch (error) {
    problem(ctx, `cannot store ${describe(value)}: ${error instanceof Error ? error.message : String(error)}`)
    return { NULL: true }
  }
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
  for (const key of Object.keys(names)) {
    const target = names[key]!
    ctx.reserved = true
    if (!namePattern.test(key)) {
      ctx.problems.push({ part, message: `name placeholder "${key}" must be # followed by letters, digits or _` })
      continue
    }
    const existing = ctx.names[key]
    if (existing !== undefined && existing !== target) {
      ctx.problems.push({ part, message: `name placeholder ${key} is given twice: "${existing}" and "${target}"` })
      continue
    }
    ctx.names[key] = target
    ctx.namesUsed = true
  }
}

/** Reserves caller-supplied values (`:x` → value); a placeholder already holding another value is a problem. */
export const reserveValues = (
  ctx: Placeholders,
  values: Readonly<Record<string, unknown>>,
  marshalled: boolean,
  part: string
): void => {
  for (const key of Object.keys(values)) {
    ctx.reserved = true
    if (!valuePattern.test(key)) {
      ctx.problems.push({ part, message: `value placeholder "${key}" must be : followed by letters, digits or _` })
      continue
    }
    const saved = ctx.part
    ctx.part = part
    const target = marshalled ? (values[key] as AttributeValue) : marshal(ctx, values[key])
    ctx.part = saved
    const existing = ctx.values[key]
    if (existing !== undefined && !sameValue(existing, target)) {
      ctx.problems.push({ part, message: `value placeholder ${key} is given twice with different values` })
      continue
    }
    ctx.values[key] = target
    ctx.valuesUsed = true
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
