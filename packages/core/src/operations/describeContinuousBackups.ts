import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads whether point-in-time recovery is on for a table, and its window (`DescribeContinuousBackups`). Give the table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeContinuousBackups("users").description // { TableName: "users" }
 */
export const describeContinuousBackups = /* @__PURE__ */ byName("DescribeContinuousBackups", "TableName")
