/**
 * The `searchVectors` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Finds the items nearest to a vector in a vector index (`SearchVectors`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { searchVectors } from "dynofunc"
 * searchVectors({ TableName: "docs", IndexName: "by-embedding", SearchVector: [{ N: "0.1" }, { N: "0.7" }], TopK: 5 })
 *
 * @since 0.1.0
 * @category services
 */
export const searchVectors = /* @__PURE__ */ passThrough("SearchVectors")
