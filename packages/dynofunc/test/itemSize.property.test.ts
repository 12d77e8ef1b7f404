/**
 * Property tests of the item size's counting of texts and numbers (read in one pass for speed) against the plain
 * definitions: `Buffer.byteLength`, and DynamoDB's number format read with a regular expression (the reference
 * checked against DynamoDB Local by itemSize.dynamodb-local.test.ts).
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { valueSize } from "@dynofunc/core/internal/values/itemSize"

/** Base-100 digits aligned on the point, one byte of exponent, one for the sign; zero is one byte; no number: its bytes. */
const referenceNumberSize = (text: string): number => {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim())
  if (match === null) return Buffer.byteLength(text, "utf8")
  const [, sign, integer = "", fraction = "", exponent = "0"] = match
  let digits = integer + fraction
  let point = integer.length + Number(exponent)
  const leadingZeros = /^0*/.exec(digits)![0].length
  digits = digits.slice(leadingZeros).replace(/0+$/, "")
  point -= leadingZeros
  if (digits.length === 0) return 1
  return Math.ceil((digits.length + (Math.abs(point) % 2)) / 2) + 1 + (sign === "-" ? 1 : 0)
}

const digits = fc.string({ unit: fc.constantFrom("0", "0", "1", "5", "9"), maxLength: 12 })
/** Number texts, well-formed or nearly so: signs, points, exponents, zeros, spaces, stray characters. */
const numberText = fc
  .tuple(
    fc.constantFrom("", "", "-", "+", " ", "+-"),
    digits,
    fc.option(fc.tuple(fc.constantFrom(".", ".", ".."), digits), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom("e", "E", "e+", "e-", "x"), fc.string({ unit: fc.constantFrom("0", "3", "7"), maxLength: 3 })), { nil: undefined }),
    fc.constantFrom("", "", " ", "a")
  )
  .map(([sign, integer, fraction, exponent, tail]) => `${sign}${integer}${fraction?.join("") ?? ""}${exponent?.join("") ?? ""}${tail}`)

describe("item size: texts and numbers", () => {
  it("a number's size is the one its definition gives, for any text", () => {
    fc.assert(fc.property(fc.oneof(numberText, fc.string(), fc.double().map(String)), (text) => {
      expect(valueSize({ N: text })).toBe(referenceNumberSize(text))
    }), { numRuns: 3000 })
  })

  it("a string's size is its UTF-8 bytes, short or long, ASCII or not", () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 })), (text) => {
      expect(valueSize({ S: text })).toBe(Buffer.byteLength(text, "utf8"))
    }), { numRuns: 3000 })
  })
})
