import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads a global table (version 2017.11.29) (`DescribeGlobalTable`). Give the global table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeGlobalTable("users").description // { GlobalTableName: "users" }
 */
export const describeGlobalTable = /* @__PURE__ */ byName("DescribeGlobalTable", "GlobalTableName")
