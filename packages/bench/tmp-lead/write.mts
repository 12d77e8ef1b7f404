import { bundle, leanProgram } from "../src/p8/bundle.ts"
const shell = (process.argv[2] ?? "effect4") as "effect3" | "effect4"
await bundle({ file: leanProgram }, { shell, outfile: process.argv[3]! })
await bundle({ source: `import { Effect } from "effect"\nEffect.runSync(Effect.succeed(1))` }, { shell, outfile: process.argv[4]! })
