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
      alias: {
        // Before "dynofunc", which would otherwise match "dynofunc/sdk" as a prefix.
        "dynofunc/sdk": source("./packages/dynofunc/src/Sdk.ts"),
        "dynofunc": source("./packages/dynofunc/src/index.ts"),
        "@dynofunc/testing": source("./packages/testing/src/index.ts")
      }
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
