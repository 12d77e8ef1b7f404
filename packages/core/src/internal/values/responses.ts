/**
 * The fields of a DynamoDB response, read strictly: an item or a key that may be absent, lists and maps of entries,
 * counts. What DynamoDB could not have sent is a `MalformedValue` located in the response (`Responses.users[2]`).
 */
import type { AttributeMap } from "../../Value.js"
import { isMap, mapToObject, memberName, typeOf } from "./fromAttributeValue.js"
import { kindOf, locatedIn, MalformedValue } from "./malformed.js"

/** The segment of the response's field `field` (`""` for an item that is itself a list's element). */
const fieldSegment = (field: string): string => (field === "" ? "" : `.${field}`)

/** The item in the response's field `field`, or `undefined` when there is none. */
export const readOptionalItem = (map: AttributeMap | undefined, field: string): Record<string, unknown> | undefined => {
  if (map === undefined) return undefined
  try {
    return mapToObject(map)
  } catch (error) {
    throw locatedIn(error, fieldSegment(field))
  }
}

const keyTypes = new Set(["S", "N", "B"])

/**
 * The key in the response's field `field` (`LastEvaluatedKey`, `Keys[0]`), or `undefined` when there is none: an
 * item whose attributes are strings, numbers or binaries (DynamoDB's only key types).
 */
export const readOptionalKey = (map: AttributeMap | undefined, field: string): Record<string, unknown> | undefined => {
  const key = readOptionalItem(map, field)
  for (const name in map) {
    const type = typeOf(map[name] as unknown as Record<string, unknown>)
    if (!keyTypes.has(type)) {
      throw locatedIn(locatedIn(new MalformedValue(`a key attribute of type ${memberName(type)} (keys are S, N or B)`), `.${name}`), fieldSegment(field))
    }
  }
  return key
}

/**
 * The elements of the response's list field `field` (`""` for a list that is itself an entry), each an object read
 * with `read` (none when the field is absent).
 */
export const readList = <T, R>(list: ReadonlyArray<T> | undefined, field: string, read: (element: T) => R): Array<R> => {
  if (list === undefined) return []
  const prefix = fieldSegment(field)
  if (!Array.isArray(list)) throw locatedIn(new MalformedValue(`not a list but ${kindOf(list)}`), prefix)
  const out = new Array<R>(list.length)
  for (let i = 0; i < list.length; i++) {
    const element = list[i]
    try {
      if (typeof element !== "object" || element === null) throw new MalformedValue(`not an object but ${kindOf(element)}`)
      out[i] = read(element)
    } catch (error) {
      throw locatedIn(error, `${prefix}[${i}]`)
    }
  }
  return out
}

/** The entries of the response's map field `field` (table name → …), each read with `read` (none when absent). */
export const readRecord = <T, R>(record: Readonly<Record<string, T>> | undefined, field: string, read: (value: T) => R): Record<string, R> => {
  if (record === undefined) return {}
  if (!isMap(record)) throw locatedIn(new MalformedValue(`not a map but ${kindOf(record)}`), `.${field}`)
  const out: Record<string, R> = {}
  for (const key in record) {
    try {
      out[key] = read(record[key]!)
    } catch (error) {
      throw locatedIn(error, `.${field}.${key}`)
    }
  }
  return out
}

/** The response's count field `field` (`Count`, `ScannedCount`): 0 when absent. */
export const readCount = (count: number | undefined, field: string): number => {
  if (count === undefined) return 0
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    throw locatedIn(new MalformedValue(`not a count but ${kindOf(count)}`), `.${field}`)
  }
  return count
}
