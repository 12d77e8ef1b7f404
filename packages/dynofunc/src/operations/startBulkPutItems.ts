import { StartBulkPutItemsCommand } from "@aws-sdk/client-dynamodb"
import { passThrough } from "../internal/passThrough.js"

/**
 * Starts a bulk write of items from S3 into an existing table (`StartBulkPutItems`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * startBulkPutItems({ TableName: "users", InputS3Configuration: { … }, OutputS3Configuration: { … } })
 */
export const startBulkPutItems = /* @__PURE__ */ passThrough("StartBulkPutItems", StartBulkPutItemsCommand)
