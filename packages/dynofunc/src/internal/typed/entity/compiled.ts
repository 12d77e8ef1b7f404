/**
 * An entity compiled once from its config: its codec, its keys resolved to the table's attribute names, and the
 * failures every builder reports. The builders beside this file are plain functions of a `Compiled` entity.
 */
import type { SchemaFailure } from "#schema"
import { cand, type Condition } from "@dynofunc/core/Condition"
import type { CommandName, Operation } from "@dynofunc/core/Operation"
import { make as makeOperation } from "@dynofunc/core/Operation"
import type { Item } from "@dynofunc/core/Value"
import type { EntityConfig, KeyDef, KeyPart } from "../../../Entity.js"
import { ItemEncodeError } from "../../../EntityError.js"
import type { Table } from "../../../TypedTable.js"
import * as Codec from "../codec.js"
import { withMeta } from "../run.js"

/** A composed key on one index, resolved to the table's attribute names. */
export interface ResolvedKey {
  readonly index: string
  readonly def: KeyDef
  readonly partitionAttribute: string
  readonly sortAttribute: string | undefined
}

/** Plain options of the typed builders (`Entity.ts` types them). */
export interface Options {
  readonly condition?: Condition | undefined
  readonly filter?: Condition | undefined
  readonly projection?: ReadonlyArray<string> | undefined
  readonly consistent?: boolean | undefined
  readonly limit?: number | undefined
  readonly order?: "asc" | "desc" | undefined
  readonly startKey?: Item | undefined
  readonly expectedVersion?: number | undefined
  readonly now?: Date | undefined
  /** The stored values of unique fields, as far as known (a field listed with `undefined`: the item has none). */
  readonly previous?: Readonly<Record<string, unknown>> | undefined
  readonly onInvalid?: "fail" | "skip" | undefined
}

/** An entity's config with what its builders compute from it once. */
export interface Compiled {
  readonly config: EntityConfig
  readonly table: Table
  readonly tableName: string
  readonly entityName: string
  readonly codec: Codec.Codec
  /** The fields the primary key is composed of (an update cannot change them). */
  readonly primaryFields: ReadonlySet<string>
  readonly primary: ResolvedKey
  /** The secondary indexes the entity composes keys for. */
  readonly indexes: ReadonlyArray<ResolvedKey>
  /** The table's own key attributes. */
  readonly keyAttributes: { readonly partition: ReadonlyArray<string>; readonly sort: ReadonlyArray<string> }
  /** The parts of the primary key and their attributes (no part: the sort key holds the entity's tag alone). */
  readonly primarySides: ReadonlyArray<readonly [KeyPart | undefined, string]>
  /** An item as DynamoDB sent it, read in one pass (`Fail`: see `Codec.readItem`). */
  readonly readItem: (item: unknown) => unknown
}

/** The key `def` on `index`, resolved to the attribute names `table` gives that index. */
export const resolve = (table: Table, index: string, def: KeyDef): ResolvedKey => {
  const attributes = table.keys[index]
  return { index, def, partitionAttribute: attributes?.partition[0] ?? "", sortAttribute: attributes?.sort[0] }
}

export const compile = (config: EntityConfig): Compiled => {
  const table = config.table
  const codec = Codec.make(config.schema)
  const primary = resolve(table, "primary", config.primary)
  return {
    config,
    table,
    tableName: table.name,
    entityName: config.name,
    codec,
    primaryFields: new Set([...config.primary.partition.fields, ...(config.primary.sort?.fields ?? [])]),
    primary,
    indexes: Object.entries(config.indexes ?? {}).flatMap(([index, def]) => (def === undefined ? [] : [resolve(table, index, def)])),
    keyAttributes: table.keys.primary!,
    primarySides: [
      [config.primary.partition, primary.partitionAttribute],
      ...(primary.sortAttribute === undefined ? [] : [[config.primary.sort, primary.sortAttribute] as const])
    ],
    readItem: codec.readItem as (item: unknown) => unknown
  }
}

/** Both conditions, where given. */
export const both = (a: Condition | undefined, b: Condition | undefined): Condition | undefined =>
  a === undefined ? b : b === undefined ? a : cand(a, b)

export const encodeFailure = (entity: Compiled, part: string, cause: SchemaFailure): ItemEncodeError =>
  new ItemEncodeError({ table: entity.tableName, entity: entity.entityName, part, cause, message: `${entity.entityName}: ${Codec.format(cause)}` })

/** An operation that is never sent: it carries the encoding failure as a problem and in its meta. */
export const refused = <Name extends CommandName, Result>(entity: Compiled, op: Operation<Name, Result>, error: ItemEncodeError): Operation<Name, Result> =>
  withMeta(makeOperation({ ...op, problems: [...op.problems, { part: error.part, message: error.message }] }), {
    table: entity.tableName,
    entity: entity.entityName,
    encodeError: error
  })
