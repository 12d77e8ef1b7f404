import { friendly } from "../internal/builders/passThrough.js"

/**
 * Turns time to live on or off for a table (`UpdateTimeToLive`): items whose `attribute` holds an epoch time in
 * seconds in the past get deleted. Give the table, the attribute and whether it is on; or the SDK input.
 *
 * @example
 * updateTimeToLive("sessions", "expiresAt", true).description
 * // { TableName: "sessions", TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true } }
 */
export const updateTimeToLive = /* @__PURE__ */ friendly(
  "UpdateTimeToLive",
  (tableName: string, attribute: string, enabled: boolean) => ({
    TableName: tableName,
    TimeToLiveSpecification: { AttributeName: attribute, Enabled: enabled }
  })
)
