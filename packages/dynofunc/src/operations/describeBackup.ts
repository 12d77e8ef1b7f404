import { DescribeBackupCommand } from "@aws-sdk/client-dynamodb"
import { byName } from "../internal/passThrough.js"

/**
 * Reads an on-demand backup's description (`DescribeBackup`). Give the backup ARN, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeBackup(backupArn).description // { BackupArn: backupArn }
 */
export const describeBackup = /* @__PURE__ */ byName("DescribeBackup", DescribeBackupCommand, "BackupArn")
