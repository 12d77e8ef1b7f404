/**
 * An entity's codec, compiled once per entity: the item encoder and decoder of its Schema, one encoder per field
 * (for keys, conditions and updates, which give single values), and a decoder per projection.
 */
import { Either, ParseResult, Schema } from "effect"
import type { SchemaAST as AST } from "effect"
import type { ParseError } from "effect/ParseResult"

/** A Schema with fields: a `Schema.Struct` or a `Schema.Class`. */
export type FieldsSchema = Schema.Schema.AnyNoContext & { readonly fields: Schema.Struct.Fields }

export interface Codec {
  readonly encodeItem: (item: unknown) => Either.Either<Record<string, unknown>, ParseError>
  readonly decodeItem: (raw: unknown) => Either.Either<unknown, ParseError>
  /** Encodes the value of the field at `path` (top-level name, then nested Struct fields). */
  readonly encodeField: (path: ReadonlyArray<string | number>, value: unknown) => Either.Either<unknown, ParseError>
  /** The decoder of a projection onto `names`. */
  readonly decodeProjection: (names: ReadonlyArray<string>) => (raw: unknown) => Either.Either<unknown, ParseError>
}

const identity = (value: unknown): Either.Either<unknown, ParseError> => Either.right(value)

/** The fields of a field's schema when it is itself a Struct (or Class), for nested paths. */
const nestedFields = (field: unknown): Schema.Struct.Fields | undefined => {
  const fields = (field as { fields?: unknown } | undefined)?.fields
  return typeof fields === "object" && fields !== null ? (fields as Schema.Struct.Fields) : undefined
}

/** A Struct of `fields` (whose context, like the entity's, is `never`). */
const struct = (fields: Schema.Struct.Fields): Schema.Schema<Record<string, unknown>, Record<string, unknown>> =>
  Schema.Struct(fields) as unknown as Schema.Schema<Record<string, unknown>, Record<string, unknown>>

/** A check for a field whose encoded value is the value itself (primitive keywords and literals), or `undefined`. */
const plainCheck = (field: unknown): ((value: unknown) => boolean) | undefined => {
  if (!Schema.isSchema(field)) return undefined
  const ast = field.ast
  switch (ast._tag) {
    case "StringKeyword":
      return (value) => typeof value === "string"
    case "NumberKeyword":
      return (value) => typeof value === "number"
    case "BooleanKeyword":
      return (value) => typeof value === "boolean"
    case "Literal":
      return (value) => value === ast.literal
    case "Union":
      return ast.types.every((member) => member._tag === "Literal")
        ? (value) => ast.types.some((member) => (member as AST.Literal).literal === value)
        : undefined
    default:
      return undefined
  }
}

export const make = (schema: FieldsSchema): Codec => {
  // Writes take plain objects, also for a `Schema.Class` (reads give its instances): encode with a Struct of its fields.
  const encodeItem = Schema.encodeUnknownEither(struct(schema.fields))
  const decodeItem = Schema.decodeUnknownEither(schema as Schema.Schema<unknown, unknown>)
  const fieldEncoders = new Map<string, (value: unknown) => Either.Either<unknown, ParseError>>()
  const fieldEncoder = (path: ReadonlyArray<string | number>): ((value: unknown) => Either.Either<unknown, ParseError>) => {
    const id = JSON.stringify(path)
    const known = fieldEncoders.get(id)
    if (known !== undefined) return known
    let fields: Schema.Struct.Fields | undefined = schema.fields
    for (let i = 0; i < path.length - 1 && fields !== undefined; i++) {
      const segment = path[i]!
      fields = typeof segment === "string" ? nestedFields(fields[segment]) : undefined
    }
    const last = path[path.length - 1]
    const field = fields !== undefined && typeof last === "string" ? fields[last] : undefined
    let encoder = identity
    if (field !== undefined && typeof last === "string") {
      const one = Schema.encodeUnknownEither(struct({ [last]: field }))
      const full = (value: unknown) => Either.map(one({ [last]: value }), (encoded) => encoded[last])
      // A field stored as it is (a string, number, boolean or literal): a typeof check, the Schema only for the error.
      const plain = plainCheck(field)
      encoder = plain === undefined ? full : (value) => (plain(value) ? Either.right(value) : full(value))
    }
    fieldEncoders.set(id, encoder)
    return encoder
  }
  const projections = new Map<string, (raw: unknown) => Either.Either<unknown, ParseError>>()
  return {
    encodeItem,
    decodeItem,
    encodeField: (path, value) => fieldEncoder(path)(value),
    decodeProjection: (names) => {
      const id = names.join("\u0000")
      const known = projections.get(id)
      if (known !== undefined) return known
      const picked: Record<string, Schema.Struct.Field> = {}
      for (const name of names) if (schema.fields[name] !== undefined) picked[name] = schema.fields[name]
      const decode = Schema.decodeUnknownEither(struct(picked))
      projections.set(id, decode)
      return decode
    }
  }
}

/** A ParseError in a few lines. */
export const format = (error: ParseError): string => ParseResult.TreeFormatter.formatErrorSync(error)
