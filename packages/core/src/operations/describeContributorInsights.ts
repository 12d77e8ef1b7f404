/**
 * The `describeContributorInsights` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads the contributor insights status of a table (`DescribeContributorInsights`); give the whole input to ask about an index. Give the table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeContributorInsights } from "dynofunc"
 * describeContributorInsights("users").description // { TableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const describeContributorInsights = /* @__PURE__ */ byName("DescribeContributorInsights", "TableName")
