/**
 * The `cancelBulkOperation` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Cancels a running bulk operation (`CancelBulkOperation`). Give the bulk operation ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { cancelBulkOperation } from "dynofunc"
 * const operationArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users/bulk-operation/01700000000000-a1b2c3d4"
 * cancelBulkOperation(operationArn).description // { BulkOperationArn: operationArn }
 *
 * @since 0.1.0
 * @category services
 */
export const cancelBulkOperation = /* @__PURE__ */ byName("CancelBulkOperation", "BulkOperationArn")
