/**
 * The `listImports` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists imports, optionally into one table (`ListImports`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { listImports } from "dynofunc"
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * listImports({ TableArn: tableArn })
 *
 * @since 0.1.0
 * @category services
 */
export const listImports = /* @__PURE__ */ passThrough("ListImports")
