/**
 * The `createGlobalTable` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Makes a global table (version 2017.11.29) out of same-named tables in several regions (`CreateGlobalTable`).
 * Give the name and the regions, or the SDK input. (For the current version, add replicas with `updateTable`.)
 *
 * @example
 * import { createGlobalTable } from "dynofunc"
 * createGlobalTable("users", ["eu-west-1", "us-east-1"]).description
 * // { GlobalTableName: "users", ReplicationGroup: [{ RegionName: "eu-west-1" }, { RegionName: "us-east-1" }] }
 *
 * @since 0.1.0
 * @category services
 */
export const createGlobalTable = /* @__PURE__ */ friendly(
  "CreateGlobalTable",
  (globalTableName: string, regions: ReadonlyArray<string>) => ({
    GlobalTableName: globalTableName,
    ReplicationGroup: regions.map((RegionName) => ({ RegionName }))
  })
)
