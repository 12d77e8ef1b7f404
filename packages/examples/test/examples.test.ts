/**
 * The TypeScript blocks of README.md, docs/*.md and the package README compile as written (their imports written
 * out, nothing added) on the Effect major of the test run, when their fence names it; on Effect 3 every `@example`
 * in the sources compiles as written too, its imports written out (`support/checkExamples.ts`, in a process of its
 * own). The blocks marked `run` then run on dynalite, on that major: each exports `main`, an Effect that needs a
 * `DynamoClient`.
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

/** The major of this run (each flavour checks its own, so each check runs once per `pnpm test`). */
const major = process.env["DYNOFUNC_EFFECT_MAJOR"] === "effect4" ? "effect4" : "effect3"
let checked: Checked

beforeAll(async () => {
  checked = await check(major)
}, 300_000)

const isDocument = (line: string) => /^(README\.md|docs\/|packages\/dynofunc\/README\.md)/.test(line)

/** A runnable block's `main`, imported from a copy of the block (written where the workspace's aliases apply). */
const mainOf = async (block: Checked["runnable"][number]) => {
  const folder = fileURLToPath(new URL("../.cache/doc-blocks/", import.meta.url))
  mkdirSync(folder, { recursive: true })
  const file = `${folder}${major}_${block.file.replaceAll(/[^a-zA-Z0-9]/g, "_")}_${block.line}.ts`
  writeFileSync(file, block.code)
  const module = (await import(file)) as { readonly main?: Effect.Effect<unknown, unknown, DynamoClient.DynamoClient> }
  if (module.main === undefined) throw new Error(`${block.file}:${block.line}: a run block exports no main`)
  return module.main
}

describe(`the documentation's examples (${major})`, () => {
  it("every page has its blocks, and the sources their examples", () => {
    const files = new Set(checked.blocks.map((block) => block.file))
    for (const file of ["README.md", "packages/dynofunc/README.md", "docs/effect-3-vs-4.md", "docs/typed-tables.md", "docs/transactions.md"]) {
      expect(files).toContain(file)
    }
    expect(checked.blocks.length).toBeGreaterThan(30)
    expect(checked.runnable.length).toBeGreaterThanOrEqual(2)
    if (major === "effect3") expect(checked.examples).toBeGreaterThan(150)
  })

  it("every block compiles as written", () => {
    expect(checked.diagnostics.filter(isDocument)).toEqual([])
  })

  // The sources' examples are checked on Effect 3 only (the Effect 4 side of the check compiles the documents).
  if (major === "effect3") {
    it("every @example in the sources compiles, as written, its imports written out", () => {
      expect(checked.diagnostics.filter((line) => !isDocument(line))).toEqual([])
    })
  }

  it.live("the blocks marked run succeed on dynalite; the README's tour gives what the README says", () =>
    Effect.gen(function* () {
      for (const block of checked.runnable) {
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
