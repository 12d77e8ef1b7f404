/**
 * The nodes of the expression language: paths, operands, conditions and update actions.
 *
 * Every node is a small class instance (one light constructor, methods on the prototype), so building an expression
 * allocates one object per node and nothing else. `compile` (in `placeholders.ts`/`emit.ts`) walks them once.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { Comparator, Condition, ConditionTag } from "../../Condition.js"
import type { AttributeTypeCode, Comparable, Path, Segment, Size } from "../../Path.js"
import type { UpdateAction, UpdateClause, UpdateKind, UpdateOperand } from "../../Update.js"

/** Marks paths. */
export const PathTypeId: unique symbol = Symbol.for("dynofunc/Path")
/** Marks conditions. */
export const ConditionTypeId: unique symbol = Symbol.for("dynofunc/Condition")
/** Marks operands that are not plain values: paths, `size(…)`, `if_not_exists(…)`, `list_append(…)`, `+`/`-`. */
export const OperandTypeId: unique symbol = Symbol.for("dynofunc/Operand")
/** Marks update actions, bound to a path or not. */
export const UpdateTypeId: unique symbol = Symbol.for("dynofunc/Update")

// ---------------------------------------------------------------------------------------------------------------
// Conditions

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

/** `size(path)` */
export class SizeNode extends ComparableBase {
  constructor(readonly path: PathImpl) {
    super()
  }
}
kind(SizeNode, "Size")

// ---------------------------------------------------------------------------------------------------------------
// Update actions

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
