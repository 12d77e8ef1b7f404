/**
 * The size check (issue 11): a program doing one `execute(find(…))` on the lean `HttpClient` Layer, bundled and
 * minified for Node, stays within its budget and holds nothing of the SDK client. Figures and what stands between
 * them and the 300 KB target: BENCHMARKS.md, "Cold start and bundle size".
 */
import { describe, expect, it } from "@effect/vitest"
import { bundle, defaultCredentialChain, leanProgram } from "../src/p8/bundle.js"

/**
 * Budgets, in bytes: the figures measured when this check was written plus ~5%. The 300 KB target is not met:
 * `effect`'s runtime alone is ~245 KB of the bundle.
 */
const budget = {
  /** 765 KB measured, of which the SDK's default credential chain (lazily loaded, never run with fixed credentials) ~418 KB. */
  whole: 805 * 1024,
  /** 347 KB measured: `effect` 244 KB, dynofunc 97 KB, `@aws-sdk/util-dynamodb` 5 KB. */
  withoutCredentialChain: 365 * 1024
}

const fromPackage = (name: string) => (path: string) => path.includes(`/node_modules/${name}/`)

describe("the lean program's bundle", () => {
  it("holds no module of @aws-sdk/client-dynamodb and stays within its budget", async () => {
    const { bytes, inputs } = await bundle({ file: leanProgram })
    expect(inputs.filter(fromPackage("@aws-sdk/client-dynamodb"))).toEqual([])
    expect(inputs.some(fromPackage("effect"))).toBe(true)
    expect(bytes).toBeLessThanOrEqual(budget.whole)
  })

  it("without the SDK's default credential chain, holds nothing of the SDK but util-dynamodb and stays within its budget", async () => {
    const { bytes, inputs } = await bundle({ file: leanProgram }, { external: [defaultCredentialChain] })
    const sdk = inputs.filter((path) => /\/node_modules\/@(aws-sdk|smithy|aws)\//.test(path))
    expect(sdk.filter((path) => !fromPackage("@aws-sdk/util-dynamodb")(path))).toEqual([])
    expect(bytes).toBeLessThanOrEqual(budget.withoutCredentialChain)
  })
})
