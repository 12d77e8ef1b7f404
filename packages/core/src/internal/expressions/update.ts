/**
 * An update as expression text: its SET, REMOVE, ADD and DELETE clauses built action by action (a plain value is a
 * SET) with the operands each action takes, and the path a clause updates (for the overlap check, `overlaps.ts`).
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { Segment } from "../../Path.js"
import type { UpdateKind } from "../../Update.js"
import {
  ActionNode,
  type ArithmeticNode,
  type AttributeValueNode,
  ClauseNode,
  type IfNotExistsNode,
  type ListAppendNode,
  type PathImpl,
  operandKind
} from "./ast.js"
import { path } from "./path.js"
import * as P from "./placeholders.js"
import type { Placeholders } from "./placeholders.js"

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
