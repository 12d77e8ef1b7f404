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
 * import { CompositeKey } from "dynofunc"
 * CompositeKey.compose("USER", ["acme#eu", 7]) // { key: "USER#acme\\#eu#0000000000000007" }
 * CompositeKey.compose("USER", [-1])           // { problem: "…" }
 *
 * @since 0.1.0
 */

/** Why a value cannot be part of a key. */
class Refused {
  constructor(readonly problem: string) {}
}

/**
 * `text` with `\` and `#` escaped by a `\`: the text itself (no copy) when it holds neither, the usual case (two
 * native searches); otherwise one scan of its character codes (string replaces were most of the cost of composing
 * a key in a profile).
 */
const escape = (text: string): string => {
  if (text.indexOf("#") === -1 && text.indexOf("\\") === -1) return text
  let out = ""
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 35 || code === 92) {
      out += text.slice(start, i) + "\\"
      start = i
    }
  }
  return out + text.slice(start)
}

/**
 * The instant of an Effect `DateTime` (Utc or Zoned) in milliseconds, recognised by its type id without importing
 * Effect: `Symbol.for("effect/DateTime")` with `epochMillis` on Effect 3, `"~effect/DateTime"` with
 * `epochMilliseconds` on Effect 4. `DateTime.formatIso` writes the same instant in UTC, as here.
 */
const dateTimeEpoch = (value: unknown): number | undefined => {
  if (typeof value !== "object" || value === null) return undefined
  const fields = value as Record<PropertyKey, unknown>
  if (effect3DateTime in fields && typeof fields["epochMillis"] === "number") return fields["epochMillis"]
  if (effect4DateTime in fields && typeof fields["epochMilliseconds"] === "number") return fields["epochMilliseconds"]
  return undefined
}
const effect3DateTime = Symbol.for("effect/DateTime")
const effect4DateTime = "~effect/DateTime"

/** What one field contributes to a composite key (its text; a string for the usual kinds, no object), or why it cannot. */
const segment = (value: unknown): string | Refused => {
  switch (typeof value) {
    case "string":
      return escape(value)
    case "number":
      return Number.isSafeInteger(value) && value >= 0
        ? String(value).padStart(16, "0")
        : new Refused(`the number ${value} cannot be part of a key (only whole numbers from 0 to 2^53 sort as text)`)
    case "bigint":
      return value >= 0n && value < 10n ** 20n
        ? String(value).padStart(20, "0")
        : new Refused(`the bigint ${value} cannot be part of a key (only 0 to 10^20 - 1 sort as text)`)
    case "boolean":
      return String(value)
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? new Refused("an invalid Date cannot be part of a key") : value.toISOString()
  }
  const epoch = dateTimeEpoch(value)
  if (epoch !== undefined) return new Date(epoch).toISOString()
  return new Refused(`a ${value === null ? "null" : typeof value} cannot be part of a key (strings, numbers, bigints, booleans and dates can)`)
}

/**
 * A composite key, or what stops it being built.
 *
 * @since 0.1.0
 * @category models
 */
export type Composed = { readonly key: string; readonly problem?: undefined } | { readonly key?: undefined; readonly problem: string }

/**
 * The key for `values` after `prefix` (which may be empty: then the key starts with the first value).
 *
 * @example
 * import { CompositeKey } from "dynofunc"
 * CompositeKey.compose("ORG", ["acme"]).key // "ORG#acme"
 * CompositeKey.compose("", ["a", "b"]).key  // "a#b"
 *
 * @since 0.1.0
 * @category combinators
 */
export const compose = (prefix: string, values: ReadonlyArray<unknown>): Composed => {
  let key = escape(prefix)
  for (let i = 0; i < values.length; i++) {
    const part = segment(values[i])
    if (typeof part !== "string") return { problem: part.problem }
    key = i === 0 && prefix === "" ? part : key + "#" + part
  }
  return { key }
}
