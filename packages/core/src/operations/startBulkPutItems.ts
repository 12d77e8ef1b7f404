/**
 * The `startBulkPutItems` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Starts a bulk write of items from S3 into an existing table (`StartBulkPutItems`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { startBulkPutItems } from "dynofunc"
 * startBulkPutItems({
 *   TableName: "users",
 *   InputS3Configuration: { S3Bucket: "imports", InputFormat: "DYNAMODB_JSON" },
 *   OutputS3Configuration: { S3Bucket: "reports", OutputType: ["ERROR"] }
 * })
 *
 * @since 0.1.0
 * @category services
 */
export const startBulkPutItems = /* @__PURE__ */ passThrough("StartBulkPutItems")
