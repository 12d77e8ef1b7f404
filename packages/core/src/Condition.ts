/**
 * Conditions: what `ConditionExpression`, `FilterExpression` and `KeyConditionExpression` hold.
 *
 * Start from `attr(name)` (one attribute, the name taken verbatim: `attr("a.b")` is the attribute called `a.b`) or
 * from `path(...)` / `attr.path(...)` for nested map keys and list indexes, then call a comparator. Combine with
 * `cand`, `cor`, `cnot` (or the `.and`, `.or`, `.not` methods), nested to any depth. Operands are plain JS values,
 * other paths (attribute-to-attribute comparisons) or `size(path)`. Names and values only ever appear as
 * placeholders in the compiled expression.
 *
 * @example
 * import { attr, cand, cor, cnot } from "dynofunc"
 * cand(attr("pk").exists(), cor(attr("v").equals(3), cnot(attr("locked").exists())))
 * // attribute_exists(#n0) AND (#n1 = :v0 OR NOT attribute_exists(#n2))
 *
 * @since 0.1.0
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import {
  AndNode,
  AttributeValueNode,
  type ConditionTypeId,
  isCondition as isConditionNode,
  NotNode,
  OrNode,
  PathImpl,
  RawNode
} from "./internal/expressions/ast.js"
import { type AttributeTypeCode, path, type Path, type Segment } from "./Path.js"
import type { UpdateOperand } from "./Update.js"
import * as Update from "./Update.js"

/**
 * A comparison operator.
 *
 * @since 0.1.0
 * @category models
 */
export type Comparator = "=" | "<>" | "<" | "<=" | ">" | ">="

/**
 * The kinds of condition node.
 *
 * @since 0.1.0
 * @category models
 */
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
 *
 * @since 0.1.0
 * @category models
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

/**
 * What `attr` is: a function building a one-name path, with the update helpers beside it.
 *
 * @since 0.1.0
 * @category models
 */
export interface AttrConstructor {
  /**
   * The attribute called `name`, taken verbatim (dots, dashes, spaces, unicode and reserved words included: `attr("a.b")`
   * is one attribute named `a.b`, never a nested path; use `attr.path("a", "b")` for that).
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("status").equals("active") // #n0 = :v0 with #n0 = "status"
   * attr("a.b").exists()            // attribute_exists(#n0) with #n0 = "a.b"
   */
  (name: string): Path
  /**
   * A nested path: an attribute, then map keys (strings) and list indexes (numbers). Same as `path(...)`.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr.path("a", "b", 3).exists() // attribute_exists(#n0.#n1[3])
   */
  readonly path: (first: string, ...rest: ReadonlyArray<Segment>) => Path
  /**
   * An `AttributeValue` given as is (never marshalled again), usable wherever a value is.
   *
   * @example
   * import { attr } from "dynofunc"
   * attr("n").equals(attr.value({ N: "12345678901234567890" })) // #n0 = :v0
   */
  readonly value: (value: AttributeValue) => UpdateOperand
  /** Update helper: see `Update.append`. `{ log: attr.append(["e"]) }` → `SET #n0 = list_append(if_not_exists(#n0, :v0), :v1)` */
  readonly append: typeof Update.append
  /** Update helper: see `Update.prepend`. `{ log: attr.prepend(["e"]) }` → `SET #n0 = list_append(:v0, if_not_exists(#n0, :v1))` */
  readonly prepend: typeof Update.prepend
  /** Update helper: see `Update.remove`. `{ old: attr.remove() }` → `REMOVE #n0` */
  readonly remove: typeof Update.remove
  /** Update helper: see `Update.increment`. `{ n: attr.increment() }` → `SET #n0 = if_not_exists(#n0, :v0) + :v1` */
  readonly increment: typeof Update.increment
  /** Update helper: see `Update.decrement`. `{ n: attr.decrement(2) }` → `SET #n0 = if_not_exists(#n0, :v0) - :v1` */
  readonly decrement: typeof Update.decrement
  /** Update helper: see `Update.add`. `{ tags: attr.add(["x"]) }` → `ADD #n0 :v0` */
  readonly add: typeof Update.add
  /** Update helper: see `Update.delete`. `{ tags: attr.delete(["x"]) }` → `DELETE #n0 :v0` */
  readonly delete: typeof Update.deleteElements
  /** Update helper: see `Update.ifNotExists`. `{ at: attr.ifNotExists(now) }` → `SET #n0 = if_not_exists(#n0, :v0)` */
  readonly ifNotExists: typeof Update.ifNotExists
  /** Update helper: see `Update.set`. `{ a: attr.set(attr("b")) }` → `SET #n0 = #n1` */
  readonly set: typeof Update.set
  /** Update operand: see `Update.plus`. `{ n: attr.plus(5, attr("m")) }` → `SET #n0 = :v0 + #n1` (a plain value first) */
  readonly plus: typeof Update.plus
  /** Update operand: see `Update.minus`. `{ n: attr.minus(5, attr("m")) }` → `SET #n0 = :v0 - #n1` */
  readonly minus: typeof Update.minus
  /** Update operand: see `Update.listAppend`. `{ l: attr.listAppend(["a"], attr("l")) }` → `SET #n0 = list_append(:v0, #n0)` */
  readonly listAppend: typeof Update.listAppend
}

/**
 * The attribute called `name` (verbatim), to compare or to update; with the update helpers for plain update
 * objects beside it (`attr.append`, `attr.remove`, …) and `attr.path` for nested paths.
 *
 * @example
 * import { attr } from "dynofunc"
 * attr("age").gte(18)                          // #n0 >= :v0
 * attr("price").lt(attr("limit"))              // #n0 < #n1
 * attr("tags").size().between(1, 3)            // size(#n0) BETWEEN :v0 AND :v1
 * update: { tags: attr.append(["new"]) }       // SET #n0 = list_append(if_not_exists(#n0, :v0), :v1)
 *
 * @since 0.1.0
 * @category combinators
 */
export const attr: AttrConstructor = Object.assign((name: string): Path => new PathImpl([name]), {
  path,
  value: (value: AttributeValue): UpdateOperand => new AttributeValueNode(value),
  append: Update.append,
  prepend: Update.prepend,
  remove: Update.remove,
  increment: Update.increment,
  decrement: Update.decrement,
  add: Update.add,
  delete: Update.deleteElements,
  ifNotExists: Update.ifNotExists,
  set: Update.set,
  plus: Update.plus,
  minus: Update.minus,
  listAppend: Update.listAppend
})

/**
 * All of the conditions: `a AND b AND …` (nested `cand`s flatten; `cor`s inside are parenthesised). With no
 * argument, `cand()` means "no condition": the expression is left out (useful for optional filters).
 *
 * @example
 * import { cand, attr } from "dynofunc"
 * cand(attr("a").exists(), attr("b").gt(1)) // attribute_exists(#n0) AND #n1 > :v0
 *
 * @since 0.1.0
 * @category combinators
 */
export const cand = (...conditions: ReadonlyArray<Condition>): Condition =>
  conditions.length === 1 ? conditions[0]! : new AndNode(conditions)

/**
 * Any of the conditions: `a OR b OR …` (`cand`s inside are parenthesised). Needs at least one condition.
 *
 * @example
 * import { cor, attr, cand } from "dynofunc"
 * cor(attr("a").lt(1), cand(attr("b").exists(), attr("c").exists()))
 * // #n0 < :v0 OR (attribute_exists(#n1) AND attribute_exists(#n2))
 *
 * @since 0.1.0
 * @category combinators
 */
export const cor = (...conditions: ReadonlyArray<Condition>): Condition =>
  conditions.length === 1 ? conditions[0]! : new OrNode(conditions)

/**
 * The negation of a condition.
 *
 * @example
 * import { cnot, attr, cor } from "dynofunc"
 * cnot(attr("a").equals(1))                     // NOT #n0 = :v0
 * cnot(cor(attr("a").exists(), attr("b").exists())) // NOT (attribute_exists(#n0) OR attribute_exists(#n1))
 *
 * @since 0.1.0
 * @category combinators
 */
export const cnot = (condition: Condition): Condition => new NotNode(condition)

/**
 * The escape hatch: a condition written by hand, with its own placeholders. Names map `#x` → attribute name; values
 * map `:x` → plain JS value (marshalled). Your placeholders are kept as given; generated ones never reuse them; one
 * placeholder given two different meanings in one request is an `InvalidInputError`.
 *
 * @example
 * import { rawCondition } from "dynofunc"
 * rawCondition("#s IN (:a, :b)", { names: { "#s": "status" }, values: { ":a": "x", ":b": "y" } })
 * // #s IN (:a, :b)  (inside a cand/cor: (#s IN (:a, :b)))
 *
 * @since 0.1.0
 * @category combinators
 */
export const rawCondition = (
  expression: string,
  placeholders?: {
    readonly names?: Readonly<Record<string, string>> | undefined
    readonly values?: Readonly<Record<string, unknown>> | undefined
  }
): Condition => new RawNode(expression, placeholders?.names, placeholders?.values)

/**
 * The type codes of `attribute_type`, named.
 *
 * @example
 * import { attr, AttributeType } from "dynofunc"
 * attr("n").type(AttributeType.Number) // attribute_type(#n0, :v0) with :v0 = { S: "N" }
 *
 * @since 0.1.0
 * @category combinators
 */
export const AttributeType = {
  String: "S",
  StringSet: "SS",
  Number: "N",
  NumberSet: "NS",
  Binary: "B",
  BinarySet: "BS",
  Boolean: "BOOL",
  Null: "NULL",
  List: "L",
  Map: "M"
} as const satisfies Record<string, AttributeTypeCode>

/**
 * Whether `u` is a condition.
 *
 * @example
 * import { isCondition, attr } from "dynofunc"
 * isCondition(attr("a").exists()) // true
 *
 * @since 0.1.0
 * @category guards
 */
export const isCondition: (u: unknown) => u is Condition = isConditionNode
