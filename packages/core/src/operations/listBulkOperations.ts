/**
 * The `listBulkOperations` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists bulk operations (`ListBulkOperations`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { listBulkOperations } from "dynofunc"
 * listBulkOperations({ MaxResults: 10 })
 *
 * @since 0.1.0
 * @category services
 */
export const listBulkOperations = /* @__PURE__ */ passThrough("ListBulkOperations")
