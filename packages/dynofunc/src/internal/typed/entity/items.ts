/** An entity's items: as stored (encoded, with their tag and keys), and as read back (decoded, one or a page). */
import { Outcome } from "#adapter"
import type { SchemaFailure } from "#schema"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import type { AttributeMap, Item } from "@dynofunc/core/Value"
import { ItemDecodeError } from "../../../EntityError.js"
import * as Codec from "../codec.js"
import { type Checker, Fail } from "../schema/types.js"
import { show } from "../show.js"
import type { Compiled, Options } from "./compiled.js"
import { indexKeys, primaryKey } from "./keys.js"

/** An item decoded, or why it does not match the entity's Schema. */
export type Decoded = Outcome.Outcome<unknown, ItemDecodeError>

export const decodeItem = (entity: Compiled, item: Item, decode: Checker<SchemaFailure>): Decoded => {
  const decoded = decode(item)
  return decoded.ok ? Outcome.succeed(decoded.value) : Outcome.fail(decodeFailure(entity, item, decoded.error))
}

const decodeFailure = (entity: Compiled, item: Item, cause: SchemaFailure): ItemDecodeError => {
  const key: Record<string, unknown> = {}
  for (const name of [...entity.keyAttributes.partition, ...entity.keyAttributes.sort]) key[name] = item[name]
  return new ItemDecodeError({
    table: entity.tableName,
    entity: entity.entityName,
    key,
    item,
    cause,
    message: `${entity.entityName} ${show(key)} does not match its Schema: ${Codec.format(cause)}`
  })
}

/**
 * The result of a single-item read or write: the item DynamoDB sent (`sent`) read in one pass by `reader`, or
 * (that fails, or none is given) the plain result's item (`plain` unmarshals it, and says what is malformed)
 * decoded by `decoder`.
 */
export const oneItem = <Raw>(
  entity: Compiled,
  sent: AttributeMap | undefined,
  raw: Raw,
  plain: () => Item | undefined,
  decoder: Checker<SchemaFailure>,
  reader: (item: unknown) => unknown = entity.readItem
): Outcome.Outcome<{ readonly item: unknown; readonly raw: Raw }, ItemDecodeError> => {
  const read = sent === undefined ? Fail : reader(sent)
  if (read !== Fail) return Outcome.succeed({ item: read, raw })
  const item = plain()
  return item === undefined ? Outcome.succeed({ item: undefined, raw }) : Outcome.map(decodeItem(entity, item, decoder), (decoded) => ({ item: decoded, raw }))
}

/** Decodes a page of items of this entity (skipping or failing on bad ones). */
export const decodePage = (
  entity: Compiled,
  items: ReadonlyArray<Item>,
  options: Options
): Outcome.Outcome<{ readonly items: ReadonlyArray<unknown>; readonly invalid: ReadonlyArray<ItemDecodeError> }, ItemDecodeError> => {
  const decoded: Array<unknown> = []
  const invalid: Array<ItemDecodeError> = []
  for (const item of items) {
    const result = decodeItem(entity, item, entity.codec.decodeItem)
    if (Outcome.isSuccess(result)) decoded.push(Outcome.successOf(result))
    else if (options.onInvalid === "skip") invalid.push(Outcome.failureOf(result))
    else return Outcome.fail(Outcome.failureOf(result))
  }
  return Outcome.succeed({ items: decoded, invalid })
}

/** The attributes an item's entity adds to it, composed from the item: its tag, its table key, its index keys. */
export const managedAttributes = (entity: Compiled, full: Readonly<Record<string, unknown>>, problems: Array<InputProblem>) => {
  const key = primaryKey(entity, full, problems)
  const attributes: Record<string, string> = { [entity.table.entityAttribute]: entity.entityName }
  for (const name in key) attributes[name] = key[name]!
  indexKeys(entity, full, attributes, problems)
  return { key, attributes }
}

/** The item as stored (encoded, with its tag and keys; empty when it does not encode), its key and the encoding. */
export const storedItem = (entity: Compiled, full: Readonly<Record<string, unknown>>, problems: Array<InputProblem>) => {
  const { key, attributes } = managedAttributes(entity, full, problems)
  const encoded = entity.codec.encodeItem(full)
  // The encoder's result is a fresh object (compiled or Schema's): the keys and tag go straight into it.
  const stored: Record<string, unknown> = encoded.ok ? encoded.value : {}
  Object.assign(stored, attributes)
  return { key, stored, encoded }
}
