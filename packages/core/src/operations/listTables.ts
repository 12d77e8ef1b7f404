/**
 * The `listTables` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists the account's table names, a page at a time (`ListTables`). Takes the SDK input; succeeds with the SDK output.
 * `Pages.items(listTables())` streams every name of every page.
 *
 * @example
 * import { listTables } from "dynofunc"
 * listTables({ Limit: 10 }).description // { Limit: 10 }
 *
 * @since 0.1.0
 * @category services
 */
export const listTables = /* @__PURE__ */ passThrough("ListTables")
