import { describe, expect, it } from "@effect/vitest"
import { names, values } from "../src/internal/expressions/records.generated.js"

describe("the generated placeholder records", () => {
  it("names[n] and values[n] build exactly the first n placeholders, for every size they cover", () => {
    expect(names.length).toBe(values.length)
    names.forEach((build, n) => {
      const list = Array.from({ length: n }, (_, i) => `item${i}`)
      expect(build(list)).toEqual(Object.fromEntries(list.map((item, i) => [`#n${i}`, item])))
      expect(values[n]!(list)).toEqual(Object.fromEntries(list.map((item, i) => [`:v${i}`, item])))
    })
  })
})
