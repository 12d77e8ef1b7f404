/**
 * The `describeTableReplicaAutoScaling` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads the auto scaling settings of a global table's replicas (`DescribeTableReplicaAutoScaling`). Give the table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeTableReplicaAutoScaling } from "dynofunc"
 * describeTableReplicaAutoScaling("users").description // { TableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const describeTableReplicaAutoScaling = /* @__PURE__ */ byName("DescribeTableReplicaAutoScaling", "TableName")
