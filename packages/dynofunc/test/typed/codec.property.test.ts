/**
 * The compiled codec against the reference path: `Schema.encodeUnknownEither` (then marshal) and (unmarshal, then)
 * `Schema.decodeUnknownEither`, on `arbitrary(schema)` values and on values with one field made invalid, for
 * every Schema kind the compiler knows and a few it hands back to Schema: same success or failure, same output,
 * same error. The one-pass paths (`writeItem`, `readItem`, and through them an entity's `put` and `get`) against
 * the same two passes, on values that do not match, values DynamoDB cannot hold and responses it could not send.
 */
import { describe, expect, it } from "@effect/vitest"
import { Option, Schema } from "effect"
import { attr, Entity, find, query, TypedTable, update } from "dynofunc"
import { Outcome } from "#adapter"
import { node } from "#schema"
import {
  arbitrary,
  BigIntFromNumber,
  Bytes,
  DateFromIso,
  DateFromMillis,
  DateTimeUtcFromIso,
  decodeUnknownOutcome,
  encodeUnknownOutcome,
  FastCheck as fc,
  Literals,
  optionalKey,
  optionalOption,
  PairWithOptional,
  PositiveNumber,
  RecordOf,
  renamedKeyFields,
  SetOf,
  isEffect4,
  StringOfMinLength,
  Union
} from "#test-effect"
import * as Codec from "../../src/internal/typed/codec.js"
import { Fail } from "../../src/internal/typed/schema/types.js"
const compile = (ast: Parameters<typeof node>[0], isDecoding: boolean) => (isDecoding ? node(ast).decode : node(ast).encode)
type Either<A, E> = Outcome.Outcome<A, E>
const toEither = <A, E>(c: { ok: true; value: A } | { ok: false; error: E }): Either<A, E> => (c.ok ? Outcome.succeed(c.value) : Outcome.fail(c.error))
const getOrThrow = <A, E>(outcome: Either<A, E>): A => {
  if (Outcome.isSuccess(outcome)) return Outcome.successOf(outcome)
  throw new Error(`expected a success: ${String(Outcome.failureOf(outcome))}`)
}
import { thrownProblem } from "@dynofunc/core/internal/input/guard"
import { fromAttributeMap } from "@dynofunc/core/internal/values/fromAttributeValue"
import { toAttributeMap, toAttributeValue } from "@dynofunc/core/internal/values/toAttributeValue"

class Point extends Schema.Class<Point>("Point")({ x: Schema.Number, y: Schema.Number }) {}

const Kinds = Schema.Struct({
  string: Schema.String,
  number: Schema.Number,
  boolean: Schema.Boolean,
  literal: Schema.Literal("on"),
  literals: Literals("dark", "light", 3),
  nothing: Schema.Null,
  bigint: Schema.BigInt,
  bigintFromNumber: BigIntFromNumber,
  date: DateFromIso,
  dateFromString: Schema.DateFromString,
  dateFromNumber: DateFromMillis,
  dateTime: DateTimeUtcFromIso,
  optional: Schema.optional(Schema.String),
  optionalExact: optionalKey(Schema.Number),
  optionField: optionalOption(Schema.String),
  optionFromNull: Schema.OptionFromNullOr(Schema.Number),
  optionFromUndefined: Schema.OptionFromUndefinedOr(Schema.Boolean),
  nullOr: Schema.NullOr(Schema.String),
  array: Schema.Array(Schema.Number),
  nonEmpty: Schema.NonEmptyArray(Schema.String),
  tuple: PairWithOptional(Schema.String, Schema.Number),
  set: SetOf(Schema.String),
  numbers: SetOf(Schema.Number),
  nested: Schema.Struct({ city: Schema.String, geo: Schema.Struct({ lat: Schema.Number, lon: Schema.Number }), zip: Schema.optional(Schema.String) }),
  record: RecordOf(Schema.Number),
  bytes: Bytes,
  point: Point,
  refined: StringOfMinLength(2),
  int: Schema.Int,
  positive: PositiveNumber,
  trimmed: Schema.Trim,
  numberFromString: Schema.NumberFromString,
  ...renamedKeyFields,
  tagged: Union(Schema.TaggedStruct("a", { n: Schema.Number }), Schema.TaggedStruct("b", { s: Schema.String })),
  mixed: Union(Schema.Number, Schema.String, Schema.Array(Schema.Boolean))
})

class Account extends Schema.Class<Account>("Account")({
  id: Schema.String,
  since: DateFromIso,
  roles: SetOf(Literals("admin", "dev")),
  owner: Schema.optional(Point)
}) {}

/** Values that are wrong for most fields. */
const odd = fc.oneof(
  fc.anything(),
  fc.constantFrom<unknown>(undefined, null, NaN, "", "x", 0, -1, 1.5, 1n, true, new Date(Number.NaN), new Date(0), new Set([1, "a"]), new Uint8Array([1]), [], {}, Option.none(), Option.some(1))
)

/** `value` with (sometimes) one field replaced by an odd value, or removed. */
const spoiled = (value: fc.Arbitrary<Record<string, unknown>>, names: ReadonlyArray<string>) =>
  fc.tuple(value, fc.constantFrom(...names), odd, fc.nat(3)).map(([item, name, bad, how]) => {
    const copy: Record<string, unknown> = { ...item }
    if (how === 0) delete copy[name]
    else copy[name] = bad
    return copy
  })

/** `value` with one field replaced by a value that encodes but that DynamoDB cannot hold. */
const unstorable = (value: fc.Arbitrary<Record<string, unknown>>, names: ReadonlyArray<string>) =>
  fc
    .tuple(value, fc.constantFrom(...names), fc.constantFrom<unknown>(NaN, Infinity, 1e-200, 2 ** 60, new Set(), new Set([1, 1n]), "", [NaN], { a: NaN }, 12345678901234567890123456789012345678901n))
    .map(([item, name, bad]) => ({ ...item, [name]: bad }))

/** An attribute a response could not hold: a name (a field's or another) and a malformed `AttributeValue`. */
const malformed = (names: ReadonlyArray<string>) =>
  fc.tuple(
    fc.constantFrom(...names, "tpk", "other"),
    fc.constantFrom<unknown>(undefined, null, "x", { N: 5 }, { N: "five" }, { Q: "a" }, {}, { S: "a", N: "1" }, { N: "1", S: "a" }, { M: [] }, { L: {} }, { SS: [1] }, { M: { a: { X: 1 } } }, { L: [{ S: 1 }] })
  )

/** What `run` throws, as its message and where (a `MalformedValue`'s place in the response). */
const thrown = (run: () => unknown) => {
  try {
    run()
    return undefined
  } catch (error) {
    return { message: (error as Error).message, where: (error as { where?: unknown }).where }
  }
}

const same = <A>(fast: Either<A, unknown>, reference: Either<A, unknown>) => {
  expect(Outcome.isSuccess(fast)).toBe(Outcome.isSuccess(reference))
  if (Outcome.isSuccess(fast) && Outcome.isSuccess(reference)) expect(Outcome.successOf(fast)).toStrictEqual(Outcome.successOf(reference))
  if (Outcome.isFailure(fast) && Outcome.isFailure(reference)) expect(Codec.format(Outcome.failureOf(fast) as never)).toBe(Codec.format(Outcome.failureOf(reference) as never))
}

/**
 * Runs the agreement checks on `schema` (a Struct or a Class). `walksEveryValue`: whether every valid value takes
 * the compiled, one-pass paths (else a valid value may be handed to Schema whole: same result, slower).
 */
const agrees = (schema: Codec.FieldsSchema, runs: number, walksEveryValue = true) => {
  const codec = Codec.make(schema)
  const fields = Schema.Struct(schema.fields) as unknown as Schema.Schema<Record<string, unknown>, Record<string, unknown>>
  const names = Object.keys(schema.fields)
  const typed = arbitrary(schema as Schema.Schema<Record<string, unknown>, Record<string, unknown>>)
  const encodeReference = encodeUnknownOutcome(fields)
  const decodeReference = decodeUnknownOutcome(schema as Schema.Schema<unknown, Record<string, unknown>>)
  /** Valid values DynamoDB can hold once encoded (most `Arbitrary` items have a field it cannot: a huge number, an empty set). */
  const holdable = fc
    .tuple(
      ...names.map((name) => {
        const one = Schema.Struct({ [name]: schema.fields[name]! }) as unknown as Schema.Schema<Record<string, unknown>, Record<string, unknown>>
        const encode = Schema.encodeSync(one)
        return arbitrary(one).filter((value) => {
          try {
            return toAttributeMap(encode(value)) !== undefined
          } catch {
            return false
          }
        })
      })
    )
    .map((fields) => Object.assign({}, ...fields) as Record<string, unknown>)
  /** Encoded items as stored: valid ones, and ones with a field made invalid. */
  const stored = fc.oneof(typed, holdable).chain((item) => {
    const encoded = Schema.encodeSync(fields)(item)
    return fc.oneof(fc.constant(encoded), spoiled(fc.constant(encoded), names))
  })

  if (walksEveryValue) it("valid values take the compiled path both ways (Schema is asked only about failures)", () => {
    const encode = compile(fields.ast, false)
    const decode = compile(schema.ast, true)
    fc.assert(
      fc.property(typed, (item) => {
        const encoded = encode(item)
        expect(encoded).not.toBe(Fail)
        expect(encoded).toStrictEqual(getOrThrow(encodeReference(item)))
        expect(decode(encoded)).not.toBe(Fail)
      }),
      { numRuns: runs }
    )
  })

  it("encodes like Schema.encode, valid or not", () => {
    fc.assert(
      fc.property(fc.oneof(typed.map((item) => ({ ...item })), spoiled(typed, names)), (item) => same(toEither(codec.encodeItem(item)), encodeReference(item))),
      { numRuns: runs }
    )
  })

  it("decodes what DynamoDB gives back like unmarshal + Schema.decodeUnknown, valid or not", () => {
    fc.assert(
      fc.property(stored, (encoded) => {
        let raw: Record<string, unknown>
        try {
          raw = fromAttributeMap(toAttributeMap(encoded))
        } catch {
          return // a value DynamoDB cannot hold (NaN, an empty set): never read back
        }
        same(toEither(codec.decodeItem(raw)), decodeReference(raw))
      }),
      { numRuns: runs }
    )
  })

  /** What encode + marshal stores for `item`, or the problem the two passes find (`Item` when it does not encode). */
  const twoPassWrite = (item: unknown): Either<Record<string, unknown>, { readonly part: string; readonly message: string }> => {
    const encoded = encodeReference(item)
    if (Outcome.isFailure(encoded)) return Outcome.fail({ part: "Item", message: Codec.format(Outcome.failureOf(encoded)) })
    try {
      return Outcome.succeed(toAttributeMap(Outcome.successOf(encoded), "Item"))
    } catch (error) {
      return Outcome.fail(thrownProblem(error))
    }
  }

  it("writes in one pass what encode + marshal store, and nothing where they fail (values DynamoDB cannot hold too)", () => {
    fc.assert(
      fc.property(fc.oneof(holdable, typed.map((item) => ({ ...item })), spoiled(typed, names), unstorable(holdable, names)), (item) => {
        const reference = twoPassWrite(item)
        const written = codec.writeItem(item)
        if (Outcome.isFailure(reference)) expect(written).toBeUndefined()
        else if (walksEveryValue || written !== undefined) expect(written).toStrictEqual(Outcome.successOf(reference))
      }),
      { numRuns: runs }
    )
  })

  it("reads in one pass what unmarshal + decode give, and nothing where they fail (malformed responses too)", () => {
    fc.assert(
      fc.property(stored, fc.option(malformed(names)), (encoded, broken) => {
        let av: Record<string, unknown>
        try {
          av = { ...toAttributeMap(encoded), tpk: { S: "P#1" }, _entity: { S: "Kind" } }
        } catch {
          return
        }
        if (broken !== null) av[broken[0]] = broken[1]
        const read = codec.readItem(av as never)
        let raw: Record<string, unknown>
        try {
          raw = fromAttributeMap(av as never)
        } catch {
          expect(read).toBe(Fail)
          return
        }
        const reference = decodeReference(raw)
        if (Outcome.isFailure(reference)) expect(read).toBe(Fail)
        else if (walksEveryValue || read !== Fail) expect(read).toStrictEqual(Outcome.successOf(reference))
      }),
      { numRuns: runs }
    )
  })

  /** An entity of `schema` (any Schema of this suite: the types of `make` are tested elsewhere), keyed by its name alone. */
  const entity = (Entity.make as unknown as (config: unknown) => unknown)({
    table: TypedTable.make({ name: "kinds", partitionKey: "tpk", sortKey: "tsk" }),
    name: "Kind",
    schema,
    primary: { partition: { prefix: "P", fields: [] } }
  }) as {
    put: (item: unknown) => { description: { Item?: unknown }; problems: ReadonlyArray<{ part: string; message: string }> }
  } & Record<"get" | "query" | "update", (...args: ReadonlyArray<unknown>) => { decode: (raw: unknown) => Either<Record<string, unknown>, { cause: Codec.SchemaFailure }> }>
  const keys = { _entity: { S: "Kind" }, tpk: { S: "P" }, tsk: { S: "Kind" } }

  it("an entity's put: the one-pass description is the two passes' (keys and tag added), errors too", () => {
    fc.assert(
      fc.property(fc.oneof(holdable, typed.map((item) => ({ ...item })), spoiled(typed, names), unstorable(holdable, names)), (item) => {
        const op = entity.put(item)
        const reference = twoPassWrite(item)
        if (Outcome.isFailure(reference)) {
          const { part, message } = Outcome.failureOf(reference)
          expect(op.problems).toEqual([{ part, message: part === "Item" ? `Kind: ${message}` : message }])
          return
        }
        expect(op.problems).toEqual([])
        expect(op.description.Item).toStrictEqual({ ...Outcome.successOf(reference), ...keys })
      }),
      { numRuns: runs }
    )
  })

  it("an entity's get, query and update (ALL_NEW) decode what DynamoDB sends like the plain operation then Schema, malformed responses too", () => {
    const reads = [
      { typed: entity.get({}), plain: find("kinds", {}), send: (item: unknown) => ({ Item: item }), pick: (result: Record<string, unknown>) => [result["item"]] },
      { typed: entity.update({}, {}), plain: update("kinds", {}, { x: 1 }), send: (item: unknown) => ({ Attributes: item }), pick: (result: Record<string, unknown>) => [result["item"] ?? result["attributes"]] },
      { typed: entity.query("primary", {}), plain: query("kinds", attr("tpk").equals("P")), send: (item: unknown) => ({ Items: [item, item], Count: 2 }), pick: (result: Record<string, unknown>) => result["items"] as ReadonlyArray<unknown> }
    ]
    fc.assert(
      fc.property(stored, fc.option(malformed(names)), (encoded, broken) => {
        let av: Record<string, unknown>
        try {
          av = { ...toAttributeMap(encoded), ...keys }
        } catch {
          return
        }
        if (broken !== null) av[broken[0]] = broken[1]
        for (const { typed, plain, send, pick } of reads) {
          const raw = { ...send(av), $metadata: {} }
          let items: ReadonlyArray<unknown>
          try {
            items = pick((plain.decode as unknown as (raw: unknown) => Record<string, unknown>)(raw))
          } catch (error) {
            // Unmarshalling failed: the same error, at the same place.
            expect(thrown(() => typed.decode(raw))).toStrictEqual(thrown(() => { throw error }))
            continue
          }
          const references = items.map((item) => decodeReference(item))
          const result = typed.decode(raw)
          const failed = references.find(Outcome.isFailure)
          expect(Outcome.isFailure(result)).toBe(failed !== undefined)
          if (failed !== undefined && Outcome.isFailure(result)) expect(Codec.format(Outcome.failureOf(result).cause)).toBe(Codec.format(Outcome.failureOf(failed)))
          if (Outcome.isSuccess(result)) expect(pick(Outcome.successOf(result))).toStrictEqual(references.map((reference) => getOrThrow(reference)))
        }
      }),
      { numRuns: runs }
    )
  })

  /** What Schema encodes `value` of field `name` to. */
  const encodeOne = (name: string, value: unknown) => {
    const one = Schema.Struct({ [name]: schema.fields[name]! }) as unknown as Schema.Schema<Record<string, unknown>, Record<string, unknown>>
    return Outcome.map(encodeUnknownOutcome(one)({ [name]: value }), (out) => out[name])
  }

  it("encodes single fields (updates, conditions) like Schema, and writes them in one pass as encode + marshal do (or not at all)", () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...names), fc.oneof(odd, fc.constantFrom<unknown>(NaN, Infinity, 1e-200, new Set(), [NaN], { city: NaN })), fc.boolean(), (item, name, bad, valid) => {
        const value = valid ? item[name] : bad
        const reference = encodeOne(name, value)
        same(toEither(codec.encodeField([name], value)), reference)
        const encoded = codec.fieldEncoder(name)(value)
        if (Outcome.isFailure(reference)) expect(encoded).toBe(Fail)
        else expect(encoded).toStrictEqual(Outcome.successOf(reference))
        let marshalled: unknown = Fail
        try {
          if (Outcome.isSuccess(reference) && Outcome.successOf(reference) !== undefined) marshalled = toAttributeValue(Outcome.successOf(reference))
        } catch {
          // DynamoDB cannot hold it: the one-pass writer gives Fail, and the update's marshaller names the problem.
        }
        // Fail also where the writer does not walk the field (a renamed key): the update then encodes, then marshals.
        const written = codec.fieldWriter(name)(value)
        if (written !== Fail) expect(written).toStrictEqual(marshalled)
        if (marshalled === Fail) expect(written).toBe(Fail)
        if (schema.fields[name] === Schema.String && typeof value === "string") expect(written).toStrictEqual({ S: value })
      }),
      { numRuns: runs }
    )
  })

  it("an entity's update: the one-pass description is the plain update of the encoded changes, problems too", () => {
    const table = TypedTable.make({ name: "kinds", partitionKey: "tpk", sortKey: "tsk" })
    const make = Entity.make as unknown as (config: unknown) => unknown
    const entity = make({ table, name: "Kind", schema, primary: { partition: { prefix: "P", fields: [] } } }) as {
      update: (key: unknown, changes: unknown) => { description: unknown; problems: ReadonlyArray<{ part: string; message: string }> }
    }
    const key = { tpk: "P", tsk: "Kind" }
    fc.assert(
      fc.property(fc.oneof(typed.map((item) => ({ ...item })), spoiled(typed, names), unstorable(typed, names)), (changes) => {
        const op = entity.update({}, changes)
        const encoded: Record<string, unknown> = {}
        for (const name in changes) {
          if (changes[name] === undefined) continue
          const one = encodeOne(name, changes[name])
          if (Outcome.isFailure(one)) {
            expect(op.problems.map((problem) => problem.part)).toEqual(["UpdateExpression"])
            return
          }
          encoded[name] = Outcome.successOf(one)
        }
        const reference = update("kinds", key, encoded, { condition: attr("tpk").exists(), returnValues: "ALL_NEW" })
        expect(op.problems).toEqual(reference.problems)
        expect(op.description).toStrictEqual(reference.description)
      }),
      { numRuns: runs }
    )
  })
}

/**
 * Effect 4 compiles every kind of `Kinds` but an `Option` stored as an optional key (`OptionFromOptionalKey`: the
 * key is present on one side only), which its compiler hands to Schema with the item: checked there without it.
 */
const { optionField: _optionField, ...walkedOnEffect4 } = Kinds.fields

describe("compiled codec: every Schema kind", () => agrees(Kinds, 300, !isEffect4))

if (isEffect4) describe("compiled codec: every Schema kind Effect 4 walks in one pass", () => agrees(Schema.Struct(walkedOnEffect4), 300))

describe("compiled codec: a Schema.Class", () => agrees(Account, 200))

describe("compiled codec: projections", () => {
  it("decodes a projection like Schema does on the picked fields", () => {
    const codec = Codec.make(Kinds)
    const picked = Schema.Struct({ string: Kinds.fields.string, set: Kinds.fields.set, date: Kinds.fields.date })
    const decode = codec.decodeProjection(["string", "set", "date"])
    for (const raw of [{ string: "a", set: new Set(["x"]), date: "2026-01-01T00:00:00.000Z", other: 1 }, { string: 1 }, {}]) {
      const reference = decodeUnknownOutcome(picked)(raw)
      same(toEither(decode(raw)), reference)
      // In one pass from the attributes DynamoDB sends: the same item, or nothing (the two passes say why).
      const read = codec.readProjection(["string", "set", "date"])(toAttributeMap(raw))
      if (Outcome.isSuccess(reference)) expect(read).toStrictEqual(Outcome.successOf(reference))
      else expect(read).toBe(Fail)
    }
  })
})
