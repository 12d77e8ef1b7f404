import { DescribeExportCommand } from "@aws-sdk/client-dynamodb"
import { byName } from "../internal/passThrough.js"

/**
 * Reads an export's status and settings (`DescribeExport`). Give the export ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeExport(exportArn).description // { ExportArn: exportArn }
 */
export const describeExport = /* @__PURE__ */ byName("DescribeExport", DescribeExportCommand, "ExportArn")
