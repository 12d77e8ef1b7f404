/**
 * The runtime of an entity: its builders over plain records (`Entity.ts` types them), built once per entity from
 * its compiled config, and the part of it the typed table's own code needs (`Runtime`).
 */
import type { Condition } from "@dynofunc/core/Condition"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import type { Segment } from "@dynofunc/core/Path"
import type { AnyOperation } from "@dynofunc/core/Operation"
import type { Item } from "@dynofunc/core/Value"
import type { Outcome } from "#adapter"
import type * as BatchWrite from "../../../BatchWrite.js"
import type { InvalidInputError } from "../../../DynamoError.js"
import type { EntityConfig } from "../../../Entity.js"
import type { ItemEncodeError } from "../../../EntityError.js"
import type { Table } from "../../../TypedTable.js"
import type { FieldsSchema } from "../codec.js"
import { compile, type Options } from "./compiled.js"
import { decodeItem, type Decoded } from "./items.js"
import { keyCondition } from "./keys.js"
import { typedPath, type TypedPath } from "./paths.js"
import { get, type GetOperation, type PageOperation, queryItems, scanItems } from "./reads.js"
import { updateItem, updates } from "./update.js"
import { batchWrite, deleteItem, type PlainWrite, put } from "./writes.js"

/** What collections, typed batch writes and change streams need of an entity (`CollectionMember`, `EntityWrite`). */
export interface Runtime {
  readonly name: string
  readonly table: Table
  /** The key condition on `index` for `values` (`partitionOnly`: the partition key alone, as a collection queries). */
  readonly keyCondition: (index: string, values: Readonly<Record<string, unknown>>, problems: Array<InputProblem>, partitionOnly?: boolean) => Condition | Record<string, unknown>
  /** An item as DynamoDB sent it, read in one pass (`Fail`: see `Codec.readItem`). */
  readonly readItem: (item: unknown) => unknown
  /** Decodes an item of this entity read by a collection query or a change stream. */
  readonly decodeOne: (item: Item) => Decoded
  /** The plain batch write of a typed one, or why it cannot be sent. */
  readonly batchWrite: (write: PlainWrite, now: Date) => Outcome.Outcome<BatchWrite.Write, ItemEncodeError | InvalidInputError>
}

/** An entity's builders over plain records, as `Entity.make` gives them (typed there). */
export interface Builders extends Runtime {
  readonly schema: FieldsSchema
  readonly config: EntityConfig
  readonly put: (item: Readonly<Record<string, unknown>>, options?: Options) => AnyOperation
  readonly get: (key: Readonly<Record<string, unknown>>, options?: Options) => GetOperation
  readonly update: (key: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, unknown>>, options?: Options) => AnyOperation
  readonly delete: (key: Readonly<Record<string, unknown>>, options?: Options) => AnyOperation
  readonly query: (index: string, values: Readonly<Record<string, unknown>>, options?: Options) => PageOperation<"Query">
  readonly scan: (options?: Options) => PageOperation<"Scan">
  readonly batchPut: (item: Readonly<Record<string, unknown>>) => { readonly entity: string; readonly put: Readonly<Record<string, unknown>>; readonly runtime: Runtime }
  readonly batchDelete: (key: Readonly<Record<string, unknown>>) => { readonly entity: string; readonly delete: Readonly<Record<string, unknown>>; readonly runtime: Runtime }
  readonly attr: (name: string) => TypedPath
  readonly path: (...segments: ReadonlyArray<Segment>) => TypedPath
}

export const make = (config: EntityConfig): Builders => {
  const entity = compile(config)
  const shared = updates(entity)
  const attributes = new Map<string, TypedPath>()
  const runtime: Builders = {
    name: entity.entityName,
    table: entity.table,
    schema: config.schema,
    config,
    put: (item, options) => put(entity, item, options),
    get: (key, options) => get(entity, key, options),
    update: (key, changes, options) => updateItem(shared, key, changes, options),
    delete: (key, options) => deleteItem(entity, key, options),
    query: (index, values, options) => queryItems(entity, index, values, options),
    scan: (options) => scanItems(entity, options),
    keyCondition: (index, values, problems, partitionOnly) => keyCondition(entity, index, values, problems, partitionOnly),
    decodeOne: (item) => decodeItem(entity, item, entity.codec.decodeItem),
    readItem: entity.readItem,
    batchWrite: (write, now) => batchWrite(entity, write, now),
    batchPut: (item) => ({ entity: entity.entityName, put: item, runtime }),
    batchDelete: (key) => ({ entity: entity.entityName, delete: key, runtime }),
    attr: (name) => {
      // A typed path is immutable: one per attribute name (conditions are often built on every call).
      let known = attributes.get(name)
      if (known === undefined) attributes.set(name, (known = typedPath(entity.codec, [name])))
      return known
    },
    path: (...segments) => typedPath(entity.codec, segments)
  }
  return runtime
}
