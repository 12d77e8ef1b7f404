/**
 * The `describeGlobalTableSettings` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads the region-specific settings of a global table (version 2017.11.29) (`DescribeGlobalTableSettings`). Give the global table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeGlobalTableSettings } from "dynofunc"
 * describeGlobalTableSettings("users").description // { GlobalTableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const describeGlobalTableSettings = /* @__PURE__ */ byName("DescribeGlobalTableSettings", "GlobalTableName")
