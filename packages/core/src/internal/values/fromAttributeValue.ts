/**
 * `AttributeValue` → JS, hand-written: faster than `@aws-sdk/util-dynamodb` and exact with numbers. It does what
 * `unmarshall(value)` does, value for value, except where that is unsafe: a number comes back as a `number` only when
 * that is exact (see `readNumber`), and a map attribute named `__proto__` is read back as an own property (not as the
 * object's prototype). A value DynamoDB could not have sent is a `MalformedValue`.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { AttributeMap } from "../../Value.js"
import { kindOf, locatedIn, MalformedValue } from "./malformed.js"
import { type NumberValue, readNumber } from "./numbers.js"

/** Whether `value` can be a map of attributes (an object, not a list nor bytes). */
export const isMap = (value: unknown): value is AttributeMap =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value)

/** A map of attributes (an item, an `M`) as a plain JS object. */
export const mapToObject = (map: AttributeMap): Record<string, unknown> => {
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
export const memberName = (key: string): string => (/^[$A-Za-z]{1,12}$/.test(key) ? key : "an unknown key")

/** The type of an attribute value with two members: a `MalformedValue` naming both. */
const twoTypes = (first: string, second: string): MalformedValue =>
  new MalformedValue(`an attribute value of two types (${memberName(first)} and ${memberName(second)})`)

/**
 * The one type of `fields`, an attribute value: its one member that is not `undefined` (a `null` one counts: JSON
 * never holds `undefined`, DynamoDB never sends `null`). No member, or two, is a `MalformedValue`.
 */
export const typeOf = (fields: Record<string, unknown>): string => {
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
