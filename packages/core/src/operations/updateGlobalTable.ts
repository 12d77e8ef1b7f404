/**
 * The `updateGlobalTable` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Adds or removes replicas of a global table (version 2017.11.29) (`UpdateGlobalTable`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { updateGlobalTable } from "dynofunc"
 * updateGlobalTable({ GlobalTableName: "users", ReplicaUpdates: [{ Create: { RegionName: "eu-west-1" } }] })
 *
 * @since 0.1.0
 * @category services
 */
export const updateGlobalTable = /* @__PURE__ */ passThrough("UpdateGlobalTable")
