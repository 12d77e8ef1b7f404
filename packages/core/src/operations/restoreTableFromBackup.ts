/**
 * The `restoreTableFromBackup` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Restores an on-demand backup into a new table (`RestoreTableFromBackup`). Give the backup ARN and the new table's
 * name, or the SDK input (to override billing, indexes, encryption).
 *
 * @example
 * import { restoreTableFromBackup } from "dynofunc"
 * const backupArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users/backup/01700000000000-a1b2c3d4"
 * restoreTableFromBackup(backupArn, "users-restored").description
 * // { BackupArn: backupArn, TargetTableName: "users-restored" }
 *
 * @since 0.1.0
 * @category services
 */
export const restoreTableFromBackup = /* @__PURE__ */ friendly(
  "RestoreTableFromBackup",
  (backupArn: string, targetTableName: string) => ({ BackupArn: backupArn, TargetTableName: targetTableName })
)
