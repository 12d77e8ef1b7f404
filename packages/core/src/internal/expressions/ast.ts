/**
 * The nodes of the expression language: paths, operands, conditions and update actions.
 *
 * Every node is a small class instance (one light constructor, methods on the prototype), so building an expression
 * allocates one object per node and nothing else. `compile` (in `placeholders.ts`/`emit.ts`) walks them once.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"

/** One step of a document path: an attribute or map key (a string, taken verbatim), or a list index (a number). */
export type Segment = string | number

/** Marks paths. */
export const PathTypeId: unique symbol = Symbol.for("dynofunc/Path")
/** Marks conditions. */
export const ConditionTypeId: unique symbol = Symbol.for("dynofunc/Condition")
/** Marks operands that are not plain values: paths, `size(…)`, `if_not_exists(…)`, `list_append(…)`, `+`/`-`. */
export const OperandTypeId: unique symbol = Symbol.for("dynofunc/Operand")
/** Marks update actions, bound to a path or not. */
export const UpdateTypeId: unique symbol = Symbol.for("dynofunc/Update")

/** The type codes `attribute_type` accepts. */
export type AttributeTypeCode = "S" | "SS" | "N" | "NS" | "B" | "BS" | "BOOL" | "NULL" | "L" | "M"

/** A comparison operator. */
export type Comparator = "=" | "<>" | "<" | "<=" | ">" | ">="

// ---------------------------------------------------------------------------------------------------------------
// Conditions

/** The kinds of condition node. */
export type ConditionTag =
  | "Compare"
  | "Between"
  | "In"
  | "Exists"
  | "NotExists"
  | "Type"
  | "BeginsWith"
  | "Contains"
  | "And"
  | "Or"
  | "Not"
  | "Raw"

/**
 * A condition: what `ConditionExpression`, `FilterExpression` and `KeyConditionExpression` hold. Build one with
 * `attr(...)` / `path(...)` methods and combine with `cand`, `cor`, `cnot` (or `.and`, `.or`, `.not`).
 *
 * @example
 * import { attr } from "dynofunc"
 * attr("a").exists().and(attr("v").equals(3)) // attribute_exists(#n0) AND #n1 = :v0
 */
export interface Condition {
  readonly [ConditionTypeId]: typeof ConditionTypeId
  readonly _tag: ConditionTag
  /**
   * This condition and the others: `a AND b AND …`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("a").exists().and(attr("b").gt(1)) // attribute_exists(#n0) AND #n1 > :v0
   */
  and(...others: ReadonlyArray<Condition>): Condition
  /**
   * This condition or the others: `a OR b OR …`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("a").notExists().or(attr("b").lt(1)) // attribute_not_exists(#n0) OR #n1 < :v0
   */
  or(...others: ReadonlyArray<Condition>): Condition
  /**
   * The negation: `NOT (…)`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("a").equals(1).not() // NOT #n0 = :v0
   */
  not(): Condition
}

abstract class ConditionBase implements Condition {
  declare readonly [ConditionTypeId]: typeof ConditionTypeId
  declare readonly _tag: ConditionTag
  /** Whether a raw fragment (with caller placeholders) is somewhere inside. */
  declare readonly hasRaw: boolean
  and(...others: ReadonlyArray<Condition>): Condition {
    return makeAnd([this, ...others])
  }
  or(...others: ReadonlyArray<Condition>): Condition {
    return makeOr([this, ...others])
  }
  not(): Condition {
    return new NotNode(this)
  }
}
Object.defineProperty(ConditionBase.prototype, ConditionTypeId, { value: ConditionTypeId })
Object.defineProperty(ConditionBase.prototype, "hasRaw", { value: false, writable: true })

const tag = (ctor: { prototype: object }, name: ConditionTag): void => {
  Object.defineProperty(ctor.prototype, "_tag", { value: name, enumerable: true })
}

/** `left op right` */
export class CompareNode extends ConditionBase {
  constructor(readonly op: Comparator, readonly left: unknown, readonly right: unknown) {
    super()
  }
}
tag(CompareNode, "Compare")

/** `operand BETWEEN low AND high` */
export class BetweenNode extends ConditionBase {
  constructor(readonly operand: unknown, readonly low: unknown, readonly high: unknown) {
    super()
  }
}
tag(BetweenNode, "Between")

/** `operand IN (a, b, …)` */
export class InNode extends ConditionBase {
  constructor(readonly operand: unknown, readonly list: ReadonlyArray<unknown>) {
    super()
  }
}
tag(InNode, "In")

/** `attribute_exists(path)` */
export class ExistsNode extends ConditionBase {
  constructor(readonly path: PathImpl) {
    super()
  }
}
tag(ExistsNode, "Exists")

/** `attribute_not_exists(path)` */
export class NotExistsNode extends ConditionBase {
  constructor(readonly path: PathImpl) {
    super()
  }
}
tag(NotExistsNode, "NotExists")

/** `attribute_type(path, :t)` */
export class TypeNode extends ConditionBase {
  constructor(readonly path: PathImpl, readonly type: AttributeTypeCode) {
    super()
  }
}
tag(TypeNode, "Type")

/** `begins_with(path, operand)` */
export class BeginsWithNode extends ConditionBase {
  constructor(readonly path: PathImpl, readonly prefix: unknown) {
    super()
  }
}
tag(BeginsWithNode, "BeginsWith")

/** `contains(path, operand)` */
export class ContainsNode extends ConditionBase {
  constructor(readonly path: PathImpl, readonly operand: unknown) {
    super()
  }
}
tag(ContainsNode, "Contains")

/** `a AND b AND …` */
export class AndNode extends ConditionBase {
  override readonly hasRaw: boolean
  constructor(readonly conditions: ReadonlyArray<Condition>) {
    super()
    this.hasRaw = anyRaw(conditions)
  }
}
tag(AndNode, "And")

/** `a OR b OR …` */
export class OrNode extends ConditionBase {
  override readonly hasRaw: boolean
  constructor(readonly conditions: ReadonlyArray<Condition>) {
    super()
    this.hasRaw = anyRaw(conditions)
  }
}
tag(OrNode, "Or")

/** `NOT condition` */
export class NotNode extends ConditionBase {
  override readonly hasRaw: boolean
  constructor(readonly condition: Condition) {
    super()
    this.hasRaw = (condition as ConditionBase).hasRaw
  }
}
tag(NotNode, "Not")

/** A condition written by hand, with its own placeholders. */
export class RawNode extends ConditionBase {
  override readonly hasRaw = true
  constructor(
    readonly expression: string,
    readonly names: Readonly<Record<string, string>> | undefined,
    readonly values: Readonly<Record<string, unknown>> | undefined
  ) {
    super()
  }
}
tag(RawNode, "Raw")

const anyRaw = (conditions: ReadonlyArray<Condition>): boolean => {
  for (let i = 0; i < conditions.length; i++) if ((conditions[i] as ConditionBase).hasRaw) return true
  return false
}

/** The conjunction of `conditions` (a single one is returned as is). */
export const makeAnd = (conditions: ReadonlyArray<Condition>): Condition =>
  conditions.length === 1 ? conditions[0]! : new AndNode(conditions)

/** The disjunction of `conditions` (a single one is returned as is). */
export const makeOr = (conditions: ReadonlyArray<Condition>): Condition =>
  conditions.length === 1 ? conditions[0]! : new OrNode(conditions)

/** Whether `u` is a condition. */
export const isCondition = (u: unknown): u is Condition =>
  u instanceof ConditionBase ||
  (typeof u === "object" && u !== null && (u as { [ConditionTypeId]?: unknown })[ConditionTypeId] === ConditionTypeId)

/** Whether `u` is a condition node of this copy of the library (the hot-path check). */
export const isConditionNode = (u: unknown): u is Condition => u instanceof ConditionBase

// ---------------------------------------------------------------------------------------------------------------
// Operands

/** The kinds of non-value operand. */
export type OperandKind = "Path" | "Size" | "IfNotExists" | "ListAppend" | "Arithmetic" | "AttributeValue"

/** An operand that is not a plain JS value. */
export interface Operand {
  readonly [OperandTypeId]: OperandKind
}


/**
 * An operand that can stand on the right of `SET path = …`: a path, `if_not_exists(…)`, `list_append(…)`, a
 * sum or difference, or a plain value.
 */
export interface UpdateOperand extends Operand {
  /**
   * `this + other`, for `SET`.
   *
   * @example
   * import { attr } from "dynofunc"
   * update: { total: attr("price").plus(attr("tax")) } // SET #n0 = #n1 + #n2
   */
  plus(other: unknown): UpdateOperand
  /**
   * `this - other`, for `SET`.
   *
   * @example
   * import { attr } from "dynofunc"
   * update: { left: attr("stock").minus(1) } // SET #n0 = #n1 - :v0
   */
  minus(other: unknown): UpdateOperand
  /**
   * `list_append(this, other)`, for `SET`.
   *
   * @example
   * import { attr } from "dynofunc"
   * update: { all: attr("a").listAppend(attr("b")) } // SET #n0 = list_append(#n1, #n2)
   */
  listAppend(other: unknown): UpdateOperand
}

abstract class UpdateOperandBase {
  declare readonly [OperandTypeId]: OperandKind
  /** The same as `[OperandTypeId]`, read on the hot path. */
  declare readonly operandKind: OperandKind
  plus(other: unknown): UpdateOperand {
    return new ArithmeticNode("+", this, other)
  }
  minus(other: unknown): UpdateOperand {
    return new ArithmeticNode("-", this, other)
  }
  listAppend(other: unknown): UpdateOperand {
    return new ListAppendNode(this, other)
  }
}

const kind = (ctor: { prototype: object }, name: OperandKind): void => {
  Object.defineProperty(ctor.prototype, OperandTypeId, { value: name })
  Object.defineProperty(ctor.prototype, "operandKind", { value: name })
}

/**
 * Whether `u` is an operand (path, size, function, arithmetic, raw attribute value) rather than a plain value, and
 * which. (`instanceof` rather than the symbol: monomorphic, so much faster on arbitrary user values.)
 */
export const operandKind = (u: unknown): OperandKind | undefined => (u instanceof UpdateOperandBase ? u.operandKind : undefined)

/** `if_not_exists(path, fallback)` */
export class IfNotExistsNode extends UpdateOperandBase {
  constructor(readonly path: PathImpl, readonly fallback: unknown) {
    super()
  }
}
kind(IfNotExistsNode, "IfNotExists")

/** `list_append(left, right)` */
export class ListAppendNode extends UpdateOperandBase {
  constructor(readonly left: unknown, readonly right: unknown) {
    super()
  }
}
kind(ListAppendNode, "ListAppend")

/** `left + right` / `left - right` */
export class ArithmeticNode extends UpdateOperandBase {
  constructor(readonly op: "+" | "-", readonly left: unknown, readonly right: unknown) {
    super()
  }
}
kind(ArithmeticNode, "Arithmetic")

/** An `AttributeValue` given as is, never marshalled again. */
export class AttributeValueNode extends UpdateOperandBase {
  constructor(readonly value: AttributeValue) {
    super()
  }
}
kind(AttributeValueNode, "AttributeValue")

/** What the comparison methods of paths and sizes share. */
export interface Comparable {
  /**
   * `= other` (a value, another path, or a size).
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("status").equals("active") // #n0 = :v0
   * attr("a").equals(attr("b"))     // #n0 = #n1
   */
  equals(other: unknown): Condition
  /**
   * `<> other`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("status").notEquals("gone") // #n0 <> :v0
   */
  notEquals(other: unknown): Condition
  /**
   * `< other`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("age").lt(18) // #n0 < :v0
   */
  lt(other: unknown): Condition
  /**
   * `<= other`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("age").lte(18) // #n0 <= :v0
   */
  lte(other: unknown): Condition
  /**
   * `> other`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("age").gt(18) // #n0 > :v0
   */
  gt(other: unknown): Condition
  /**
   * `>= other`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("age").gte(18) // #n0 >= :v0
   */
  gte(other: unknown): Condition
  /**
   * `BETWEEN low AND high` (both ends included).
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("age").between(18, 65) // #n0 BETWEEN :v0 AND :v1
   */
  between(low: unknown, high: unknown): Condition
  /**
   * `IN (…)`: one of 1 to 100 operands (more is an `InvalidInputError`). The operands come as one array, so a
   * list value is never mistaken for several operands.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("status").in(["a", "b"]) // #n0 IN (:v0, :v1)
   */
  in(operands: ReadonlyArray<unknown>): Condition
}

/** The comparison methods paths and sizes share. */
abstract class ComparableBase extends UpdateOperandBase implements Comparable {
  equals(other: unknown): Condition {
    return new CompareNode("=", this, other)
  }
  notEquals(other: unknown): Condition {
    return new CompareNode("<>", this, other)
  }
  lt(other: unknown): Condition {
    return new CompareNode("<", this, other)
  }
  lte(other: unknown): Condition {
    return new CompareNode("<=", this, other)
  }
  gt(other: unknown): Condition {
    return new CompareNode(">", this, other)
  }
  gte(other: unknown): Condition {
    return new CompareNode(">=", this, other)
  }
  between(low: unknown, high: unknown): Condition {
    return new BetweenNode(this, low, high)
  }
  in(operands: ReadonlyArray<unknown>): Condition {
    return new InNode(this, operands)
  }
}

/**
 * `size(path)`: the length of a string or binary, or the number of elements of a set, list or map. Compare it like
 * any operand.
 *
 * @example
 * import { attr } from "dynofunc"
 * attr("tags").size().gt(2) // size(#n0) > :v0
 */
export interface Size extends Operand, Comparable {
  readonly path: Path
}

/** `size(path)` */
export class SizeNode extends ComparableBase {
  constructor(readonly path: PathImpl) {
    super()
  }
}
kind(SizeNode, "Size")

// ---------------------------------------------------------------------------------------------------------------
// Update actions

/** The clause an update action lands in. */
export type UpdateKind =
  | "set"
  | "remove"
  | "add"
  | "delete"
  | "append"
  | "prepend"
  | "increment"
  | "decrement"
  | "ifNotExists"

/**
 * An update action not yet tied to a path: the value of a key in a plain update object, e.g.
 * `{ tags: attr.append(["x"]) }`.
 */
export interface UpdateAction {
  readonly [UpdateTypeId]: "Action"
  readonly kind: UpdateKind
  readonly value: unknown
}

/** An update action tied to a path, e.g. `path("a", "b").set(1)`. */
export interface UpdateClause {
  readonly [UpdateTypeId]: "Clause"
  readonly kind: UpdateKind
  readonly path: Path
  readonly value: unknown
}

/** An action not yet tied to a path. */
export class ActionNode implements UpdateAction {
  declare readonly [UpdateTypeId]: "Action"
  constructor(readonly kind: UpdateKind, readonly value: unknown) {}
}
Object.defineProperty(ActionNode.prototype, UpdateTypeId, { value: "Action" })

/** An action tied to a path. */
export class ClauseNode implements UpdateClause {
  declare readonly [UpdateTypeId]: "Clause"
  constructor(readonly kind: UpdateKind, readonly path: PathImpl, readonly value: unknown) {}
}
Object.defineProperty(ClauseNode.prototype, UpdateTypeId, { value: "Clause" })

/** `"Action"`, `"Clause"`, or `undefined` for anything else. */
export const updateKind = (u: unknown): "Action" | "Clause" | undefined =>
  u instanceof ActionNode ? "Action" : u instanceof ClauseNode ? "Clause" : undefined

// ---------------------------------------------------------------------------------------------------------------
// Paths

/**
 * A document path: an attribute name, then map keys and list indexes. Each string segment is one name, whatever it
 * holds (dots, dashes, spaces, unicode, reserved words); numbers are list indexes. A path is also the operand and the
 * starting point of every condition and update on it.
 *
 * @example
 * import { path } from "dynofunc"
 * path("profile", "e-mail").exists()   // attribute_exists(#n0.#n1)
 * path("items", 0, "price").gt(10)     // #n0[0].#n1 > :v0
 */
export interface Path extends Operand, Comparable, UpdateOperand {
  readonly [PathTypeId]: typeof PathTypeId
  /** The segments, in order: names (strings) and list indexes (numbers). */
  readonly segments: ReadonlyArray<Segment>
  /**
   * A path further down: map keys and list indexes.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("profile").at("address", "city") // #n0.#n1.#n2
   * attr("items").at(3)                   // #n0[3]
   */
  at(...segments: ReadonlyArray<Segment>): Path
  /**
   * `size(path)`, to compare.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("name").size().lte(20) // size(#n0) <= :v0
   */
  size(): Size
  /**
   * `begins_with(path, prefix)`: a string or binary prefix.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("sk").beginsWith("2024-") // begins_with(#n0, :v0)
   */
  beginsWith(prefix: unknown): Condition
  /**
   * `contains(path, operand)`: a substring of a string, or an element of a set or list (of any type).
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("tags").contains("red") // contains(#n0, :v0)
   * attr("scores").contains(7)   // contains(#n0, :v0) with :v0 = { N: "7" }
   */
  contains(operand: unknown): Condition
  /**
   * `attribute_exists(path)`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("pk").exists() // attribute_exists(#n0)
   */
  exists(): Condition
  /**
   * `attribute_not_exists(path)`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("pk").notExists() // attribute_not_exists(#n0)
   */
  notExists(): Condition
  /**
   * `attribute_type(path, :t)`; use the `AttributeType` constants or the codes themselves.
   *
   * @example
   * import { attr, AttributeType } from "dynofunc"
   * attr("n").type(AttributeType.Number) // attribute_type(#n0, :v0) with :v0 = { S: "N" }
   */
  type(type: AttributeTypeCode): Condition
  /**
   * `if_not_exists(path, fallback)`: the attribute, or `fallback` when it is missing (an operand for `SET`).
   *
   * @example
   * import { attr } from "dynofunc"
   * update: { views: attr("views").ifNotExists(0).plus(1) } // SET #n0 = if_not_exists(#n0, :v0) + :v1
   */
  ifNotExists(fallback: unknown): UpdateOperand
  /**
   * `SET path = value` (a plain value or an operand).
   *
   * @example
   * import { path } from "dynofunc"
   * path("profile", "email").set("a@b.c") // SET #n0.#n1 = :v0
   */
  set(value: unknown): UpdateClause
  /**
   * `SET path = if_not_exists(path, value)`: set only when missing.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("createdAt").setIfNotExists(Date.now()) // SET #n0 = if_not_exists(#n0, :v0)
   */
  setIfNotExists(value: unknown): UpdateClause
  /**
   * `REMOVE path` (an attribute, a nested path, or a list element).
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("items").at(2).remove() // REMOVE #n0[2]
   */
  remove(): UpdateClause
  /**
   * `ADD path value`: add to a number (starting at 0), or add elements to a set (an array is taken as a set, a
   * single string or binary as a set of one).
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("tags").add(new Set(["x"])) // ADD #n0 :v0
   */
  add(value: unknown): UpdateClause
  /**
   * `DELETE path value`: remove elements from a set (an array is taken as a set, a single string or binary as a
   * set of one).
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("tags").delete(["x"]) // DELETE #n0 :v0
   */
  delete(elements: unknown): UpdateClause
  /**
   * Append to a list, creating it when missing: `SET p = list_append(if_not_exists(p, :empty), :values)`. An array
   * gives the elements; any other value is one element.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("log").append(["e1", "e2"]) // SET #n0 = list_append(if_not_exists(#n0, :v0), :v1)
   */
  append(elements: unknown): UpdateClause
  /**
   * Prepend to a list, creating it when missing: `SET p = list_append(:values, if_not_exists(p, :empty))`. An array
   * gives the elements; any other value is one element.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("log").prepend("e0") // SET #n0 = list_append(:v0, if_not_exists(#n0, :v1))
   */
  prepend(elements: unknown): UpdateClause
  /**
   * Add `by` (default 1) to a number, starting from 0 when missing: `SET p = if_not_exists(p, :zero) + :by`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("visits").increment() // SET #n0 = if_not_exists(#n0, :v0) + :v1
   */
  increment(by?: number | bigint): UpdateClause
  /**
   * Subtract `by` (default 1) from a number, starting from 0 when missing.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("stock").decrement(2) // SET #n0 = if_not_exists(#n0, :v0) - :v1
   */
  decrement(by?: number | bigint): UpdateClause
}

/** The one implementation of `Path`. */
export class PathImpl extends ComparableBase {
  declare readonly [PathTypeId]: typeof PathTypeId
  constructor(readonly segments: ReadonlyArray<Segment>) {
    super()
  }
  at(...segments: ReadonlyArray<Segment>): Path {
    return new PathImpl(this.segments.concat(segments))
  }
  size(): Size {
    return new SizeNode(this)
  }
  beginsWith(prefix: unknown): Condition {
    return new BeginsWithNode(this, prefix)
  }
  contains(operand: unknown): Condition {
    return new ContainsNode(this, operand)
  }
  exists(): Condition {
    return new ExistsNode(this)
  }
  notExists(): Condition {
    return new NotExistsNode(this)
  }
  type(type: AttributeTypeCode): Condition {
    return new TypeNode(this, type)
  }
  ifNotExists(fallback: unknown): UpdateOperand {
    return new IfNotExistsNode(this, fallback)
  }
  set(value: unknown): UpdateClause {
    return new ClauseNode("set", this, value)
  }
  setIfNotExists(value: unknown): UpdateClause {
    return new ClauseNode("ifNotExists", this, value)
  }
  remove(): UpdateClause {
    return new ClauseNode("remove", this, undefined)
  }
  add(value: unknown): UpdateClause {
    return new ClauseNode("add", this, value)
  }
  delete(elements: unknown): UpdateClause {
    return new ClauseNode("delete", this, elements)
  }
  append(elements: unknown): UpdateClause {
    return new ClauseNode("append", this, elements)
  }
  prepend(elements: unknown): UpdateClause {
    return new ClauseNode("prepend", this, elements)
  }
  increment(by: number | bigint = 1): UpdateClause {
    return new ClauseNode("increment", this, by)
  }
  decrement(by: number | bigint = 1): UpdateClause {
    return new ClauseNode("decrement", this, by)
  }
}
kind(PathImpl, "Path")
Object.defineProperty(PathImpl.prototype, PathTypeId, { value: PathTypeId })

/** Whether `u` is a path. */
export const isPath = (u: unknown): u is Path =>
  typeof u === "object" && u !== null && (u as { [PathTypeId]?: unknown })[PathTypeId] === PathTypeId
