/** An entity's reads: `get` one item, `query` an index, `scan` the table, each item decoded by the entity's Schema. */
import type { GetItemCommandOutput, QueryCommandOutput, ScanCommandOutput } from "@aws-sdk/client-dynamodb"
import { Outcome } from "#adapter"
import { attr, type Condition } from "@dynofunc/core/Condition"
import { pageOf } from "@dynofunc/core/internal/builders/read"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import type { Operation } from "@dynofunc/core/Operation"
import { make as makeOperation } from "@dynofunc/core/Operation"
import { find } from "@dynofunc/core/operations/find"
import { query } from "@dynofunc/core/operations/query"
import { scan } from "@dynofunc/core/operations/scan"
import type { Item } from "@dynofunc/core/Value"
import type { ItemDecodeError } from "../../../EntityError.js"
import { elements, Fail } from "../schema/types.js"
import { both, type Compiled, type Options } from "./compiled.js"
import { decodePage, oneItem } from "./items.js"
import { keyCondition, primaryKey } from "./keys.js"

/** A page of an entity's items, decoded (`invalid`: those skipped, with `onInvalid: "skip"`). */
export interface Page<Raw> {
  readonly items: ReadonlyArray<unknown>
  readonly invalid: ReadonlyArray<ItemDecodeError>
  readonly lastKey: Item | undefined
  readonly count: number
  readonly raw: Raw
}

/** The operation of `get`: the item (`undefined`: none), decoded. */
export type GetOperation = Operation<"GetItem", Outcome.Outcome<{ readonly item: unknown; readonly raw: GetItemCommandOutput }, ItemDecodeError>>

/** The operation of `query` or `scan`: a page of items, decoded. */
export type PageOperation<Name extends "Query" | "Scan"> = Operation<Name, Outcome.Outcome<Page<Name extends "Query" ? QueryCommandOutput : ScanCommandOutput>, ItemDecodeError>>

/** The skipped items of a page read in one pass: none. */
const noInvalid: ReadonlyArray<ItemDecodeError> = []

export const get = (
  entity: Compiled,
  keyValues: Readonly<Record<string, unknown>>,
  options: Options = {}
): GetOperation => {
  const problems: Array<InputProblem> = []
  const key = primaryKey(entity, keyValues, problems)
  const codec = entity.codec
  const projection = options.projection
  const decoder = projection === undefined ? codec.decodeItem : codec.decodeProjection(projection)
  const reader = projection === undefined ? entity.readItem : (codec.readProjection(projection) as (item: unknown) => unknown)
  const op = find(entity.tableName, key, { consistent: options.consistent, projection })
  return makeOperation({
    ...op,
    problems: [...op.problems, ...problems],
    decode: (raw) => oneItem(entity, raw.Item, raw, () => op.decode(raw).item, decoder, reader)
  })
}

/** `filter`, on this entity's items only. */
const ofThisEntity = (entity: Compiled, filter: Condition | undefined): Condition => both(attr(entity.table.entityAttribute).equals(entity.entityName), filter)!

const readOperation = <Name extends "Query" | "Scan">(
  entity: Compiled,
  op: Operation<Name, { readonly items: ReadonlyArray<Item>; readonly lastKey: Item | undefined; readonly count: number }>,
  problems: ReadonlyArray<InputProblem>,
  options: Options
): PageOperation<Name> =>
  makeOperation({
    ...op,
    problems: [...op.problems, ...problems],
    decode: (raw) => {
      // Every item read in one pass; the two passes when one fails (they say why, or skip it).
      const items = Array.isArray(raw.Items) ? elements(raw.Items, () => entity.readItem) : Fail
      if (items !== Fail) {
        const page = pageOf(raw, items)
        return Outcome.succeed({ items, invalid: noInvalid, lastKey: page.lastKey, count: page.count, raw })
      }
      const page = op.decode(raw)
      return Outcome.map(decodePage(entity, page.items, options), (decoded) => ({ ...decoded, lastKey: page.lastKey, count: page.count, raw }))
    }
  })

export const queryItems = (
  entity: Compiled,
  index: string,
  values: Readonly<Record<string, unknown>>,
  options: Options = {}
): PageOperation<"Query"> => {
  const problems: Array<InputProblem> = []
  const keyCondition_ = keyCondition(entity, index, values, problems)
  const op = query(entity.tableName, keyCondition_, {
    ...(index !== "primary" && { index }),
    keySchema: entity.table.keys[index],
    filter: ofThisEntity(entity, options.filter),
    limit: options.limit,
    order: options.order,
    startKey: options.startKey,
    consistent: options.consistent
  })
  return readOperation(entity, op, problems, options)
}

export const scanItems = (entity: Compiled, options: Options = {}): PageOperation<"Scan"> =>
  readOperation(
    entity,
    scan(entity.tableName, { filter: ofThisEntity(entity, options.filter), limit: options.limit, startKey: options.startKey, consistent: options.consistent }),
    [],
    options
  )
