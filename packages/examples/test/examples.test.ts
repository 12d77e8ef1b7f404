/**
 * The TypeScript blocks of README.md, docs/*.md and the package README compile as written (their imports written
 * out, nothing added), on each Effect major their fence names; every `@example` in the sources compiles as written too
 * (`support/checkExamples.ts`, one process per major, run side by side). The blocks marked `run` then run on
 * dynalite: each exports `main`, an Effect that needs a `DynamoClient`.
 */
import { execFile } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { beforeAll } from "vitest"
import { Effect } from "effect"
import type { DynamoClient } from "dynofunc"
import { Dynalite } from "@dynofunc/testing"

interface Checked {
  readonly blocks: ReadonlyArray<{ readonly file: string; readonly line: number }>
  readonly examples: number
  readonly runnable: ReadonlyArray<{ readonly file: string; readonly line: number; readonly code: string }>
  readonly diagnostics: ReadonlyArray<string>
}

const check = async (major: "effect3" | "effect4"): Promise<Checked> => {
  const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
  const script = fileURLToPath(new URL("./support/checkExamples.ts", import.meta.url))
  const { stdout } = await promisify(execFile)(tsx, [script, major], { maxBuffer: 64 * 1024 * 1024 })
  return JSON.parse(stdout) as Checked
}

let effect3: Checked
let effect4: Checked

beforeAll(async () => {
  ;[effect3, effect4] = await Promise.all([check("effect3"), check("effect4")])
}, 300_000)

/** A runnable block's `main`, imported from a copy of the block (written where the workspace's aliases apply). */
const mainOf = async (block: Checked["runnable"][number]) => {
  const folder = fileURLToPath(new URL("../.cache/doc-blocks/", import.meta.url))
  mkdirSync(folder, { recursive: true })
  const file = `${folder}${block.file.replaceAll(/[^a-zA-Z0-9]/g, "_")}_${block.line}.ts`
  writeFileSync(file, block.code)
  const module = (await import(file)) as { readonly main?: Effect.Effect<unknown, unknown, DynamoClient.DynamoClient> }
  if (module.main === undefined) throw new Error(`${block.file}:${block.line}: a run block exports no main`)
  return module.main
}

describe("the documentation's examples", () => {
  it("every page has its blocks, and the sources their examples", () => {
    const files = new Set([...effect3.blocks, ...effect4.blocks].map((block) => block.file))
    for (const file of ["README.md", "packages/dynofunc/README.md", "docs/effect-3-vs-4.md", "docs/typed-tables.md", "docs/transactions.md"]) {
      expect(files).toContain(file)
    }
    expect(effect3.blocks.length).toBeGreaterThan(30)
    expect(effect4.blocks.length).toBeGreaterThan(20)
    expect(effect3.examples).toBeGreaterThan(150)
    expect(effect3.runnable.length).toBeGreaterThanOrEqual(2)
  })

  it("every block compiles on Effect 3 as written", () => {
    expect(effect3.diagnostics.filter((line) => /^(README\.md|docs\/|packages\/dynofunc\/README\.md)/.test(line))).toEqual([])
  })

  it("every block compiles on Effect 4 as written", () => {
    expect(effect4.diagnostics).toEqual([])
  })

  it("every @example in the sources compiles as written, its imports written out", () => {
    expect(effect3.diagnostics.filter((line) => !/^(README\.md|docs\/|packages\/dynofunc\/README\.md)/.test(line))).toEqual([])
  })

  it.live("the blocks marked run succeed on dynalite; the README's tour gives what the README says", () =>
    Effect.gen(function* () {
      for (const block of effect3.runnable) {
        const main = yield* Effect.promise(() => mainOf(block))
        const result = yield* main.pipe(Effect.provide(Dynalite.layer()))
        if (block.file === "README.md") {
          expect(result).toEqual({
            item: { team: "core", id: "ada", visits: 0 },
            team: [{ team: "core", id: "ada", visits: 1 }],
            bob: "no such user"
          })
        }
      }
    }), 120_000)
})
