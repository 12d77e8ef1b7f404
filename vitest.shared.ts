import { fileURLToPath } from "node:url"
import { defineProject } from "vitest/config"

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * Vitest settings shared by every package: workspace packages resolve to their TypeScript sources,
 * so tests never need a build first.
 */
export const project = (name: string) =>
  defineProject({
    resolve: {
      alias: [
        { find: /^@dynofunc\/core$/, replacement: source("./packages/core/src/index.ts") },
        { find: /^@dynofunc\/core\/(.*)$/, replacement: source("./packages/core/src") + "/$1.ts" },
        { find: /^#adapter$/, replacement: source("./packages/dynofunc/src/adapter/effect3.ts") },
        { find: /^#schema$/, replacement: source("./packages/dynofunc/src/internal/typed/schema/effect3.ts") },
        { find: /^dynofunc\/adapter$/, replacement: source("./packages/dynofunc/src/adapter/effect3.ts") },
        { find: /^dynofunc\/sdk$/, replacement: source("./packages/dynofunc/src/Sdk.ts") },
        { find: /^dynofunc$/, replacement: source("./packages/dynofunc/src/index.ts") },
        { find: /^@dynofunc\/testing$/, replacement: source("./packages/testing/src/index.ts") }
      ]
    },
    test: {
      name,
      include: ["test/**/*.test.ts"],
      testTimeout: 60_000,
      // The SDK warns on every worker that its 2027 releases need Node 22; we know, and pin a release that runs on 20.
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      hookTimeout: 120_000
    }
  })
