/**
 * Key conditions: their shape checked against DynamoDB's form (an equality on each partition key attribute, then the
 * sort key attributes left to right, the last one tested maybe by a range), or against the key schema when it is
 * known; and a key condition given as a plain object, as expression text.
 */
import type { Condition } from "../../Condition.js"
import { AndNode, BeginsWithNode, BetweenNode, CompareNode, PathImpl, RawNode, operandKind } from "./ast.js"
import { conditionOperand } from "./condition.js"
import * as P from "./placeholders.js"
import type { Placeholders } from "./placeholders.js"

const sortComparators = new Set(["=", "<", "<=", ">", ">="])

const keyName = (operand: unknown): string | undefined =>
  operand instanceof PathImpl && operand.segments.length === 1 && typeof operand.segments[0] === "string"
    ? operand.segments[0]
    : undefined

const isPlainValue = (operand: unknown): boolean => operandKind(operand) === undefined || operandKind(operand) === "AttributeValue"

/** The key attributes of a table or index: up to 4 partition attributes, then up to 4 sort attributes. */
export interface KeyNames {
  readonly partition: ReadonlyArray<string>
  readonly sort: ReadonlyArray<string>
}

/** One condition of a key condition: the key attribute it tests, and whether it is an equality. */
interface KeyPart {
  readonly name: string
  readonly equality: boolean
}

/** The key part a condition is (an equality, or a range: <, <=, >, >=, BETWEEN, begins_with), or `undefined`. */
const keyPart = (c: Condition): KeyPart | undefined => {
  let name: string | undefined
  if (c instanceof CompareNode) name = sortComparators.has(c.op) && isPlainValue(c.right) ? keyName(c.left) : undefined
  else if (c instanceof BetweenNode) name = isPlainValue(c.low) && isPlainValue(c.high) ? keyName(c.operand) : undefined
  else if (c instanceof BeginsWithNode) name = isPlainValue(c.prefix) ? keyName(c.path) : undefined
  return name === undefined ? undefined : { name, equality: c instanceof CompareNode && c.op === "=" }
}

const flattenAnd = (conditions: ReadonlyArray<Condition>, out: Array<Condition>): Array<Condition> => {
  for (const c of conditions) {
    if (c instanceof AndNode) flattenAnd(c.conditions, out)
    else out.push(c)
  }
  return out
}

const keyShape =
  "a key condition is an equality on each partition key attribute (up to 4), AND-ed with conditions on the sort key attributes (up to 4: equalities, the last one may be <, <=, >, >=, BETWEEN or begins_with), each on a top-level attribute against values"

const list = (names: ReadonlyArray<string>): string => names.map((name) => `"${name}"`).join(", ")

/** Whether the parts fit DynamoDB's key condition form when the key schema is not known. */
const anyKeyProblem = (parts: ReadonlyArray<KeyPart>): string | undefined => {
  const ranges = parts.filter((part) => !part.equality)
  if (ranges.length > 1) return `${keyShape}; got ${ranges.length} range conditions (on ${list(ranges.map((part) => part.name))})`
  if (ranges.length === parts.length) return `${keyShape}; got no equality for the partition key`
  if (parts.length > 8) return `${keyShape}; got ${parts.length} conditions`
  return undefined
}

/** Whether the parts fit the key schema `keys`: every partition attribute by equality, then a prefix of the sort attributes. */
const knownKeyProblem = (parts: ReadonlyArray<KeyPart>, keys: KeyNames): string | undefined => {
  const byName = new Map(parts.map((part) => [part.name, part]))
  const unknown = parts.filter((part) => !keys.partition.includes(part.name) && !keys.sort.includes(part.name))
  if (unknown.length > 0) {
    return `${list(unknown.map((part) => part.name))} is not a key attribute here (partition key: ${list(keys.partition)}; sort key: ${keys.sort.length === 0 ? "none" : list(keys.sort)})`
  }
  for (const name of keys.partition) {
    const part = byName.get(name)
    if (part === undefined) return `the key condition must give the partition key attribute "${name}" (with =)`
    if (!part.equality) return `the partition key attribute "${name}" takes only =`
  }
  const tested = keys.sort.findIndex((name) => !byName.has(name))
  const given = tested === -1 ? keys.sort.length : tested
  const skipped = keys.sort.slice(given + 1).filter((name) => byName.has(name))
  if (skipped.length > 0) return `sort key attribute ${list(skipped)} is tested but "${keys.sort[given]}" before it is not (sort key attributes go left to right)`
  const early = keys.sort.slice(0, Math.max(0, given - 1)).filter((name) => !byName.get(name)!.equality)
  if (early.length > 0) return `only the last sort key attribute tested may take a range condition; ${list(early)} takes one before "${keys.sort[given - 1]}"`
  return undefined
}

const keyPartsProblem = (parts: ReadonlyArray<KeyPart>, keys: KeyNames | undefined): string | undefined => {
  const twice = parts.filter((part, i) => parts.findIndex((other) => other.name === part.name) !== i)
  if (twice.length > 0) return `${keyShape}; key attribute ${list([...new Set(twice.map((part) => part.name))])} is tested twice`
  return keys === undefined ? anyKeyProblem(parts) : knownKeyProblem(parts, keys)
}

/**
 * What is wrong with the shape of a key condition, or `undefined` when it is fine: against the key schema `keys`
 * when it is known, otherwise against DynamoDB's general form (multi-attribute keys included).
 */
export const keyConditionProblem = (c: Condition, keys?: KeyNames | undefined): string | undefined => {
  if (c instanceof RawNode) return undefined
  const conditions = c instanceof AndNode ? flattenAnd(c.conditions, []) : [c]
  const parts: Array<KeyPart> = []
  for (const condition of conditions) {
    const part = keyPart(condition)
    if (part === undefined) return keyShape
    parts.push(part)
  }
  return keyPartsProblem(parts, keys)
}

/** What is wrong with a key condition given as a plain object (every attribute equal to its value), or `undefined`. */
export const keyObjectProblem = (key: Readonly<Record<string, unknown>>, keys?: KeyNames | undefined): string | undefined => {
  const parts: Array<KeyPart> = []
  for (const name in key) if (key[name] !== undefined) parts.push({ name, equality: true })
  return parts.length === 0 ? `${keyShape}; got no key attribute` : keyPartsProblem(parts, keys)
}

/** A key condition given as a plain object: every attribute equal to its value. */
export const keyObject = (ctx: Placeholders, key: Readonly<Record<string, unknown>>, keys?: KeyNames | undefined): string => {
  let out = ""
  let count = 0
  for (const attribute in key) {
    const v = key[attribute]
    if (v === undefined) continue
    if (operandKind(v) !== undefined && operandKind(v) !== "AttributeValue") {
      P.problem(ctx, `key attribute "${attribute}" must be given a value`)
    }
    const text = P.name(ctx, attribute) + " = " + conditionOperand(ctx, v)
    out = count++ === 0 ? text : out + " AND " + text
  }
  const shape = keyObjectProblem(key, keys)
  if (shape !== undefined) P.problem(ctx, shape)
  return out
}
