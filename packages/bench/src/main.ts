/**
 * `pnpm bench`: runs P1, P2, P2L, P3, P4, P5, P6, P7 and P8 and prints their figures, ratios and targets.
 *
 *   pnpm bench                 everything (a few minutes)
 *   pnpm bench --quick         a fast smoke subset: every benchmark but P3, P4 and P5 (DynamoDB Local), few short rounds, no timing assertions
 *   pnpm bench --only P1,P6    some benchmarks
 *   pnpm bench --json out.json also write the raw figures
 */
import { writeFileSync } from "node:fs"
import os from "node:os"
import type { Settings } from "./harness.js"
import { formatMeasured, render, type Section } from "./report.js"
import { runP1 } from "./p1/bench.js"
import { runP2 } from "./p2/bench.js"
import { runP3 } from "./p3/bench.js"
import { runP4 } from "./p4/bench.js"
import { runP5 } from "./p5/bench.js"
import { runP6 } from "./p6/bench.js"
import { runP2Lean, runP7 } from "./p7/bench.js"
import { runP8 } from "./p8/bench.js"
import { runP1Typed, runP6Typed } from "./typed/bench.js"

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
const wanted = (id: string) => (only === undefined ? !(quick && (id === "P3" || id === "P4" || id === "P5" || id === "P6T")) : only.includes(id))
const settings: Settings = quick ? { rounds: 3, batchMs: 10, warmupMs: 20 } : { rounds: 25, batchMs: 60, warmupMs: 500 }

const suites: ReadonlyArray<{ readonly id: string; readonly run: () => Section | Promise<Section> }> = [
  { id: "P1", run: () => runP1(settings) },
  { id: "P2", run: () => runP2(settings) },
  { id: "P2L", run: () => runP2Lean(settings) },
  { id: "P3", run: () => runP3(quick ? { warmup: 20, calls: 50 } : { warmup: 300, calls: 3000 }) },
  { id: "P4", run: () => runP4(quick ? { items: 1_000, rounds: 1 } : { items: 10_000, rounds: 5 }) },
  { id: "P5", run: () => runP5(quick ? { items: 5_000, rounds: 1 } : { items: 100_000, rounds: 3 }) },
  { id: "P6", run: () => runP6(settings) },
  { id: "P7", run: () => runP7(settings) },
  { id: "P8", run: () => runP8({ tries: quick ? 2 : 7 }) },
  { id: "P6T", run: () => runP6Typed(settings) },
  { id: "P1T", run: () => runP1Typed(settings) }
]

const main = async () => {
  console.log(`# dynofunc benchmarks${quick ? " (quick smoke run: figures are not meaningful)" : ""}`)
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ")
  console.log(`\nNode ${process.version} · ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length} · ${os.platform()} ${os.release()}`)
  console.log(`load average at start: ${load()}\n`)
  const sections: Array<Section> = []
  for (const suite of suites) {
    if (!wanted(suite.id)) continue
    const section = await suite.run()
    sections.push(section)
    console.log(render(section) + "\n")
  }
  console.log(`load average at the end: ${load()}\n`)
  const targets = sections.flatMap((s) => s.targets.map((t) => ({ ...t, id: s.id })))
  console.log("## Summary\n")
  for (const t of targets) console.log(`- ${t.id} ${t.label}: ${formatMeasured(t, 3)} (wanted ${t.target}) ${t.met ? "PASS" : "MISS"}`)
  const json = option("--json")
  if (json !== undefined) {
    writeFileSync(json, JSON.stringify({ node: process.version, cpus: os.cpus().length, quick, sections }, null, 2))
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
