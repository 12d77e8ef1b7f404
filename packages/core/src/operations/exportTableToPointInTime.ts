/**
 * The `exportTableToPointInTime` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Exports a table, as it was at a point in time, to S3 (`ExportTableToPointInTime`; point-in-time recovery must be on). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { exportTableToPointInTime } from "dynofunc"
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * exportTableToPointInTime({ TableArn: tableArn, S3Bucket: "exports", ExportFormat: "DYNAMODB_JSON" })
 *
 * @since 0.1.0
 * @category services
 */
export const exportTableToPointInTime = /* @__PURE__ */ passThrough("ExportTableToPointInTime")
