/**
 * The neutral description of a Schema that the typed layer consumes: what the per-major module (`#schema`:
 * `effect3.ts` on Effect 3, `effect4.ts` on Effect 4) makes of a Schema, free of Effect's types. Everything else in
 * `internal/typed` (the one-pass attribute writer and reader, the codec, the entity builders) works on this only.
 *
 * A `Node` is one Schema AST node compiled once: its decoder and encoder (`Parser`s: the converted value, or `Fail`,
 * never an error tree) and its `shape`, which tells the attribute walker how the node may be walked between its
 * typed value and a DynamoDB `AttributeValue` in one pass. A compiled parser is a fast path only: it may give
 * `Fail` where Schema would succeed (the caller then asks Schema, through `Codec`), never succeed where Schema fails.
 */

/** What a compiled parser returns when the value does not match (the caller then asks Schema why). */
export const Fail: unique symbol = Symbol.for("dynofunc/typed/Fail")

/** What a `Step` returns when Schema's own parser must run the conversion (it is effectful or async). */
export const Effectful: unique symbol = Symbol.for("dynofunc/typed/Effectful")

/** A compiled decoder or encoder: the converted value, or `Fail`. */
export type Parser = (input: unknown) => unknown

/** A transformation's conversion of the value one side gave (`input`: what the whole node got): the value, `Fail` or `Effectful`. */
export type Step = (value: unknown, input: unknown) => unknown

/** A property of a struct node: a string name (symbol keys and index signatures make the struct `opaque`). */
export interface Property {
  readonly name: string
  readonly optional: boolean
  readonly node: Node
}

/** An element of a tuple or array node. */
export interface Element {
  readonly optional: boolean
  readonly node: Node
}

/** How a node is walked between its typed value and an `AttributeValue` (`opaque`: the codec and the marshaller). */
export type Shape =
  /** A primitive whose encoded value is itself, with no check beyond its `typeof`. */
  | { readonly kind: "string" }
  | { readonly kind: "number" }
  | { readonly kind: "boolean" }
  /**
   * Checks on top of `from` (Effect 3's `Refinement`; Effect 4's `checks`). Encoding: `valid` (the type side with
   * every check) then `base` (what the checks refine, without them). Decoding: `from`, then `refine` (the checks
   * alone, on what `from` gave; `Fail` passes through).
   */
  | { readonly kind: "refinement"; readonly from: Node; readonly base: Node; readonly valid: Parser; readonly refine: (value: unknown) => unknown }
  /**
   * A conversion between an encoded side `from` and a type side `to`. `readsWhole`: the conversion may look at the
   * whole encoded input (not read in one pass).
   */
  | { readonly kind: "transformation"; readonly from: Node; readonly to: Node; readonly decodeStep: Step; readonly encodeStep: Step; readonly readsWhole: boolean }
  /**
   * Named properties only (no index signatures, no symbol keys). `absentIsUndefined`: a required property absent
   * from the input is parsed from `undefined` (Effect 3); otherwise it fails (Effect 4: a missing key).
   */
  | { readonly kind: "struct"; readonly properties: ReadonlyArray<Property>; readonly absentIsUndefined: boolean }
  /** A tuple or array: its elements, then at most one rest element (more: `opaque`). */
  | { readonly kind: "list"; readonly elements: ReadonlyArray<Element>; readonly rest: Node | undefined }
  /** Anything else: a set, a date, an option, a union, a declaration, a recursive schema, … */
  | { readonly kind: "opaque" }

/** One Schema AST node, compiled. */
export interface Node {
  /** Encoded → type, or `Fail`. */
  readonly decode: Parser
  /** Type → encoded, or `Fail`. */
  readonly encode: Parser
  readonly shape: Shape
}

/** One issue of a Schema failure, neutral: where (the path inside the value) and what. */
export interface Issue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/** The outcome of Schema's own parser: the value, or the major's error (`ParseError` / `SchemaError`). */
export type Checked<A, E> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: E }

/** A Schema's whole parser, with Schema's error: `Checked`. */
export type Checker<E> = (input: unknown) => Checked<unknown, E>

/** A schema compiled both ways: the fast nodes, and Schema's own parsers for the errors. */
export interface Compiled<E> {
  readonly node: Node
  readonly decode: Checker<E>
  readonly encode: Checker<E>
}

/**
 * What each major provides (`#schema`). `Schema` is the major's schema type with fields (`Schema.Struct` or a
 * `Schema.Class`), `Field` the type of one field, `Error` the Schema failure carried as `cause` by `ItemDecodeError`
 * and `ItemEncodeError`.
 */
export interface Backend<Schema, Field, Error> {
  /** The schema itself, compiled (reads: a `Schema.Class` decodes to its instances). */
  readonly compile: (schema: Schema) => Compiled<Error>
  /** The plain struct of `fields`, compiled (writes take plain objects, also for a `Schema.Class`). */
  readonly struct: (fields: Readonly<Record<string, Field>>) => Compiled<Error>
  /** The fields of a schema (a `Schema.Struct`, a `Schema.Class`), or of a field that is itself a struct. */
  readonly fieldsOf: (schema: Schema | Field | undefined) => Readonly<Record<string, Field>> | undefined
  /**
   * One field, as it sits in an item: the node of its property (`undefined` when only Schema's parser may encode it,
   * such as a renamed key) and Schema's encoder of its value alone.
   */
  readonly field: (name: string, field: Field) => { readonly node: Node | undefined; readonly encode: Checker<Error> }
  /** The failure in a few lines (the `message` of the typed errors). */
  readonly format: (error: Error) => string
  /** The failure as a flat list of issues. */
  readonly issues: (error: Error) => ReadonlyArray<Issue>
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers shared by both majors' compilers and the walker.

export const hasOwn = (input: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(input, key)

export const isRecord = (input: unknown): input is Record<PropertyKey, unknown> => typeof input === "object" && input !== null && !Array.isArray(input)

/** `build` memoized per key in `memo` (a node's compiled function is built once, however often it is reached). */
export const memoized = <K extends object, P>(memo: WeakMap<K, P>, build: (key: K) => P) => (key: K): P => {
  const known = memo.get(key)
  if (known !== undefined) return known
  const built = build(key)
  memo.set(key, built)
  return built
}

export const check =
  (predicate: (input: unknown) => boolean): Parser =>
  (input) => (predicate(input) ? input : Fail)

/**
 * A tuple or array with each element mapped by `each`: whether a length fits it, and the mapped element at a
 * position that fits; `undefined` for the tuples left to Schema's parser (several rest elements, an optional
 * element before a required one).
 */
export const tupleOf = <T, P>(
  elements: ReadonlyArray<{ readonly optional: boolean; readonly value: T }>,
  rest: ReadonlyArray<T>,
  each: (value: T) => P
) => {
  if (rest.length > 1 || elements.some((element, i) => element.optional && i < elements.length - 1 && !elements[i + 1]!.optional)) {
    return undefined
  }
  const compiled = elements.map((element) => each(element.value))
  const last = rest.length === 0 ? undefined : each(rest[0]!)
  const required = elements.filter((element) => !element.optional).length
  return {
    fits: (length: number): boolean => length >= required && (last !== undefined || length <= compiled.length),
    at: (i: number): P => (i < compiled.length ? compiled[i]! : last!)
  }
}

/** Each element of `list` converted by the parser `at` its position, or `Fail` when one fails. */
export const elements = (list: ReadonlyArray<unknown>, at: (i: number) => Parser): Array<unknown> | typeof Fail => {
  const out: Array<unknown> = []
  for (let i = 0; i < list.length; i++) {
    const value = at(i)(list[i])
    if (value === Fail) return Fail
    out.push(value)
  }
  return out
}

/** A compiled decoder of a struct of `properties` (optional ones skipped when absent; other keys dropped). */
export const structParser = (
  properties: ReadonlyArray<{ readonly name: string; readonly optional: boolean; readonly parse: Parser }>,
  /** Whether a required property absent from the input is parsed from `undefined` (Effect 3) or fails (Effect 4). */
  absentAsUndefined: boolean
): Parser => (input) => {
  if (!isRecord(input)) return Fail
  const out: Record<string, unknown> = {}
  for (let i = 0; i < properties.length; i++) {
    const { name, optional, parse } = properties[i]!
    if (!hasOwn(input, name)) {
      if (optional) continue
      if (!absentAsUndefined) return Fail
    }
    const value = parse(input[name])
    if (value === Fail) return Fail
    out[name] = value
  }
  return out
}

/** Schema's outcome (`Checked`) behind a compiled parser: the compiled result, or Schema's, with its error. */
export const withFallback =
  <E>(fast: Parser, slow: Checker<E>): Checker<E> =>
  (input) => {
    const value = fast(input)
    return value === Fail ? slow(input) : { ok: true, value }
  }
