/**
 * The `describeBulkOperation` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads a bulk operation's status (`DescribeBulkOperation`). Give the bulk operation ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeBulkOperation } from "dynofunc"
 * const operationArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users/bulk-operation/01700000000000-a1b2c3d4"
 * describeBulkOperation(operationArn).description // { BulkOperationArn: operationArn }
 *
 * @since 0.1.0
 * @category services
 */
export const describeBulkOperation = /* @__PURE__ */ byName("DescribeBulkOperation", "BulkOperationArn")
