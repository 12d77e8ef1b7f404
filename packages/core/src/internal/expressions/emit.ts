/**
 * Emission: nodes → expression strings, allocating placeholders as they are met (so the output is a pure
 * function of the input). Names and values never enter an expression string; only placeholders do.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { Limits } from "../input/limits.js"
import * as P from "./placeholders.js"
import type { Placeholders } from "./placeholders.js"
import {
  AndNode,
  type ArithmeticNode,
  type AttributeValueNode,
  BeginsWithNode,
  BetweenNode,
  CompareNode,
  ContainsNode,
  ExistsNode,
  type IfNotExistsNode,
  InNode,
  type ListAppendNode,
  NotExistsNode,
  NotNode,
  OrNode,
  PathImpl,
  RawNode,
  type SizeNode,
  TypeNode,
  ActionNode,
  ClauseNode,
  operandKind
} from "./ast.js"
import type { Comparator, Condition } from "../../Condition.js"
import type { Segment } from "../../Path.js"
import type { UpdateKind } from "../../Update.js"

// ---------------------------------------------------------------------------------------------------------------
// Paths and operands

/** `#n0.#n1[3]` for a path. */
export const path = (ctx: Placeholders, segments: ReadonlyArray<Segment>): string => {
  const first = segments[0]
  if (typeof first !== "string") {
    P.problem(ctx, segments.length === 0 ? "a path needs at least one segment" : "a path must start with an attribute name")
    return segments.length === 0 ? "#invalid" : "#invalid" + pathTail(ctx, segments)
  }
  return segments.length === 1 ? P.name(ctx, first) : P.name(ctx, first) + pathTail(ctx, segments)
}

const pathTail = (ctx: Placeholders, segments: ReadonlyArray<Segment>): string => {
  let out = ""
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!
    if (typeof segment === "string") out += "." + P.name(ctx, segment)
    else {
      if (!Number.isInteger(segment) || segment < 0) P.problem(ctx, `list index ${segment} must be a whole number ≥ 0`)
      out += "[" + segment + "]"
    }
  }
  return out
}

/** An operand of a condition: a path, `size(path)`, a given `AttributeValue`, or a plain value. */
const conditionOperand = (ctx: Placeholders, operand: unknown): string => {
  switch (operandKind(operand)) {
    case undefined:
      return P.value(ctx, operand)
    case "Path":
      return path(ctx, (operand as PathImpl).segments)
    case "Size":
      return "size(" + path(ctx, (operand as SizeNode).path.segments) + ")"
    case "AttributeValue":
      return P.attributeValue(ctx, (operand as AttributeValueNode).value)
    default:
      P.problem(ctx, "if_not_exists, list_append, + and - belong in updates, not in conditions")
      return "#invalid"
  }
}

/** A value operand must be one of the types `what` accepts (DynamoDB refuses the request otherwise). */
const typedOperand = (ctx: Placeholders, operand: unknown, what: string, strings: boolean, numbers: boolean): string => {
  if (operandKind(operand) !== undefined) return conditionOperand(ctx, operand)
  const value = P.marshal(ctx, operand)
  if (!((strings && (value.S !== undefined || value.B !== undefined)) || (numbers && value.N !== undefined))) {
    P.problem(ctx, `${what} takes ${numbers ? "a number, a string or a binary" : "a string or a binary"}, not ${typeName(value)}`)
  }
  return P.attributeValue(ctx, value)
}

const typeName = (value: AttributeValue): string => {
  for (const key in value) if ((value as unknown as Record<string, unknown>)[key] !== undefined) return key
  return "nothing"
}

/** BETWEEN bounds given as values: of one orderable type, the lower first. */
const betweenBounds = (ctx: Placeholders, low: unknown, high: unknown): string => {
  if (operandKind(low) !== undefined || operandKind(high) !== undefined) {
    return typedOperand(ctx, low, "BETWEEN", true, true) + " AND " + typedOperand(ctx, high, "BETWEEN", true, true)
  }
  const a = P.marshal(ctx, low)
  const b = P.marshal(ctx, high)
  const order = compareBounds(a, b)
  if (order === undefined) {
    P.problem(ctx, `BETWEEN takes two numbers, two strings or two binaries, not ${typeName(a)} and ${typeName(b)}`)
  } else if (order > 0) P.problem(ctx, "BETWEEN needs the lower bound first")
  return P.attributeValue(ctx, a) + " AND " + P.attributeValue(ctx, b)
}

/** The order of two bounds as DynamoDB sees it (numbers by value, strings and binaries by bytes). */
const compareBounds = (a: AttributeValue, b: AttributeValue): number | undefined => {
  if (a.N !== undefined && b.N !== undefined) return Number(a.N) > Number(b.N) ? 1 : 0
  if (a.S !== undefined && b.S !== undefined) return Buffer.compare(Buffer.from(a.S), Buffer.from(b.S))
  if (a.B !== undefined && b.B !== undefined) return Buffer.compare(a.B, b.B)
  return undefined
}

/** An operand of `SET`: a path, `if_not_exists`, `list_append`, a given `AttributeValue`, or a plain value. */
const updateOperand = (ctx: Placeholders, operand: unknown, top: boolean): string => {
  if (typeof operand === "string") return P.attributeValue(ctx, { S: operand }) // the usual SET, before the kind switch
  switch (operandKind(operand)) {
    case undefined:
      return P.value(ctx, operand)
    case "Path":
      return path(ctx, (operand as PathImpl).segments)
    case "AttributeValue":
      return P.attributeValue(ctx, (operand as AttributeValueNode).value)
    case "IfNotExists": {
      const node = operand as IfNotExistsNode
      return "if_not_exists(" + path(ctx, node.path.segments) + ", " + updateOperand(ctx, node.fallback, false) + ")"
    }
    case "ListAppend": {
      const node = operand as ListAppendNode
      return "list_append(" + updateOperand(ctx, node.left, false) + ", " + updateOperand(ctx, node.right, false) + ")"
    }
    case "Arithmetic": {
      const node = operand as ArithmeticNode
      if (!top) P.problem(ctx, "+ and - cannot be nested: DynamoDB allows one per SET action")
      return updateOperand(ctx, node.left, false) + " " + node.op + " " + updateOperand(ctx, node.right, false)
    }
    case "Size":
      P.problem(ctx, "size() belongs in conditions, not in updates")
      return "#invalid"
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions

/** Whether `condition` is an empty `cand()`. */
const isEmptyAnd = (condition: Condition): boolean => condition instanceof AndNode && condition.conditions.length === 0

/**
 * The condition as an expression string; `""` for an empty `cand()` at the top (meaning: no condition).
 */
export const condition = (ctx: Placeholders, condition: Condition): string => {
  if (condition instanceof AndNode) return join(ctx, condition.conditions, AndNode, " AND ", "")
  if (condition instanceof OrNode) {
    const out = join(ctx, condition.conditions, OrNode, " OR ", "")
    if (out === "") P.problem(ctx, "cor() needs at least one condition")
    return out
  }
  return leaf(ctx, condition)
}

/** Appends `conditions` joined by `separator` to `acc`, flattening nested nodes of the same kind. */
const join = (
  ctx: Placeholders,
  conditions: ReadonlyArray<Condition>,
  kind: typeof AndNode | typeof OrNode,
  separator: string,
  acc: string
): string => {
  for (let i = 0; i < conditions.length; i++) {
    const child = conditions[i]!
    if (child instanceof kind) {
      acc = join(ctx, child.conditions, kind, separator, acc)
      continue
    }
    const text =
      child instanceof AndNode || child instanceof OrNode
        ? nested(ctx, child)
        : child instanceof RawNode
          ? "(" + child.expression + ")"
          : leaf(ctx, child)
    acc = acc === "" ? text : acc + separator + text
  }
  return acc
}

/** A compound condition inside another: parenthesised. */
const nested = (ctx: Placeholders, child: AndNode | OrNode): string => {
  const text = condition(ctx, child)
  if (text === "") {
    P.problem(ctx, "an empty cand() can only stand alone or inside another cand()")
    return "()"
  }
  return "(" + text + ")"
}

/** The path an operand reads (a path, or the path of `size(path)`), to find an operand compared with itself. */
const readPath = (operand: unknown): string | undefined => {
  const kind = operandKind(operand)
  if (kind === "Path") return JSON.stringify((operand as PathImpl).segments)
  if (kind === "Size") return "size" + JSON.stringify((operand as SizeNode).path.segments)
  return undefined
}

/** DynamoDB refuses `a = a`, `a BETWEEN a AND b`, `a IN (a, …)`: the first operand must differ from the others. */
const distinct = (ctx: Placeholders, first: unknown, others: ReadonlyArray<unknown>): void => {
  if (operandKind(first) === undefined) return
  let firstPath: string | undefined
  for (const other of others) {
    if (operandKind(other) === undefined) continue
    firstPath ??= readPath(first)
    if (firstPath !== undefined && readPath(other) === firstPath) {
      P.problem(ctx, "an operand is compared with itself; DynamoDB requires the first operand to differ from the others")
      return
    }
  }
}

/** The comparator with its spaces, as one constant: one concatenation per comparison rather than three. */
const spaced = (op: Comparator): string => {
  switch (op) {
    case "=":
      return " = "
    case "<>":
      return " <> "
    case "<":
      return " < "
    case "<=":
      return " <= "
    case ">":
      return " > "
    case ">=":
      return " >= "
  }
}

const leaf = (ctx: Placeholders, c: Condition): string => {
  if (c instanceof CompareNode) {
    if (operandKind(c.right) !== undefined) distinct(ctx, c.left, [c.right])
    if (c.op === "=" || c.op === "<>") return conditionOperand(ctx, c.left) + spaced(c.op) + conditionOperand(ctx, c.right)
    return typedOperand(ctx, c.left, c.op, true, true) + spaced(c.op) + typedOperand(ctx, c.right, c.op, true, true)
  }
  if (c instanceof ExistsNode) return "attribute_exists(" + path(ctx, c.path.segments) + ")"
  if (c instanceof NotExistsNode) return "attribute_not_exists(" + path(ctx, c.path.segments) + ")"
  if (c instanceof BeginsWithNode) {
    return "begins_with(" + path(ctx, c.path.segments) + ", " + typedOperand(ctx, c.prefix, "begins_with", true, false) + ")"
  }
  if (c instanceof ContainsNode) return "contains(" + path(ctx, c.path.segments) + ", " + conditionOperand(ctx, c.operand) + ")"
  if (c instanceof BetweenNode) {
    distinct(ctx, c.operand, [c.low, c.high])
    return conditionOperand(ctx, c.operand) + " BETWEEN " + betweenBounds(ctx, c.low, c.high)
  }
  if (c instanceof InNode) {
    const list = c.list
    if (list.length === 0) P.problem(ctx, "IN needs at least one operand")
    else if (list.length > Limits.inOperands) P.problem(ctx, `IN has ${list.length} operands; DynamoDB allows ${Limits.inOperands}`)
    distinct(ctx, c.operand, list)
    let out = conditionOperand(ctx, c.operand) + " IN ("
    for (let i = 0; i < list.length; i++) out += (i === 0 ? "" : ", ") + conditionOperand(ctx, list[i])
    return out + ")"
  }
  if (c instanceof TypeNode) {
    if (!typeCodes.has(c.type)) P.problem(ctx, `attribute_type takes S, SS, N, NS, B, BS, BOOL, NULL, L or M, not ${String(c.type)}`)
    return "attribute_type(" + path(ctx, c.path.segments) + ", " + P.attributeValue(ctx, { S: c.type }) + ")"
  }
  if (c instanceof NotNode) {
    const inner = c.condition
    if (inner instanceof AndNode || inner instanceof OrNode || inner instanceof RawNode) {
      if (isEmptyAnd(inner)) P.problem(ctx, "cnot() of an empty cand()")
      return "NOT (" + condition(ctx, inner) + ")"
    }
    return "NOT " + leaf(ctx, inner)
  }
  if (c instanceof RawNode) return c.expression
  if (c instanceof AndNode || c instanceof OrNode) return nested(ctx, c)
  P.problem(ctx, "not a condition")
  return "#invalid"
}

const typeCodes = new Set(["S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"])

/** Walks a condition and reserves the placeholders of its raw fragments. */
export const reserveRaw = (ctx: Placeholders, c: Condition, part: string): void => {
  if (c instanceof RawNode) {
    if (c.names !== undefined) P.reserveNames(ctx, c.names, part)
    if (c.values !== undefined) P.reserveValues(ctx, c.values, false, part)
  } else if (c instanceof AndNode || c instanceof OrNode) {
    for (const child of c.conditions) reserveRaw(ctx, child, part)
  } else if (c instanceof NotNode) reserveRaw(ctx, c.condition, part)
}

// ---------------------------------------------------------------------------------------------------------------
// Key conditions

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

// ---------------------------------------------------------------------------------------------------------------
// Updates

/** The four clauses of an update being built, and whether its paths need the overlap check. */
export interface UpdateSections {
  set: string
  remove: string
  add: string
  delete: string
  /**
   * Whether two paths may overlap: set when a path starts with a name met before. Paths whose first names are all
   * new to the request cannot overlap, so the paths are collected and checked pairwise only when this is set.
   */
  mayOverlap: boolean
}

/** Adds one action on `target` (path text `p`) to the sections. */
export const action = (ctx: Placeholders, sections: UpdateSections, kind: UpdateKind, p: string, v: unknown): void => {
  switch (kind) {
    case "set":
      return set(sections, p + " = " + updateOperand(ctx, v, true))
    // Early: a string switch tests its cases in order, and ADD is common.
    case "add": {
      const text = p + " " + setOrNumberOperand(ctx, v)
      sections.add = sections.add === "" ? text : sections.add + ", " + text
      return
    }
    case "ifNotExists":
      return set(sections, p + " = if_not_exists(" + p + ", " + updateOperand(ctx, v, false) + ")")
    case "append": {
      const empty = P.attributeValue(ctx, { L: [] })
      return set(sections, p + " = list_append(if_not_exists(" + p + ", " + empty + "), " + listOperand(ctx, v) + ")")
    }
    case "prepend": {
      const values = listOperand(ctx, v)
      return set(sections, p + " = list_append(" + values + ", if_not_exists(" + p + ", " + P.attributeValue(ctx, { L: [] }) + "))")
    }
    case "increment":
    case "decrement": {
      const zero = P.attributeValue(ctx, zeroValue)
      const by = numberOperand(ctx, v)
      return set(sections, p + " = if_not_exists(" + p + ", " + zero + (kind === "increment" ? ") + " : ") - ") + by)
    }
    case "remove":
      sections.remove = sections.remove === "" ? p : sections.remove + ", " + p
      return
    case "delete": {
      const text = p + " " + setOrNumberOperand(ctx, v)
      sections.delete = sections.delete === "" ? text : sections.delete + ", " + text
      return
    }
  }
}

const zeroValue: AttributeValue = { N: "0" }

const set = (sections: UpdateSections, text: string): void => {
  sections.set = sections.set === "" ? text : sections.set + ", " + text
}

/** The elements to append or prepend: an array (its elements), an operand (the list it holds), or one element. */
const listOperand = (ctx: Placeholders, v: unknown): string =>
  Array.isArray(v) || operandKind(v) !== undefined ? updateOperand(ctx, v, false) : P.value(ctx, v === undefined ? undefined : [v])

const numberOperand = (ctx: Placeholders, v: unknown): string => {
  if (typeof v !== "number" && typeof v !== "bigint" && operandKind(v) === undefined) {
    P.problem(ctx, "increment and decrement take a number")
  }
  return updateOperand(ctx, v, false)
}

/** The operand of ADD / DELETE: a number, a set, an array (taken as a set), or one string/binary (a set of one). */
const setOrNumberOperand = (ctx: Placeholders, v: unknown): string => {
  if (typeof v === "number") return P.value(ctx, v) // the usual ADD, before the type tests below
  if (Array.isArray(v)) return P.value(ctx, new Set(v))
  if (typeof v === "string" || v instanceof Uint8Array) return P.value(ctx, new Set([v]))
  if (operandKind(v) === "AttributeValue") return P.attributeValue(ctx, (v as AttributeValueNode).value)
  if (operandKind(v) !== undefined) P.problem(ctx, "ADD and DELETE take a value, not an expression")
  return P.value(ctx, v)
}

/** Adds every attribute of a plain update object: plain values are `SET`, actions go where they belong. */
export const updateObject = (ctx: Placeholders, sections: UpdateSections, object: Readonly<Record<string, unknown>>): void => {
  for (const attribute in object) {
    const v = object[attribute]
    if (v === undefined) continue
    ctx.subject = attribute
    const known = ctx.nameList.length
    const p = P.name(ctx, attribute)
    if (ctx.nameList.length === known) sections.mayOverlap = true
    if (typeof v === "object" && v !== null) {
      if (v instanceof ActionNode) {
        action(ctx, sections, v.kind, p, v.value)
        continue
      }
      if (v instanceof ClauseNode) {
        P.problem(ctx, `"${attribute}" holds an action already tied to a path: pass it in the update array instead`)
        continue
      }
    }
    set(sections, p + " = " + updateOperand(ctx, v, true))
  }
}

/** Adds one action tied to a path. */
export const updateClause = (ctx: Placeholders, sections: UpdateSections, clause: ClauseNode): void => {
  const segments = clause.path.segments
  ctx.subject = segments
  const known = ctx.nameList.length
  const p = path(ctx, segments)
  // The first segment is new exactly when `path` just added it at index `known`.
  if (typeof segments[0] !== "string" || ctx.nameList[known] !== segments[0]) sections.mayOverlap = true
  action(ctx, sections, clause.kind, p, clause.value)
}

/** The path a clause updates: its one name, or its segments. */
export const clausePath = (clause: ClauseNode): string | ReadonlyArray<Segment> => {
  const segments = clause.path.segments
  return segments.length === 1 && typeof segments[0] === "string" ? segments[0] : segments
}

/** Whether two paths overlap: one is the other or lies inside it. */
const overlap = (a: string | ReadonlyArray<Segment>, b: string | ReadonlyArray<Segment>): boolean => {
  if (typeof a === "string") return typeof b === "string" ? a === b : b[0] === a
  if (typeof b === "string") return a[0] === b
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false
  return true
}

const show = (p: string | ReadonlyArray<Segment>): string => {
  if (typeof p === "string") return p
  let out = ""
  for (const s of p) out += typeof s === "number" ? `[${s}]` : (out === "" ? "" : ".") + s
  return out
}

/** Reports every pair of overlapping paths. */
export const overlaps = (ctx: Placeholders, paths: ReadonlyArray<string | ReadonlyArray<Segment>>, what: string): void => {
  for (let i = 1; i < paths.length; i++) {
    for (let j = 0; j < i; j++) {
      if (overlap(paths[i]!, paths[j]!)) {
        P.problem(ctx, `${what} ${show(paths[j]!)} and ${show(paths[i]!)} overlap: DynamoDB allows each path once`)
      }
    }
  }
}

