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

/**
 * A value DynamoDB cannot store exactly. `path` locates it inside the value given to the converter (map keys and
 * list positions), filled in while the error unwinds: nothing is tracked while converting succeeds.
 */
export class ValueError extends Error {
  readonly path: Array<string | number> = []
  /** The part of the request the value is, when the caller named it (`Item`, `Key`, `Parameters[2]`). */
  prefix = "value"
}

/** `error`, thrown from inside `segment`, as a `ValueError` located there (a throwing getter is one too). */
const within = (error: unknown, segment: string | number): ValueError => {
  const located = error instanceof ValueError ? error : new ValueError(`reading it threw: ${error instanceof Error ? error.message : String(error)}`)
  located.path.unshift(segment)
  return located
}

const refuse = (message: string): never => {
  throw new ValueError(message)
}

/** DynamoDB nests maps and lists at most 32 levels deep, the item itself being the first (DynamoDB Local agrees). */
export const maxDepth = 32

/** The largest attribute name DynamoDB takes, in UTF-8 bytes. */
const maxNameBytes = 65535

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

/** An attribute name DynamoDB takes: not empty, at most 64 KB. */
const checkName = (name: string): void => {
  if (name === "") refuse(`an attribute name cannot be empty`)
  if (name.length * 3 > maxNameBytes && Buffer.byteLength(name, "utf8") > maxNameBytes) {
    refuse(`an attribute name is at most ${maxNameBytes} bytes; this one is ${Buffer.byteLength(name, "utf8")}`)
  }
}

/** Sets `out[key]`, an own property even for `__proto__`. */
const setField = (out: AttributeMap, key: string, value: AttributeValue): void => {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  else out[key] = value
}

/**
 * The longest name in UTF-16 units that is under DynamoDB's limit whatever it holds (3 UTF-8 bytes per unit at
 * most): names up to this long need no byte count.
 */
const safeNameLength = Math.floor(maxNameBytes / 3)

const mapFromProperties = (value: object, depth: number): AttributeMap => {
  const out: AttributeMap = {}
  let key = ""
  try {
    for (key in value) {
      const field = (value as Record<string, unknown>)[key]
      if (field === undefined) continue
      // The usual name (not empty, short, not `__proto__`) and value (a string, a number, a boolean) take one
      // `typeof` and no call: the name check is the length test itself.
      if (key.length !== 0 && key.length <= safeNameLength && key !== "__proto__") {
        switch (typeof field) {
          case "string":
            out[key] = { S: field }
            continue
          case "number":
            out[key] = { N: numberText(field) }
            continue
          case "boolean":
            out[key] = { BOOL: field }
            continue
          default:
            out[key] = convert(field, depth)
            continue
        }
      }
      checkName(key)
      setField(out, key, convert(field, depth))
    }
  } catch (error) {
    throw within(error, key)
  }
  return out
}

const mapFromEntries = (value: Map<unknown, unknown>, depth: number): AttributeMap => {
  const out: AttributeMap = {}
  let key: unknown = ""
  try {
    for (const [name, field] of value) {
      key = name
      if (typeof name !== "string") refuse(`a Map stored as a DynamoDB map needs string keys, not ${describe(name)}`)
      if (field === undefined) continue
      checkName(name as string)
      setField(out, name as string, convert(field, depth))
    }
  } catch (error) {
    throw within(error, typeof key === "string" ? key : String(key))
  }
  return out
}

const list = (value: ReadonlyArray<unknown>, depth: number): Array<AttributeValue> => {
  const out: Array<AttributeValue> = []
  let i = 0
  try {
    for (; i < value.length; i++) {
      const element = value[i]
      if (element === undefined) continue
      out.push(convert(element, depth))
    }
  } catch (error) {
    throw within(error, i)
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
  typeof element === "number" ? numberText(element) : checkedNumberText(String(element as bigint | NumberValue))

/** What makes two set elements the same to DynamoDB: a number's value (`1`, `1n`, `1.0`), a binary's bytes. */
const sameness = (kind: SetKind, element: unknown): string =>
  kind === "number" ? canonicalNumber(element as string) : Buffer.from(element as Uint8Array).toString("base64")

/** A number's value as text, the same for `1`, `1.0` and `10e-1` (the text itself when it is not a number). */
export const canonicalNumber = (text: string): string => {
  const decimal = parseDecimal(text)
  return decimal === undefined ? text : `${decimal.negative && decimal.digits !== "" ? "-" : ""}${decimal.digits}e${decimal.exponent}`
}

const set = (value: ReadonlySet<unknown>): AttributeValue => {
  let kind: SetKind | undefined
  const out: Array<unknown> = []
  // Distinct JS numbers always write distinct decimal values: only bigints, `NumberValue`s and binaries can repeat one.
  let onlyNumbers = true
  let i = 0
  try {
    for (const element of value) {
      if (element !== undefined) {
        if (typeof element !== "number") onlyNumbers = false
        const elementKind = setKind(element)
        if (elementKind === undefined) refuse(`a Set holds only strings, only numbers or only binaries, not ${describe(element)}`)
        if (kind === undefined) kind = elementKind
        else if (kind !== elementKind) refuse(`a Set must hold only strings, only numbers or only binaries; this one mixes ${kind} and ${elementKind}`)
        out.push(kind === "number" ? numberElementText(element) : element)
      }
      i++
    }
  } catch (error) {
    throw within(error, i)
  }
  if (kind === undefined) return refuse(`Pass a non-empty set: DynamoDB does not store empty sets.`)
  if (kind !== "string" && !onlyNumbers) {
    // A JS Set tells `1` from `1n` and two equal byte arrays apart; DynamoDB refuses them as duplicates.
    const seen = new Set<string>()
    for (const element of out) {
      const same = sameness(kind, element)
      if (seen.has(same)) refuse(`a Set holds ${kind === "number" ? `the number ${String(element)}` : "the same bytes"} twice (DynamoDB refuses duplicates)`)
      seen.add(same)
    }
  }
  return kind === "string" ? { SS: out as Array<string> } : kind === "number" ? { NS: out as Array<string> } : { BS: out as Array<Uint8Array> }
}

/** A short name for what `value` is, for messages. */
const describe = (value: unknown): string => {
  if (value === null) return "null"
  if (typeof value === "object") {
    const name = constructorName(value)
    return typeof name === "string" && name !== "" ? `a ${name}` : "an object"
  }
  if (typeof value === "function") return "a function"
  return `a ${typeof value}`
}

/**
 * Objects that would be stored as less than they hold: their state is not in enumerable properties (a `Date`, a
 * `RegExp`, an `Error`, a `Promise`, weak collections), or they are not data (a `WeakRef`).
 */
const opaque = new Set(["Date", "RegExp", "Error", "Promise", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Symbol", "BigInt"])

const objectToAttributeValue = (value: object, depth: number): AttributeValue => {
  if (depth >= maxDepth) refuse(`maps and lists nest at most ${maxDepth} levels deep in DynamoDB`)
  if (Array.isArray(value)) return { L: list(value, depth + 1) }
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto === Object.prototype || proto === null) return { M: mapFromProperties(value, depth + 1) }
  // Bytes (a `Uint8Array`, a `Buffer`, any view) before the other classes: one call decides.
  if (ArrayBuffer.isView(value)) return { B: value as Uint8Array }
  if (value instanceof Set) return set(value)
  if (value instanceof Map) return { M: mapFromEntries(value, depth + 1) }
  if (value instanceof NumberValue) return { N: checkedNumberText(value.toString()) }
  const name = constructorName(value)
  switch (name) {
    // Values from another realm (a vm context, an iframe) fail `instanceof`: their constructor names still tell.
    case "Object":
      return { M: mapFromProperties(value, depth + 1) }
    case "Set":
      return set(value as Set<unknown>)
    case "Map":
      return { M: mapFromEntries(value as Map<unknown, unknown>, depth + 1) }
    case "Boolean":
      return { BOOL: (value as { valueOf(): boolean }).valueOf() }
    case "Number":
      return { N: numberText((value as { valueOf(): number }).valueOf()) }
    case "String":
      return { S: value.toString() }
  }
  if (isBinary(value)) return { B: value as Uint8Array }
  // A Date has no enumerable properties: as a map it would be stored as `{}` and lost.
  if (value instanceof Date || name === "Date") {
    refuse(`A Date has no DynamoDB type: store date.toISOString() (sorts as text) or date.getTime() (a number).`)
  }
  if (value instanceof Error || (typeof name === "string" && opaque.has(name))) {
    refuse(`${describe(value)} cannot be stored: DynamoDB would get an empty map, not what it holds`)
  }
  // Any other object (a class instance): its enumerable properties, as a map; one with none would be stored as `{}`.
  const fields = mapFromProperties(value, depth + 1)
  for (const _ in fields) return { M: fields }
  return refuse(`${describe(value)} has no enumerable properties: DynamoDB would get an empty map, not what it holds`)
}

/**
 * One value, `depth` maps and lists deep (the item being the first); a `ValueError` without its path when it
 * cannot be stored (for converters that redo the work through `toAttributeMap` to say where).
 */
export const convert = (value: unknown, depth: number): AttributeValue => {
  switch (typeof value) {
    case "string":
      return { S: value }
    case "number":
      return { N: numberText(value) }
    case "boolean":
      return { BOOL: value }
    case "object":
      return value === null ? { NULL: true } : objectToAttributeValue(value, depth)
    case "bigint":
      return { N: checkedNumberText(value.toString()) }
    case "undefined":
      return refuse(`undefined cannot be stored in DynamoDB (undefined attributes and list elements are left out).`)
    default:
      return refuse(`${describe(value)} cannot be stored in DynamoDB`)
  }
}

/**
 * Why converting `root` failed, with the path of the offending value: nesting past the limit is reported as a
 * cycle when the path comes back to an object it went through (found by walking the path, only on failure).
 */
const explained = (error: unknown, root: unknown): ValueError => {
  const located = error instanceof ValueError ? error : new ValueError(error instanceof Error ? error.message : String(error))
  if (located.message.startsWith("maps and lists nest")) {
    const seen: Array<unknown> = []
    let current: unknown = root
    for (let i = 0; i < located.path.length && typeof current === "object" && current !== null; i++) {
      const earlier = seen.indexOf(current)
      if (earlier >= 0) {
        located.path.length = i
        located.message = `a circular structure: this refers back to ${earlier === 0 ? "the value itself" : formatPath("", located.path.slice(0, earlier))}`
        return located
      }
      seen.push(current)
      const segment = located.path[i]!
      current = current instanceof Map ? current.get(segment) : (current as Record<string | number, unknown>)[segment]
    }
  }
  return located
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/

/** `prefix` followed by the path: `.name` for names that read as one, `["a.b"]` for others, `[3]` for positions. */
export const formatPath = (prefix: string, path: ReadonlyArray<string | number>): string => {
  let out = prefix
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : identifier.test(segment) ? (out === "" ? segment : `.${segment}`) : `[${JSON.stringify(segment)}]`
  }
  return out
}

/**
 * One JS value as an `AttributeValue`. `undefined` inside maps, lists and sets is left out; `undefined` itself,
 * functions, symbols, `NaN`, infinities, numbers DynamoDB cannot hold, empty or duplicated sets, objects whose
 * content would be lost, nesting past 32 levels and cycles are refused with a `ValueError` naming where.
 */
export const toAttributeValue = (value: unknown, part = "value"): AttributeValue => {
  // Strings (most values) without the try block.
  if (typeof value === "string") return { S: value }
  try {
    return convert(value, 1)
  } catch (error) {
    const located = explained(error, value)
    located.prefix = part
    throw located
  }
}

/**
 * A JS object (or `Map`, or class instance) as the attributes of a DynamoDB item; `part` names it in a
 * `ValueError` (`Item`, `Key`, `RequestItems.users[3].PutRequest.Item`).
 */
export const toAttributeMap = (value: unknown, part = "item"): AttributeMap => {
  try {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return refuse(`An item must be an object, not ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}.`)
    }
    // A plain object (the usual item or key) goes straight to its map, without the `{ M }` wrapper.
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto === Object.prototype || proto === null) return mapFromProperties(value, 1)
    const converted = objectToAttributeValue(value, 0)
    if (converted.M === undefined) return refuse(`An item must be an object of attributes, not a ${Object.keys(converted)[0]} value.`)
    return converted.M
  } catch (error) {
    const located = explained(error, value)
    located.prefix = part
    throw located
  }
}

// ---------------------------------------------------------------------------------------------------------------
// AttributeValue → JS

/**
 * Thrown while reading a response that DynamoDB could not have sent: `where` is the path inside the response
 * (`Item.tags[2]`), built up as the error leaves each map and list; `what` says what was wrong without the values.
 * `execute` turns it into a `MalformedResponseError`.
 */
export class MalformedValue extends Error {
  readonly segments: Array<string> = []
  constructor(readonly what: string) {
    super(what)
    this.name = "MalformedValue"
  }
  /** `Item.tags[2]`: the segments joined. */
  get where(): string {
    return this.segments.join("").replace(/^\./, "")
  }
}

/** `error` as met inside `segment` (`.name` or `[3]`): a `MalformedValue` gets the segment prepended. */
export const locatedIn = (error: unknown, segment: string): unknown => {
  if (error instanceof MalformedValue) error.segments.unshift(segment)
  return error
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

/** The kind of a value in words, never the value itself. */
export const kindOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : `a ${typeof value}`

/** Whether `value` can be a map of attributes (an object, not a list nor bytes). */
export const isMap = (value: unknown): value is AttributeMap =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value)

const mapToObject = (map: AttributeMap): Record<string, unknown> => {
  if (!isMap(map)) throw new MalformedValue(`not a map of attributes but ${kindOf(map)}`)
  const out: Record<string, unknown> = {}
  // One try for the whole walk (the key in hand is where a failure happened).
  let key = ""
  try {
    for (key in map) {
      if (key === "__proto__") Object.defineProperty(out, key, { value: protoAttribute(map[key]), enumerable: true, writable: true, configurable: true })
      else out[key] = fromAttributeValue(map[key]!)
    }
  } catch (error) {
    throw locatedIn(error, `.${key}`)
  }
  return out
}

/** An attribute named `__proto__`, which an SDK client built without `protocol` from `dynofunc/sdk` hands over empty. */
const protoAttribute = (value: AttributeValue | undefined): unknown => {
  if (value === undefined) {
    throw new MalformedValue(
      "the SDK client lost the value of an attribute named __proto__; build it with `protocol` from `dynofunc/sdk`"
    )
  }
  return fromAttributeValue(value)
}

const listOf = (field: unknown, type: string): ReadonlyArray<unknown> => {
  if (!Array.isArray(field)) throw new MalformedValue(`${type} is not a list but ${kindOf(field)}`)
  return field
}

const stringsOf = (field: unknown, type: string): ReadonlyArray<string> => {
  const elements = listOf(field, type)
  for (let i = 0; i < elements.length; i++) {
    if (typeof elements[i] !== "string") throw new MalformedValue(`${type}[${i}] is not a string but ${kindOf(elements[i])}`)
  }
  return elements as ReadonlyArray<string>
}

const binary = (field: unknown, type: string): Uint8Array => {
  if (!(field instanceof Uint8Array)) {
    // The lean transport leaves text that is not base64 as it came (`wire.ts`), for this message to say where.
    throw new MalformedValue(`${type} is not binary but ${kindOf(field)}${typeof field === "string" ? " (not base64 as DynamoDB sends it)" : ""}`)
  }
  return field
}

/** A set attribute's elements as a `Set`: DynamoDB sends no empty set and no element twice. */
const setOf = <T>(elements: ReadonlyArray<T>, type: string): Set<T> => {
  if (elements.length === 0) throw new MalformedValue(`${type} is an empty set (DynamoDB stores none)`)
  const out = new Set(elements)
  if (out.size !== elements.length) throw new MalformedValue(`${type} holds an element twice`)
  return out
}

const numberOf = (field: unknown, type: string): number | bigint | NumberValue => {
  if (typeof field !== "string") throw new MalformedValue(`${type} is not a number's text but ${kindOf(field)}`)
  return readNumber(field)
}

/** A member name for messages: DynamoDB's type names and short words are shown, anything else is not. */
const memberName = (key: string): string => (/^[$A-Za-z]{1,12}$/.test(key) ? key : "an unknown key")

/** The type of an attribute value with two members: a `MalformedValue` naming both. */
const twoTypes = (first: string, second: string): MalformedValue =>
  new MalformedValue(`an attribute value of two types (${memberName(first)} and ${memberName(second)})`)

/**
 * The one type of `fields`, an attribute value: its one member that is not `undefined` (a `null` one counts: JSON
 * never holds `undefined`, DynamoDB never sends `null`). No member, or two, is a `MalformedValue`.
 */
const typeOf = (fields: Record<string, unknown>): string => {
  let type: string | undefined
  for (const key in fields) {
    if (fields[key] === undefined) continue
    if (type !== undefined) throw twoTypes(type, key)
    type = key
  }
  if (type === undefined) throw new MalformedValue("an attribute value with no type")
  return type
}

/**
 * One `AttributeValue` as JS: strings, numbers (see `readNumber`), booleans, `null`, binaries, arrays, objects, `Set`s.
 * A value DynamoDB could not have sent (no type, two types, an unknown type — the SDK's `$unknown` included —, a type
 * holding the wrong kind of value) throws a `MalformedValue`; the checks are the `typeof`s of the walk itself.
 */
export const fromAttributeValue = (value: AttributeValue): unknown => {
  if (typeof value !== "object" || value === null) throw new MalformedValue(`not an attribute value but ${kindOf(value)}`)
  const fields = value as unknown as Record<string, unknown>
  // The one type, as `typeOf` finds it, in the same pass that keeps the member's value: no second lookup by a
  // computed key and no call on the hot path of every value read (P6).
  let type: string | undefined
  let field: unknown
  for (const key in fields) {
    const member = fields[key]
    if (member === undefined) continue
    if (type !== undefined) throw twoTypes(type, key)
    type = key
    field = member
  }
  switch (type) {
    case "S":
      if (typeof field !== "string") throw new MalformedValue(`S is not a string but ${kindOf(field)}`)
      return field
    case "N":
      return numberOf(field, "N")
    case "M":
      return mapToObject(field as AttributeMap)
    case "L": {
      const elements = listOf(field, "L") as ReadonlyArray<AttributeValue>
      const out = new Array<unknown>(elements.length)
      let i = 0
      try {
        for (; i < elements.length; i++) out[i] = fromAttributeValue(elements[i]!)
      } catch (error) {
        throw locatedIn(error, `[${i}]`)
      }
      return out
    }
    case "BOOL":
      if (typeof field !== "boolean") throw new MalformedValue(`BOOL is not a boolean but ${kindOf(field)}`)
      return field
    case "NULL":
      if (field !== true) throw new MalformedValue(`NULL is not true but ${kindOf(field)}`)
      return null
    case "B":
      return binary(field, "B")
    case "SS":
      return setOf(stringsOf(field, "SS"), "SS")
    case "NS":
      return setOf(stringsOf(field, "NS").map(readNumber), "NS")
    case "BS": {
      const elements = listOf(field, "BS")
      return setOf(elements.map((element, i) => binary(element, `BS[${i}]`)), "BS")
    }
    case "$unknown": {
      // The SDK's reader of a union (when no DynamoDB codec is in use) keeps a member it does not know as `[name, value]`.
      const name: unknown = Array.isArray(field) ? field[0] : undefined
      throw new MalformedValue(`an attribute value of no DynamoDB type (${typeof name === "string" ? memberName(name) : "$unknown"})`)
    }
    case undefined:
      throw new MalformedValue("an attribute value with no type")
    default:
      throw new MalformedValue(`an attribute value of no DynamoDB type (${memberName(type)})`)
  }
}

/** The attributes of a DynamoDB item as a plain JS object (a `MalformedValue` when it is not one). */
export const fromAttributeMap = (map: AttributeMap): Record<string, unknown> => mapToObject(map)

/** The segment of the response's field `field` (`""` for an item that is itself a list's element). */
const fieldSegment = (field: string): string => (field === "" ? "" : `.${field}`)

/** The item in the response's field `field`, or `undefined` when there is none. */
export const readOptionalItem = (map: AttributeMap | undefined, field: string): Record<string, unknown> | undefined => {
  if (map === undefined) return undefined
  try {
    return mapToObject(map)
  } catch (error) {
    throw locatedIn(error, fieldSegment(field))
  }
}

const keyTypes = new Set(["S", "N", "B"])

/**
 * The key in the response's field `field` (`LastEvaluatedKey`, `Keys[0]`), or `undefined` when there is none: an
 * item whose attributes are strings, numbers or binaries (DynamoDB's only key types).
 */
export const readOptionalKey = (map: AttributeMap | undefined, field: string): Record<string, unknown> | undefined => {
  const key = readOptionalItem(map, field)
  for (const name in map) {
    const type = typeOf(map[name] as unknown as Record<string, unknown>)
    if (!keyTypes.has(type)) {
      throw locatedIn(locatedIn(new MalformedValue(`a key attribute of type ${memberName(type)} (keys are S, N or B)`), `.${name}`), fieldSegment(field))
    }
  }
  return key
}

/**
 * The elements of the response's list field `field` (`""` for a list that is itself an entry), each an object read
 * with `read` (none when the field is absent).
 */
export const readList = <T, R>(list: ReadonlyArray<T> | undefined, field: string, read: (element: T) => R): Array<R> => {
  if (list === undefined) return []
  const prefix = fieldSegment(field)
  if (!Array.isArray(list)) throw locatedIn(new MalformedValue(`not a list but ${kindOf(list)}`), prefix)
  const out = new Array<R>(list.length)
  for (let i = 0; i < list.length; i++) {
    const element = list[i]
    try {
      if (typeof element !== "object" || element === null) throw new MalformedValue(`not an object but ${kindOf(element)}`)
      out[i] = read(element)
    } catch (error) {
      throw locatedIn(error, `${prefix}[${i}]`)
    }
  }
  return out
}

/** The entries of the response's map field `field` (table name → …), each read with `read` (none when absent). */
export const readRecord = <T, R>(record: Readonly<Record<string, T>> | undefined, field: string, read: (value: T) => R): Record<string, R> => {
  if (record === undefined) return {}
  if (!isMap(record)) throw locatedIn(new MalformedValue(`not a map but ${kindOf(record)}`), `.${field}`)
  const out: Record<string, R> = {}
  for (const key in record) {
    try {
      out[key] = read(record[key]!)
    } catch (error) {
      throw locatedIn(error, `.${field}.${key}`)
    }
  }
  return out
}

/** The response's count field `field` (`Count`, `ScannedCount`): 0 when absent. */
export const readCount = (count: number | undefined, field: string): number => {
  if (count === undefined) return 0
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    throw locatedIn(new MalformedValue(`not a count but ${kindOf(count)}`), `.${field}`)
  }
  return count
}

export { NumberValue }
