/** An entity's keys: composed from its fields, as the table key, the index keys an item has, and key conditions. */
import { attr, cand, type Condition } from "@dynofunc/core/Condition"
import * as CompositeKey from "@dynofunc/core/CompositeKey"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import type { KeyPart } from "../../../Entity.js"
import { list } from "../show.js"
import { type Compiled, resolve } from "./compiled.js"

/** The composed value of one key part from `values` (domain values), or a problem, or `undefined` when a field is missing. */
export const composePart = (part: KeyPart, values: Readonly<Record<string, unknown>>): CompositeKey.Composed | undefined => {
  const fields = part.fields
  const parts = new Array<unknown>(fields.length)
  for (let i = 0; i < fields.length; i++) {
    const value = values[fields[i]!]
    if (value === undefined) return undefined
    parts[i] = value
  }
  return CompositeKey.compose(part.prefix ?? "", parts)
}

/** The table key of an item or key object (domain values), with its problems. */
export const primaryKey = (entity: Compiled, values: Readonly<Record<string, unknown>>, problems: Array<InputProblem>): Record<string, string> => {
  const key: Record<string, string> = {}
  const sides = entity.primarySides
  for (let i = 0; i < sides.length; i++) {
    const part = sides[i]![0]
    const attribute = sides[i]![1]
    const composed = part === undefined ? CompositeKey.compose(entity.entityName, []) : composePart(part, values)
    if (composed === undefined) {
      const missing = part!.fields.filter((field) => values[field] === undefined)
      problems.push({ part: "Key", message: `${entity.entityName}: the key needs ${list(missing)}` })
    } else if (composed.problem !== undefined) problems.push({ part: "Key", message: `${entity.entityName}: ${composed.problem}` })
    else key[attribute] = composed.key
  }
  return key
}

/** The index key attributes an item has (an index whose fields are not all present is left out: sparse). */
export const indexKeys = (entity: Compiled, values: Readonly<Record<string, unknown>>, out: Record<string, unknown>, problems: Array<InputProblem>): void => {
  for (const index of entity.indexes) {
    const partition = composePart(index.def.partition, values)
    const sort = index.def.sort === undefined ? undefined : composePart(index.def.sort, values)
    if (partition === undefined || (index.def.sort !== undefined && sort === undefined)) continue
    for (const [composed, attribute] of [[partition, index.partitionAttribute], [sort, index.sortAttribute]] as const) {
      if (composed === undefined || attribute === undefined) continue
      if (composed.problem !== undefined) problems.push({ part: `Index[${index.index}]`, message: `${entity.entityName}: ${composed.problem}` })
      else out[attribute] = composed.key
    }
  }
}

/** The key condition on `index` for `values`: every partition field, then the sort fields given (a prefix: begins_with). */
export const keyCondition = (
  entity: Compiled,
  index: string,
  values: Readonly<Record<string, unknown>>,
  problems: Array<InputProblem>,
  partitionOnly = false
): Condition | Record<string, unknown> => {
  const { config, table, entityName } = entity
  const def = index === "primary" ? config.primary : config.indexes?.[index]
  const attributes = table.keys[index]
  if (attributes === undefined) {
    problems.push({ part: "IndexName", message: `table "${entity.tableName}" has no index "${index}"` })
    return {}
  }
  if (def === undefined) {
    // A multi-attribute index: its key attributes are the entity's own fields.
    const key: Record<string, unknown> = {}
    for (const name of partitionOnly ? attributes.partition : [...attributes.partition, ...attributes.sort]) {
      if (values[name] === undefined) continue
      const encoded = entity.codec.encodeField([name], values[name])
      key[name] = encoded.ok ? encoded.value : values[name]
    }
    return key
  }
  const resolved = resolve(table, index, def)
  const partition = composePart(def.partition, values)
  if (partition === undefined || partition.problem !== undefined) {
    problems.push({ part: "KeyConditionExpression", message: `${entityName}: ${partition?.problem ?? `the partition key needs ${list(def.partition.fields.filter((f) => values[f] === undefined))}`}` })
    return {}
  }
  const conditions: Array<Condition> = [attr(resolved.partitionAttribute).equals(partition.key)]
  const sortAttribute = resolved.sortAttribute
  if (sortAttribute !== undefined && !partitionOnly) {
    const sort = def.sort ?? { prefix: entityName, fields: [] }
    const given: Array<unknown> = []
    for (const field of sort.fields) {
      if (values[field] === undefined) break
      given.push(values[field])
    }
    const composed = CompositeKey.compose(sort.prefix ?? "", given)
    if (composed.problem !== undefined) problems.push({ part: "KeyConditionExpression", message: `${entityName}: ${composed.problem}` })
    else if (given.length === sort.fields.length) conditions.push(attr(sortAttribute).equals(composed.key))
    else if (composed.key !== "") conditions.push(attr(sortAttribute).beginsWith(composed.key + "#"))
  }
  return cand(...conditions)
}
