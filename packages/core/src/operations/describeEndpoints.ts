import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Reads the regional endpoint to send requests to (`DescribeEndpoints`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * describeEndpoints().description // {}
 */
export const describeEndpoints = /* @__PURE__ */ passThrough("DescribeEndpoints")
