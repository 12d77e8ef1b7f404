/**
 * The `deleteBackup` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Deletes an on-demand backup (`DeleteBackup`). Give the backup ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { deleteBackup } from "dynofunc"
 * const backupArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users/backup/01700000000000-a1b2c3d4"
 * deleteBackup(backupArn).description // { BackupArn: backupArn }
 *
 * @since 0.1.0
 * @category services
 */
export const deleteBackup = /* @__PURE__ */ byName("DeleteBackup", "BackupArn")
