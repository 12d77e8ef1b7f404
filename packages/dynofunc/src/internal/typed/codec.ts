/**
 * An entity's codec, compiled once per entity: the item encoder and decoder of its Schema, one encoder per field
 * (for keys, conditions and updates, which give single values), and a decoder per projection.
 */
import { Either, ParseResult, Schema } from "effect"
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { ParseError } from "effect/ParseResult"
import type { AttributeMap } from "@dynofunc/core/Value"
import { itemReader, itemWriter, safeWriter } from "./attributes.js"
import { compile, Fail, type Parser } from "./compile.js"

/** A Schema with fields: a `Schema.Struct` or a `Schema.Class`. */
export type FieldsSchema = Schema.Schema.AnyNoContext & { readonly fields: Schema.Struct.Fields }

export interface Codec {
  readonly encodeItem: (item: unknown) => Either.Either<Record<string, unknown>, ParseError>
  readonly decodeItem: (raw: unknown) => Either.Either<unknown, ParseError>
  /** The item encoded and marshalled in one pass, or `undefined`: then `encodeItem` and the marshaller say what is wrong. */
  readonly writeItem: (item: unknown) => AttributeMap | undefined
  /** The item unmarshalled and decoded in one pass, or `Fail`: then the unmarshaller and `decodeItem` say what is wrong. */
  readonly readItem: (item: AttributeMap) => unknown
  /** Encodes the value of the field at `path` (top-level name, then nested Struct fields). */
  readonly encodeField: (path: ReadonlyArray<string | number>, value: unknown) => Either.Either<unknown, ParseError>
  /**
   * The encoder of the field at `path` (a name: a top-level field) without an `Either` per value: the encoded value,
   * or `Fail` exactly when `encodeField` fails (which then gives the `ParseError`).
   */
  readonly fieldEncoder: (path: string | ReadonlyArray<string | number>) => Parser
  /**
   * The writer of the field at `path`: its value encoded and marshalled in one pass (as the marshaller would at the
   * top of an item), or `Fail` where anything is wrong or left out; `fieldEncoder` and the marshaller then say why.
   */
  readonly fieldWriter: (path: string | ReadonlyArray<string | number>) => (value: unknown) => AttributeValue | typeof Fail
  /** The decoder of a projection onto `names`. */
  readonly decodeProjection: (names: ReadonlyArray<string>) => (raw: unknown) => Either.Either<unknown, ParseError>
  /** The one-pass reader of a projection onto `names` (`Fail`: then the unmarshaller and `decodeProjection` say why). */
  readonly readProjection: (names: ReadonlyArray<string>) => (item: AttributeMap) => unknown
}

/** The writer of what is not walked in one pass. */
const noWriter = (): typeof Fail => Fail

/** One field's encoder (`Fail` or the value), its encoder with Schema's error, and its writer. */
interface FieldCodec {
  readonly parse: Parser
  readonly encode: (value: unknown) => Either.Either<unknown, ParseError>
  readonly write: (value: unknown) => AttributeValue | typeof Fail
}

/** The codec of a path the Schema does not describe: values pass as they are (the marshaller writes them). */
const unchecked: FieldCodec = {
  parse: (value: unknown): unknown => value,
  encode: (value: unknown): Either.Either<unknown, ParseError> => Either.right(value),
  write: noWriter
}

/** The compiled side of a field left to Schema: it always asks Schema. */
const schemaOnly: Parser = () => Fail

/** The fields of a field's schema when it is itself a Struct (or Class), for nested paths. */
const nestedFields = (field: unknown): Schema.Struct.Fields | undefined => {
  const fields = (field as { fields?: unknown } | undefined)?.fields
  return typeof fields === "object" && fields !== null ? (fields as Schema.Struct.Fields) : undefined
}

/** A Struct of `fields` (whose context, like the entity's, is `never`). */
const struct = (fields: Schema.Struct.Fields): Schema.Schema<Record<string, unknown>, Record<string, unknown>> =>
  Schema.Struct(fields) as unknown as Schema.Schema<Record<string, unknown>, Record<string, unknown>>

/** Schema's parser `slow` behind the compiled `fast` one: the compiled result, or (it fails) Schema's, with its error. */
const withFallback =
  <A>(fast: Parser, slow: (input: unknown) => Either.Either<A, ParseError>) =>
  (input: unknown): Either.Either<A, ParseError> => {
    const value = fast(input)
    return value === Fail ? slow(input) : Either.right(value as A)
  }

/** The same, as a `Parser`: the compiled result, or (it fails) Schema's result, or `Fail` when Schema fails too. */
const parserWithFallback =
  (fast: Parser, slow: (input: unknown) => Either.Either<unknown, ParseError>): Parser =>
  (input) => {
    const value = fast(input)
    if (value !== Fail) return value
    const checked = slow(input)
    return Either.isRight(checked) ? checked.right : Fail
  }

/** The compiled encoder or decoder of `schema`, Schema's own parser for its errors. */
const compiled = <A>(schema: Schema.Schema<A, Record<string, unknown>>, isDecoding: boolean) =>
  withFallback<A>(compile(schema.ast, isDecoding), (isDecoding ? Schema.decodeUnknownEither : Schema.encodeUnknownEither)(schema) as (input: unknown) => Either.Either<A, ParseError>)

export const make = (schema: FieldsSchema): Codec => {
  // Writes take plain objects, also for a `Schema.Class` (reads give its instances): encode with a Struct of its fields.
  const itemStruct = struct(schema.fields)
  const encodeItem = compiled(itemStruct, false)
  const decodeItem = compiled(schema as Schema.Schema<unknown, Record<string, unknown>>, true)
  const fieldEncoders = new Map<string, FieldCodec>()
  const fieldCodec = (at: string | ReadonlyArray<string | number>) => {
    // A top-level field (the usual case) is its own key; a nested path its segments, tagged by kind.
    const id = typeof at === "string" ? at : at.length === 1 && typeof at[0] === "string" ? at[0] : JSON.stringify(at)
    const known = fieldEncoders.get(id)
    if (known !== undefined) return known
    const path = typeof at === "string" ? [at] : at
    let fields: Schema.Struct.Fields | undefined = schema.fields
    for (let i = 0; i < path.length - 1 && fields !== undefined; i++) {
      const segment = path[i]!
      fields = typeof segment === "string" ? nestedFields(fields[segment]) : undefined
    }
    const last = path[path.length - 1]
    const field = fields !== undefined && typeof last === "string" ? fields[last] : undefined
    let codec = unchecked
    if (field !== undefined && typeof last === "string") {
      const one = struct({ [last]: field })
      const encodeOne = Schema.encodeUnknownEither(one)
      const full = (value: unknown) => Either.map(encodeOne({ [last]: value }), (encoded) => encoded[last])
      // The field's own property signature, compiled (a Struct of one field with a renamed key is left to Schema).
      const type = one.ast._tag === "TypeLiteral" ? one.ast.propertySignatures[0]!.type : undefined
      const fast = type === undefined ? schemaOnly : compile(type, false)
      // Depth 1: a field's value sits inside its item, as the marshaller counts.
      codec = { parse: parserWithFallback(fast, full), encode: withFallback(fast, full), write: type === undefined ? noWriter : safeWriter(type, 1) }
    }
    fieldEncoders.set(id, codec)
    return codec
  }
  const projections = new Map<string, { readonly decode: (raw: unknown) => Either.Either<unknown, ParseError>; readonly read: (item: AttributeMap) => unknown }>()
  /** The decoder and the one-pass reader of a projection onto `names`. */
  const projection = (names: ReadonlyArray<string>) => {
    const id = names.join("\u0000")
    const known = projections.get(id)
    if (known !== undefined) return known
    const picked: Record<string, Schema.Struct.Field> = {}
    for (const name of names) if (schema.fields[name] !== undefined) picked[name] = schema.fields[name]
    const fields = struct(picked)
    const made = { decode: compiled(fields, true), read: itemReader(fields.ast) }
    projections.set(id, made)
    return made
  }
  return {
    encodeItem,
    decodeItem,
    writeItem: itemWriter(itemStruct.ast),
    readItem: itemReader(schema.ast),
    encodeField: (path, value) => fieldCodec(path).encode(value),
    fieldEncoder: (path) => fieldCodec(path).parse,
    fieldWriter: (path) => fieldCodec(path).write,
    decodeProjection: (names) => projection(names).decode,
    readProjection: (names) => projection(names).read
  }
}

/** A ParseError in a few lines. */
export const format = (error: ParseError): string => ParseResult.TreeFormatter.formatErrorSync(error)
