/**
 * An entity's codec, compiled once per entity: the item encoder and decoder of its Schema, one encoder per field
 * (for keys, conditions and updates, which give single values), and a decoder per projection. Shared by both
 * majors: the Schema itself is only ever seen through the per-major `#schema` backend.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { backend, type Field, type FieldsSchema, type SchemaFailure } from "#schema"
import type { AttributeMap } from "@dynofunc/core/Value"
import { itemReader, itemWriter, safeWriter } from "./attributes.js"
import { type Checked, type Checker, Fail, type Parser, withFallback } from "./schema/types.js"

export type { FieldsSchema, SchemaFailure }

export interface Codec {
  readonly encodeItem: (item: unknown) => Checked<Record<string, unknown>, SchemaFailure>
  readonly decodeItem: Checker<SchemaFailure>
  /** The item encoded and marshalled in one pass, or `undefined`: then `encodeItem` and the marshaller say what is wrong. */
  readonly writeItem: (item: unknown) => AttributeMap | undefined
  /** The item unmarshalled and decoded in one pass, or `Fail`: then the unmarshaller and `decodeItem` say what is wrong. */
  readonly readItem: (item: AttributeMap) => unknown
  /** Encodes the value of the field at `path` (top-level name, then nested Struct fields). */
  readonly encodeField: (path: ReadonlyArray<string | number>, value: unknown) => Checked<unknown, SchemaFailure>
  /**
   * The encoder of the field at `path` (a name: a top-level field) without an outcome per value: the encoded value,
   * or `Fail` exactly when `encodeField` fails (which then gives the Schema failure).
   */
  readonly fieldEncoder: (path: string | ReadonlyArray<string | number>) => Parser
  /**
   * The writer of the field at `path`: its value encoded and marshalled in one pass (as the marshaller would at the
   * top of an item), or `Fail` where anything is wrong or left out; `fieldEncoder` and the marshaller then say why.
   */
  readonly fieldWriter: (path: string | ReadonlyArray<string | number>) => (value: unknown) => AttributeValue | typeof Fail
  /** The decoder of a projection onto `names`. */
  readonly decodeProjection: (names: ReadonlyArray<string>) => Checker<SchemaFailure>
  /** The one-pass reader of a projection onto `names` (`Fail`: then the unmarshaller and `decodeProjection` say why). */
  readonly readProjection: (names: ReadonlyArray<string>) => (item: AttributeMap) => unknown
}

/** The writer of what is not walked in one pass. */
const noWriter = (): typeof Fail => Fail

/** One field's encoder (`Fail` or the value), its encoder with Schema's error, and its writer. */
interface FieldCodec {
  readonly parse: Parser
  readonly encode: Checker<SchemaFailure>
  readonly write: (value: unknown) => AttributeValue | typeof Fail
}

/** The codec of a path the Schema does not describe: values pass as they are (the marshaller writes them). */
const unchecked: FieldCodec = {
  parse: (value: unknown): unknown => value,
  encode: (value: unknown) => ({ ok: true, value }),
  write: noWriter
}

/** The compiled side of a field left to Schema: it always asks Schema. */
const schemaOnly: Parser = () => Fail

/** The same as `withFallback`, as a `Parser`: the compiled result, or (it fails) Schema's result, or `Fail` when Schema fails too. */
const parserWithFallback =
  (fast: Parser, slow: Checker<SchemaFailure>): Parser =>
  (input) => {
    const value = fast(input)
    if (value !== Fail) return value
    const checked = slow(input)
    return checked.ok ? checked.value : Fail
  }

export const make = (schema: FieldsSchema): Codec => {
  // Writes take plain objects, also for a `Schema.Class` (reads give its instances): encode with a Struct of its fields.
  const allFields = backend.fieldsOf(schema)!
  const itemStruct = backend.struct(allFields)
  const itemSchema = backend.compile(schema)
  const encodeItem = withFallback(itemStruct.node.encode, itemStruct.encode) as Codec["encodeItem"]
  const decodeItem = withFallback(itemSchema.node.decode, itemSchema.decode)
  const fieldEncoders = new Map<string, FieldCodec>()
  const fieldCodec = (at: string | ReadonlyArray<string | number>) => {
    // A top-level field (the usual case) is its own key; a nested path its segments, tagged by kind.
    const id = typeof at === "string" ? at : at.length === 1 && typeof at[0] === "string" ? at[0] : JSON.stringify(at)
    const known = fieldEncoders.get(id)
    if (known !== undefined) return known
    const path = typeof at === "string" ? [at] : at
    let fields: Readonly<Record<string, Field>> | undefined = allFields
    for (let i = 0; i < path.length - 1 && fields !== undefined; i++) {
      const segment = path[i]!
      fields = typeof segment === "string" ? backend.fieldsOf(fields[segment]) : undefined
    }
    const last = path[path.length - 1]
    const field = fields !== undefined && typeof last === "string" ? fields[last] : undefined
    let codec = unchecked
    if (field !== undefined && typeof last === "string") {
      const one = backend.field(last, field)
      const fast = one.node === undefined ? schemaOnly : one.node.encode
      // Depth 1: a field's value sits inside its item, as the marshaller counts.
      codec = { parse: parserWithFallback(fast, one.encode), encode: withFallback(fast, one.encode), write: one.node === undefined ? noWriter : safeWriter(one.node, 1) }
    }
    fieldEncoders.set(id, codec)
    return codec
  }
  const projections = new Map<string, { readonly decode: Checker<SchemaFailure>; readonly read: (item: AttributeMap) => unknown }>()
  /** The decoder and the one-pass reader of a projection onto `names`. */
  const projection = (names: ReadonlyArray<string>) => {
    const id = names.join("\u0000")
    const known = projections.get(id)
    if (known !== undefined) return known
    const picked: Record<string, Field> = {}
    for (const name of names) if (allFields[name] !== undefined) picked[name] = allFields[name]
    const fields = backend.struct(picked)
    const made = { decode: withFallback(fields.node.decode, fields.decode), read: itemReader(fields.node) }
    projections.set(id, made)
    return made
  }
  return {
    encodeItem,
    decodeItem,
    writeItem: itemWriter(itemStruct.node),
    readItem: itemReader(itemSchema.node),
    encodeField: (path, value) => fieldCodec(path).encode(value),
    fieldEncoder: (path) => fieldCodec(path).parse,
    fieldWriter: (path) => fieldCodec(path).write,
    decodeProjection: (names) => projection(names).decode,
    readProjection: (names) => projection(names).read
  }
}

/** A Schema failure in a few lines. */
export const format = (error: SchemaFailure): string => backend.format(error)
