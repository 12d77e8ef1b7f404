import { CancelBulkOperationCommand } from "@aws-sdk/client-dynamodb"
import { byName } from "../internal/passThrough.js"

/**
 * Cancels a running bulk operation (`CancelBulkOperation`). Give the bulk operation ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * cancelBulkOperation(operationArn).description // { BulkOperationArn: operationArn }
 */
export const cancelBulkOperation = /* @__PURE__ */ byName("CancelBulkOperation", CancelBulkOperationCommand, "BulkOperationArn")
