/**
 * The `updateTableReplicaAutoScaling` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Changes the auto scaling settings of a global table's replicas (`UpdateTableReplicaAutoScaling`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { updateTableReplicaAutoScaling } from "dynofunc"
 * updateTableReplicaAutoScaling({ TableName: "users", ProvisionedWriteCapacityAutoScalingUpdate: { MinimumUnits: 1, MaximumUnits: 10 } })
 *
 * @since 0.1.0
 * @category services
 */
export const updateTableReplicaAutoScaling = /* @__PURE__ */ passThrough("UpdateTableReplicaAutoScaling")
