/**
 * The size DynamoDB counts for an item: each attribute name's UTF-8 bytes plus its value's size, following
 * "Item sizes and formats" in the DynamoDB developer guide.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"

const utf8 = (text: string): number => Buffer.byteLength(text, "utf8")

/**
 * DynamoDB stores a number as base-100 digits aligned on the decimal point (one byte per pair of digits, leading and
 * trailing zero pairs dropped), one byte of exponent, and one more byte when it is negative; zero takes one byte.
 * (Checked against DynamoDB Local by test/itemSize.dynamodb-local.test.ts.)
 */
const numberSize = (text: string): number => {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim())
  if (match === null) return utf8(text)
  const [, sign, integer = "", fraction = "", exponent = "0"] = match
  let digits = integer + fraction
  let point = integer.length + Number(exponent)
  const leadingZeros = /^0*/.exec(digits)![0].length
  digits = digits.slice(leadingZeros).replace(/0+$/, "")
  point -= leadingZeros
  if (digits.length === 0) return 1
  // Pairs are counted from the decimal point: an odd number of digits before it starts with a half pair.
  const pairs = Math.ceil((digits.length + (Math.abs(point) % 2)) / 2)
  return pairs + 1 + (sign === "-" ? 1 : 0)
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
  if (value.M !== undefined) return 3 + itemSize(value.M) + Object.keys(value.M).length
  return 0
}

/** The size of an item in bytes, as DynamoDB counts it against the 400 KB limit. */
export const itemSize = (item: Record<string, AttributeValue>): number => {
  let size = 0
  for (const name in item) size += utf8(name) + valueSize(item[name]!)
  return size
}
