/**
 * JS → `AttributeValue`, hand-written: faster than `@aws-sdk/util-dynamodb` and exact with numbers. It does what
 * `marshall(value, { removeUndefinedValues: true, convertClassInstanceToMap: true })` does, value for value, except
 * where that is unsafe: a `Set` mixing kinds (strings with numbers, …) is refused instead of being converted element
 * by element. Numbers are written by `numbers.ts`, sets by `sets.ts`.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { AttributeMap } from "../../Value.js"
import { isBinary } from "./binary.js"
import { checkedNumberText, NumberValue, numberText } from "./numbers.js"
import { set } from "./sets.js"
import { constructorName, describe, explained, refuse, within } from "./valueError.js"

/** DynamoDB nests maps and lists at most 32 levels deep, the item itself being the first (DynamoDB Local agrees). */
export const maxDepth = 32

/** The largest attribute name DynamoDB takes, in UTF-8 bytes. */
const maxNameBytes = 65535

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
