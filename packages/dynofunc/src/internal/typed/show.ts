/**
 * Values in the messages of typed errors: JSON, except that a bigint (a `Schema.BigInt` key or unique field) is
 * written `123n` (`"123n"` inside an object) instead of making `JSON.stringify` throw while the error is built.
 */
export const show = (value: unknown): string =>
  typeof value === "bigint"
    ? `${value}n`
    : (JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)) ?? String(value))

/** Field names in a message: each quoted, comma-separated. */
export const list = (names: ReadonlyArray<string>): string => names.map((name) => `"${name}"`).join(", ")
