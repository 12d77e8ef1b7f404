import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists imports, optionally into one table (`ListImports`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * listImports({ TableArn: tableArn })
 */
export const listImports = /* @__PURE__ */ passThrough("ListImports")
