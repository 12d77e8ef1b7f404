/**
 * The `updateContinuousBackups` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Turns point-in-time recovery on or off for a table (`UpdateContinuousBackups`). Give the table and whether it is
 * on (optionally the recovery period in days, 1 to 35), or the SDK input.
 *
 * @example
 * import { updateContinuousBackups } from "dynofunc"
 * updateContinuousBackups("users", true).description
 * // { TableName: "users", PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }
 *
 * @since 0.1.0
 * @category services
 */
export const updateContinuousBackups = /* @__PURE__ */ friendly(
  "UpdateContinuousBackups",
  (tableName: string, enabled: boolean, recoveryPeriodInDays?: number) => ({
    TableName: tableName,
    PointInTimeRecoverySpecification: {
      PointInTimeRecoveryEnabled: enabled,
      ...(recoveryPeriodInDays !== undefined && { RecoveryPeriodInDays: recoveryPeriodInDays })
    }
  })
)
