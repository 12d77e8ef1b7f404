import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads the contributor insights status of a table (`DescribeContributorInsights`); give the whole input to ask about an index. Give the table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeContributorInsights("users").description // { TableName: "users" }
 */
export const describeContributorInsights = /* @__PURE__ */ byName("DescribeContributorInsights", "TableName")
