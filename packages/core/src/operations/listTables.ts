import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Lists the account's table names, a page at a time (`ListTables`). Takes the SDK input; succeeds with the SDK output.
 * `Pages.items(listTables())` streams every name of every page.
 *
 * @example
 * listTables({ Limit: 10 }).description // { Limit: 10 }
 */
export const listTables = /* @__PURE__ */ passThrough("ListTables")
