/**
 * The few spellings the shared tests need that differ between Effect majors (`#test-effect`): this file on
 * Effect 3, `effect4.ts` on Effect 4, with the same exports and signatures. Tests spell everything else the same on
 * both majors; what is here is what cannot be.
 */
import { Arbitrary as SchemaArbitrary, FastCheck, Schema } from "effect"

// Schema

/** A `ReadonlySet` field stored as a DynamoDB set (SS/NS/BS): Effect 3's `ReadonlySetFromSelf`, Effect 4's `ReadonlySet`. */
export const SetOf = Schema.ReadonlySetFromSelf
/** A `ReadonlySet` field encoded as an array (a DynamoDB list): Effect 3's `ReadonlySet`. */
export const SetFromArray = Schema.ReadonlySet
/** A `Date` encoded as its ISO string: Effect 3's `Date` (Effect 4's `Date` is a Date on both sides). */
export const DateFromIso = Schema.Date
/** A `DateTime.Utc` encoded as its ISO string: Effect 3's `DateTimeUtc`. */
export const DateTimeUtcFromIso = Schema.DateTimeUtc
/** A `Uint8Array` on both sides (a DynamoDB binary): Effect 3's `Uint8ArrayFromSelf`. */
export const Bytes = Schema.Uint8ArrayFromSelf
/** An optional key whose value may not be `undefined`: Effect 3's `optionalWith(s, { exact: true })`. */
export const optionalKey = <S extends Schema.Schema.Any>(schema: S) => Schema.optionalWith(schema, { exact: true })
/** An optional key decoded to an `Option`: Effect 3's `optionalWith(s, { as: "Option" })`. */
export const optionalOption = <S extends Schema.Schema.Any>(schema: S) => Schema.optionalWith(schema, { as: "Option" })
/** A record of `value`s by string key. */
export const RecordOf = <V extends Schema.Schema.Any>(value: V) => Schema.Record({ key: Schema.String, value })
/** A union of literals. */
export const Literals = <const L extends ReadonlyArray<string | number>>(...literals: L) => Schema.Literal(...literals)
/** A union of schemas, tried in order. */
export const Union = <const M extends ReadonlyArray<Schema.Schema.Any>>(...members: M) => Schema.Union(...members)
/** A pair whose second element may be left out. */
export const PairWithOptional = <A extends Schema.Schema.Any, B extends Schema.Schema.Any>(first: A, second: B) => Schema.Tuple(first, Schema.optionalElement(second))
/** A string of at least `n` characters. */
export const StringOfMinLength = (n: number) => Schema.String.pipe(Schema.minLength(n))
/** A number above zero. */
export const PositiveNumber = Schema.Number.pipe(Schema.positive())
/** The `_tag` of the Schema failure a typed error carries as `cause` (`ParseError`; Effect 4: `SchemaError`). */
export const schemaFailureTag = "ParseError"
/** fast-check values of `schema`'s type (Effect 3: `Arbitrary.make`), for `FastCheck` below. */
export const arbitrary = <A, I>(schema: Schema.Schema<A, I>): FastCheck.Arbitrary<A> => SchemaArbitrary.make(schema)
/** The fast-check that `arbitrary` builds on. */
export { FastCheck }
/** The test clock (timestamps come from Effect's Clock): `effect`'s `TestClock` on Effect 3, `effect/testing`'s on Effect 4. */
export { TestClock } from "effect"
/** A `bigint` encoded as a number. */
export const BigIntFromNumber = Schema.BigIntFromNumber
/** A `Date` encoded as its epoch milliseconds: Effect 3's `DateFromNumber`, Effect 4's `DateFromMillis`. */
export const DateFromMillis = Schema.DateFromNumber
/**
 * Fields whose key is renamed in the encoded item (`renamed` read from and written to `renamed_`): a property
 * signature on Effect 3; none on Effect 4, whose renaming is the struct's (`Schema.encodeKeys`), not a field's.
 */
export const renamedKeyFields = { renamed: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("renamed_")) }
/** `schema`'s encoder and decoder as outcomes (`#adapter`'s `Outcome`: an Either on Effect 3, a Result on Effect 4). */
export const encodeUnknownOutcome = Schema.encodeUnknownEither
export const decodeUnknownOutcome = Schema.decodeUnknownEither
