import * as Effect from "effect"
import { describe, expect, it } from "vitest"

// The run says which Effect major it is for (vitest.workspace.ts); this proves the sources and tests got that major.
describe("the Effect major under test", () => {
  it("is the flavour's", () => {
    const major = process.env["DYNOFUNC_EFFECT_MAJOR"]
    expect(major === "effect3" || major === "effect4").toBe(true)
    // `Result` is Effect 4's (Effect 3 has `Either`); `Either` was removed in Effect 4.
    expect("Result" in Effect).toBe(major === "effect4")
    expect("Either" in Effect).toBe(major === "effect3")
  })
})
