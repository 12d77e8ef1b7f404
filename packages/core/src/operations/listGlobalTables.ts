/**
 * The `listGlobalTables` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists global tables (version 2017.11.29) (`ListGlobalTables`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { listGlobalTables } from "dynofunc"
 * listGlobalTables({ RegionName: "eu-west-1" })
 *
 * @since 0.1.0
 * @category services
 */
export const listGlobalTables = /* @__PURE__ */ passThrough("ListGlobalTables")
