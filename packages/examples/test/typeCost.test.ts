/**
 * The type-check cost of typed tables (`support/typeCost.ts`, in its own process): a 20-entity program written with
 * `Entity` against the same program written with the plain operations and the same Schemas.
 *
 * The target: at most 2× the plain program's instantiations; measured (in-memory, only what each program
 * needs): 60,451 vs 40,679 = 1.49× (BENCHMARKS.md, "Type-check cost"). The typed program must type-check cleanly.
 */
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"

describe("type-check cost of typed tables", () => {
  it("a 20-entity typed program costs at most 2× the instantiations of the plain one", async () => {
    const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
    const script = fileURLToPath(new URL("./support/typeCost.ts", import.meta.url))
    const { stdout } = await promisify(execFile)(tsx, [script], { maxBuffer: 16 * 1024 * 1024 })
    const counts = JSON.parse(stdout) as { readonly typed: number; readonly plain: number }
    expect(counts.typed / counts.plain).toBeLessThanOrEqual(2)
  }, 300_000)
})
