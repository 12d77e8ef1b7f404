import { defineConfig } from "vitest/config"
import { maxWorkers, projects } from "./vitest.workspace.js"

/**
 * `vitest` at the root: every package's tests against the Effect 3 shell (Vitest 3). `pnpm test` runs this and the
 * Effect 4 flavour (`flavours/effect4/vitest.config.ts`); both take their projects from `vitest.workspace.ts`.
 */
export default defineConfig({
  test: {
    maxWorkers,
    projects: projects({ name: "effect3" })
  }
})
