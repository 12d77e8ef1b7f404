import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Restores a table, as it was at a point in time, into a new table (`RestoreTableToPointInTime`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * restoreTableToPointInTime({ SourceTableName: "users", TargetTableName: "users-restored", UseLatestRestorableTime: true })
 */
export const restoreTableToPointInTime = /* @__PURE__ */ passThrough("RestoreTableToPointInTime")
