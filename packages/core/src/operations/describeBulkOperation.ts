import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads a bulk operation's status (`DescribeBulkOperation`). Give the bulk operation ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * const operationArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users/bulk-operation/01700000000000-a1b2c3d4"
 * describeBulkOperation(operationArn).description // { BulkOperationArn: operationArn }
 */
export const describeBulkOperation = /* @__PURE__ */ byName("DescribeBulkOperation", "BulkOperationArn")
