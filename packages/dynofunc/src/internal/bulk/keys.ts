/**
 * Item keys as strings, to tell two writes or reads of the same item apart and to find a request's leftovers among
 * what was sent. Numbers are compared as DynamoDB compares them (`1`, `1.0` and `10e-1` are one key).
 */
import type { AttributeMap } from "@dynofunc/core/Value"
import { keyIdentity } from "@dynofunc/core/internal/input/writes"

/** `table`'s item with key identity `identity` (see `keyIdentity`), as one string. */
export const tableKey = (table: string, identity: string): string => `${table}\u0000${identity}`

/**
 * The key of `item` in `table` as one string, from the key attributes `names`; `undefined` when one of them is
 * missing or not a string, number or binary.
 */
export const keyString = (table: string, names: ReadonlyArray<string>, item: AttributeMap): string | undefined => {
  const identity = keyIdentity(item, names)
  return identity === undefined ? undefined : tableKey(table, identity)
}
