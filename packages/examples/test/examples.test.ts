/**
 * The README's TypeScript blocks and every `@example` in the sources type-check under the workspace's strict
 * settings (`support/checkExamples.ts`, run in its own process).
 */
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { beforeAll, describe, expect, it } from "vitest"

interface Checked {
  readonly readmeBlocks: number
  readonly examples: number
  readonly diagnostics: ReadonlyArray<string>
}

let checked: Checked

beforeAll(async () => {
  const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
  const script = fileURLToPath(new URL("./support/checkExamples.ts", import.meta.url))
  const { stdout } = await promisify(execFile)(tsx, [script], { maxBuffer: 64 * 1024 * 1024 })
  checked = JSON.parse(stdout) as Checked
}, 300_000)

describe("examples", () => {
  it("the README and the sources have examples", () => {
    expect(checked.readmeBlocks).toBeGreaterThan(3)
    expect(checked.examples).toBeGreaterThan(150)
  })

  it("every TypeScript block of the README compiles", () => {
    expect(checked.diagnostics.filter((line) => line.startsWith("README.md"))).toEqual([])
  })

  it("every @example in the sources compiles, with its module's exports in scope", () => {
    expect(checked.diagnostics.filter((line) => !line.startsWith("README.md"))).toEqual([])
  })
})
