/**
 * A schema's neutral nodes (`schema/types.ts`, made by the per-major `#schema` compiler) walked into a writer
 * (type → `AttributeValue`, encoding and marshalling in one pass) and a reader (`AttributeValue` → type,
 * unmarshalling and decoding in one pass), without the intermediate encoded object.
 *
 * Structs and arrays are walked straight between the two representations; strings, numbers and booleans become
 * their `{ S }`, `{ N }`, `{ BOOL }` at once; refinements and transformations wrap the compiled codec around the
 * walked side. Any other node is the compiled codec plus the marshaller's own conversion of that value (`convert`,
 * `fromAttributeValue`), so every limit the marshaller applies (NaN, number range and precision, empty or mixed
 * sets, nesting) still holds.
 *
 * Both are fast paths only: they give `undefined`/`Fail` where anything is wrong (a value that does not match, a
 * value DynamoDB cannot hold, a response it could not have sent), and the caller then takes the two-pass path
 * (`toAttributeMap` of the encoded item; `fromAttributeMap`, then the decoder), which says why with the same errors
 * as before. Success on the fast path always gives what the two-pass path gives.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { fromAttributeValue, isMap } from "@dynofunc/core/internal/values/fromAttributeValue"
import { numberText, readNumber } from "@dynofunc/core/internal/values/numbers"
import { convert, maxDepth } from "@dynofunc/core/internal/values/toAttributeValue"
import { Effectful, elements, Fail, hasOwn, isRecord, memoized, type Node, type Property, type Shape, type Step, tupleOf } from "./schema/types.js"

type AttributeMap = Record<string, AttributeValue>

/** Type → `AttributeValue` at `depth` maps and lists deep (as the marshaller counts); `undefined`: left out; or `Fail`. */
type Writer = (input: unknown, depth: number) => AttributeValue | undefined | typeof Fail

/** `AttributeValue` → type, or `Fail`. */
type Reader = (input: unknown) => unknown

/** The properties a struct is walked by: plain names the marshaller takes as they are (no `""`, `__proto__`, nor huge names). */
const walkable = (properties: ReadonlyArray<Property>): boolean =>
  properties.length > 0 && properties.every(({ name }) => name !== "" && name !== "__proto__" && name.length <= 21845)

type ListShape = Extract<Shape, { readonly kind: "list" }>

const listOf = <P>(shape: ListShape, each: (node: Node) => P) =>
  tupleOf(
    shape.elements.map((element) => ({ optional: element.optional, value: element.node })),
    shape.rest === undefined ? [] : [shape.rest],
    each
  )

// ---------------------------------------------------------------------------------------------------------------
// Type → AttributeValue

/** The writer of `node`, memoized per node. */
export const writer: (node: Node) => Writer = memoized(new WeakMap(), (node: Node) => buildWriter(node))

/** The compiled encoder, then the marshaller's conversion of the encoded value. */
const encodedWriter = (node: Node): Writer => {
  const encode = node.encode
  return (input, depth) => {
    const value = encode(input)
    return value === Fail ? Fail : value === undefined ? undefined : convert(value, depth)
  }
}

const buildWriter = (node: Node): Writer => {
  const shape = node.shape
  switch (shape.kind) {
    case "string":
      return (input) => (typeof input === "string" ? { S: input } : Fail)
    case "number":
      return (input) => (typeof input === "number" ? { N: numberText(input) } : Fail)
    case "boolean":
      return (input) => (typeof input === "boolean" ? { BOOL: input } : Fail)
    case "refinement": {
      // Checks the type side (with the filter), then writes what the refinement refines.
      const valid = shape.valid
      const write = writer(shape.base)
      return (input, depth) => {
        const value = valid(input)
        return value === Fail ? Fail : write(value, depth)
      }
    }
    case "transformation":
      return through(shape.to.encode, shape.encodeStep, writer(shape.from)) as Writer
    case "struct":
      return walkable(shape.properties) ? structWriter(shape.properties, shape.absentIsUndefined) : encodedWriter(node)
    case "list":
      return listWriter(shape) ?? encodedWriter(node)
    case "opaque":
      return encodedWriter(node)
  }
}

/** A transformation walked: `first` on its input, its conversion, then `last` (at the same depth), `Fail` when one fails. */
const through =
  (first: (input: unknown) => unknown, convert: Step, last: (value: unknown, depth: number) => unknown) =>
  (input: unknown, depth = 0): unknown => {
    const value = first(input)
    if (value === Fail) return Fail
    const converted = convert(value, input)
    return converted === Fail || converted === Effectful ? Fail : last(converted, depth)
  }

const structWriter = (properties: ReadonlyArray<Property>, absentIsUndefined: boolean): Writer => {
  // Whether a property's presence is looked up at all: not for a required one that may be absent (read as
  // `undefined`), the usual case on Effect 3, so the hot path has no `hasOwn` per required field.
  const walked = properties.map((property) => ({
    name: property.name,
    optional: property.optional,
    checked: property.optional || !absentIsUndefined,
    write: writer(property.node)
  }))
  return (input, depth) => {
    if (!isRecord(input) || depth >= maxDepth) return Fail
    const out: AttributeMap = {}
    for (let i = 0; i < walked.length; i++) {
      const { name, optional, checked, write } = walked[i]!
      if (checked && !hasOwn(input, name)) {
        if (optional) continue
        return Fail
      }
      const value = write(input[name], depth + 1)
      if (value === Fail) return Fail
      if (value !== undefined) out[name] = value
    }
    return { M: out }
  }
}

const listWriter = (shape: ListShape): Writer | undefined => {
  const compiled = listOf(shape, writer)
  if (compiled === undefined) return undefined
  const { fits, at } = compiled
  return (input, depth) => {
    if (!Array.isArray(input) || !fits(input.length) || depth >= maxDepth) return Fail
    const out: Array<AttributeValue> = []
    for (let i = 0; i < input.length; i++) {
      const value = at(i)(input[i], depth + 1)
      if (value === Fail) return Fail
      if (value !== undefined) out.push(value)
    }
    return { L: out }
  }
}

/**
 * The writer of `node` for a value `depth` maps and lists deep that never throws: the `AttributeValue`, or `Fail` for
 * anything else (a value refused or left out, one the marshaller throws on), so that the two-pass path says why.
 */
export const safeWriter = (node: Node, depth: number): ((value: unknown) => AttributeValue | typeof Fail) => {
  const write = writer(node)
  return (value) => {
    try {
      const written = write(value, depth)
      return written === undefined ? Fail : written
    } catch {
      return Fail
    }
  }
}

/**
 * The item writer of a struct-like node: the item's attributes, or `undefined` when the two-pass path must say what
 * is wrong with it (or when the item is fine but not walkable in one pass).
 */
export const itemWriter = (node: Node): ((item: unknown) => AttributeMap | undefined) => {
  const write = safeWriter(node, 0)
  return (item) => {
    const written = write(item)
    return written === Fail ? undefined : written.M
  }
}

// ---------------------------------------------------------------------------------------------------------------
// AttributeValue → type

/**
 * The value of an `AttributeValue` of type `type` (`M`, `L`) when that is its only member set (as the unmarshaller
 * wants it), else `undefined`.
 */
const fieldOf = (value: unknown, type: string): unknown => {
  if (typeof value !== "object" || value === null) return undefined
  let found: unknown
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key]
    if (field === undefined) continue
    if (key !== type) return undefined
    found = field
  }
  return found
}

/** The string of an `{ S }` attribute value as the unmarshaller reads it, else `undefined` (another type, or malformed). */
export const stringOf = (value: unknown): string | undefined => {
  const text = fieldOf(value, "S")
  return typeof text === "string" ? text : undefined
}

/** The reader of `node`, memoized per node. */
export const reader: (node: Node) => Reader = memoized(new WeakMap(), (node: Node) => buildReader(node))

/** The unmarshaller's value, then the compiled decoder. */
const unmarshalledReader = (node: Node): Reader => {
  const decode = node.decode
  return (input) => decode(fromAttributeValue(input as AttributeValue))
}

const buildReader = (node: Node): Reader => {
  const shape = node.shape
  switch (shape.kind) {
    // The unmarshaller gives a string only for `S` (a number only for an `N` it reads as one, a boolean only for `BOOL`).
    case "string":
      return (input) => stringOf(input) ?? Fail
    case "number":
      return (input) => {
        const text = fieldOf(input, "N")
        const value = typeof text === "string" ? readNumber(text) : Fail
        return typeof value === "number" ? value : Fail
      }
    case "boolean":
      return (input) => {
        const value = fieldOf(input, "BOOL")
        return typeof value === "boolean" ? value : Fail
      }
    case "refinement": {
      const read = reader(shape.from)
      const refine = shape.refine
      return (input) => refine(read(input))
    }
    case "transformation":
      // A transformation's own function may look at the whole encoded input: only those that cannot are read in one pass.
      return shape.readsWhole ? unmarshalledReader(node) : through(reader(shape.from), shape.decodeStep, shape.to.decode)
    case "struct":
      return walkable(shape.properties) ? structReader(shape.properties, shape.absentIsUndefined) : unmarshalledReader(node)
    case "list":
      return listReader(shape) ?? unmarshalledReader(node)
    case "opaque":
      return unmarshalledReader(node)
  }
}

const structReader = (properties: ReadonlyArray<Property>, absentIsUndefined: boolean): Reader => {
  // A required field absent from the item is decoded from `undefined` (as an unmarshalled item gives it: an
  // `UndefinedOr`) on Effect 3; on Effect 4 it is a missing key: `Fail`, and the two-pass path says why.
  const walked = properties.map((property) => ({ name: property.name, optional: property.optional, read: reader(property.node), absent: property.node.decode }))
  const names = new Set(walked.map((property) => property.name))
  return (input) => {
    const map = fieldOf(input, "M")
    if (!isMap(map)) return Fail
    const out: Record<string, unknown> = {}
    for (let i = 0; i < walked.length; i++) {
      const { name, optional, read, absent } = walked[i]!
      const attribute = map[name]
      if (attribute === undefined && hasOwn(map, name)) return Fail
      if (attribute === undefined && optional) continue
      if (attribute === undefined && !absentIsUndefined) return Fail
      const value = attribute === undefined ? absent(undefined) : read(attribute)
      if (value === Fail) return Fail
      out[name] = value
    }
    // The other attributes (keys, tags) are not decoded, but must be ones DynamoDB could have sent.
    for (const key in map) {
      if (names.has(key)) continue
      if (key === "__proto__") return Fail
      fromAttributeValue(map[key]!)
    }
    return out
  }
}

const listReader = (shape: ListShape): Reader | undefined => {
  const compiled = listOf(shape, reader)
  if (compiled === undefined) return undefined
  const { fits, at } = compiled
  return (input) => {
    const list = fieldOf(input, "L")
    return Array.isArray(list) && fits(list.length) ? elements(list, at) : Fail
  }
}

/** The item reader of a struct-like node: the decoded item, or `Fail` when the two-pass path must say what is wrong. */
export const itemReader = (node: Node): ((item: AttributeMap) => unknown) => {
  const read = reader(node)
  return (item) => {
    try {
      return read({ M: item })
    } catch {
      return Fail
    }
  }
}
