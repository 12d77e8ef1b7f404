/**
 * The few spellings the shared tests need that differ between Effect majors (`#test-effect`): this file on
 * Effect 4, `effect3.ts` on Effect 3, with the same exports and signatures. Tests spell everything else the same on
 * both majors; what is here is what cannot be.
 */
import { Arbitrary as SchemaArbitrary, Effect, Schema, SchemaTransformation } from "effect"
import * as FastCheck from "fast-check"

// Schema

/** A `ReadonlySet` field stored as a DynamoDB set (SS/NS/BS): Effect 3's `ReadonlySetFromSelf`, Effect 4's `ReadonlySet`. */
export const SetOf = Schema.ReadonlySet
/** A `ReadonlySet` field encoded as an array (a DynamoDB list): Effect 3's `ReadonlySet`; built from `Array` on Effect 4. */
export const SetFromArray = <S extends Schema.Constraint>(item: S) =>
  Schema.Array(item).pipe(
    Schema.decodeTo(
      Schema.ReadonlySet(Schema.toType(item)),
      SchemaTransformation.transform({ decode: (list) => new Set(list), encode: (set) => [...set] })
    )
  )
/** A `Date` encoded as its ISO string: Effect 3's `Date` (Effect 4's `Date` is a Date on both sides). */
export const DateFromIso = Schema.DateFromString
/** A `DateTime.Utc` encoded as its ISO string: Effect 3's `DateTimeUtc`. */
export const DateTimeUtcFromIso = Schema.DateTimeUtcFromString
/** A `Uint8Array` on both sides (a DynamoDB binary): Effect 3's `Uint8ArrayFromSelf`. */
export const Bytes = Schema.Uint8Array
/** An optional key whose value may not be `undefined`: Effect 3's `optionalWith(s, { exact: true })`. */
export const optionalKey = <S extends Schema.Constraint>(schema: S) => Schema.optionalKey(schema)
/** An optional key decoded to an `Option`: Effect 3's `optionalWith(s, { as: "Option" })`. */
export const optionalOption = <S extends Schema.Constraint>(schema: S) => Schema.OptionFromOptionalKey(schema)
/** A record of `value`s by string key. */
export const RecordOf = <V extends Schema.Constraint>(value: V) => Schema.Record(Schema.String, value)
/** A union of literals. */
export const Literals = <const L extends ReadonlyArray<string | number>>(...literals: L) => Schema.Literals(literals)
/** A union of schemas, tried in order. */
export const Union = <const M extends ReadonlyArray<Schema.Constraint>>(...members: M) => Schema.Union(members)
/** A pair whose second element may be left out. */
export const PairWithOptional = <A extends Schema.Constraint, B extends Schema.Constraint>(first: A, second: B) => Schema.Tuple([first, Schema.optionalKey(second)])
/** A string of at least `n` characters. */
export const StringOfMinLength = (n: number) => Schema.String.check(Schema.isMinLength(n))
/** A number above zero. */
export const PositiveNumber = Schema.Number.check(Schema.isGreaterThan(0))
/** The `_tag` of the Schema failure a typed error carries as `cause` (`ParseError`; Effect 4: `SchemaError`). */
export const schemaFailureTag = "SchemaError"
/**
 * fast-check values of `schema`'s type. Effect 4's `Arbitrary` is not fast-check: a sample of its values, drawn
 * from (fast-check shrinks within the sample).
 */
export const arbitrary = <S extends Schema.Constraint>(schema: S): FastCheck.Arbitrary<S["Type"]> =>
  FastCheck.constantFrom(...Effect.runSync(SchemaArbitrary.sampleEffect(SchemaArbitrary.schema(schema), { count: 500, seed: 1 })))
/** The fast-check that `arbitrary` builds on. */
export { FastCheck }
/** The test clock (timestamps come from Effect's Clock): `effect`'s `TestClock` on Effect 3, `effect/testing`'s on Effect 4. */
export { TestClock } from "effect/testing"
/** A `bigint` encoded as a number. */
export const BigIntFromNumber = Schema.Number.pipe(
  Schema.decodeTo(Schema.BigInt, SchemaTransformation.transform({ decode: (n: number) => BigInt(n), encode: (b: bigint) => Number(b) }))
)
/** A `Date` encoded as its epoch milliseconds: Effect 3's `DateFromNumber`, Effect 4's `DateFromMillis`. */
export const DateFromMillis = Schema.DateFromMillis
/**
 * Fields whose key is renamed in the encoded item (`renamed` read from and written to `renamed_`): a property
 * signature on Effect 3; none on Effect 4, whose renaming is the struct's (`Schema.encodeKeys`), not a field's.
 */
export const renamedKeyFields = {}
/** `schema`'s encoder and decoder as outcomes (`#adapter`'s `Outcome`: an Either on Effect 3, a Result on Effect 4). */
export const encodeUnknownOutcome = Schema.encodeUnknownResult
export const decodeUnknownOutcome = Schema.decodeUnknownResult
