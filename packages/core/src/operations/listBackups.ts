/**
 * The `listBackups` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists on-demand backups, optionally of one table or time range (`ListBackups`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { listBackups } from "dynofunc"
 * listBackups({ TableName: "users" }).description // { TableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const listBackups = /* @__PURE__ */ passThrough("ListBackups")
