/**
 * The `createBackup` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Starts an on-demand backup of a table (`CreateBackup`). Give the table and the backup's name, or the SDK input.
 * Succeeds with the SDK output (its `BackupDetails.BackupArn` names the backup).
 *
 * @example
 * import { createBackup } from "dynofunc"
 * createBackup("users", "users-2026-01-01").description // { TableName: "users", BackupName: "users-2026-01-01" }
 *
 * @since 0.1.0
 * @category services
 */
export const createBackup = /* @__PURE__ */ friendly(
  "CreateBackup",
  (tableName: string, backupName: string) => ({ TableName: tableName, BackupName: backupName })
)
