import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { names, values } from "@dynofunc/core/internal/expressions/records.generated"
import { render, target } from "../../core/scripts/generate-records.js"

describe("the generated placeholder records", () => {
  it("are what the generator renders (no drift)", () => {
    expect(readFileSync(target, "utf8")).toBe(render())
  })

  it("names[n] and values[n] build exactly the first n placeholders, for every size they cover", () => {
    expect(names.length).toBe(values.length)
    names.forEach((build, n) => {
      const list = Array.from({ length: n }, (_, i) => `item${i}`)
      expect(build(list)).toEqual(Object.fromEntries(list.map((item, i) => [`#n${i}`, item])))
      expect(values[n]!(list)).toEqual(Object.fromEntries(list.map((item, i) => [`:v${i}`, item])))
    })
  })
})
