/**
 * The `listContributorInsights` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists the contributor insights summaries of the account or one table (`ListContributorInsights`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { listContributorInsights } from "dynofunc"
 * listContributorInsights({ TableName: "users" })
 *
 * @since 0.1.0
 * @category services
 */
export const listContributorInsights = /* @__PURE__ */ passThrough("ListContributorInsights")
