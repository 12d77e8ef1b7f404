/**
 * `pnpm bench`: runs P1, P2, P2L, P3, P4, P5, P6, P7, P8 and P9 on both shells (Effect 3 and Effect 4), then P6T and P1T
 * (Effect 3), and prints their figures, ratios and targets, then the two shells side by side.
 *
 *   pnpm bench                   everything (a few minutes per shell)
 *   pnpm bench --quick           a fast smoke subset: every benchmark but P3, P4, P5 and P6T (DynamoDB Local; P9 runs on it with a few hundred records), few short rounds, no timing assertions
 *   pnpm bench --only P1,P6      some benchmarks
 *   pnpm bench --shell effect4   one shell only, in this process
 *   pnpm bench --json out.json   also write the raw figures
 *
 * Each benchmark runs once per shell, each time in a child process of its own (`--shell`), the two shells one after
 * the other, which one first alternating from benchmark to benchmark (`--quick`: one child per shell for all). Every benchmark measures dynofunc against
 * references that do not depend on the shell (the raw SDK, other libraries), so "Effect 4 ÷ Effect 3" compares each
 * target's ratio to its reference in the two processes: the machine's drift between them cancels out.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import type { Settings } from "./harness.js"
import { compareShells, formatMeasured, render, renderComparison, type Section } from "./report.js"
import { currentShell, nodeFlags, type Shell, shellName, shells, shellVariable } from "./shell/shell.js"

// The SDK warns once that Node 20 support ends in 2027: noise in a results table (the Node version is printed).
process.env["AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED"] ??= "true"

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const option = (name: string): string | undefined => {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

const quick = flag("--quick")
const only = option("--only")?.split(",").map((s) => s.trim().toUpperCase())
const settings: Settings = quick ? { rounds: 3, batchMs: 10, warmupMs: 20 } : { rounds: 25, batchMs: 60, warmupMs: 500 }

/** A benchmark: its id, the shells it runs on, whether the quick run skips it, and how to run it (imported lazily). */
interface Suite {
  readonly id: string
  readonly shells: ReadonlyArray<Shell>
  readonly slow?: boolean
  readonly run: () => Promise<Section>
}

// One line per benchmark.
const suites: ReadonlyArray<Suite> = [
  { id: "P1", shells, run: async () => (await import("./p1/bench.js")).runP1(settings) },
  { id: "P2", shells, run: async () => (await import("./p2/bench.js")).runP2(settings) },
  { id: "P2L", shells, run: async () => (await import("./p7/bench.js")).runP2Lean(settings) },
  { id: "P3", shells, slow: true, run: async () => (await import("./p3/bench.js")).runP3(quick ? { warmup: 20, calls: 50 } : { warmup: 300, calls: 3000 }) },
  { id: "P4", shells, slow: true, run: async () => (await import("./p4/bench.js")).runP4(quick ? { items: 1_000, rounds: 1 } : { items: 10_000, rounds: 5 }) },
  { id: "P5", shells, slow: true, run: async () => (await import("./p5/bench.js")).runP5(quick ? { items: 5_000, rounds: 1 } : { items: 100_000, rounds: 3 }) },
  { id: "P6", shells, run: async () => (await import("./p6/bench.js")).runP6(settings) },
  { id: "P7", shells, run: async () => (await import("./p7/bench.js")).runP7(settings) },
  { id: "P8", shells, run: async () => (await import("./p8/bench.js")).runP8({ tries: quick ? 2 : 7 }) },
  {
    id: "P9",
    shells,
    run: async () =>
      (await import("./p9/bench.js")).runP9(
        quick
          ? { records: 300, rounds: 1, writes: 2, lags: [100_000, 1_000_000], samples: 5 }
          : { records: 20_000, rounds: 5, writes: 20, lags: [100_000, 1_000_000], samples: 30 }
      )
  },
  { id: "P6T", shells: ["effect3"], slow: true, run: async () => (await import("./typed/bench.js")).runP6Typed(settings) },
  { id: "P1T", shells: ["effect3"], run: async () => (await import("./typed/bench.js")).runP1Typed(settings) }
]

const wanted = (suite: Suite) => (only === undefined ? !(quick && suite.slow === true) : only.includes(suite.id))

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ")

/** `--shell <shell>`: the wanted benchmarks on this process's shell, printed and written to `--json`. */
const runHere = async (shell: Shell): Promise<void> => {
  const sections: Array<Section> = []
  for (const suite of suites) {
    if (!wanted(suite) || !suite.shells.includes(shell)) continue
    const section = await suite.run()
    sections.push(section)
    console.log(render(section, shellName(shell)) + "\n")
  }
  const json = option("--json")
  if (json !== undefined) writeFileSync(json, JSON.stringify(sections))
}

/** Runs the benchmarks `ids` on `shell` in a child process and returns their sections (undefined if the child failed). */
const runChild = (ids: ReadonlyArray<string>, shell: Shell, dir: string): ReadonlyArray<Section> | undefined => {
  const out = path.join(dir, `${ids.join("-")}-${shell}.json`)
  const script = fileURLToPath(import.meta.url)
  const child = spawnSync(process.execPath, [...nodeFlags(shell), script, "--shell", shell, "--only", ids.join(","), "--json", out, ...(quick ? ["--quick"] : [])], {
    stdio: "inherit",
    env: { ...process.env, [shellVariable]: shell }
  })
  if (child.status !== 0) {
    console.error(`${ids.join(", ")} on ${shellName(shell)} failed (exit ${child.status ?? child.signal})`)
    return undefined
  }
  return JSON.parse(readFileSync(out, "utf8")) as ReadonlyArray<Section>
}

const runBoth = (): void => {
  console.log(`# dynofunc benchmarks, Effect 3 and Effect 4${quick ? " (quick smoke run: figures are not meaningful)" : ""}`)
  console.log(`\nNode ${process.version} · ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length} · ${os.platform()} ${os.release()}`)
  console.log(`load average at start: ${load()}\n`)
  const dir = mkdtempSync(path.join(os.tmpdir(), "dynofunc-bench-"))
  const results: Record<Shell, Array<Section>> = { effect3: [], effect4: [] }
  let failed = false
  try {
    // The quick run starts one child per shell for all its benchmarks: a child's start-up (tsx) outweighs them.
    const chosen = suites.filter(wanted)
    const groups = quick ? [chosen] : chosen.map((suite) => [suite])
    groups.forEach((group, index) => {
      for (const shell of index % 2 === 0 ? shells : [...shells].reverse()) {
        const ids = group.filter((suite) => suite.shells.includes(shell)).map((suite) => suite.id)
        if (ids.length === 0) continue
        const sections = runChild(ids, shell, dir)
        if (sections === undefined) failed = true
        else results[shell].push(...sections)
      }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(`load average at the end: ${load()}\n`)
  const comparison = compareShells(results.effect3, results.effect4)
  console.log(renderComparison(comparison) + "\n")
  console.log("## Summary\n")
  for (const shell of shells) {
    for (const s of results[shell]) {
      for (const t of s.targets) console.log(`- ${s.id} (${shellName(shell)}) ${t.label}: ${formatMeasured(t, 3)} (wanted ${t.target}) ${t.met ? "PASS" : "MISS"}`)
    }
  }
  const json = option("--json")
  if (json !== undefined) {
    writeFileSync(json, JSON.stringify({ node: process.version, cpus: os.cpus().length, quick, shells: results, comparison }, null, 2))
  }
  if (failed) process.exitCode = 1
}

const main = async () => {
  const shell = option("--shell")
  if (shell === undefined) return runBoth()
  if (shell !== "effect3" && shell !== "effect4") throw new Error(`--shell ${shell}: use effect3 or effect4`)
  if (currentShell() !== shell) throw new Error(`--shell ${shell} needs ${shellVariable}=${shell} (and, for effect4, the hooks of src/shell/register.mjs)`)
  await runHere(shell)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
