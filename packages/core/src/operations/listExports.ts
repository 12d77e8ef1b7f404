import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists exports, optionally of one table (`ListExports`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * listExports({ TableArn: tableArn })
 */
export const listExports = /* @__PURE__ */ passThrough("ListExports")
