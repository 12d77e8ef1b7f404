/**
 * Updates: what `UpdateExpression` holds.
 *
 * Give a plain object — each key is one attribute name (verbatim), a plain value means `SET`, and the helpers below
 * (also reachable as `attr.append`, `attr.remove`, …) pick another action — or actions tied to nested paths
 * (`path("a", "b").set(1)`, `attr("n").increment()`), or an array mixing both. Any mix of SET, REMOVE, ADD and
 * DELETE goes in one request; updating the same or overlapping paths twice is an `InvalidInputError`. `undefined`
 * values are skipped. An update with no action is an `InvalidInputError`.
 *
 * @example
 * import { attr, path } from "dynofunc"
 * [{ name: "Ada", tags: attr.append(["x"]), visits: attr.increment() }, path("profile", "email").set("a@b.c")]
 * // SET #n0 = :v0, #n1 = list_append(if_not_exists(#n1, :v1), :v2), #n2 = if_not_exists(#n2, :v3) + :v4,
 * //     #n3.#n4 = :v5
 *
 * @since 0.1.0
 */
import { ActionNode, ArithmeticNode, ListAppendNode, type Operand, type UpdateTypeId } from "./internal/expressions/ast.js"
import type { Path } from "./Path.js"

/**
 * An operand that can stand on the right of `SET path = …`: a path, `if_not_exists(…)`, `list_append(…)`, a
 * sum or difference, or a plain value.
 *
 * @since 0.1.0
 * @category models
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

/**
 * The clause an update action lands in.
 *
 * @since 0.1.0
 * @category models
 */
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
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateAction {
  readonly [UpdateTypeId]: "Action"
  readonly kind: UpdateKind
  readonly value: unknown
}

/**
 * An update action tied to a path, e.g. `path("a", "b").set(1)`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateClause {
  readonly [UpdateTypeId]: "Clause"
  readonly kind: UpdateKind
  readonly path: Path
  readonly value: unknown
}

/**
 * A plain update object: attribute name → plain value (`SET`) or an `UpdateAction`.
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateObject = { readonly [name: string]: unknown }

/**
 * What `update` accepts: a plain object, an action tied to a path, or an array of both.
 *
 * @since 0.1.0
 * @category models
 */
export type UpdateInput = UpdateObject | UpdateClause | ReadonlyArray<UpdateObject | UpdateClause>

/**
 * `SET name = value`, said explicitly (a plain value does the same); useful for operands such as another path.
 *
 * @example
 * import { Update, attr } from "dynofunc"
 * { copy: Update.set(attr("original")) } // SET #n0 = #n1
 *
 * @since 0.1.0
 * @category combinators
 */
export const set = (value: unknown): UpdateAction => new ActionNode("set", value)

/**
 * Append to a list, creating the list when it does not exist. An array gives the elements to append; any other
 * value is one element (so append a nested list as `append([[1, 2]])`); a path appends the list it holds.
 *
 * @example
 * import { Update } from "dynofunc"
 * { roles: Update.append("admin") }    // SET #n0 = list_append(if_not_exists(#n0, :v0), :v1) with :v0 = { L: [] }, :v1 = { L: [{ S: "admin" }] }
 * { log: Update.append(["e1", "e2"]) } // same expression, :v1 = { L: [{ S: "e1" }, { S: "e2" }] }
 *
 * @since 0.1.0
 * @category combinators
 */
export const append = (elements: unknown): UpdateAction => new ActionNode("append", elements)

/**
 * Prepend to a list, creating the list when it does not exist. An array gives the elements; any other value is one
 * element.
 *
 * @example
 * import { Update } from "dynofunc"
 * { friends: Update.prepend("jake") } // SET #n0 = list_append(:v0, if_not_exists(#n0, :v1)) with :v0 = { L: [{ S: "jake" }] }, :v1 = { L: [] }
 *
 * @since 0.1.0
 * @category combinators
 */
export const prepend = (elements: unknown): UpdateAction => new ActionNode("prepend", elements)

/**
 * Remove the attribute.
 *
 * @example
 * import { Update } from "dynofunc"
 * { obsolete: Update.remove() } // REMOVE #n0
 *
 * @since 0.1.0
 * @category combinators
 */
export const remove = (): UpdateAction => new ActionNode("remove", undefined)

/**
 * Add `by` (default 1) to a number, starting from 0 when it does not exist.
 *
 * @example
 * import { Update } from "dynofunc"
 * { visits: Update.increment() } // SET #n0 = if_not_exists(#n0, :v0) + :v1 with :v0 = { N: "0" }, :v1 = { N: "1" }
 *
 * @since 0.1.0
 * @category combinators
 */
export const increment = (by: number | bigint = 1): UpdateAction => new ActionNode("increment", by)

/**
 * Subtract `by` (default 1) from a number, starting from 0 when it does not exist.
 *
 * @example
 * import { Update } from "dynofunc"
 * { stock: Update.decrement(3) } // SET #n0 = if_not_exists(#n0, :v0) - :v1
 *
 * @since 0.1.0
 * @category combinators
 */
export const decrement = (by: number | bigint = 1): UpdateAction => new ActionNode("decrement", by)

/**
 * `ADD`: add to a number (a missing one counts as 0), or add elements to a set (a `Set`, an array taken as one, or
 * a single string or binary).
 *
 * @example
 * import { Update } from "dynofunc"
 * { score: Update.add(5) }          // ADD #n0 :v0 with :v0 = { N: "5" }
 * { tags: Update.add(["a", "b"]) }  // ADD #n0 :v0 with :v0 = { SS: ["a", "b"] }
 *
 * @since 0.1.0
 * @category combinators
 */
export const add = (value: unknown): UpdateAction => new ActionNode("add", value)

/**
 * `DELETE`: remove elements from a set (a `Set`, an array taken as one, or a single string or binary).
 *
 * @example
 * import { Update } from "dynofunc"
 * { tags: Update.deleteElements(["a"]) } // DELETE #n0 :v0 with :v0 = { SS: ["a"] }
 *
 * @since 0.1.0
 * @category combinators
 */
export const deleteElements = (elements: unknown): UpdateAction => new ActionNode("delete", elements)

export {
  /**
   * @since 0.1.0
   * @category combinators
   */
  deleteElements as delete
}

/**
 * Set the attribute only when it does not exist yet.
 *
 * @example
 * import { Update } from "dynofunc"
 * { createdAt: Update.ifNotExists("2024-01-01") } // SET #n0 = if_not_exists(#n0, :v0)
 *
 * @since 0.1.0
 * @category combinators
 */
export const ifNotExists = (value: unknown): UpdateAction => new ActionNode("ifNotExists", value)

/**
 * `left + right`, for `SET`: either side a plain JS value, a path or another operand, so a plain value can stand
 * first (`attr("n").plus(5)` already puts a path first).
 *
 * @example
 * import { update, Update, attr } from "dynofunc"
 * update("users", { id: "u1" }, { total: Update.plus(100, attr("bonus")) }) // SET #n0 = :v0 + #n1
 *
 * @since 0.1.0
 * @category combinators
 */
export const plus = (left: unknown, right: unknown): UpdateOperand => new ArithmeticNode("+", left, right)

/**
 * `left - right`, for `SET`: either side a plain JS value, a path or another operand.
 *
 * @example
 * import { update, Update, attr } from "dynofunc"
 * update("users", { id: "u1" }, { left: Update.minus(10, attr("used")) }) // SET #n0 = :v0 - #n1
 *
 * @since 0.1.0
 * @category combinators
 */
export const minus = (left: unknown, right: unknown): UpdateOperand => new ArithmeticNode("-", left, right)

/**
 * `list_append(left, right)`, for `SET`: either side a plain JS list, a path or another operand.
 *
 * @example
 * import { update, Update, attr } from "dynofunc"
 * update("users", { id: "u1" }, { log: Update.listAppend(["first"], attr("log")) }) // SET #n0 = list_append(:v0, #n0)
 *
 * @since 0.1.0
 * @category combinators
 */
export const listAppend = (left: unknown, right: unknown): UpdateOperand => new ListAppendNode(left, right)
