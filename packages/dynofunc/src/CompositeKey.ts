/**
 * Composite keys: several fields of an item written into one key string, `PREFIX#value1#value2`, so that distinct
 * values never share a key and keys sort as their values do.
 *
 * - The delimiter is `#`; a `#` or `\` inside a value (or the prefix) is escaped with `\` (`a#b` → `a\#b`), so
 *   `org = "a#b"` and `org = "a", team = "b"` give different keys.
 * - Non-negative whole numbers are zero-padded to 16 digits (bigints to 20), so that they sort as numbers; other
 *   numbers are refused (they would not sort).
 * - Dates are written as ISO 8601 (`2026-01-02T03:04:05.000Z`), which sorts in time order; `DateTime.Utc` the same.
 * - Booleans are `true` / `false`. Anything else (an object, `undefined`, `null`, an invalid date) is refused.
 *
 * @example
 * CompositeKey.compose("USER", ["acme#eu", 7]) // { key: "USER#acme\\#eu#0000000000000007" }
 * CompositeKey.compose("USER", [-1])           // { problem: "…" }
 */
import { DateTime } from "effect"

/** What one field contributes to a composite key, or why it cannot. */
type Segment = { readonly text: string } | { readonly problem: string }

const escape = (text: string): string => {
  const slash = text.includes("\\")
  if (!slash && !text.includes("#")) return text
  // Backslashes first, then delimiters (string replaces: cheaper than a regular expression).
  return (slash ? text.replaceAll("\\", "\\\\") : text).replaceAll("#", "\\#")
}

const segment = (value: unknown): Segment => {
  switch (typeof value) {
    case "string":
      return { text: escape(value) }
    case "number":
      return Number.isSafeInteger(value) && value >= 0
        ? { text: String(value).padStart(16, "0") }
        : { problem: `the number ${value} cannot be part of a key (only whole numbers from 0 to 2^53 sort as text)` }
    case "bigint":
      return value >= 0n && value < 10n ** 20n
        ? { text: String(value).padStart(20, "0") }
        : { problem: `the bigint ${value} cannot be part of a key (only 0 to 10^20 - 1 sort as text)` }
    case "boolean":
      return { text: String(value) }
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { problem: "an invalid Date cannot be part of a key" } : { text: value.toISOString() }
  }
  if (DateTime.isDateTime(value)) return { text: DateTime.formatIso(value) }
  return { problem: `a ${value === null ? "null" : typeof value} cannot be part of a key (strings, numbers, bigints, booleans and dates can)` }
}

/** A composite key, or what stops it being built. */
export type Composed = { readonly key: string; readonly problem?: undefined } | { readonly key?: undefined; readonly problem: string }

/**
 * The key for `values` after `prefix` (which may be empty: then the key starts with the first value).
 *
 * @example
 * CompositeKey.compose("ORG", ["acme"]).key // "ORG#acme"
 * CompositeKey.compose("", ["a", "b"]).key  // "a#b"
 */
export const compose = (prefix: string, values: ReadonlyArray<unknown>): Composed => {
  let key = escape(prefix)
  for (let i = 0; i < values.length; i++) {
    const part = segment(values[i])
    if ("problem" in part) return { problem: part.problem }
    key = i === 0 && prefix === "" ? part.text : key + "#" + part.text
  }
  return { key }
}
