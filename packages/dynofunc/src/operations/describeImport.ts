import { DescribeImportCommand } from "@aws-sdk/client-dynamodb"
import { byName } from "../internal/passThrough.js"

/**
 * Reads an import's status and settings (`DescribeImport`). Give the import ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeImport(importArn).description // { ImportArn: importArn }
 */
export const describeImport = /* @__PURE__ */ byName("DescribeImport", DescribeImportCommand, "ImportArn")
