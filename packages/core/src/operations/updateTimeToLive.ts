/**
 * The `updateTimeToLive` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Turns time to live on or off for a table (`UpdateTimeToLive`): items whose `attribute` holds an epoch time in
 * seconds in the past get deleted. Give the table, the attribute and whether it is on; or the SDK input.
 *
 * @example
 * import { updateTimeToLive } from "dynofunc"
 * updateTimeToLive("sessions", "expiresAt", true).description
 * // { TableName: "sessions", TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true } }
 *
 * @since 0.1.0
 * @category services
 */
export const updateTimeToLive = /* @__PURE__ */ friendly(
  "UpdateTimeToLive",
  (tableName: string, attribute: string, enabled: boolean) => ({
    TableName: tableName,
    TimeToLiveSpecification: { AttributeName: attribute, Enabled: enabled }
  })
)
