import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists bulk operations (`ListBulkOperations`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * listBulkOperations({ MaxResults: 10 })
 */
export const listBulkOperations = /* @__PURE__ */ passThrough("ListBulkOperations")
