/**
 * The `listExports` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists exports, optionally of one table (`ListExports`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { listExports } from "dynofunc"
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * listExports({ TableArn: tableArn })
 *
 * @since 0.1.0
 * @category services
 */
export const listExports = /* @__PURE__ */ passThrough("ListExports")
