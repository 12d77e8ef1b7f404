/**
 * Writes `src/internal/expressions/records.generated.ts`: the placeholder records `names[n]` / `values[n]` as
 * object literals with constant keys, for n = 0 … 24. `test/records.generated.test.ts` (packages/dynofunc) checks
 * the file is what `render()` gives.
 *
 * @example
 * // pnpm --filter @dynofunc/core generate
 */
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

/** How many sizes the records cover (0 … sizes - 1). */
const sizes = 25

const header = `/**
 * Record builders for \`ExpressionAttributeNames\` / \`ExpressionAttributeValues\`: \`names[n](list)\` is
 * \`{ "#n0": list[0], …, "#n{n-1}": list[n-1] }\` and \`values[n](list)\` the same with \`:v\` keys.
 *
 * An object literal with constant keys is built several times faster than one filled key by key (measured: an
 * \`update\` of P1 takes about 25% longer with keyed stores), so the common sizes are written out as literals here.
 * This replaces building them at run time with \`new Function\`, which a content security policy or Cloudflare Workers
 * refuse. Written by \`scripts/generate-records.ts\` (\`pnpm --filter @dynofunc/core generate\`); do not edit by hand.
 */
type Builder = (a: ReadonlyArray<unknown>) => Record<string, unknown>
`

const builder = (prefix: string, n: number): string =>
  n === 0
    ? "  () => ({}),"
    : `  (a) => ({ ${Array.from({ length: n }, (_, i) => `"${prefix}${i}": a[${i}]`).join(", ")} }),`

const records = (name: string, prefix: string, what: string): string =>
  [
    `/** \`${name}[n]\`: the record of the first \`n\` ${what} placeholders, for n = 0 … ${sizes - 1}. */`,
    `export const ${name}: ReadonlyArray<Builder> = [`,
    ...Array.from({ length: sizes }, (_, n) => builder(prefix, n)),
    "]"
  ].join("\n")

/** The file's text. */
export const render = (): string => [header, records("names", "#n", "name"), "", records("values", ":v", "value"), ""].join("\n")

/** Where the file is written. */
export const target = fileURLToPath(new URL("../src/internal/expressions/records.generated.ts", import.meta.url))

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(target, render())
  console.log(`wrote ${target}`)
}
