/**
 * A condition (or a filter, or a key condition given as one) as expression text: comparisons, functions, BETWEEN, IN,
 * NOT, AND and OR (flattened, parenthesised where nested), and their operands. What DynamoDB would refuse is a
 * problem: an operand compared with itself, a value of the wrong type, BETWEEN's bounds out of order, an IN too long.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { Comparator, Condition } from "../../Condition.js"
import { Limits } from "../input/limits.js"
import {
  AndNode,
  type AttributeValueNode,
  BeginsWithNode,
  BetweenNode,
  CompareNode,
  ContainsNode,
  ExistsNode,
  InNode,
  NotExistsNode,
  NotNode,
  OrNode,
  type PathImpl,
  RawNode,
  type SizeNode,
  TypeNode,
  operandKind
} from "./ast.js"
import { path } from "./path.js"
import * as P from "./placeholders.js"
import type { Placeholders } from "./placeholders.js"

/** An operand of a condition: a path, `size(path)`, a given `AttributeValue`, or a plain value. */
export const conditionOperand = (ctx: Placeholders, operand: unknown): string => {
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
