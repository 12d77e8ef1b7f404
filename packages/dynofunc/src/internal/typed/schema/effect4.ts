/**
 * The Effect 4 Schema compiler (`#schema` on Effect 4): a Schema AST compiled once into the neutral `Node`s of
 * `types.ts`, and Schema's own parsers as `Checked` (with `Schema.SchemaError`).
 *
 * Effect 4's AST has no `Refinement` nor `Transformation` nodes: every node carries its `checks` (filters, run on
 * the value the node gave) and its `encoding` (a chain of links to the encoded side, whose getters return Effects).
 * Compiled here, without Effect: keywords, literals, enums, literal unions, checks (each `Filter`'s own `run`),
 * structs of named properties, tuples and arrays, unions tried in order. Handed to Schema's parser for that node
 * alone: any node with an `encoding` (`DateFromString`, `NumberFromString`, renamed keys, defaults…), with
 * `encodingChecks` or parse options, declarations (`Date`, `ReadonlySet`, `Option`, classes), `oneOf` unions,
 * recursive schemas, index signatures. A compiled parser may fail where Schema succeeds (then Schema is asked),
 * never the other way round: a required key absent from the input fails (Effect 4 reports a missing key). So a
 * field whose key is present on one side only (`OptionFromOptionalKey`: `None` is no key) sends every item that
 * has it to Schema whole — the same result, on the slow path (test/typed/codec.property.test.ts checks both).
 */
import { Result, Schema, SchemaAST as AST, SchemaIssue, SchemaParser } from "effect"
import {
  type Backend,
  check,
  type Checked,
  type Checker,
  type Compiled,
  elements,
  Fail,
  type Issue,
  memoized,
  type Node,
  type Parser,
  type Shape,
  structParser,
  tupleOf
} from "./types.js"

/** A schema with fields and no services (Effect 3's `AnyNoContext`): a `Schema.Struct` or a `Schema.Class`. */
export type FieldsSchema = Schema.Top & {
  readonly DecodingServices: never
  readonly EncodingServices: never
  readonly fields: Schema.Struct.Fields
}

/** Any schema (what a field's type is read from). */
export type AnySchema = Schema.Top

/** One field of a struct. */
export type Field = Schema.Constraint

/** The Schema failure carried as `cause` by `ItemDecodeError` and `ItemEncodeError`. */
export type SchemaFailure = Schema.SchemaError

const options: AST.ParseOptions = {}

type AnyDecoder = Schema.ConstraintDecoder<unknown>
type AnyEncoder = Schema.ConstraintEncoder<unknown>

/** Schema's parser for `ast` alone, built on first use, as a `Parser`. */
const fallback = (ast: AST.AST, isDecoding: boolean): Parser => {
  let parse: ((input: unknown) => Result.Result<unknown, SchemaIssue.Issue>) | undefined
  return (input) => {
    parse ??= isDecoding
      ? SchemaParser.decodeUnknownResult(Schema.make<AnyDecoder>(ast))
      : SchemaParser.encodeUnknownResult(Schema.make<AnyEncoder>(ast))
    const result = parse(input)
    return Result.isSuccess(result) ? result.success : Fail
  }
}

/** Nodes handed to Schema's parser whole, never compiled into. */
const opaque = (ast: AST.AST): boolean =>
  ast.encoding !== undefined ||
  ("encodingChecks" in ast && ast.encodingChecks !== undefined) ||
  (ast.annotations as { readonly parseOptions?: unknown } | undefined)?.parseOptions !== undefined ||
  AST.isSuspend(ast)

/** Whether every filter of `checks` passes on `value` (a group: each of its own). */
const passes = (checks: ReadonlyArray<AST.Check<unknown>>, value: unknown, ast: AST.AST): boolean => {
  for (const c of checks) {
    if (c._tag === "Filter" ? c.run(value, ast, options) !== undefined : !passes(c.checks, value, ast)) return false
  }
  return true
}

const opaqueShape: Shape = { kind: "opaque" }

/** The neutral node of `ast`, memoized per AST node. */
export const node: (ast: AST.AST) => Node = memoized(new WeakMap<AST.AST, Node>(), (ast) => {
  if (opaque(ast)) return { decode: fallback(ast, true), encode: fallback(ast, false), shape: opaqueShape }
  const checks = ast.checks
  if (checks === undefined) return plain(ast)
  // Checks: the node without them, then each filter on what it gave; encoding checks the type side first.
  const base = plain(ast)
  const refine = (value: unknown): unknown => (value === Fail || !passes(checks, value, ast) ? Fail : value)
  const decode: Parser = (input) => refine(base.decode(input))
  const type = AST.toType(ast)
  let valid: Parser = decode
  if (type !== ast) valid = (input) => (valid = node(type).decode)(input)
  const encode: Parser = (input) => {
    const value = valid(input)
    return value === Fail ? Fail : base.encode(value)
  }
  return { decode, encode, shape: { kind: "refinement", from: base, base, valid: (input) => valid(input), refine } }
})

const same = (parse: Parser, shape: Shape = opaqueShape): Node => ({ decode: parse, encode: parse, shape })

/** The node of `ast` without its checks (none: `node` handles them). */
const plain: (ast: AST.AST) => Node = memoized(new WeakMap<AST.AST, Node>(), (ast) => {
  switch (ast._tag) {
    case "String":
      return same(check((input) => typeof input === "string"), { kind: "string" })
    case "Number":
      return same(check((input) => typeof input === "number"), { kind: "number" })
    case "Boolean":
      return same(check((input) => typeof input === "boolean"), { kind: "boolean" })
    case "BigInt":
      return same(check((input) => typeof input === "bigint"))
    case "Null":
      return same(check((input) => input === null))
    case "Undefined":
    case "Void":
      return same(check((input) => input === undefined))
    case "Literal":
      return same(check((input) => input === ast.literal))
    case "Enum":
      return same(check((input) => ast.enums.some(([, value]) => value === input)))
    case "Unknown":
    case "Any":
      return same((input) => input)
    case "Objects":
      return objects(ast)
    case "Arrays":
      return arrays(ast)
    case "Union":
      return union(ast)
    default:
      return { decode: fallback(ast, true), encode: fallback(ast, false), shape: opaqueShape }
  }
})

const objects = (ast: AST.Objects): Node => {
  if (ast.indexSignatures.length > 0 || ast.propertySignatures.length === 0 || ast.propertySignatures.some((ps) => typeof ps.name !== "string")) {
    return { decode: fallback(ast, true), encode: fallback(ast, false), shape: opaqueShape }
  }
  const properties = ast.propertySignatures.map((ps) => ({ name: ps.name as string, optional: AST.isOptional(ps.type), node: node(ps.type) }))
  return {
    decode: structParser(properties.map((p) => ({ name: p.name, optional: p.optional, parse: p.node.decode })), false),
    encode: structParser(properties.map((p) => ({ name: p.name, optional: p.optional, parse: p.node.encode })), false),
    shape: { kind: "struct", properties, absentIsUndefined: false }
  }
}

const arrays = (ast: AST.Arrays): Node => {
  const list = ast.elements.map((element) => ({ optional: AST.isOptional(element), value: element }))
  const decoding = tupleOf(list, ast.rest, (element) => node(element).decode)
  const encoding = tupleOf(list, ast.rest, (element) => node(element).encode)
  if (decoding === undefined || encoding === undefined) return { decode: fallback(ast, true), encode: fallback(ast, false), shape: opaqueShape }
  const parser =
    ({ fits, at }: NonNullable<typeof decoding>): Parser =>
    (input) => (Array.isArray(input) && fits(input.length) ? elements(input, at) : Fail)
  return {
    decode: parser(decoding),
    encode: parser(encoding),
    shape: {
      kind: "list",
      elements: ast.elements.map((element) => ({ optional: AST.isOptional(element), node: node(element) })),
      rest: ast.rest.length === 0 ? undefined : node(ast.rest[0]!)
    }
  }
}

const union = (ast: AST.Union): Node => {
  if (ast.types.every((member) => AST.isLiteral(member) && member.checks === undefined && member.encoding === undefined)) {
    const literals = new Set(ast.types.map((member) => (member as AST.Literal).literal))
    return same(check((input) => literals.has(input as AST.LiteralValue)))
  }
  // `oneOf` needs every member tried (exactly one may match): left to Schema.
  if (ast.options?.mode === "oneOf") return { decode: fallback(ast, true), encode: fallback(ast, false), shape: opaqueShape }
  const firstOf = (members: ReadonlyArray<Parser>): Parser => (input) => {
    for (let i = 0; i < members.length; i++) {
      const value = members[i]!(input)
      if (value !== Fail) return value
    }
    return Fail
  }
  return { decode: firstOf(ast.types.map((member) => node(member).decode)), encode: firstOf(ast.types.map((member) => node(member).encode)), shape: opaqueShape }
}

// ---------------------------------------------------------------------------------------------------------------
// The backend

const checked = <A>(result: Result.Result<A, Schema.SchemaError>): Checked<A, Schema.SchemaError> =>
  Result.isSuccess(result) ? { ok: true, value: result.success } : { ok: false, error: result.failure }

const compileSchema = (schema: Schema.Top): Compiled<Schema.SchemaError> => {
  const decode = Schema.decodeUnknownResult(schema as unknown as AnyDecoder)
  const encode = Schema.encodeUnknownResult(schema as unknown as AnyEncoder)
  return { node: node(schema.ast), decode: (input) => checked(decode(input)), encode: (input) => checked(encode(input)) }
}

const fieldsOf = (schema: unknown): Schema.Struct.Fields | undefined => {
  const fields = (schema as { fields?: unknown } | undefined)?.fields
  return typeof fields === "object" && fields !== null ? (fields as Schema.Struct.Fields) : undefined
}

const field = (name: string, field: Field): { readonly node: Node | undefined; readonly encode: Checker<Schema.SchemaError> } => {
  const one = Schema.Struct({ [name]: field })
  const encodeOne = Schema.encodeUnknownResult(one as unknown as AnyEncoder)
  // The field's own property (a Struct of one field with a renamed key has an encoding: left to Schema).
  const ast = one.ast
  return {
    node: ast.encoding === undefined && ast.encodingChecks === undefined ? node(ast.propertySignatures[0]!.type) : undefined,
    encode: (value) => checked(Result.map(encodeOne({ [name]: value }), (encoded) => (encoded as Record<string, unknown>)[name]))
  }
}

const formatIssue = SchemaIssue.makeFormatterDefault()
const standardIssues = SchemaIssue.makeFormatterStandardSchemaV1()

export const backend: Backend<FieldsSchema, Field, Schema.SchemaError> = {
  compile: compileSchema,
  struct: (fields) => compileSchema(Schema.Struct(fields)),
  fieldsOf,
  field,
  format: (error) => formatIssue(error.issue),
  issues: (error): ReadonlyArray<Issue> =>
    standardIssues(error.issue).issues.map(({ path, message }) => ({
      path: (path ?? []).map((segment) => (typeof segment === "object" ? segment.key : segment)),
      message
    }))
}

/** The Schema failure as the message of a typed error. */
export const format = backend.format
