/**
 * P8 — cold start: the time a fresh `node` takes to import a program, and the program's bundle size. Each program is
 * bundled as a Lambda user would (esbuild, minified, ESM for Node) and imported by a new `node` process several
 * times; the figure is the median. The programs: dynofunc with its lean `HttpClient` Layer built (no call made),
 * dynofunc with the SDK Layer built, `effect` alone, and the SDK client alone (a `DynamoDBClient` and
 * `GetItemCommand`). Also, unbundled from `node_modules`: `import("effect")` against the deep imports dynofunc's
 * lean path uses (`effect/Effect`, `effect/Layer`, …).
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { formatRatio, type Section } from "../report.js"
import { currentShell, type Shell, shellName } from "../shell/shell.js"
import { bundle, effect4Dir, leanProgram as leanProgramFile, packageDir } from "./bundle.js"

const leanProgram = `
    import { Effect, Layer } from "effect"
    import { HttpClient, execute, find } from "dynofunc"
    Effect.runSync(Effect.scoped(Layer.build(HttpClient.layer({ region: "eu-west-1" }))))
    export { execute, find }`

/** Each program's source, and the packages its bundle leaves out. */
const programs: Record<string, { readonly source: string; readonly external?: ReadonlyArray<string> }> = {
  "dynofunc + lean HttpClient Layer": { source: leanProgram },
  "the same with the SDK's credential chain opted in (sdkCredentials())": {
    source: `
    import { Effect, Layer } from "effect"
    import { HttpClient, execute, find } from "dynofunc"
    import { sdkCredentials } from "dynofunc/sdk"
    Effect.runSync(Effect.scoped(Layer.build(HttpClient.layer({ region: "eu-west-1", credentials: sdkCredentials() }))))
    export { execute, find }`
  },
  "dynofunc + SDK Layer": {
    source: `
    import { Effect, Layer } from "effect"
    import { DynamoClient, execute, find } from "dynofunc"
    await Effect.runPromise(Effect.scoped(Layer.build(DynamoClient.layer({ region: "eu-west-1" }))))
    export { execute, find }`
  },
  "effect alone": {
    source: `
    import { Effect } from "effect"
    Effect.runSync(Effect.succeed(1))`
  },
  "SDK client alone": {
    source: `
    import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb"
    new DynamoDBClient({ region: "eu-west-1" }).destroy()
    export { GetItemCommand }`
  }
}

/** Unbundled imports from `node_modules`, as a program that is not bundled pays them; `effect` ones from the shell's. */
const unbundled: Record<string, { readonly source: string; readonly effect: boolean }> = {
  'import("effect")': { source: `await import("effect")`, effect: true },
  'import("effect/Effect"), "effect/Layer", "effect/Schedule", "effect/Context"': {
    source: `await Promise.all([import("effect/Effect"), import("effect/Layer"), import("effect/Schedule"), import("effect/Context")])`,
    effect: true
  },
  'import("@aws-sdk/client-dynamodb")': { source: `await import("@aws-sdk/client-dynamodb")`, effect: false }
}

/** Each shell's targets for the lean program: its bundle (issue 17) and its import (Effect 3: issue 11; Effect 4: issue 17). */
const targets: Record<Shell, { readonly kb: number; readonly ms: number }> = {
  effect3: { kb: 300, ms: 25 },
  effect4: { kb: 250, ms: 40 }
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Milliseconds a fresh `node` spends in `await import(file)`, `tries` times. */
const importTimes = (file: string, tries: number): ReadonlyArray<number> =>
  Array.from({ length: tries }, () => {
    const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t))`
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: packageDir,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" }
    })
    return Number(out.toString())
  })

export const runP8 = async (options: { readonly tries: number }): Promise<Section> => {
  const shell = currentShell()
  const dir = mkdtempSync(path.join(tmpdir(), "dynofunc-p8-"))
  try {
    const measured: Record<string, { readonly ms: number; readonly kb: number | undefined; readonly tries: ReadonlyArray<number> }> = {}
    for (const [name, { external, source }] of Object.entries(programs)) {
      const outfile = path.join(dir, `${Object.keys(measured).length}.mjs`)
      const { bytes } = await bundle({ source }, { external, outfile, shell })
      const tries = importTimes(outfile, options.tries)
      measured[name] = { ms: median(tries), kb: bytes / 1024, tries }
    }
    for (const [name, { source, effect }] of Object.entries(unbundled)) {
      // Resolved from the node_modules of the folder the script is written in.
      const from = effect && shell === "effect4" ? effect4Dir : packageDir
      const inPackage = path.join(from, `.p8-${Object.keys(measured).length}.mjs`)
      writeFileSync(inPackage, source)
      try {
        const tries = importTimes(inPackage, options.tries)
        measured[name] = { ms: median(tries), kb: undefined, tries }
      } finally {
        rmSync(inPackage, { force: true })
      }
    }
    const lean = measured["dynofunc + lean HttpClient Layer"]!
    // The size target's program: one `execute(find(…))` over `HttpClient` (`leanProgram.ts`, the size check's).
    const oneCall = (await bundle({ file: leanProgramFile }, { shell })).bytes / 1024
    const target = targets[shell]
    const sdkAlone = measured["SDK client alone"]!
    const rows = Object.entries(measured).map(([contender, { ms, kb, tries }]) => ({
      contender,
      figure: `${ms.toFixed(1)} ms${kb === undefined ? "" : ` · ${kb.toFixed(0)} KB`}`,
      ratio: contender === "SDK client alone" ? "" : formatRatio(ms / sdkAlone.ms),
      note: `import, median of ${tries.length} (${tries.map((t) => t.toFixed(0)).join(", ")} ms)${kb === undefined ? ", unbundled" : ", bundled"}`
    }))
    return {
      id: "P8",
      title: `cold start on ${shellName(shell)}: a fresh node importing each program (median), and its bundle (esbuild, minified, ESM for Node)`,
      rows: [...rows, { contender: "one execute(find(…)) over HttpClient (leanProgram.ts)", figure: `${oneCall.toFixed(1)} KB`, ratio: "", note: "bundled, not imported (it would make its call)" }],
      targets: [
        { label: "lean program's import", value: lean.ms, unit: "ms", target: `≤ ${target.ms} ms`, met: lean.ms <= target.ms },
        { label: "one execute(find(…)) over HttpClient, bundled", value: oneCall, unit: "KB", target: `≤ ${target.kb} KB`, met: oneCall <= target.kb }
      ],
      notes: [
        "ratio: to the SDK client alone. A fresh process per try: Node's own start-up is not counted, only `await import(…)`.",
        "The lean program builds its Layer (no credentials: AwsCredentials.defaultChain(), asked on the first call, not here) and makes no call.",
        "BENCHMARKS.md, \"Cold start and bundle size\", says what stands between these figures and the targets."
      ],
      data: { ...measured, oneCallKb: oneCall }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
