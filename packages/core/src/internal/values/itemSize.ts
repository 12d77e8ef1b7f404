/**
 * The size DynamoDB counts for an item: each attribute name's UTF-8 bytes plus its value's size, following
 * "Item sizes and formats" in the DynamoDB developer guide.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"

/**
 * A text's UTF-8 bytes. Names and values are mostly short ASCII, counted here: cheaper than a call into `Buffer`
 * (itemSize runs once per item written, on every item of a batch write).
 */
const utf8 = (text: string): number => {
  if (text.length > 32) return Buffer.byteLength(text, "utf8")
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return Buffer.byteLength(text, "utf8")
  return text.length
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57

/**
 * DynamoDB stores a number as base-100 digits aligned on the decimal point (one byte per pair of digits, leading and
 * trailing zero pairs dropped), one byte of exponent, and one more byte when it is negative; zero takes one byte.
 * Text that is no number (`[+-]digits[.digits][e[+-]digits]`) counts as its UTF-8 bytes. (Checked against DynamoDB
 * Local by test/itemSize.dynamodb-local.test.ts; read in one pass, without a regular expression, as it runs per number.)
 */
const numberSize = (raw: string): number => {
  const text = raw.trim()
  let i = 0
  const negative = text.charCodeAt(0) === 45
  if (negative || text.charCodeAt(0) === 43) i++
  // Digits before and after the point, one sequence: where its first and last non-zero digit are.
  let count = 0
  let integerDigits = -1
  let first = -1
  let last = -1
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isDigit(code)) {
      if (code !== 48) {
        if (first < 0) first = count
        last = count
      }
      count++
    } else if (code === 46 && integerDigits < 0) integerDigits = count
    else break
  }
  if (integerDigits < 0) integerDigits = count
  let exponent = 0
  if (i < text.length) {
    const code = text.charCodeAt(i)
    const sign = text.charCodeAt(i + 1)
    const start = i + 1 + (sign === 43 || sign === 45 ? 1 : 0)
    if ((code !== 101 && code !== 69) || start >= text.length) return utf8(raw)
    for (let j = start; j < text.length; j++) if (!isDigit(text.charCodeAt(j))) return utf8(raw)
    exponent = Number(text.slice(i + 1))
  }
  if (first < 0) return 1
  const point = integerDigits + exponent - first
  // Pairs are counted from the decimal point: an odd number of digits before it starts with a half pair.
  const pairs = Math.ceil((last - first + 1 + (Math.abs(point) % 2)) / 2)
  return pairs + 1 + (negative ? 1 : 0)
}

const binarySize = (value: Uint8Array): number => value.byteLength

/** The size of one attribute value in bytes. */
export const valueSize = (value: AttributeValue): number => {
  if (value.S !== undefined) return utf8(value.S)
  if (value.N !== undefined) return numberSize(value.N)
  if (value.B !== undefined) return binarySize(value.B)
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0)
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0)
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + binarySize(b), 0)
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0)
  if (value.M !== undefined) return 3 + attributesSize(value.M, 1)
  return 0
}

/** Each attribute's name and value, and `each` more bytes per attribute (one in a map). */
const attributesSize = (attributes: Record<string, AttributeValue>, each: number): number => {
  let size = 0
  for (const name in attributes) size += each + utf8(name) + valueSize(attributes[name]!)
  return size
}

/** The size of an item in bytes, as DynamoDB counts it against the 400 KB limit. */
export const itemSize = (item: Record<string, AttributeValue>): number => attributesSize(item, 0)
