import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { root, typecheck } from "./support/typecheck.js"

const readme = readFileSync(`${root}README.md`, "utf8")

/** The README's TypeScript examples, each reporting its diagnostics at its README line. */
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => {
  const first = readme.slice(0, match.index).split("\n").length + 1
  return { code: match[1]!, where: (line: number) => `README.md:${first + line}` }
})

describe("README", () => {
  it("has TypeScript examples", () => {
    expect(blocks.length).toBeGreaterThan(3)
  })

  it("every TypeScript example compiles under the workspace's strict settings", () => {
    expect(typecheck(blocks, "readme")).toEqual([])
  }, 120_000)
})
