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
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { marshall, NumberValueImpl as NumberValue, unmarshall } from "@aws-sdk/util-dynamodb"

/** A DynamoDB item as plain JS: attribute name → value. */
export type Item = Record<string, unknown>

/** A DynamoDB item as the SDK sends it. */
export type AttributeMap = Record<string, AttributeValue>

/** A DynamoDB number kept as its exact decimal text, for values a JS `number` would round. */
export { NumberValue }

const marshallOptions = {
  removeUndefinedValues: true,
  convertClassInstanceToMap: true,
  convertTopLevelContainer: true
} as const

const readNumber = (text: string): number | bigint | NumberValue => {
  const n = Number(text)
  if (Number.isSafeInteger(n) || (!Number.isInteger(n) && String(n) === normalizeDecimal(text))) return n
  if (/^-?\d+$/.test(text)) return BigInt(text)
  return NumberValue.from(text)
}

/** `"1.50"` and `"1.5"` are the same number; compare decimals without trailing zeros. */
const normalizeDecimal = (text: string): string =>
  text.includes(".") && !/[eE]/.test(text) ? text.replace(/0+$/, "").replace(/\.$/, "").replace(/^(-?)0+(?=\d)/, "$1") : text

const unmarshallOptions = { wrapNumbers: readNumber } as const

/**
 * One JS value as an `AttributeValue`.
 *
 * @example
 * toAttributeValue(["a", 1]) // { L: [{ S: "a" }, { N: "1" }] }
 */
export const toAttributeValue = (value: unknown): AttributeValue =>
  marshall(value as never, marshallOptions) as AttributeValue

/**
 * One `AttributeValue` as a JS value.
 *
 * @example
 * fromAttributeValue({ SS: ["a"] }) // Set { "a" }
 */
export const fromAttributeValue = (value: AttributeValue): unknown =>
  unmarshall(value, { ...unmarshallOptions, convertWithoutMapWrapper: false })

/**
 * A JS object as a DynamoDB item (attributes whose value is `undefined` are left out).
 *
 * @example
 * toItem({ id: "u1", age: 42 }) // { id: { S: "u1" }, age: { N: "42" } }
 */
export const toItem = (item: Item): AttributeMap =>
  marshall(item, { ...marshallOptions, convertTopLevelContainer: false }) as AttributeMap

/**
 * A DynamoDB item as a plain JS object.
 *
 * @example
 * fromItem({ id: { S: "u1" } }) // { id: "u1" }
 */
export const fromItem = (item: AttributeMap): Item => unmarshall(item, unmarshallOptions)
