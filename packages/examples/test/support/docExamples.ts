/**
 * The `@example`s of the sources of @dynofunc/core, dynofunc and @dynofunc/testing, as snippets to type-check as
 * written: each imports what it uses, as a user writes it (`import { execute } from "dynofunc"`), and nothing is
 * added. Each is compiled beside its module, so an internal module's example may import its neighbours relatively.
 * `scripts/docs-imports.ts` writes out the imports of examples that lack them.
 */
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { root, type Snippet } from "./typecheck.js"
const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : []
  })

const modules = ["packages/core/src", "packages/dynofunc/src", "packages/testing/src"].flatMap((dir) => sourceFiles(`${root}${dir}`))

/** One `@example`: its module, the line of its first line of code (from 1) and its code. */
export interface Example {
  readonly module: string
  readonly line: number
  readonly code: string
}

/** The `@example` sections of a file's doc comments: the lines after the tag, up to the next tag or the comment's end. */
const examplesOf = (module: string): ReadonlyArray<Example> => {
  const lines = readFileSync(module, "utf8").split("\n")
  const examples: Array<Example> = []
  let current: { line: number; code: Array<string> } | undefined
  const close = () => {
    if (current !== undefined) examples.push({ module, line: current.line, code: current.code.join("\n") })
    current = undefined
  }
  lines.forEach((text, index) => {
    const inComment = /^\s*\*(?!\/)/.test(text)
    const body = text.replace(/^\s*\* ?/, "")
    if (!inComment) return close()
    if (/^@example\b/.test(body)) {
      close()
      current = { line: index + 2, code: [] }
    } else if (/^@\w/.test(body)) {
      close()
    } else {
      current?.code.push(body)
    }
  })
  close()
  return examples
}

/** Every example of the sources. */
export const examples = modules.flatMap(examplesOf)

/** Every example as written, compiled beside its module, reporting diagnostics at its lines in its source file. */
export const docSnippets = (): ReadonlyArray<Snippet> =>
  examples.map((example, index) => ({
    code: example.code,
    fileName: path.join(path.dirname(example.module), `__example_${index}.ts`),
    where: (line) => `${path.relative(root, example.module)}:${example.line + line}`
  }))
