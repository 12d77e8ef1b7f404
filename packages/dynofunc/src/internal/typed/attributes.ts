/**
 * A Schema AST compiled once into a writer (type → `AttributeValue`, encoding and marshalling in one pass) and a
 * reader (`AttributeValue` → type, unmarshalling and decoding in one pass), without the intermediate encoded object.
 *
 * Structs and arrays are walked straight between the two representations; strings, numbers and booleans become
 * their `{ S }`, `{ N }`, `{ BOOL }` at once; refinements and transformations wrap the compiled codec
 * (`compile.ts`) around the walked side. Any other node is the compiled codec plus the marshaller's own conversion
 * of that value (`convert`, `fromAttributeValue`), so every limit the marshaller applies (NaN, number range and
 * precision, empty or mixed sets, nesting) still holds.
 *
 * Both are fast paths only: they give `undefined`/`Fail` where anything is wrong (a value that does not match, a
 * value DynamoDB cannot hold, a response it could not have sent), and the caller then takes the two-pass path
 * (`toAttributeMap` of the encoded item; `fromAttributeMap`, then the decoder), which says why with the same errors
 * as before. Success on the fast path always gives what the two-pass path gives.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { SchemaAST as AST } from "effect"
import { convert, fromAttributeValue, isMap, maxDepth, numberText, readNumber } from "@dynofunc/core/internal/values/marshal"
import { compile, conversion, dropRightRefinement, Effectful, elements, Fail, hasOwn, isRecord, memoized, opaque, refined, tupleOf } from "./compile.js"

type AttributeMap = Record<string, AttributeValue>

/** Type → `AttributeValue` at `depth` maps and lists deep (as the marshaller counts); `undefined`: left out; or `Fail`. */
type Writer = (input: unknown, depth: number) => AttributeValue | undefined | typeof Fail

/** `AttributeValue` → type, or `Fail`. */
type Reader = (input: unknown) => unknown

/** The property names a struct is walked by: plain names the marshaller takes as they are (no `""`, `__proto__`, nor huge names). */
const walkable = (ast: AST.TypeLiteral): boolean =>
  ast.indexSignatures.length === 0 &&
  ast.propertySignatures.length > 0 &&
  ast.propertySignatures.every((ps) => typeof ps.name === "string" && ps.name !== "" && ps.name !== "__proto__" && ps.name.length <= 21845)

// ---------------------------------------------------------------------------------------------------------------
// Type → AttributeValue

/** The writer of `ast`, memoized per node. */
export const writer: (ast: AST.AST) => Writer = memoized(new WeakMap(), (ast) => (opaque(ast) ? encodedWriter(ast) : buildWriter(ast)))

/** The compiled encoder, then the marshaller's conversion of the encoded value. */
const encodedWriter = (ast: AST.AST): Writer => {
  const encode = compile(ast, false)
  return (input, depth) => {
    const value = encode(input)
    return value === Fail ? Fail : value === undefined ? undefined : convert(value, depth)
  }
}

const buildWriter = (ast: AST.AST): Writer => {
  switch (ast._tag) {
    case "StringKeyword":
      return (input) => (typeof input === "string" ? { S: input } : Fail)
    case "NumberKeyword":
      return (input) => (typeof input === "number" ? { N: numberText(input) } : Fail)
    case "BooleanKeyword":
      return (input) => (typeof input === "boolean" ? { BOOL: input } : Fail)
    case "Refinement": {
      // Checks the type side (with the filter), then writes what the refinement refines.
      const valid = compile(AST.typeAST(ast), true)
      const write = writer(dropRightRefinement(ast.from))
      return (input, depth) => {
        const value = valid(input)
        return value === Fail ? Fail : write(value, depth)
      }
    }
    case "Transformation":
      return through(compile(ast.to, false), conversion(ast, false), writer(ast.from)) as Writer
    case "TypeLiteral":
      return walkable(ast) ? structWriter(ast) : encodedWriter(ast)
    case "TupleType":
      return listWriter(ast) ?? encodedWriter(ast)
    default:
      return encodedWriter(ast)
  }
}

/** A transformation walked: `first` on its input, its conversion, then `last` (at the same depth), `Fail` when one fails. */
const through =
  (first: (input: unknown) => unknown, convert: ReturnType<typeof conversion>, last: (value: unknown, depth: number) => unknown) =>
  (input: unknown, depth = 0): unknown => {
    const value = first(input)
    if (value === Fail) return Fail
    const converted = convert(value, input)
    return converted === Fail || converted === Effectful ? Fail : last(converted, depth)
  }

const structWriter = (ast: AST.TypeLiteral): Writer => {
  const properties = ast.propertySignatures.map((ps) => ({ name: ps.name as string, optional: ps.isOptional, write: writer(ps.type) }))
  return (input, depth) => {
    if (!isRecord(input) || depth >= maxDepth) return Fail
    const out: AttributeMap = {}
    for (let i = 0; i < properties.length; i++) {
      const { name, optional, write } = properties[i]!
      if (optional && !hasOwn(input, name)) continue
      const value = write(input[name], depth + 1)
      if (value === Fail) return Fail
      if (value !== undefined) out[name] = value
    }
    return { M: out }
  }
}

const listWriter = (ast: AST.TupleType): Writer | undefined => {
  const compiled = tupleOf(ast, writer)
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
 * The writer of `ast` for a value `depth` maps and lists deep that never throws: the `AttributeValue`, or `Fail` for
 * anything else (a value refused or left out, one the marshaller throws on), so that the two-pass path says why.
 */
export const safeWriter = (ast: AST.AST, depth: number): ((value: unknown) => AttributeValue | typeof Fail) => {
  const write = writer(ast)
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
 * The item writer of a struct-like Schema AST: the item's attributes, or `undefined` when the two-pass path must
 * say what is wrong with it (or when the item is fine but not walkable in one pass).
 */
export const itemWriter = (ast: AST.AST): ((item: unknown) => AttributeMap | undefined) => {
  const write = safeWriter(ast, 0)
  return (item) => {
    const written = write(item)
    return written === Fail ? undefined : written.M
  }
}

// ---------------------------------------------------------------------------------------------------------------
// AttributeValue → type

/** The value of an `AttributeValue` of type `type` (`M`, `L`), as the unmarshaller picks it (its first field set), else `undefined`. */
const fieldOf = (value: unknown, type: string): unknown => {
  if (typeof value !== "object" || value === null) return undefined
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key]
    if (field !== undefined) return key === type ? field : undefined
  }
  return undefined
}

/** The string of an `{ S }` attribute value as the unmarshaller reads it, else `undefined` (another type, or malformed). */
export const stringOf = (value: unknown): string | undefined => {
  const text = fieldOf(value, "S")
  return typeof text === "string" ? text : undefined
}

/** The reader of `ast`, memoized per node. */
export const reader: (ast: AST.AST) => Reader = memoized(new WeakMap(), (ast) => (opaque(ast) ? unmarshalledReader(ast) : buildReader(ast)))

/** The unmarshaller's value, then the compiled decoder. */
const unmarshalledReader = (ast: AST.AST): Reader => {
  const decode = compile(ast, true)
  return (input) => decode(fromAttributeValue(input as AttributeValue))
}

const buildReader = (ast: AST.AST): Reader => {
  switch (ast._tag) {
    // The unmarshaller gives a string only for `S` (a number only for an `N` it reads as one, a boolean only for `BOOL`).
    case "StringKeyword":
      return (input) => stringOf(input) ?? Fail
    case "NumberKeyword":
      return (input) => {
        const text = fieldOf(input, "N")
        const value = typeof text === "string" ? readNumber(text) : Fail
        return typeof value === "number" ? value : Fail
      }
    case "BooleanKeyword":
      return (input) => {
        const value = fieldOf(input, "BOOL")
        return typeof value === "boolean" ? value : Fail
      }
    case "Refinement": {
      const read = reader(ast.from)
      return (input) => refined(ast, read(input))
    }
    case "Transformation": {
      // A transformation's own function may look at the whole encoded input: only those that cannot are read in one pass.
      if (ast.transformation._tag === "FinalTransformation") return unmarshalledReader(ast)
      return through(reader(ast.from), conversion(ast, true), compile(ast.to, true))
    }
    case "TypeLiteral":
      return walkable(ast) ? structReader(ast) : unmarshalledReader(ast)
    case "TupleType":
      return listReader(ast) ?? unmarshalledReader(ast)
    default:
      return unmarshalledReader(ast)
  }
}

const structReader = (ast: AST.TypeLiteral): Reader => {
  // A required field absent from the item is decoded from `undefined` (as an unmarshalled item gives it: an `UndefinedOr`).
  const properties = ast.propertySignatures.map((ps) => ({ name: ps.name as string, optional: ps.isOptional, read: reader(ps.type), absent: compile(ps.type, true) }))
  const names = new Set(properties.map((property) => property.name))
  return (input) => {
    const map = fieldOf(input, "M")
    if (!isMap(map)) return Fail
    const out: Record<string, unknown> = {}
    for (let i = 0; i < properties.length; i++) {
      const { name, optional, read, absent } = properties[i]!
      const attribute = map[name]
      if (attribute === undefined && hasOwn(map, name)) return Fail
      if (attribute === undefined && optional) continue
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

const listReader = (ast: AST.TupleType): Reader | undefined => {
  const compiled = tupleOf(ast, reader)
  if (compiled === undefined) return undefined
  const { fits, at } = compiled
  return (input) => {
    const list = fieldOf(input, "L")
    return Array.isArray(list) && fits(list.length) ? elements(list, at) : Fail
  }
}

/** The item reader of a struct-like Schema AST: the decoded item, or `Fail` when the two-pass path must say what is wrong. */
export const itemReader = (ast: AST.AST): ((item: AttributeMap) => unknown) => {
  const read = reader(ast)
  return (item) => {
    try {
      return read({ M: item })
    } catch {
      return Fail
    }
  }
}
