/**
 * The `describeTimeToLive` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads a table's time-to-live setting: the attribute and whether it is on (`DescribeTimeToLive`). Give the table
 * name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeTimeToLive } from "dynofunc"
 * describeTimeToLive("sessions").description // { TableName: "sessions" }
 *
 * @since 0.1.0
 * @category services
 */
export const describeTimeToLive = /* @__PURE__ */ byName("DescribeTimeToLive", "TableName")
