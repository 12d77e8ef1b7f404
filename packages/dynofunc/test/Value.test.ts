import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { readNumber } from "@dynofunc/core/internal/values/numbers"
import { fromAttributeValue, fromItem, NumberValue, toAttributeValue, toItem } from "@dynofunc/core/Value"

/** What util-dynamodb does with the options dynofunc used to pass it. */
const utilMarshal = (value: unknown) =>
  marshall(value as never, { removeUndefinedValues: true, convertClassInstanceToMap: true, convertTopLevelContainer: true })
const utilUnmarshal = (value: AttributeValue) => unmarshall(value as never, { convertWithoutMapWrapper: true })

/** A number's text → (sign, digits, exponent), to compare decimal values independently of how they are written. */
const decimalValue = (text: string): string => {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)
  if (match === null) throw new Error(`not a number: ${text}`)
  const digits = (match[2] ?? "") + (match[3] ?? "")
  const exponent = (match[2] ?? "").length + Number(match[4] ?? "0")
  const lead = digits.length - digits.replace(/^0+/, "").length
  const significant = digits.slice(lead).replace(/0+$/, "")
  return significant === "" ? "0" : `${match[1] === "-" ? "-" : ""}0.${significant}e${exponent - lead}`
}

describe("Value.toAttributeValue", () => {
  it("writes scalars", () => {
    expect(toAttributeValue("a")).toEqual({ S: "a" })
    expect(toAttributeValue("")).toEqual({ S: "" })
    expect(toAttributeValue(42)).toEqual({ N: "42" })
    expect(toAttributeValue(-3.25)).toEqual({ N: "-3.25" })
    expect(toAttributeValue(1e-7)).toEqual({ N: "1e-7" })
    expect(toAttributeValue(Number.MAX_SAFE_INTEGER)).toEqual({ N: "9007199254740991" })
    expect(toAttributeValue(12345678901234567890123n)).toEqual({ N: "12345678901234567890123" })
    expect(toAttributeValue(NumberValue.from("1.00000000000000000001"))).toEqual({ N: "1.00000000000000000001" })
    expect(toAttributeValue(true)).toEqual({ BOOL: true })
    expect(toAttributeValue(false)).toEqual({ BOOL: false })
    expect(toAttributeValue(null)).toEqual({ NULL: true })
  })

  it("writes binaries as they are", () => {
    const bytes = new Uint8Array([1, 2, 3])
    expect(toAttributeValue(bytes).B).toBe(bytes)
    const buffer = Buffer.from("hi")
    expect(toAttributeValue(buffer).B).toBe(buffer)
    const ints = new Int16Array([1])
    expect(toAttributeValue(ints).B).toBe(ints)
  })

  it("writes lists, maps and nested values, leaving undefined out", () => {
    expect(toAttributeValue([1, undefined, "a", [null]])).toEqual({ L: [{ N: "1" }, { S: "a" }, { L: [{ NULL: true }] }] })
    expect(toAttributeValue({ a: 1, b: undefined, c: { d: [true] } })).toEqual({
      M: { a: { N: "1" }, c: { M: { d: { L: [{ BOOL: true }] } } } }
    })
    expect(toAttributeValue(new Map<string, unknown>([["a", "x"], ["b", undefined]]))).toEqual({ M: { a: { S: "x" } } })
    expect(toAttributeValue(Object.assign(Object.create(null), { a: 1 }))).toEqual({ M: { a: { N: "1" } } })
  })

  it("writes sets by the kind of their elements", () => {
    expect(toAttributeValue(new Set(["a", "b"]))).toEqual({ SS: ["a", "b"] })
    expect(toAttributeValue(new Set([1, 2.5, 10n, NumberValue.from("0.1000000000000000000001")]))).toEqual({
      NS: ["1", "2.5", "10", "0.1000000000000000000001"]
    })
    const a = new Uint8Array([1])
    const b = new Uint8Array([2])
    expect(toAttributeValue(new Set([a, b]))).toEqual({ BS: [a, b] })
    expect(toAttributeValue(new Set(["a", undefined]))).toEqual({ SS: ["a"] })
    // Distinct numbers are distinct decimal values (no duplicate check needed), however close.
    expect(toAttributeValue(new Set([0.1 + 0.2, 0.3, 0, -0, 1, 1 + Number.EPSILON, 1.5e-100, 1.5000000000000003e-100]))).toEqual({
      NS: ["0.30000000000000004", "0.3", "0", "1", "1.0000000000000002", "1.5e-100", "1.5000000000000003e-100"]
    })
  })

  it("writes class instances and wrapper objects like util-dynamodb", () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number
      ) {}
    }
    const values: ReadonlyArray<unknown> = [new Point(1, 2), Object("s"), Object(1), Object(false)]
    for (const value of values) expect(toAttributeValue(value)).toEqual(utilMarshal(value))
  })

  it("refuses a Date, which util-dynamodb silently stores as an empty map", () => {
    expect(utilMarshal(new Date(0))).toEqual({ M: {} })
    expect(() => toAttributeValue(new Date(0))).toThrow(/toISOString\(\)/)
    expect(() => toAttributeValue({ at: new Date(0) })).toThrow(/Date/)
  })

  it("refuses what DynamoDB cannot store", () => {
    expect(() => toAttributeValue(undefined)).toThrow(/undefined/)
    expect(() => toAttributeValue(Number.NaN)).toThrow(/NaN/)
    expect(() => toAttributeValue(Number.POSITIVE_INFINITY)).toThrow(/Infinity/)
    expect(() => toAttributeValue(Number.NEGATIVE_INFINITY)).toThrow(/Infinity/)
    expect(() => toAttributeValue(2 ** 53)).toThrow(/MAX_SAFE_INTEGER/)
    expect(() => toAttributeValue(-(2 ** 53))).toThrow(/MIN_SAFE_INTEGER/)
    expect(() => toAttributeValue(1e300)).toThrow(/MAX_SAFE_INTEGER/)
    expect(() => toAttributeValue(new Set())).toThrow(/non-empty set/)
    expect(() => toAttributeValue(new Set([undefined]))).toThrow(/non-empty set/)
    expect(() => toAttributeValue(new Set([1, Number.NaN]))).toThrow(/NaN/)
    expect(() => toAttributeValue(new Set(["a", 1]))).toThrow(/mixes/)
    expect(() => toAttributeValue(new Set([{}]))).toThrow(/only strings, only numbers or only binaries/)
    expect(() => toAttributeValue(() => 1)).toThrow(/a function cannot be stored/)
    expect(() => toAttributeValue(Symbol("s"))).toThrow(/a symbol cannot be stored/)
    expect(() => toAttributeValue([1, () => 1])).toThrow(/function/)
    expect(() => toAttributeValue(5e-324)).toThrow(/too small/)
  })
})

describe("Value.toItem", () => {
  it("writes an object's attributes", () => {
    expect(toItem({ id: "u1", age: 42, nick: undefined })).toEqual({ id: { S: "u1" }, age: { N: "42" } })
  })

  it("refuses what is not an object", () => {
    expect(() => toItem("a" as never)).toThrow(/must be an object/)
    expect(() => toItem([1] as never)).toThrow(/must be an object/)
    expect(() => toItem(null as never)).toThrow(/must be an object/)
    expect(() => toItem(new Set(["a"]) as never)).toThrow(/object of attributes/)
  })
})

describe("Value.fromAttributeValue", () => {
  it("reads every type", () => {
    const bytes = new Uint8Array([1])
    expect(fromAttributeValue({ S: "a" })).toBe("a")
    expect(fromAttributeValue({ N: "42" })).toBe(42)
    expect(fromAttributeValue({ BOOL: false })).toBe(false)
    expect(fromAttributeValue({ NULL: true })).toBe(null)
    expect(fromAttributeValue({ B: bytes })).toBe(bytes)
    expect(fromAttributeValue({ SS: ["a", "b"] })).toEqual(new Set(["a", "b"]))
    expect(fromAttributeValue({ NS: ["1", "12345678901234567890"] })).toEqual(new Set([1, 12345678901234567890n]))
    expect(fromAttributeValue({ BS: [bytes] })).toEqual(new Set([bytes]))
    expect(fromAttributeValue({ L: [{ S: "a" }, { M: { b: { N: "1.5" } } }] })).toEqual(["a", { b: 1.5 }])
  })

  it("refuses unknown or empty AttributeValues", () => {
    // The SDK reader of a union (no DynamoDB codec) keeps an unknown member as `$unknown: [name, value]`: the name is told.
    expect(() => fromAttributeValue({ $unknown: ["X", 1] } as never)).toThrow(/no DynamoDB type \(X\)/)
    expect(() => fromAttributeValue({ S: "x", N: "1" } as never)).toThrow("an attribute value of two types (S and N)")
    expect(() => fromAttributeValue({} as never)).toThrow(/an attribute value with no type/)
  })

  it("keeps an attribute named __proto__ as an own property", () => {
    const item = fromItem({ ["__proto__"]: { M: { polluted: { BOOL: true } } }, a: { S: "x" } })
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype)
    expect(Object.keys(item)).toEqual(["__proto__", "a"])
    expect(Object.getOwnPropertyDescriptor(item, "__proto__")?.value).toEqual({ polluted: true })
    expect((item as { polluted?: unknown }).polluted).toBeUndefined()
    const back = toItem(item)
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(back, "__proto__")?.value).toEqual({ M: { polluted: { BOOL: true } } })
  })
})

describe("reading numbers", () => {
  it("gives a number when it is exact", () => {
    expect(readNumber("0")).toBe(0)
    expect(readNumber("-17")).toBe(-17)
    expect(readNumber("1.5")).toBe(1.5)
    expect(readNumber("1.50")).toBe(1.5)
    expect(readNumber("-0.25")).toBe(-0.25)
    expect(readNumber("0.1")).toBe(0.1)
    expect(readNumber("0.0000001")).toBe(1e-7)
    expect(readNumber("1E-130")).toBe(1e-130)
    expect(readNumber("1E+2")).toBe(100)
    expect(readNumber("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER)
    expect(readNumber("-9007199254740991")).toBe(Number.MIN_SAFE_INTEGER)
    expect(readNumber("123.456e2")).toBe(12345.6)
  })

  it("refuses short texts that are no number (the short-number path checks what it reads)", () => {
    for (const text of ["", "-", ".", "-.", "1-2", "1..2", "--1", "0x1F", "1e", "Infinity"]) {
      expect(() => readNumber(text), text).toThrow("N is not a number")
    }
    expect(Object.is(readNumber("-0"), -0)).toBe(true)
    expect(readNumber("007")).toBe(7)
    expect(readNumber(".5")).toBe(0.5)
    expect(readNumber("-99999999999999")).toBe(-99999999999999)
  })

  it("gives a bigint for integers past 2^53", () => {
    expect(readNumber("9007199254740992")).toBe(9007199254740992n)
    expect(readNumber("9007199254740993")).toBe(9007199254740993n)
    expect(readNumber("-123456789012345678901234567890")).toBe(-123456789012345678901234567890n)
    expect(readNumber("1E+125")).toBe(10n ** 125n)
    expect(readNumber("12345678901234567890.000")).toBe(12345678901234567890n)
  })

  it("gives a NumberValue for decimals a number would round", () => {
    for (const text of ["1.00000000000000001", "0.1000000000000000055511151231257827", "12345678901234567890.5", "3.14159265358979323846"]) {
      const value = readNumber(text)
      expect(value).toBeInstanceOf(NumberValue)
      expect(String(value)).toBe(text)
    }
  })

  it("never loses a digit (any decimal DynamoDB can hold)", () => {
    const digits = fc.stringMatching(/^[1-9][0-9]{0,37}$/)
    const numberText = fc
      .tuple(fc.boolean(), digits, fc.integer({ min: -40, max: 40 }), fc.constantFrom("plain", "exponent"))
      .map(([negative, significant, shift, style]) => {
        const sign = negative ? "-" : ""
        if (style === "exponent") return `${sign}${significant}E${shift >= 0 ? "+" : ""}${shift}`
        if (shift >= 0) return sign + significant + "0".repeat(shift)
        const point = significant.length + shift
        return point > 0
          ? `${sign}${significant.slice(0, point)}.${significant.slice(point)}`
          : `${sign}0.${"0".repeat(-point)}${significant}`
      })
    fc.assert(
      fc.property(numberText, (text) => {
        const value = readNumber(text)
        if (typeof value === "number") {
          expect(decimalValue(String(value))).toBe(decimalValue(text))
          expect(Number.isInteger(value) && !Number.isSafeInteger(value)).toBe(false)
        } else if (typeof value === "bigint") {
          expect(decimalValue(value.toString())).toBe(decimalValue(text))
          expect(value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER) || !Number.isSafeInteger(Number(text))).toBe(true)
        } else {
          expect(value).toBeInstanceOf(NumberValue)
          expect(String(value)).toBe(text)
          // only decimals no double writes back the same, and never integers (those are bigints)
          expect(decimalValue(String(Number(text)))).not.toBe(decimalValue(text))
          const [, significant = "", exponent = "0"] = /^-?0\.(\d+)e(-?\d+)$/.exec(decimalValue(text)) ?? []
          expect(Number(exponent) < significant.length).toBe(true)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it("reads every finite double as itself", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        fc.pre(!Object.is(n, -0))
        expect(readNumber(String(n))).toBe(n)
        // DynamoDB holds magnitudes from 1e-130: smaller doubles are refused
        if (n === 0 || Math.abs(n) >= 1e-130) expect(fromAttributeValue(toAttributeValue(n))).toBe(n)
        else expect(() => toAttributeValue(n)).toThrow(/too small/)
      }),
      { numRuns: 2000 }
    )
  })
})

// --- round trips and agreement with util-dynamodb ------------------------------------------------------------------

const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== "__proto__")
const safeNumber = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).filter((n) => !Object.is(n, -0) && (n === 0 || Math.abs(n) >= 1e-130))
)
const bytes = fc.uint8Array({ maxLength: 8 })
const scalar = fc.oneof(fc.string({ maxLength: 10 }), safeNumber, fc.boolean(), fc.constant(null), bytes)
const sets = fc.oneof(
  fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 4 }).map((xs) => new Set(xs)),
  fc.uniqueArray(safeNumber, { minLength: 1, maxLength: 4 }).map((xs) => new Set(xs)),
  fc.uniqueArray(bytes, { minLength: 1, maxLength: 3, selector: (b) => Buffer.from(b).toString("hex") }).map((xs) => new Set(xs))
)

/** JS values that come back as they went (no undefined, numbers exact, no empty sets). */
const { value: storable } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    sets,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 5 })
  )
}))

/**
 * Anything util-dynamodb marshals without throwing (also undefined inside containers, bigints), but for the `Date`
 * it would store as `{}` and which dynofunc refuses.
 */
const { value: marshallable } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    sets,
    fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n }),
    fc.array(fc.oneof(tie("value"), fc.constant(undefined)), { maxLength: 4 }),
    fc.dictionary(key, fc.oneof(tie("value"), fc.constant(undefined)), { maxKeys: 5 })
  )
}))

describe("round trips", () => {
  it("reads back every storable value as it was", () => {
    fc.assert(
      fc.property(storable, (value) => {
        expect(fromAttributeValue(toAttributeValue(value))).toEqual(value)
      }),
      { numRuns: 1000 }
    )
  })

  it("reads back every item as it was", () => {
    fc.assert(
      fc.property(fc.dictionary(key, storable, { maxKeys: 8 }), (item) => {
        expect(fromItem(toItem(item))).toEqual(item)
      }),
      { numRuns: 500 }
    )
  })

  it("reads back bigints past 2^53 as bigints, and smaller ones as numbers", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 38n), max: 10n ** 38n }), (n) => {
        const back = fromAttributeValue(toAttributeValue(n))
        if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) expect(back).toBe(n)
        else expect(back).toBe(Number(n))
      })
    )
  })
})

describe("agreement with util-dynamodb", () => {
  it("writes what marshall writes", () => {
    fc.assert(
      fc.property(marshallable, (value) => {
        expect(toAttributeValue(value)).toStrictEqual(utilMarshal(value))
      }),
      { numRuns: 1000 }
    )
  })

  it("writes items like marshall", () => {
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(marshallable, fc.constant(undefined)), { maxKeys: 8 }), (item) => {
        expect(toItem(item)).toStrictEqual(marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true }))
      }),
      { numRuns: 500 }
    )
  })

  it("reads what unmarshall reads (for numbers it reads exactly)", () => {
    fc.assert(
      fc.property(storable, (value) => {
        const attributeValue = utilMarshal(value) as AttributeValue
        expect(fromAttributeValue(attributeValue)).toStrictEqual(utilUnmarshal(attributeValue))
      }),
      { numRuns: 1000 }
    )
  })
})
