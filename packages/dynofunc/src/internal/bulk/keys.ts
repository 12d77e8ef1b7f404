/**
 * Item keys as strings, to tell two writes or reads of the same item apart and to find a request's leftovers among
 * what was sent. Numbers are compared as DynamoDB compares them (`1`, `1.0` and `10e-1` are one key).
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { AttributeMap } from "../../Value.js"
import { canonicalNumber } from "../marshal.js"

const keyPart = (value: AttributeValue | undefined): string | undefined => {
  if (value === undefined) return undefined
  if (value.S !== undefined) return `S${value.S}`
  if (value.N !== undefined) return `N${canonicalNumber(value.N)}`
  if (value.B !== undefined) return `B${Buffer.from(value.B).toString("base64")}`
  return undefined
}

/**
 * The key of `item` in `table` as one string, from the key attributes `names`; `undefined` when one of them is
 * missing or not a string, number or binary.
 */
export const keyString = (table: string, names: ReadonlyArray<string>, item: AttributeMap): string | undefined => {
  let key = table
  for (const name of names) {
    const part = keyPart(item[name])
    if (part === undefined) return undefined
    key += `\u0000${part}`
  }
  return key
}
