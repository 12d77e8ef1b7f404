import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Changes the settings of a global table (version 2017.11.29) (`UpdateGlobalTableSettings`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * updateGlobalTableSettings({ GlobalTableName: "users", GlobalTableBillingMode: "PAY_PER_REQUEST" })
 */
export const updateGlobalTableSettings = /* @__PURE__ */ passThrough("UpdateGlobalTableSettings")
