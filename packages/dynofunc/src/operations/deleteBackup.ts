import { DeleteBackupCommand } from "@aws-sdk/client-dynamodb"
import { byName } from "../internal/passThrough.js"

/**
 * Deletes an on-demand backup (`DeleteBackup`). Give the backup ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * deleteBackup(backupArn).description // { BackupArn: backupArn }
 */
export const deleteBackup = /* @__PURE__ */ byName("DeleteBackup", DeleteBackupCommand, "BackupArn")
