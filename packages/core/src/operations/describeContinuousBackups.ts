/**
 * The `describeContinuousBackups` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads whether point-in-time recovery is on for a table, and its window (`DescribeContinuousBackups`). Give the table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeContinuousBackups } from "dynofunc"
 * describeContinuousBackups("users").description // { TableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const describeContinuousBackups = /* @__PURE__ */ byName("DescribeContinuousBackups", "TableName")
