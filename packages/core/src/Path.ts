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
import { isPath as isPathNode, type Path, PathImpl, type Segment } from "./internal/expressions/ast.js"

export type {
  /**
   * @since 0.1.0
   * @category models
   */
  Path,
  /**
   * @since 0.1.0
   * @category models
   */
  Segment
}
export type {
  /**
   * @since 0.1.0
   * @category models
   */
  AttributeTypeCode,
  /**
   * @since 0.1.0
   * @category models
   */
  Comparable,
  /**
   * @since 0.1.0
   * @category models
   */
  Size,
  /**
   * @since 0.1.0
   * @category models
   */
  UpdateOperand
} from "./internal/expressions/ast.js"

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
