import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Changes the auto scaling settings of a global table's replicas (`UpdateTableReplicaAutoScaling`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * updateTableReplicaAutoScaling({ TableName: "users", ProvisionedWriteCapacityAutoScalingUpdate: { MinimumUnits: 1, MaximumUnits: 10 } })
 */
export const updateTableReplicaAutoScaling = /* @__PURE__ */ passThrough("UpdateTableReplicaAutoScaling")
