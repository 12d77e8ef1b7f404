/**
 * The `restoreTableToPointInTime` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Restores a table, as it was at a point in time, into a new table (`RestoreTableToPointInTime`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { restoreTableToPointInTime } from "dynofunc"
 * restoreTableToPointInTime({ SourceTableName: "users", TargetTableName: "users-restored", UseLatestRestorableTime: true })
 *
 * @since 0.1.0
 * @category services
 */
export const restoreTableToPointInTime = /* @__PURE__ */ passThrough("RestoreTableToPointInTime")
