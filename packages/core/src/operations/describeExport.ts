import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads an export's status and settings (`DescribeExport`). Give the export ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * const exportArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users/export/01700000000000-a1b2c3d4"
 * describeExport(exportArn).description // { ExportArn: exportArn }
 */
export const describeExport = /* @__PURE__ */ byName("DescribeExport", "ExportArn")
