/**
 * Projections: what `ProjectionExpression` holds — the attributes (or nested paths) to read back. A string is one
 * top-level attribute name (verbatim); use `path(...)` for nested map keys and list elements. Paths that overlap
 * (the same one twice, or one inside another) are an `InvalidInputError`, as DynamoDB would refuse them. An empty
 * list means no projection (all attributes).
 *
 * @example
 * import { path } from "dynofunc"
 * ["id", "name", path("address", "city"), path("tags", 0)]
 * // #n0, #n1, #n2.#n3, #n4[0]
 *
 * @since 0.1.0
 */
import type { Path } from "./Path.js"

/**
 * The attributes to read: names (verbatim) and paths.
 *
 * @since 0.1.0
 * @category models
 */
export type ProjectionInput = ReadonlyArray<string | Path>
