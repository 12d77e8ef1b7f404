/**
 * DynamoDB numbers: the text written for a JS `number`, a `bigint` or a `NumberValue`, refusing what DynamoDB cannot
 * hold (38 significant digits, magnitudes from 1e-130, below 1e126); a number's value as text; and a number read back
 * exactly: a `number` when that is exact, an integer as a `bigint`, a decimal as a `NumberValue`, never rounded.
 */
import { NumberValueImpl as NumberValue } from "@aws-sdk/util-dynamodb"
import { MalformedValue } from "./malformed.js"
import { refuse } from "./valueError.js"

/** The text of a JS number, refusing what DynamoDB cannot hold exactly (like `marshall` does), or at all. */
export const numberText = (value: number): string => {
  if (value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER) {
    if (Number.isNaN(value) || !Number.isFinite(value)) refuse(`Special numeric value ${value} is not allowed`)
    refuse(
      `Number ${value} is ${value > 0 ? "greater than Number.MAX_SAFE_INTEGER" : "lesser than Number.MIN_SAFE_INTEGER"}. Use a bigint or a NumberValue.`
    )
  }
  if (value !== value) refuse(`Special numeric value NaN is not allowed`)
  if (value < 1e-130 && value > -1e-130 && value !== 0) refuse(`Number ${value} is too small: DynamoDB holds magnitudes from 1e-130`)
  return String(value)
}

/** DynamoDB's numbers: at most 38 significant digits, magnitudes from 1e-130 up to (not including) 1e126. */
const numberLimits = { digits: 38, maxExponent: 126, minExponent: -129 } as const

/** The text of a number given as text (a `bigint`'s, a `NumberValue`'s), refusing what DynamoDB cannot hold. */
export const checkedNumberText = (text: string): string => {
  // The usual integer (a bigint, a counter) needs no parsing.
  if (text.length <= numberLimits.digits && /^-?\d+$/.test(text)) return text
  const decimal = parseDecimal(text)
  if (decimal === undefined) return refuse(`"${text}" is not a number`)
  if (decimal.digits.length > numberLimits.digits) {
    refuse(`${text} has ${decimal.digits.length} significant digits: DynamoDB holds ${numberLimits.digits}`)
  }
  if (decimal.digits !== "" && decimal.exponent > numberLimits.maxExponent) refuse(`${text} is too large: DynamoDB holds magnitudes below 1e126`)
  if (decimal.digits !== "" && decimal.exponent < numberLimits.minExponent) refuse(`${text} is too small: DynamoDB holds magnitudes from 1e-130`)
  return text
}

/** A number's value as text, the same for `1`, `1.0` and `10e-1` (the text itself when it is not a number). */
export const canonicalNumber = (text: string): string => {
  const decimal = parseDecimal(text)
  return decimal === undefined ? text : `${decimal.negative && decimal.digits !== "" ? "-" : ""}${decimal.digits}e${decimal.exponent}`
}

const ZERO = { negative: false, digits: "", exponent: 0 }

/**
 * The decimal value of a number's text as (sign, significant digits without leading or trailing zeros, exponent
 * of the first digit); `undefined` when the text is not a number.
 */
const parseDecimal = (text: string): { negative: boolean; digits: string; exponent: number } | undefined => {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim())
  if (match === null) return undefined
  const whole = match[2] ?? ""
  const fraction = match[3] ?? ""
  if (whole === "" && fraction === "") return undefined
  let digits = whole + fraction
  let exponent = whole.length + Number(match[4] ?? "0")
  const leading = digits.search(/[^0]/)
  if (leading < 0) return ZERO
  digits = digits.slice(leading)
  exponent -= leading
  digits = digits.replace(/0+$/, "")
  return { negative: match[1] === "-", digits, exponent }
}

const integerText = (decimal: { negative: boolean; digits: string; exponent: number }): string =>
  (decimal.negative ? "-" : "") + decimal.digits + "0".repeat(decimal.exponent - decimal.digits.length)

/**
 * A DynamoDB number as JS: a `number` when that is exact, a `bigint` for integers past 2^53 (or not exact as a
 * `number`), a `NumberValue` (its exact text) for decimals a `number` would round.
 */
export const readNumber = (text: string): number | bigint | NumberValue => {
  const n = Number(text)
  // Plain notation with at most 15 characters (digits, a sign, a point): at most 15 significant digits, which a
  // `number` always holds exactly, and an integer below 2^53. Cheaper than writing the number back.
  if (text.length <= 15 && n === n && plainShort(text)) return n
  // The common case: the text is exactly how JS writes that number (integers past 2^53 go on: they become bigints).
  if (String(n) === text && (Number.isSafeInteger(n) || (!Number.isInteger(n) && Number.isFinite(n)))) return n
  const decimal = parseDecimal(text)
  if (decimal === undefined) throw new MalformedValue("N is not a number")
  const written = Number.isFinite(n) ? parseDecimal(String(n)) : undefined
  const isInteger = decimal.exponent >= decimal.digits.length
  if (
    written !== undefined &&
    written.digits === decimal.digits &&
    written.exponent === decimal.exponent &&
    (written.negative === decimal.negative || decimal.digits === "")
  ) {
    return isInteger && !Number.isSafeInteger(n) ? BigInt(integerText(decimal)) : n
  }
  return isInteger ? BigInt(integerText(decimal)) : NumberValue.from(text)
}

/** Whether `text` (not empty, at most 15 characters) is only digits, `-` and `.`, with a digit (so not `""`, `-` or `.`). */
const plainShort = (text: string): boolean => {
  let digit = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) digit = true
    else if (code !== 45 && code !== 46) return false
  }
  return digit
}

export { NumberValue }
