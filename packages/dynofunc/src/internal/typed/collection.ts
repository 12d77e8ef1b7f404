/**
 * Collection queries: one partition shared by several entities (single-table design), each item decoded with its
 * own entity's Schema, chosen by the entity tag it carries.
 */
import { Outcome } from "#adapter"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import { type ItemDecodeError, UnknownEntityError } from "../../EntityError.js"
import { make as makeOperation, type Operation } from "@dynofunc/core/Operation"
import { query } from "@dynofunc/core/operations/query"
import type { CollectionMember, CollectionOptions, CollectionResult } from "../../TypedTable.js"
import { pageOf } from "@dynofunc/core/internal/builders/read"
import { stringOf } from "./attributes.js"
import { elements, Fail } from "./schema/types.js"
import { show } from "./show.js"

// For the change-stream code, which imports it from here (its owner is `TypedTable`).
export type { CollectionMember } from "../../TypedTable.js"

/**
 * Queries one partition of `index` (`"primary"` for the table) holding items of several entities: the partition
 * key is composed from `values` as the first entity composes it, and each item is decoded by its entity tag.
 *
 * @example
 * import { Schema } from "effect"
 * import { TypedTable, Entity } from "dynofunc"
 * const app = TypedTable.make({ name: "app", partitionKey: "pk", sortKey: "sk" })
 * const Org = Entity.make({ table: app, name: "Org", schema: Schema.Struct({ org: Schema.String }), primary: { partition: { prefix: "ORG", fields: ["org"] } } })
 * const User = Entity.make({ table: app, name: "User", schema: Schema.Struct({ org: Schema.String, id: Schema.String }),
 *   primary: { partition: { prefix: "ORG", fields: ["org"] }, sort: { prefix: "USER", fields: ["id"] } } })
 * const page = TypedTable.collection([Org, User], "primary", { org: "acme" })
 * // each item: { entity: "Org", item: { org } } | { entity: "User", item: { org, id } }
 */
export const collection = <const Members extends ReadonlyArray<CollectionMember>>(
  members: Members,
  index: string,
  values: Readonly<Record<string, unknown>>,
  options: CollectionOptions = {}
): Operation<"Query", Outcome.Outcome<CollectionResult<Members[number]>, ItemDecodeError | UnknownEntityError>> => {
  const first = members[0]!.runtime
  const table = first.table
  const byTag = new Map(members.map((member) => [member.name as unknown, member.runtime]))
  /** An item as DynamoDB sent it, read in one pass by the entity its tag names (`Fail`: an unknown tag, or see `Codec.readItem`). */
  const readTagged = (item: unknown): unknown => {
    const tag = stringOf((item as Record<string, unknown> | null)?.[table.entityAttribute])
    const member = tag === undefined ? undefined : byTag.get(tag)
    const read = member === undefined ? Fail : member.readItem(item)
    return read === Fail ? Fail : { entity: tag, item: read }
  }
  const problems: Array<InputProblem> = []
  const keyCondition = first.keyCondition(index, values, problems, true)
  const op = query(table.name, keyCondition, {
    ...(index !== "primary" && { index }),
    filter: options.filter,
    limit: options.limit,
    order: options.order,
    startKey: options.startKey,
    consistent: options.consistent
  })
  return makeOperation({
    ...op,
    problems: [...op.problems, ...problems],
    decode: (raw) => {
      // Every item read in one pass by its entity; the two passes when one fails (they say why, or skip it).
      const tagged = Array.isArray(raw.Items) ? elements(raw.Items, () => readTagged) : Fail
      if (tagged !== Fail) {
        const page = pageOf(raw, tagged)
        return Outcome.succeed({ items: tagged as never, invalid: [], unknown: [], lastKey: page.lastKey, raw })
      }
      const page = op.decode(raw)
      const items: Array<{ entity: unknown; item: unknown }> = []
      const invalid: Array<ItemDecodeError> = []
      const unknown: Array<UnknownEntityError> = []
      for (const item of page.items) {
        const tag = item[table.entityAttribute]
        const member = byTag.get(tag)
        if (member === undefined) {
          const error = new UnknownEntityError({
            table: table.name,
            tag,
            item,
            message: `an item of ${table.name} has the entity tag ${show(tag)}, none of ${[...byTag.keys()].join(", ")}`
          })
          if (options.onUnknown === "skip") unknown.push(error)
          else return Outcome.fail(error)
          continue
        }
        const decoded = member.decodeOne(item)
        if (Outcome.isSuccess(decoded)) items.push({ entity: tag, item: Outcome.successOf(decoded) })
        else if (options.onInvalid === "skip") invalid.push(Outcome.failureOf(decoded))
        else return Outcome.fail(Outcome.failureOf(decoded))
      }
      return Outcome.succeed({ items: items as never, invalid, unknown, lastKey: page.lastKey, raw })
    }
  })
}
