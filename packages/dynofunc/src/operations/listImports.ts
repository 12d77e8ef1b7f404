import { ListImportsCommand } from "@aws-sdk/client-dynamodb"
import { passThrough } from "../internal/passThrough.js"

/**
 * Lists imports, optionally into one table (`ListImports`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * listImports({ TableArn: tableArn })
 */
export const listImports = /* @__PURE__ */ passThrough("ListImports", ListImportsCommand)
