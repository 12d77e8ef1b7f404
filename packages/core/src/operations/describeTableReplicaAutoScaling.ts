import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads the auto scaling settings of a global table's replicas (`DescribeTableReplicaAutoScaling`). Give the table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeTableReplicaAutoScaling("users").description // { TableName: "users" }
 */
export const describeTableReplicaAutoScaling = /* @__PURE__ */ byName("DescribeTableReplicaAutoScaling", "TableName")
