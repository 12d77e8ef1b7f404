import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists the contributor insights summaries of the account or one table (`ListContributorInsights`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * listContributorInsights({ TableName: "users" })
 */
export const listContributorInsights = /* @__PURE__ */ passThrough("ListContributorInsights")
