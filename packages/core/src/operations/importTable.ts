/**
 * The `importTable` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Creates a new table from data in S3 (`ImportTable`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { importTable } from "dynofunc"
 * importTable({
 *   S3BucketSource: { S3Bucket: "imports" },
 *   InputFormat: "CSV",
 *   TableCreationParameters: {
 *     TableName: "users",
 *     AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
 *     KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
 *     BillingMode: "PAY_PER_REQUEST"
 *   }
 * })
 *
 * @since 0.1.0
 * @category services
 */
export const importTable = /* @__PURE__ */ passThrough("ImportTable")
