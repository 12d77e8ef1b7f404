/**
 * Document paths: an attribute, then map keys and list indexes.
 *
 * **A string is always one name.** `attr("a.b")` and `path("a.b")` are the single attribute called `a.b`, exactly
 * like the key `"a.b"` of an item or of a plain update object. A nested path is spelled segment by segment:
 * `path("a", "b", 3)` (or `attr("a").at("b", 3)`) is `a.b[3]`. Dotted text is parsed only when asked for, with
 * `path.parse("a.b[3]")`. Every segment becomes a placeholder (`#n0.#n1[3]`), so names with dots, dashes, spaces,
 * unicode or reserved words work unchanged and no name is ever spliced into an expression.
 *
 * @example
 * import { path } from "dynofunc"
 * path("profile", "e-mail").exists()  // attribute_exists(#n0.#n1)
 * path("items", 0).remove()           // REMOVE #n0[0]
 * path.parse("a.b[3]")                // path("a", "b", 3)
 *
 * @since 0.1.0
 */
import type { Condition } from "./Condition.js"
import { isPath as isPathNode, type Operand, PathImpl, type PathTypeId } from "./internal/expressions/ast.js"
import type { UpdateClause, UpdateOperand } from "./Update.js"

export type {
  /**
   * @since 0.1.0
   * @category models
   */
  UpdateOperand
} from "./Update.js"

/**
 * One step of a document path: an attribute or map key (a string, taken verbatim), or a list index (a number).
 *
 * @example
 * import { path } from "dynofunc"
 *
 * const tag = path("tags", 0) // segments: ["tags", 0]
 *
 * @since 0.1.0
 * @category models
 */
export type Segment = string | number

/**
 * The type codes `attribute_type` accepts.
 *
 * @since 0.1.0
 * @category models
 */
export type AttributeTypeCode = "S" | "SS" | "N" | "NS" | "B" | "BS" | "BOOL" | "NULL" | "L" | "M"

/**
 * What the comparison methods of paths and sizes share.
 *
 * @since 0.1.0
 * @category models
 */
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

/**
 * `size(path)`: the length of a string or binary, or the number of elements of a set, list or map. Compare it like
 * any operand.
 *
 * @example
 * import { attr } from "dynofunc"
 * attr("tags").size().gt(2) // size(#n0) > :v0
 *
 * @since 0.1.0
 * @category models
 */
export interface Size extends Operand, Comparable {
  readonly path: Path
}

/**
 * A document path: an attribute name, then map keys and list indexes. Each string segment is one name, whatever it
 * holds (dots, dashes, spaces, unicode, reserved words); numbers are list indexes. A path is also the operand and the
 * starting point of every condition and update on it.
 *
 * @example
 * import { path } from "dynofunc"
 * path("profile", "e-mail").exists()   // attribute_exists(#n0.#n1)
 * path("items", 0, "price").gt(10)     // #n0[0].#n1 > :v0
 *
 * @since 0.1.0
 * @category models
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

/**
 * What `path` is: a function building paths, with `parse`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PathConstructor {
  /**
   * The path made of `first` (an attribute name, verbatim) and then map keys (strings) and list indexes (numbers).
   *
   * @example
   * import { path } from "dynofunc"
   * path("a", "b", 3)        // #n0.#n1[3]
   * path("weird.name", "x")  // #n0.#n1 with #n0 = "weird.name"
   */
  (first: string, ...rest: ReadonlyArray<Segment>): Path
  /**
   * Parses dotted text: `.` separates names and `[n]` is a list index. Names holding `.` or `[` cannot be written
   * this way: give them as segments to `path(...)`. Never throws: a malformed index is reported by `compile`.
   *
   * @example
   * import { path } from "dynofunc"
   * path.parse("a.b[3].c") // path("a", "b", 3, "c") → #n0.#n1[3].#n2
   */
  readonly parse: (text: string) => Path
}

const parse = (text: string): Path => {
  const segments: Array<Segment> = []
  let current = ""
  let i = 0
  let afterIndex = false
  while (i < text.length) {
    const ch = text[i]!
    if (ch === ".") {
      if (!afterIndex) segments.push(current)
      current = ""
      afterIndex = false
      i++
    } else if (ch === "[") {
      if (!afterIndex) segments.push(current)
      current = ""
      const close = text.indexOf("]", i)
      const digits = close === -1 ? "" : text.slice(i + 1, close)
      // A malformed index becomes NaN, which `compile` reports as a problem (nothing is thrown).
      segments.push(/^\d+$/.test(digits) ? Number(digits) : Number.NaN)
      afterIndex = true
      i = close === -1 ? text.length : close + 1
    } else {
      if (afterIndex) {
        // `a[0]b`: text right after an index is malformed as well.
        segments.push(Number.NaN)
        afterIndex = false
      }
      current += ch
      i++
    }
  }
  if (!afterIndex) segments.push(current)
  return new PathImpl(segments)
}

/**
 * Builds a document path (see `PathConstructor`).
 *
 * @example
 * import { path } from "dynofunc"
 * path("a", "b", 3).equals(1) // #n0.#n1[3] = :v0
 *
 * @since 0.1.0
 * @category constructors
 */
export const path: PathConstructor = Object.assign(
  // Two segments (the usual nested path) without the array spread.
  (first: string, ...rest: ReadonlyArray<Segment>): Path => new PathImpl(rest.length === 0 ? [first] : rest.length === 1 ? [first, rest[0]!] : [first, ...rest]),
  { parse }
)

/**
 * Whether `u` is a path.
 *
 * @example
 * import { isPath, attr } from "dynofunc"
 * isPath(attr("a")) // true
 *
 * @since 0.1.0
 * @category guards
 */
export const isPath: (u: unknown) => u is Path = isPathNode
