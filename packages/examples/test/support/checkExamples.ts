/**
 * Type-checks the TypeScript blocks of the documentation (README.md, docs/*.md, the package README) for one Effect
 * major, given as its argument, and on Effect 3 also every `@example` in the sources (as written, see
 * `docExamples.ts`); prints `{ blocks, examples, runnable, diagnostics }` as JSON. A script rather than code inside a
 * test: the check runs for tens of seconds and would block a vitest worker's event loop for all that time; the test
 * runs the two majors' checks side by side.
 *
 * A block is compiled as it is written, with nothing added: its imports must be there. Its fence says which Effect
 * majors it is compiled against: ```` ```ts ```` both, ```` ```ts effect3 ```` or ```` ```ts effect4 ```` one (an
 * Effect 3 block imports the Effect 3 entry points, `dynofunc/effect3`, as a user of Effect 3 writes them). A fence
 * with `run` (```` ```ts run ````) also marks a block that `examples.test.ts` runs on the embedded engine: it exports
 * `main`, an Effect that needs only a `DynamoClient`.
 *
 * @example
 * // tsx packages/examples/test/support/checkExamples.ts effect4
 */
import { readdirSync, readFileSync } from "node:fs"
import { docSnippets, examples } from "./docExamples.js"
import { root, typecheck, workspaceOptions, type Snippet } from "./typecheck.js"

/** The Markdown files whose blocks are checked. */
const documents = ["README.md", "packages/dynofunc/README.md", ...readdirSync(`${root}docs`).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)]

/** One TypeScript block of a document. */
export interface Block extends Snippet {
  readonly file: string
  readonly line: number
  readonly majors: ReadonlyArray<"effect3" | "effect4">
  readonly run: boolean
}

const blocksOf = (file: string): ReadonlyArray<Block> => {
  const text = readFileSync(`${root}${file}`, "utf8")
  return [...text.matchAll(/^```ts([^\n]*)\n([\s\S]*?)^```/gm)].map((match) => {
    const info = match[1]!.trim().split(/\s+/)
    const first = text.slice(0, match.index).split("\n").length + 1
    const only = info.filter((word): word is "effect3" | "effect4" => word === "effect3" || word === "effect4")
    return {
      file,
      line: first,
      code: match[2]!,
      majors: only.length > 0 ? only : ["effect3", "effect4"],
      run: info.includes("run"),
      where: (line: number) => `${file}:${first + line}`
    }
  })
}

const major = process.argv[2] === "effect4" ? "effect4" : "effect3"
const blocks = documents.flatMap(blocksOf).filter((block) => block.majors.includes(major))

/** Effect 3: the workspace's tsconfig, with the Effect 3 entry points a user imports (`dynofunc/effect3`, …) on the sources. */
const effect3 = () => {
  const options = workspaceOptions()
  const entryPoints = {
    "dynofunc/effect3": ["./packages/dynofunc/src/index.ts"],
    "dynofunc/effect3/sdk": ["./packages/dynofunc/src/Sdk.ts"],
    "@dynofunc/testing/effect3": ["./packages/testing/src/index.ts"]
  }
  return { ...options, paths: { ...options.paths, ...entryPoints } }
}

const diagnostics = major === "effect3" ? typecheck([...blocks, ...docSnippets()], "example", effect3()) : typecheck(blocks, "example4", workspaceOptions("tsconfig.effect4.json"))
const runnable = blocks.filter((block) => block.run).map(({ file, line, code }) => ({ file, line, code }))
process.stdout.write(JSON.stringify({
  blocks: blocks.map(({ file, line }) => ({ file, line })),
  examples: major === "effect3" ? examples.length : 0,
  runnable,
  diagnostics
}))
