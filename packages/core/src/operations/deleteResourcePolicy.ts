/**
 * The `deleteResourcePolicy` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Deletes the resource-based policy of a table or stream (`DeleteResourcePolicy`). Give the resource ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { deleteResourcePolicy } from "dynofunc"
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * deleteResourcePolicy(tableArn).description // { ResourceArn: tableArn }
 *
 * @since 0.1.0
 * @category services
 */
export const deleteResourcePolicy = /* @__PURE__ */ byName("DeleteResourcePolicy", "ResourceArn")
