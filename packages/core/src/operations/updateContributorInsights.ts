/**
 * The `updateContributorInsights` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Turns CloudWatch contributor insights on or off for a table, or one of its indexes (`UpdateContributorInsights`).
 * Give the table, whether it is on and optionally the index; or the SDK input.
 *
 * @example
 * import { updateContributorInsights } from "dynofunc"
 * updateContributorInsights("users", true).description
 * // { TableName: "users", ContributorInsightsAction: "ENABLE" }
 *
 * @since 0.1.0
 * @category services
 */
export const updateContributorInsights = /* @__PURE__ */ friendly(
  "UpdateContributorInsights",
  (tableName: string, enabled: boolean, indexName?: string) => ({
    TableName: tableName,
    ContributorInsightsAction: enabled ? ("ENABLE" as const) : ("DISABLE" as const),
    ...(indexName !== undefined && { IndexName: indexName })
  })
)
