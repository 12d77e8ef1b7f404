import { DescribeBulkOperationCommand } from "@aws-sdk/client-dynamodb"
import { byName } from "../internal/passThrough.js"

/**
 * Reads a bulk operation's status (`DescribeBulkOperation`). Give the bulk operation ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeBulkOperation(operationArn).description // { BulkOperationArn: operationArn }
 */
export const describeBulkOperation = /* @__PURE__ */ byName("DescribeBulkOperation", DescribeBulkOperationCommand, "BulkOperationArn")
