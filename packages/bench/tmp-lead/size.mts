import { bundle, leanProgram } from "../src/p8/bundle.ts"
const shell = (process.argv[2] ?? "effect4") as "effect3" | "effect4"
const b = await bundle({ file: leanProgram }, { shell })
const groups: Record<string, number> = {}
for (const [p, n] of Object.entries(b.bytesByInput)) {
  const key = p.includes("node_modules") ? (p.match(/node_modules\/((@[^/]+\/)?[^/]+)\/(.*)/) ?? [])[1] + ":" + ((p.match(/node_modules\/(?:@[^/]+\/)?[^/]+\/(?:dist\/(?:esm|dist\/esm)?\/?)?(.*)/) ?? [])[1]) : p.replace(/.*packages\//, "")
  groups[key] = (groups[key] ?? 0) + n
}
console.log(shell, (b.bytes / 1024).toFixed(1), "KB")
for (const [k, n] of Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 60))) console.log((n / 1024).toFixed(1).padStart(7), k)
