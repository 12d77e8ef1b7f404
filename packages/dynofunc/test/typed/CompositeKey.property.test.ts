import { describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { CompositeKey } from "dynofunc"

/** Strings rich in the delimiter and the escape character. */
const segment = fc.oneof(fc.string(), fc.stringMatching(/^[#\\a]{0,6}$/))
const value = fc.oneof(segment, fc.nat(), fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }), fc.boolean())

describe("composite keys", () => {
  it("two different composite values never give the same key (same prefix, same arity and field types)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(fc.array(segment, { minLength: n, maxLength: n }), fc.array(segment, { minLength: n, maxLength: n }))), (prefix, [a, b]) => {
        fc.pre(a.some((x, i) => x !== b[i]))
        expect(CompositeKey.compose(prefix, a).key).not.toBe(CompositeKey.compose(prefix, b).key)
      }),
      { numRuns: 2000 }
    )
  })

  it("values of any kind compose without collisions within one field-type layout", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), fc.array(value, { minLength: 1, maxLength: 3 }), (a, b) => {
        fc.pre(a.length === b.length && a.every((x, i) => typeof x === typeof b[i]) && a.some((x, i) => x !== b[i]))
        expect(CompositeKey.compose("P", a).key).not.toBe(CompositeKey.compose("P", b).key)
      })
    )
  })

  it("numbers are zero-padded so they sort; dates are ISO; what cannot sort is refused", () => {
    expect(CompositeKey.compose("N", [7]).key).toBe("N#0000000000000007")
    expect([9, 10, 100].map((n) => CompositeKey.compose("", [n]).key).sort()).toEqual(["0000000000000009", "0000000000000010", "0000000000000100"])
    expect(CompositeKey.compose("D", [new Date("2026-01-02T00:00:00Z")]).key).toBe("D#2026-01-02T00:00:00.000Z")
    expect(CompositeKey.compose("B", [12n]).key).toBe("B#00000000000000000012")
    expect(CompositeKey.compose("X", ["a#b", "c\\d"]).key).toBe("X#a\\#b#c\\\\d")
    expect(CompositeKey.compose("P#", ["#x\\", "##"]).key).toBe("P\\##\\#x\\\\#\\#\\#")
    expect(CompositeKey.compose("X", [-1]).problem).toMatch(/-1/)
    expect(CompositeKey.compose("X", [1.5]).problem).toMatch(/1.5/)
    expect(CompositeKey.compose("X", [null]).problem).toMatch(/null/)
    expect(CompositeKey.compose("X", [new Date(Number.NaN)]).problem).toMatch(/invalid Date/)
  })
})
