/**
 * The `describeLimits` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Reads the account's and the region's capacity quotas (`DescribeLimits`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { describeLimits } from "dynofunc"
 * describeLimits().description // {}
 *
 * @since 0.1.0
 * @category services
 */
export const describeLimits = /* @__PURE__ */ passThrough("DescribeLimits")
