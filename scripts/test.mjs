#!/usr/bin/env node
/* global process, console */
/**
 * `pnpm test`: the shared suites against both Effect majors, one after the other.
 *
 * - Effect 3: Vitest 3 with the root config, on the Node running this script (20 or later);
 * - Effect 4: Vitest 5 with `flavours/effect4/vitest.config.ts`; Vitest 5 needs Node >= 22.12, so on an older Node
 *   the script runs it on a Node 22 fetched once from the npm registry (`scripts/node-binary 22`).
 *
 * Every argument but `--flavour` goes to both Vitest runs. `--flavour=effect3` or `--flavour=effect4` runs one.
 * With `--outputFile=<file>` (a JSON report), each run writes its own report and the two are merged into `<file>`.
 * Each run ends with a line "<flavour>: N passed, N failed"; the script fails if either run did.
 *
 * @example
 * // pnpm test
 * // pnpm test --flavour=effect4 packages/dynofunc/test/Pages.test.ts
 * // pnpm test --reporter=default --reporter=json --outputFile=report.json
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

const flavours = {
  effect3: { vitest: "node_modules/vitest/vitest.mjs", config: "vitest.config.ts", minNode: [20, 0] },
  effect4: { vitest: "flavours/effect4/node_modules/vitest/vitest.mjs", config: "flavours/effect4/vitest.config.ts", minNode: [22, 12] }
}

const args = process.argv.slice(2)
const chosen = []
const forwarded = []
let outputFile
for (let i = 0; i < args.length; i++) {
  const arg = args[i]
  if (arg === "--") continue
  if (arg.startsWith("--flavour=")) chosen.push(arg.slice("--flavour=".length))
  else if (arg.startsWith("--outputFile=")) outputFile = arg.slice("--outputFile=".length)
  else if (arg === "--outputFile") outputFile = args[++i]
  else forwarded.push(arg)
}
for (const name of chosen) {
  if (!(name in flavours)) {
    console.error(`unknown flavour ${name}: use ${Object.keys(flavours).join(" or ")}`)
    process.exit(2)
  }
}
const runs = chosen.length === 0 ? Object.keys(flavours) : chosen
const reporters = forwarded.some((arg) => arg.startsWith("--reporter"))

const satisfies = (version, [major, minor]) => {
  const [m, n] = version.replace(/^v/, "").split(".").map(Number)
  return m > major || (m === major && n >= minor)
}

/** A `node` able to run `flavour`'s Vitest: this one, else one fetched from the npm registry. */
const nodeFor = (flavour) => {
  if (satisfies(process.version, flavour.minNode)) return process.execPath
  const fetched = spawnSync("bash", [path.join(root, "scripts/node-binary"), String(flavour.minNode[0])], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })
  if (fetched.status !== 0) throw new Error(`could not fetch Node ${flavour.minNode[0]} for the Effect 4 suites`)
  return path.join(fetched.stdout.trim(), "node")
}

const scratch = mkdtempSync(path.join(tmpdir(), "dynofunc-test-"))
const reports = []
let failed = false
try {
  for (const name of runs) {
    const flavour = flavours[name]
    const node = nodeFor(flavour)
    const report = path.join(scratch, `${name}.json`)
    const vitestArgs = [path.join(root, flavour.vitest), "run", "--config", path.join(root, flavour.config), ...forwarded]
    if (!reporters) vitestArgs.push("--reporter=default")
    vitestArgs.push("--reporter=json", `--outputFile=${report}`)
    console.log(`\n::: ${name} (${node === process.execPath ? "Node" : "fetched Node"} ${spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim()})`)
    const run = spawnSync(node, vitestArgs, { cwd: root, stdio: "inherit" })
    if (!existsSync(report)) {
      console.log(`${name}: no report (Vitest exited with ${run.status ?? run.signal})`)
      failed = true
      continue
    }
    const result = JSON.parse(readFileSync(report, "utf8"))
    reports.push({ name, result })
    console.log(`${name}: ${result.numPassedTests} passed, ${result.numFailedTests} failed`)
    if (run.status !== 0) failed = true
  }
  if (outputFile !== undefined) writeFileSync(path.resolve(outputFile), JSON.stringify(merge(reports)))
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)

/** One JSON report from several: counts added up, test files listed under their flavour's project names. */
function merge(all) {
  const counts = ["numTotalTestSuites", "numPassedTestSuites", "numFailedTestSuites", "numPendingTestSuites", "numTotalTests", "numPassedTests", "numFailedTests", "numPendingTests", "numTodoTests"]
  const merged = { success: all.every(({ result }) => result.success), flavours: all.map(({ name }) => name), testResults: [] }
  for (const key of counts) merged[key] = all.reduce((sum, { result }) => sum + (result[key] ?? 0), 0)
  for (const { result } of all) merged.testResults.push(...result.testResults)
  return merged
}
