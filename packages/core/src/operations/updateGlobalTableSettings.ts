/**
 * The `updateGlobalTableSettings` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Changes the settings of a global table (version 2017.11.29) (`UpdateGlobalTableSettings`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { updateGlobalTableSettings } from "dynofunc"
 * updateGlobalTableSettings({ GlobalTableName: "users", GlobalTableBillingMode: "PAY_PER_REQUEST" })
 *
 * @since 0.1.0
 * @category services
 */
export const updateGlobalTableSettings = /* @__PURE__ */ passThrough("UpdateGlobalTableSettings")
