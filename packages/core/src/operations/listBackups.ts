import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists on-demand backups, optionally of one table or time range (`ListBackups`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * listBackups({ TableName: "users" }).description // { TableName: "users" }
 */
export const listBackups = /* @__PURE__ */ passThrough("ListBackups")
