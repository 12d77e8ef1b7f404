/**
 * A hand-written JS ⇄ AttributeValue converter, faster than `@aws-sdk/util-dynamodb` and exact with numbers.
 *
 * It does what `marshall(value, { removeUndefinedValues: true, convertClassInstanceToMap: true })` and
 * `unmarshall(value)` do, value for value, except where those are unsafe:
 * - a number read back is a `number` only when writing that number gives the same decimal value; otherwise an
 *   integer comes back as a `bigint` and a decimal as a `NumberValue` (never rounded); integers past 2^53 are
 *   always `bigint`s;
 * - a `Set` mixing kinds (strings with numbers, …) is refused instead of being converted element by element;
 * - a map attribute named `__proto__` is read back as an own property (not as the object's prototype).
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { NumberValueImpl as NumberValue } from "@aws-sdk/util-dynamodb"

/** A DynamoDB item as the SDK sends it. */
type AttributeMap = Record<string, AttributeValue>

// ---------------------------------------------------------------------------------------------------------------
// JS → AttributeValue

const binaryNames = new Set([
  "ArrayBuffer",
  "Blob",
  "Buffer",
  "DataView",
  "File",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array"
])

const isBinary = (value: object): boolean => {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true
  const constructor = (value as { constructor?: { name?: unknown } }).constructor
  return constructor !== undefined && constructor !== null && binaryNames.has(constructor.name as string)
}

const constructorName = (value: object): unknown => (value as { constructor?: { name?: unknown } }).constructor?.name

/** The text of a JS number, refusing what DynamoDB cannot hold exactly (like `marshall` does). */
const numberText = (value: number): string => {
  if (value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER) {
    if (Number.isNaN(value) || !Number.isFinite(value)) throw new Error(`Special numeric value ${value} is not allowed`)
    throw new Error(
      `Number ${value} is ${value > 0 ? "greater than Number.MAX_SAFE_INTEGER" : "lesser than Number.MIN_SAFE_INTEGER"}. Use a bigint or a NumberValue.`
    )
  }
  if (value !== value) throw new Error(`Special numeric value NaN is not allowed`)
  return String(value)
}

const mapFromProperties = (value: object): AttributeMap => {
  const out: AttributeMap = {}
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key]
    // Strings first: the most common attribute (and key) values skip the general switch.
    if (typeof field === "string" && key !== "__proto__") out[key] = { S: field }
    else if (field === undefined || typeof field === "function") continue
    else if (key === "__proto__") Object.defineProperty(out, key, { value: toAttributeValue(field), enumerable: true, writable: true, configurable: true })
    else out[key] = toAttributeValue(field)
  }
  return out
}

const mapFromEntries = (value: Map<unknown, unknown>): AttributeMap => {
  const out: AttributeMap = {}
  for (const [key, field] of value) {
    if (field === undefined || typeof field === "function") continue
    const name = String(key)
    if (name === "__proto__") Object.defineProperty(out, name, { value: toAttributeValue(field), enumerable: true, writable: true, configurable: true })
    else out[name] = toAttributeValue(field)
  }
  return out
}

const list = (value: ReadonlyArray<unknown>): Array<AttributeValue> => {
  const out: Array<AttributeValue> = []
  for (let i = 0; i < value.length; i++) {
    const element = value[i]
    if (element === undefined || typeof element === "function") continue
    out.push(toAttributeValue(element))
  }
  return out
}

type SetKind = "string" | "number" | "binary"

const setKind = (element: unknown): SetKind | undefined => {
  switch (typeof element) {
    case "string":
      return "string"
    case "number":
    case "bigint":
      return "number"
    case "object":
      if (element === null) return undefined
      if (element instanceof NumberValue) return "number"
      return isBinary(element) ? "binary" : undefined
    default:
      return undefined
  }
}

const numberElementText = (element: unknown): string =>
  typeof element === "number" ? numberText(element) : String(element as bigint | NumberValue)

const set = (value: ReadonlySet<unknown>): AttributeValue => {
  let kind: SetKind | undefined
  const out: Array<unknown> = []
  for (const element of value) {
    if (element === undefined) continue
    const elementKind = setKind(element)
    if (elementKind === undefined) throw new Error(`Only Number Set (NS), Binary Set (BS) or String Set (SS) are allowed.`)
    if (kind === undefined) kind = elementKind
    else if (kind !== elementKind) throw new Error(`A Set must hold only strings, only numbers or only binaries; this one mixes ${kind} and ${elementKind}.`)
    out.push(kind === "number" ? numberElementText(element) : element)
  }
  switch (kind) {
    case undefined:
      throw new Error(`Pass a non-empty set: DynamoDB does not store empty sets.`)
    case "string":
      return { SS: out as Array<string> }
    case "number":
      return { NS: out as Array<string> }
    case "binary":
      return { BS: out as Array<Uint8Array> }
  }
}

const objectToAttributeValue = (value: object): AttributeValue => {
  if (Array.isArray(value)) return { L: list(value) }
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto === Object.prototype || proto === null) return { M: mapFromProperties(value) }
  if (value instanceof Set) return set(value)
  if (value instanceof Map) return { M: mapFromEntries(value) }
  if (value instanceof NumberValue) return { N: value.toString() }
  switch (constructorName(value)) {
    // Values from another realm (a vm context, an iframe) fail `instanceof`: their constructor names still tell.
    case "Object":
      return { M: mapFromProperties(value) }
    case "Set":
      return set(value as Set<unknown>)
    case "Map":
      return { M: mapFromEntries(value as Map<unknown, unknown>) }
    case "Boolean":
      return { BOOL: (value as { valueOf(): boolean }).valueOf() }
    case "Number":
      return { N: numberText((value as { valueOf(): number }).valueOf()) }
    case "String":
      return { S: value.toString() }
  }
  if (isBinary(value)) return { B: value as Uint8Array }
  // A Date has no enumerable properties: as a map it would be stored as `{}` and lost.
  if (value instanceof Date || constructorName(value) === "Date") {
    throw new Error(`A Date has no DynamoDB type: store date.toISOString() (sorts as text) or date.getTime() (a number).`)
  }
  // Any other object (a class instance): its enumerable properties, as a map.
  return { M: mapFromProperties(value) }
}

/**
 * One JS value as an `AttributeValue`. `undefined` (and functions) inside maps, lists and sets are left out; an
 * `undefined` value itself, a function, a symbol, `NaN`, infinities, numbers past 2^53 and empty sets are refused.
 */
export const toAttributeValue = (value: unknown): AttributeValue => {
  switch (typeof value) {
    case "string":
      return { S: value }
    case "number":
      return { N: numberText(value) }
    case "boolean":
      return { BOOL: value }
    case "object":
      return value === null ? { NULL: true } : objectToAttributeValue(value)
    case "bigint":
      return { N: value.toString() }
    case "undefined":
      throw new Error(`undefined cannot be stored in DynamoDB (undefined attributes and list elements are left out).`)
    default:
      throw new Error(`Unsupported type passed: ${String(value)}`)
  }
}

/** A JS object (or `Map`, or class instance) as the attributes of a DynamoDB item. */
export const toAttributeMap = (value: unknown): AttributeMap => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`An item must be an object, not ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}.`)
  }
  // A plain object (the usual item or key) goes straight to its map, without the `{ M }` wrapper.
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto === Object.prototype || proto === null) return mapFromProperties(value)
  const converted = objectToAttributeValue(value)
  if (converted.M === undefined) throw new Error(`An item must be an object of attributes, not a ${Object.keys(converted)[0]} value.`)
  return converted.M
}

// ---------------------------------------------------------------------------------------------------------------
// AttributeValue → JS

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
  // The common case: the text is exactly how JS writes that number (integers past 2^53 go on: they become bigints).
  if (String(n) === text && (Number.isSafeInteger(n) || !Number.isInteger(n))) return n
  const decimal = parseDecimal(text)
  if (decimal === undefined) return NumberValue.from(text)
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

const mapToObject = (map: AttributeMap): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const key in map) {
    if (key === "__proto__") Object.defineProperty(out, key, { value: protoAttribute(map[key]), enumerable: true, writable: true, configurable: true })
    else out[key] = fromAttributeValue(map[key]!)
  }
  return out
}

/** An attribute named `__proto__`, which an SDK client built without `DynamoClient.protocol` hands over empty. */
const protoAttribute = (value: AttributeValue | undefined): unknown => {
  if (value === undefined) {
    throw new Error(
      "the SDK client lost the value of an attribute named __proto__; build it with `protocol: DynamoClient.protocol`"
    )
  }
  return fromAttributeValue(value)
}

/** One `AttributeValue` as JS: strings, numbers (see `readNumber`), booleans, `null`, binaries, arrays, objects, `Set`s. */
export const fromAttributeValue = (value: AttributeValue): unknown => {
  const fields = value as unknown as Record<string, unknown>
  for (const key in fields) {
    const field = fields[key]
    if (field === undefined) continue
    switch (key) {
      case "S":
        return field
      case "N":
        return readNumber(field as string)
      case "M":
        return mapToObject(field as AttributeMap)
      case "L": {
        const elements = field as ReadonlyArray<AttributeValue>
        const out = new Array<unknown>(elements.length)
        for (let i = 0; i < elements.length; i++) out[i] = fromAttributeValue(elements[i]!)
        return out
      }
      case "BOOL":
        return Boolean(field)
      case "NULL":
        return null
      case "B":
        return field
      case "SS":
        return new Set(field as ReadonlyArray<string>)
      case "NS":
        return new Set((field as ReadonlyArray<string>).map(readNumber))
      case "BS":
        return new Set(field as ReadonlyArray<Uint8Array>)
      default:
        throw new Error(`Unsupported type passed: ${key}`)
    }
  }
  throw new Error(`No value defined: ${JSON.stringify(value)}`)
}

/** The attributes of a DynamoDB item as a plain JS object. */
export const fromAttributeMap = (map: AttributeMap): Record<string, unknown> => mapToObject(map)

export { NumberValue }
