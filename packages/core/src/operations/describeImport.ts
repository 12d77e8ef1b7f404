/**
 * The `describeImport` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads an import's status and settings (`DescribeImport`). Give the import ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeImport } from "dynofunc"
 * const importArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users/import/01700000000000-a1b2c3d4"
 * describeImport(importArn).description // { ImportArn: importArn }
 *
 * @since 0.1.0
 * @category services
 */
export const describeImport = /* @__PURE__ */ byName("DescribeImport", "ImportArn")
