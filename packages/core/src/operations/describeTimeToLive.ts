import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads a table's time-to-live setting: the attribute and whether it is on (`DescribeTimeToLive`). Give the table
 * name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeTimeToLive("sessions").description // { TableName: "sessions" }
 */
export const describeTimeToLive = /* @__PURE__ */ byName("DescribeTimeToLive", "TableName")
