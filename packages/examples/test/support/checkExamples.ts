/**
 * Type-checks the README's TypeScript blocks and every `@example` in the sources in one TypeScript program, and
 * prints `{ readmeBlocks, examples, diagnostics }` as JSON. A script rather than code inside a test: the check runs
 * for tens of seconds and would block a vitest worker's event loop for all that time.
 *
 * @example
 * // tsx packages/examples/test/support/checkExamples.ts
 */
import { readFileSync } from "node:fs"
import { docSnippets, examples } from "./docExamples.js"
import { root, typecheck } from "./typecheck.js"

const readme = readFileSync(`${root}README.md`, "utf8")

/** The README's TypeScript blocks, each reporting its diagnostics at its README line. */
const readmeBlocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => {
  const first = readme.slice(0, match.index).split("\n").length + 1
  return { code: match[1]!, where: (line: number) => `README.md:${first + line}` }
})

const diagnostics = typecheck([...readmeBlocks, ...docSnippets()], "example")
process.stdout.write(JSON.stringify({ readmeBlocks: readmeBlocks.length, examples: examples.length, diagnostics }))
