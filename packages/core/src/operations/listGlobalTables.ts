import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists global tables (version 2017.11.29) (`ListGlobalTables`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * listGlobalTables({ RegionName: "eu-west-1" })
 */
export const listGlobalTables = /* @__PURE__ */ passThrough("ListGlobalTables")
