import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Reads the account's and the region's capacity quotas (`DescribeLimits`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * describeLimits().description // {}
 */
export const describeLimits = /* @__PURE__ */ passThrough("DescribeLimits")
