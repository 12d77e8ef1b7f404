import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Adds or removes replicas of a global table (version 2017.11.29) (`UpdateGlobalTable`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * updateGlobalTable({ GlobalTableName: "users", ReplicaUpdates: [{ Create: { RegionName: "eu-west-1" } }] })
 */
export const updateGlobalTable = /* @__PURE__ */ passThrough("UpdateGlobalTable")
