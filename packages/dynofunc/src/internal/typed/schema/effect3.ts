/**
 * The Effect 3 Schema compiler (`#schema` on Effect 3): a Schema AST compiled once into the neutral `Node`s of
 * `types.ts` (plain functions that decode or encode a value, returning `Fail` instead of building a `ParseIssue`:
 * the caller asks Schema's own parser for the error, only then) and Schema's own parsers as `Checked`.
 *
 * Each node does what Effect Schema's parser (`ParseResult.go`) does with the default options, without its
 * `Either`s and issue trees: keywords, literals, refinements (their own filter), transformations (their own
 * functions), struct property signatures and string-keyed records, tuples and arrays, unions tried in order,
 * `ReadonlySet` and `Option` declarations, other declarations through their own parse function. Any other node
 * (a union discriminated by literal fields, a recursive schema, a node with parse options) is handed to Schema's
 * parser for that node alone.
 */
import { Either, Option, ParseResult, Schema, SchemaAST as AST } from "effect"
import type { ParseError } from "effect/ParseResult"
import {
  type Backend,
  check,
  type Checked,
  type Checker,
  type Compiled,
  Effectful,
  type Element,
  elements,
  Fail,
  hasOwn,
  type Issue,
  isRecord,
  memoized,
  type Node,
  type Parser,
  type Shape,
  tupleOf as neutralTupleOf
} from "./types.js"

const options = AST.defaultParseOption

/** Schema's parser for `ast` alone, as a `Parser`. */
const fallback = (ast: AST.AST, isDecoding: boolean): Parser => {
  const parse = (isDecoding ? ParseResult.decodeUnknownEither : ParseResult.encodeUnknownEither)(Schema.make(ast))
  return (input) => {
    const result = parse(input)
    return Either.isRight(result) ? result.right : Fail
  }
}

/** Schema's parser for `ast` alone, built on first use (for effects Schema's parser runs, which compiled code does not). */
const lazyFallback = (ast: AST.AST, isDecoding: boolean): Parser => {
  let parser: Parser | undefined
  return (input) => (parser ??= fallback(ast, isDecoding))(input)
}

/** Whether a union member would be picked by a literal field (then Schema narrows the candidates: not compiled). */
const hasLiteralField = (ast: AST.AST, isDecoding: boolean): boolean => {
  switch (ast._tag) {
    case "TypeLiteral":
      return ast.propertySignatures.some((ps) => !ps.isOptional && AST.isLiteral(isDecoding ? AST.encodedAST(ps.type) : AST.typeAST(ps.type)))
    case "TupleType":
      return ast.elements.some((e) => !e.isOptional && AST.isLiteral(isDecoding ? AST.encodedAST(e.type) : AST.typeAST(e.type)))
    case "Refinement":
      return hasLiteralField(ast.from, isDecoding)
    case "Transformation":
      return hasLiteralField(isDecoding ? ast.from : ast.to, isDecoding)
    case "Suspend":
      return true
    default:
      return false
  }
}

/** The refinements' base, without the refinements on top (what an encoding encodes once the refinement checked). */
const dropRightRefinement = (ast: AST.AST): AST.AST => (AST.isRefinement(ast) ? dropRightRefinement(ast.from) : ast)

/** Nodes with parse options or a decoding fallback: handed to Schema's parser whole, never compiled into. */
const opaque = (ast: AST.AST): boolean =>
  Option.isSome(AST.getParseOptionsAnnotation(ast)) || Option.isSome(AST.getDecodingFallbackAnnotation(ast))

const decoder = memoized(new WeakMap<AST.AST, Parser>(), (ast) => (opaque(ast) ? fallback(ast, true) : build(ast, true)))
const encoder = memoized(new WeakMap<AST.AST, Parser>(), (ast) => (opaque(ast) ? fallback(ast, false) : build(ast, false)))

/** Compiles `ast` for decoding (`isDecoding`) or encoding, memoized per node. */
const compile = (ast: AST.AST, isDecoding: boolean): Parser => (isDecoding ? decoder(ast) : encoder(ast))

/** The `typeof` of the values of each keyword. */
const typeOfKeyword = {
  StringKeyword: "string",
  NumberKeyword: "number",
  BooleanKeyword: "boolean",
  BigIntKeyword: "bigint",
  UndefinedKeyword: "undefined"
} as const

const build = (ast: AST.AST, isDecoding: boolean): Parser => {
  switch (ast._tag) {
    case "StringKeyword":
    case "NumberKeyword":
    case "BooleanKeyword":
    case "BigIntKeyword":
    case "UndefinedKeyword": {
      const type = typeOfKeyword[ast._tag]
      return check((input) => typeof input === type)
    }
    case "Literal":
      return check((input) => input === ast.literal)
    case "Enums":
      return check((input) => ast.enums.some(([, value]) => value === input))
    case "UnknownKeyword":
    case "AnyKeyword":
      return (input) => input
    case "Refinement":
      return refinement(ast, isDecoding)
    case "Transformation":
      return transformation(ast, isDecoding)
    case "Declaration":
      return declaration(ast, isDecoding)
    case "TupleType":
      return tuple(ast, isDecoding)
    case "TypeLiteral":
      return typeLiteral(ast, isDecoding)
    case "Union":
      return union(ast, isDecoding)
    default:
      return fallback(ast, isDecoding)
  }
}

/** `value` (what the refined node gave) when it passes the refinement's own filter, else `Fail`. */
const refined = (ast: AST.Refinement, value: unknown): unknown =>
  value === Fail || Option.isSome(ast.filter(value, options, ast)) ? Fail : value

const refinement = (ast: AST.Refinement, isDecoding: boolean): Parser => {
  if (isDecoding) {
    const from = compile(ast.from, true)
    return (input) => refined(ast, from(input))
  }
  // Encoding checks the type side first (with the filter), then encodes what the refinement refines.
  const valid = compile(AST.typeAST(ast), true)
  const encode = compile(dropRightRefinement(ast.from), false)
  return (input) => {
    const value = valid(input)
    return value === Fail ? Fail : encode(value)
  }
}

/**
 * What a transformation does between its two sides, on the value one side gave (`input`: what the whole node got):
 * the converted value, `Fail`, or `Effectful` when the conversion did not return an `Either` (Schema's parser must run it).
 */
const conversion = (ast: AST.Transformation, isDecoding: boolean): ((value: unknown, input: unknown) => unknown) => {
  const kind = ast.transformation
  if (kind._tag === "TypeLiteralTransformation") {
    // Renames and optional-field conversions on the object the first side built (a fresh one: changed in place, as Schema does).
    const steps = kind.propertySignatureTransformations.map((pst) =>
      isDecoding ? ([pst.from, pst.to, pst.decode] as const) : ([pst.to, pst.from, pst.encode] as const)
    )
    return (value) => {
      const out = value as Record<PropertyKey, unknown>
      for (const [source, target, convert] of steps) {
        const converted = convert(hasOwn(out, source) ? Option.some(out[source]) : Option.none())
        delete out[source]
        if (Option.isSome(converted)) out[target] = converted.value
      }
      return out
    }
  }
  if (kind._tag === "ComposeTransformation") return (value) => value
  const convert = isDecoding ? kind.decode : kind.encode
  return (value, input) => {
    const converted = convert(value, options, ast, input)
    if (!Either.isEither(converted)) return Effectful
    return Either.isLeft(converted) ? Fail : converted.right
  }
}

const transformation = (ast: AST.Transformation, isDecoding: boolean): Parser => {
  const from = isDecoding ? compile(ast.from, true) : compile(ast.to, false)
  const to = isDecoding ? compile(ast.to, true) : compile(ast.from, false)
  const convert = conversion(ast, isDecoding)
  const whole = lazyFallback(ast, isDecoding)
  return (input) => {
    const value = from(input)
    if (value === Fail) return Fail
    const converted = convert(value, input)
    if (converted === Effectful) return whole(input)
    return converted === Fail ? Fail : to(converted)
  }
}

const declaration = (ast: AST.Declaration, isDecoding: boolean): Parser => {
  const constructor = AST.getTypeConstructorAnnotation(ast)
  const tag = Option.isSome(constructor) ? constructor.value._tag : undefined
  if (tag === "ReadonlySet" && ast.typeParameters.length === 1) {
    const element = compile(ast.typeParameters[0]!, isDecoding)
    return (input) => {
      if (!(input instanceof Set)) return Fail
      const out: Array<unknown> = []
      for (const value of input) {
        const converted = element(value)
        if (converted === Fail) return Fail
        out.push(converted)
      }
      return new Set(out)
    }
  }
  if (tag === "effect/Option" && ast.typeParameters.length === 1) {
    const value = compile(ast.typeParameters[0]!, isDecoding)
    return (input) => {
      if (!Option.isOption(input)) return Fail
      if (Option.isNone(input)) return Option.none()
      const converted = value(input.value)
      return converted === Fail ? Fail : Option.some(converted)
    }
  }
  // Any other declaration (a Date, a Uint8Array, a Class): its own parse function, as Schema calls it.
  const parse = isDecoding ? ast.decodeUnknown(...ast.typeParameters) : ast.encodeUnknown(...ast.typeParameters)
  const whole = lazyFallback(ast, isDecoding)
  return (input) => {
    const result = parse(input, options, ast)
    if (!Either.isEither(result)) return whole(input)
    return Either.isRight(result) ? result.right : Fail
  }
}

/**
 * A tuple or array with each element compiled by `each`: whether a length fits it, and the compiled element at a
 * position that fits; `undefined` for the tuples Schema's parser is left to (several rest elements, an optional
 * element before a required one).
 */
const tupleOf = <P>(ast: AST.TupleType, each: (ast: AST.AST) => P) =>
  neutralTupleOf(
    ast.elements.map((element) => ({ optional: element.isOptional, value: element.type })),
    ast.rest.map((rest) => rest.type),
    each
  )

const tuple = (ast: AST.TupleType, isDecoding: boolean): Parser => {
  const compiled = tupleOf(ast, (element) => compile(element, isDecoding))
  if (compiled === undefined) return fallback(ast, isDecoding)
  const { fits, at } = compiled
  return (input) => (Array.isArray(input) && fits(input.length) ? elements(input, at) : Fail)
}


const typeLiteral = (ast: AST.TypeLiteral, isDecoding: boolean): Parser => {
  if (ast.propertySignatures.length === 0 && ast.indexSignatures.length === 0) return check((input) => input !== null && input !== undefined)
  if (
    ast.propertySignatures.some((ps) => typeof ps.name !== "string") ||
    ast.indexSignatures.some((is) => is.parameter._tag !== "StringKeyword")
  ) {
    return fallback(ast, isDecoding)
  }
  const properties = ast.propertySignatures.map((ps) => ({ name: ps.name as string, optional: ps.isOptional, parse: compile(ps.type, isDecoding) }))
  const names = new Set(properties.map((property) => property.name))
  const records = ast.indexSignatures.map((is) => compile(is.type, isDecoding))
  return (input) => {
    if (!isRecord(input)) return Fail
    const out: Record<string, unknown> = {}
    for (let i = 0; i < properties.length; i++) {
      const { name, optional, parse } = properties[i]!
      if (optional && !hasOwn(input, name)) continue
      const value = parse(input[name])
      if (value === Fail) return Fail
      out[name] = value
    }
    for (const parse of records) {
      for (const key of Object.keys(input)) {
        const value = parse(input[key])
        if (value === Fail) return Fail
        if (!names.has(key)) out[key] = value
      }
    }
    return out
  }
}

const union = (ast: AST.Union, isDecoding: boolean): Parser => {
  if (ast.types.every(AST.isLiteral)) {
    const literals = new Set(ast.types.map((member) => (member as AST.Literal).literal))
    return check((input) => literals.has(input as AST.LiteralValue))
  }
  // Schema narrows the members by literal fields first; without them it tries every member in order.
  if (ast.types.some((member) => hasLiteralField(member, isDecoding))) return fallback(ast, isDecoding)
  const members = ast.types.map((member) => compile(member, isDecoding))
  return (input) => {
    for (let i = 0; i < members.length; i++) {
      const value = members[i]!(input)
      if (value !== Fail) return value
    }
    return Fail
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The neutral description (`types.ts`)

/** A schema with fields: a `Schema.Struct` or a `Schema.Class`. */
export type FieldsSchema = Schema.Schema.AnyNoContext & { readonly fields: Schema.Struct.Fields }

/** Any schema (what a field's type is read from). */
export type AnySchema = Schema.Schema.All

/** One field of a struct: a schema or a property signature. */
export type Field = Schema.Struct.Field

/** The Schema failure carried as `cause` by `ItemDecodeError` and `ItemEncodeError`. */
export type SchemaFailure = ParseError

const opaqueShape: Shape = { kind: "opaque" }

const shapeOf = (ast: AST.AST): Shape => {
  switch (ast._tag) {
    case "StringKeyword":
      return { kind: "string" }
    case "NumberKeyword":
      return { kind: "number" }
    case "BooleanKeyword":
      return { kind: "boolean" }
    case "Refinement":
      return {
        kind: "refinement",
        from: node(ast.from),
        base: node(dropRightRefinement(ast.from)),
        valid: compile(AST.typeAST(ast), true),
        refine: (value) => refined(ast, value)
      }
    case "Transformation":
      return {
        kind: "transformation",
        from: node(ast.from),
        to: node(ast.to),
        decodeStep: conversion(ast, true),
        encodeStep: conversion(ast, false),
        readsWhole: ast.transformation._tag === "FinalTransformation"
      }
    case "TypeLiteral":
      return ast.indexSignatures.length === 0 && ast.propertySignatures.every((ps) => typeof ps.name === "string")
        ? { kind: "struct", properties: ast.propertySignatures.map((ps) => ({ name: ps.name as string, optional: ps.isOptional, node: node(ps.type) })), absentIsUndefined: true }
        : opaqueShape
    case "TupleType":
      return ast.rest.length > 1
        ? opaqueShape
        : {
            kind: "list",
            elements: ast.elements.map((element): Element => ({ optional: element.isOptional, node: node(element.type) })),
            rest: ast.rest.length === 0 ? undefined : node(ast.rest[0]!.type)
          }
    default:
      return opaqueShape
  }
}

/** The neutral node of `ast`, memoized per AST node (a recursive schema is `opaque`: its `Suspend` is not walked). */
export const node: (ast: AST.AST) => Node = memoized(new WeakMap<AST.AST, Node>(), (ast) => ({
  decode: compile(ast, true),
  encode: compile(ast, false),
  shape: opaque(ast) ? opaqueShape : shapeOf(ast)
}))

const checked = <A>(result: Either.Either<A, ParseError>): Checked<A, ParseError> =>
  Either.isRight(result) ? { ok: true, value: result.right } : { ok: false, error: result.left }

/** Schema's parsers of `schema` as `Checker`s. */
const checkers = (schema: Schema.Schema<unknown, unknown>): Omit<Compiled<ParseError>, "node"> => {
  const decode = Schema.decodeUnknownEither(schema)
  const encode = Schema.encodeUnknownEither(schema)
  return { decode: (input) => checked(decode(input)), encode: (input) => checked(encode(input)) }
}

const compileSchema = (schema: Schema.Schema<unknown, unknown>): Compiled<ParseError> => ({ node: node(schema.ast), ...checkers(schema) })

const fieldsOf = (schema: unknown): Schema.Struct.Fields | undefined => {
  const fields = (schema as { fields?: unknown } | undefined)?.fields
  return typeof fields === "object" && fields !== null ? (fields as Schema.Struct.Fields) : undefined
}

const field = (name: string, field: Field): { readonly node: Node | undefined; readonly encode: Checker<ParseError> } => {
  const one = Schema.Struct({ [name]: field }) as unknown as Schema.Schema<Record<string, unknown>, Record<string, unknown>>
  const encodeOne = Schema.encodeUnknownEither(one)
  // The field's own property signature (a Struct of one field with a renamed key is a Transformation: left to Schema).
  const ast = one.ast
  return {
    node: ast._tag === "TypeLiteral" ? node(ast.propertySignatures[0]!.type) : undefined,
    encode: (value) => checked(Either.map(encodeOne({ [name]: value }), (encoded) => encoded[name]))
  }
}

export const backend: Backend<FieldsSchema, Field, ParseError> = {
  compile: (schema) => compileSchema(schema as Schema.Schema<unknown, unknown>),
  struct: (fields) => compileSchema(Schema.Struct(fields) as unknown as Schema.Schema<unknown, unknown>),
  fieldsOf,
  field,
  format: (error) => ParseResult.TreeFormatter.formatErrorSync(error),
  issues: (error): ReadonlyArray<Issue> => ParseResult.ArrayFormatter.formatErrorSync(error).map(({ path, message }) => ({ path, message }))
}

/** The Schema failure as the message of a typed error. */
export const format = backend.format
