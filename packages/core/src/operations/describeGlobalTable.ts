/**
 * The `describeGlobalTable` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads a global table (version 2017.11.29) (`DescribeGlobalTable`). Give the global table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeGlobalTable } from "dynofunc"
 * describeGlobalTable("users").description // { GlobalTableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const describeGlobalTable = /* @__PURE__ */ byName("DescribeGlobalTable", "GlobalTableName")
