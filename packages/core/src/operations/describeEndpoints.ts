/**
 * The `describeEndpoints` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Reads the regional endpoint to send requests to (`DescribeEndpoints`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { describeEndpoints } from "dynofunc"
 * describeEndpoints().description // {}
 *
 * @since 0.1.0
 * @category services
 */
export const describeEndpoints = /* @__PURE__ */ passThrough("DescribeEndpoints")
