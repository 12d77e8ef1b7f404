/**
 * The `describeExport` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads an export's status and settings (`DescribeExport`). Give the export ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeExport } from "dynofunc"
 * const exportArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users/export/01700000000000-a1b2c3d4"
 * describeExport(exportArn).description // { ExportArn: exportArn }
 *
 * @since 0.1.0
 * @category services
 */
export const describeExport = /* @__PURE__ */ byName("DescribeExport", "ExportArn")
