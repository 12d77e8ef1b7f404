/**
 * The `getResourcePolicy` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads the resource-based policy of a table or stream (`GetResourcePolicy`). Give the resource ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { getResourcePolicy } from "dynofunc"
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * getResourcePolicy(tableArn).description // { ResourceArn: tableArn }
 *
 * @since 0.1.0
 * @category services
 */
export const getResourcePolicy = /* @__PURE__ */ byName("GetResourcePolicy", "ResourceArn")
