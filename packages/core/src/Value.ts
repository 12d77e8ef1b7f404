/**
 * JS values ⇄ DynamoDB `AttributeValue`s.
 *
 * Plain JS in, plain JS out: strings, numbers (floats too), `bigint` for integers beyond 2^53, booleans, `null`,
 * arrays (lists), plain objects (maps), `Set`s of strings / numbers / binaries, and `Uint8Array` binaries.
 * Numbers that JS cannot hold exactly come back as `bigint` (integers) or as a `NumberValue` (decimals), never rounded.
 *
 * @example
 * import { Value } from "dynofunc"
 * Value.toAttributeValue(3.5)            // { N: "3.5" }
 * Value.fromItem({ n: { N: "12" } })     // { n: 12 }
 *
 * @since 0.1.0
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import * as Unmarshal from "./internal/values/fromAttributeValue.js"
import * as Marshal from "./internal/values/toAttributeValue.js"

/**
 * A DynamoDB item as plain JS: attribute name → value.
 *
 * @since 0.1.0
 * @category models
 */
export type Item = Record<string, unknown>

/**
 * A DynamoDB item as the SDK sends it.
 *
 * @since 0.1.0
 * @category models
 */
export type AttributeMap = Record<string, AttributeValue>

export {
  /**
   * A DynamoDB number kept as its exact decimal text, for values a JS `number` would round.
   *
   * @since 0.1.0
   * @category conversions
   */
  NumberValue
} from "./internal/values/numbers.js"

/**
 * One JS value as an `AttributeValue`. `undefined` inside objects, arrays and sets is left out; what DynamoDB cannot
 * store exactly is refused (thrown, with the path of the offending value; the builders turn it into a problem
 * instead): `undefined` itself, functions, symbols, `Date`s and other objects whose content would be lost, `NaN`,
 * infinities, numbers DynamoDB cannot hold (more than 38 digits, magnitudes from 1e126 or below 1e-130), `number`s
 * past 2^53 (use a `bigint` or a `NumberValue`), empty or duplicated sets, nesting past 32 levels and cycles.
 *
 * @example
 * import { Value } from "dynofunc"
 * Value.toAttributeValue(["a", 1]) // { L: [{ S: "a" }, { N: "1" }] }
 *
 * @since 0.1.0
 * @category conversions
 */
export const toAttributeValue = (value: unknown): AttributeValue => Marshal.toAttributeValue(value)

/**
 * One `AttributeValue` as a JS value. A number is a `number` when that is exact; otherwise an integer is a `bigint`
 * and a decimal a `NumberValue`.
 *
 * @example
 * import { Value } from "dynofunc"
 * Value.fromAttributeValue({ SS: ["a"] }) // Set { "a" }
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromAttributeValue = (value: AttributeValue): unknown => Unmarshal.fromAttributeValue(value)

/**
 * A JS object as a DynamoDB item (attributes whose value is `undefined` are left out).
 *
 * @example
 * import { Value } from "dynofunc"
 * Value.toItem({ id: "u1", age: 42 }) // { id: { S: "u1" }, age: { N: "42" } }
 *
 * @since 0.1.0
 * @category conversions
 */
export const toItem = (item: Item): AttributeMap => Marshal.toAttributeMap(item)

/**
 * A DynamoDB item as a plain JS object.
 *
 * @example
 * import { Value } from "dynofunc"
 * Value.fromItem({ id: { S: "u1" } }) // { id: "u1" }
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromItem = (item: AttributeMap): Item => Unmarshal.fromAttributeMap(item)
