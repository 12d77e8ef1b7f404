import { defineConfig } from "vitest/config"

/** One Vitest run over every package: each package's `vitest.config.ts` is a project (settings in `vitest.shared.ts`). */
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts"]
  }
})
