/**
 * The workspace's test projects, for either Effect major. The root `vitest.config.ts` (Vitest 3, Effect 3) and
 * `flavours/effect4/vitest.config.ts` (Vitest 5, Effect 4) both list their projects from here, so one list of
 * packages, one set of aliases and one set of settings serve the two runs: only the flavour differs.
 *
 * A flavour says which side of the per-major imports the shell gets (`#adapter`, `#schema`) and, for Effect 4, the
 * folder whose `node_modules` hold the Effect 4 packages: `effect`, `@effect/vitest` and `vitest` imported by the
 * sources and the tests resolve from there, whatever package the importing file lives in.
 */
import { availableParallelism } from "node:os"
import { fileURLToPath } from "node:url"
import type { Plugin, TestProjectInlineConfiguration } from "vitest/config"

/** One Effect major's test run. */
export interface Flavour {
  readonly name: "effect3" | "effect4"
  /** Folder of the package whose dependencies are this flavour's `effect`, `@effect/vitest` and `vitest`; unset: the root's. */
  readonly packagesFrom?: string | undefined
}

/**
 * The packages whose tests run in each flavour: the Effect 4 run skips the ones that test tooling, not the shell,
 * and a package's `effect3Only` files (tests whose answer does not depend on the flavour, run once).
 */
const packages: ReadonlyArray<{
  readonly name: string
  readonly flavours: ReadonlyArray<Flavour["name"]>
  readonly effect3Only?: ReadonlyArray<string>
}> = [
  { name: "dynofunc", flavours: ["effect3", "effect4"] },
  { name: "testing", flavours: ["effect3", "effect4"] },
  // The type-check cost is measured on the workspace's Effect 3 types, whatever the flavour.
  { name: "examples", flavours: ["effect3", "effect4"], effect3Only: ["test/typeCost.test.ts"] },
  { name: "bench", flavours: ["effect3"] }
]

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Bare imports that belong to the flavour: resolved as if imported from a file of its package. */
const flavourImport = /^(effect|@effect\/vitest|vitest)(\/.*)?$/

const resolveFromFlavour = (folder: string): Plugin => {
  const importer = `${folder}/package.json`
  return {
    name: "dynofunc:resolve-from-flavour",
    enforce: "pre",
    async resolveId(id, from, options) {
      if (!flavourImport.test(id) || from === undefined || from.startsWith(folder)) return null
      return this.resolve(id, importer, { ...options, skipSelf: true })
    }
  }
}

/** Vitest's inline project settings for one package in one flavour. */
const project = (flavour: Flavour, { name, effect3Only = [] }: (typeof packages)[number]): TestProjectInlineConfiguration => {
  const major = flavour.name
  return {
    plugins: flavour.packagesFrom === undefined ? [] : [resolveFromFlavour(flavour.packagesFrom)],
    resolve: {
      // Workspace packages resolve to their TypeScript sources, so tests never need a build first.
      alias: [
        { find: /^@dynofunc\/core$/, replacement: source("./packages/core/src/index.ts") },
        { find: /^@dynofunc\/core\/(.*)$/, replacement: source("./packages/core/src") + "/$1.ts" },
        { find: /^#adapter$/, replacement: source(`./packages/dynofunc/src/adapter/${major}.ts`) },
        { find: /^#test-effect$/, replacement: source(`./packages/dynofunc/test/support/effect/${major}.ts`) },
        { find: /^#schema$/, replacement: source(`./packages/dynofunc/src/internal/typed/schema/${major}.ts`) },
        { find: /^dynofunc\/adapter$/, replacement: source(`./packages/dynofunc/src/adapter/${major}.ts`) },
        { find: /^dynofunc\/sdk$/, replacement: source("./packages/dynofunc/src/Sdk.ts") },
        { find: /^#dynofunc$/, replacement: source("./packages/dynofunc/src/index.ts") },
        { find: /^dynofunc$/, replacement: source("./packages/dynofunc/src/index.ts") },
        { find: /^@dynofunc\/testing$/, replacement: source("./packages/testing/src/index.ts") }
      ]
    },
    test: {
      name: major === "effect3" ? name : `${name} (Effect 4)`,
      root: source(`./packages/${name}`),
      include: ["test/**/*.test.ts"],
      ...(major === "effect4" && effect3Only.length > 0 ? { exclude: ["**/node_modules/**", ...effect3Only] } : {}),
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // One DynamoDB Local per run, a database of its own per test file (not one JVM per file).
      globalSetup: [source("./packages/testing/test/support/dynamodb-local.setup.ts")],
      // The SDK warns on every worker that its 2027 releases need Node 22; we know, and pin a release that runs on 20.
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", DYNOFUNC_EFFECT_MAJOR: major }
    }
  }
}

/**
 * The test projects of a flavour: one per package that runs in it.
 *
 * @example
 * import { defineConfig } from "vitest/config"
 * import { projects } from "./vitest.workspace.js"
 *
 * export default defineConfig({ test: { projects: projects({ name: "effect3" }) } })
 */
export const projects = (flavour: Flavour) =>
  packages.filter((pkg) => pkg.flavours.includes(flavour.name)).map((pkg) => project(flavour, pkg))

/**
 * Test files run at once: one per core, and at least two. Most suites wait on an engine (DynamoDB Local is a JVM of
 * its own) or on a live clock, so on a two-core machine Vitest's default (cores − 1) left a core idle.
 *
 * @example
 * import { defineConfig } from "vitest/config"
 * import { maxWorkers, projects } from "./vitest.workspace.js"
 *
 * export default defineConfig({ test: { maxWorkers, projects: projects({ name: "effect3" }) } })
 */
export const maxWorkers = Math.max(2, availableParallelism())

export default projects({ name: "effect3" })
