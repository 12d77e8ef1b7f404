import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"
import { maxWorkers, projects } from "../../vitest.workspace.js"

/**
 * The shared suites against the Effect 4 shell: Vitest 5 and `@effect/vitest` 4 from this package, `effect` 4 for
 * every source and test (see `vitest.workspace.ts`). Needs Node >= 22.12; `pnpm test` brings one on older Nodes.
 */
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    maxWorkers,
    projects: projects({ name: "effect4", packagesFrom: fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "") })
  }
})
