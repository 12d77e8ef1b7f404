/**
 * Typed change records: a record's images decoded with the Schema of the entity its entity tag names (single-table
 * design: several entities in one stream), into a union to match on `entity`.
 */
import { Effect } from "effect"
import { Outcome } from "#adapter"
import type { ChangeRecord } from "@dynofunc/core/ChangeRecord"
import type { Item } from "@dynofunc/core/Value"
import type { DecodeOptions, EntityChange } from "../../ChangeStream.js"
import { ChangeDecodeError } from "../../ChangeStreamError.js"
import type { CollectionMember } from "../typed/collection.js"
import { show } from "../typed/show.js"

/**
 * The decoder of changes of `members` (entities of one table): a record whose tag names none of them, or whose image
 * does not decode, is a `ChangeDecodeError` carrying the record. Synchronous: a batch is decoded in one loop, not one
 * effect per record (P9: an effect per record cost more than the decoding itself).
 *
 * @example
 * import { decoder } from "./typed.js"
 * import { Outcome } from "#adapter"
 * import { ChangeRecord } from "dynofunc"
 * declare const members: Parameters<typeof decoder>[0]
 * declare const record: ChangeRecord.ChangeRecord
 * Outcome.isSuccess(decoder(members)(record))
 */
export const decoder = <Members extends CollectionMember>(members: ReadonlyArray<Members>) => {
  const entityAttribute = members[0]!.table.entityAttribute
  const byTag = new Map(members.map((member) => [member.name, member]))
  const refused = (record: ChangeRecord, image: "newImage" | "oldImage", issue: string, cause: unknown) =>
    Outcome.fail(new ChangeDecodeError({ record, image, issue, cause, message: `${record.shardId} ${record.sequenceNumber}: ${image}: ${issue}` }))
  return (record: ChangeRecord): Outcome.Outcome<EntityChange<Members>, ChangeDecodeError> => {
    const image = record.newImage !== undefined ? "newImage" : "oldImage"
    const stored = record[image]?.[entityAttribute]
    const tag = typeof stored === "string" ? stored : undefined
    const member = tag === undefined ? undefined : byTag.get(tag)
    if (member === undefined) {
      const issue = record[image] === undefined
        ? "no image to decode (a KEYS_ONLY stream?)"
        : `the entity tag ${show(record[image][entityAttribute])} is none of ${[...byTag.keys()].join(", ")}`
      return refused(record, image, issue, undefined)
    }
    const decoded: Record<string, unknown> = { ...record, entity: tag }
    for (const name of ["newImage", "oldImage"] as const) {
      const item: Item | undefined = record[name]
      if (item === undefined) continue
      const outcome = member.runtime.decodeOne(item)
      if (Outcome.isFailure(outcome)) {
        const error = Outcome.failureOf(outcome)
        return refused(record, name, error.message, error)
      }
      decoded[name] = Outcome.successOf(outcome)
    }
    return Outcome.succeed(decoded as unknown as EntityChange<Members>)
  }
}

/**
 * The records of a batch decoded with `decode`, in order, with `options.onInvalid`: the first that does not decode
 * fails the batch, or each that does not is reported (in order, before the batch is answered) and left out.
 *
 * @example
 * import { ChangeRecord, ChangeDecodeError } from "dynofunc"
 * import { Outcome } from "#adapter"
 * import { decodedOrSkipped } from "./typed.js"
 * declare const decode: (record: ChangeRecord.ChangeRecord) => Outcome.Outcome<string, ChangeDecodeError>
 * declare const records: ReadonlyArray<ChangeRecord.ChangeRecord>
 * decodedOrSkipped(decode, { onInvalid: "skip" })(records) // the records that decode
 */
export const decodedOrSkipped = <A>(decode: (record: ChangeRecord) => Outcome.Outcome<A, ChangeDecodeError>, options: DecodeOptions) => {
  const skip = options.onInvalid === "skip"
  const report = options.report ?? ((error: ChangeDecodeError) => Effect.logWarning(error.message))
  return (records: ReadonlyArray<ChangeRecord>): Effect.Effect<ReadonlyArray<A>, ChangeDecodeError> => {
    const decoded: Array<A> = []
    const skipped: Array<ChangeDecodeError> = []
    for (const record of records) {
      const outcome = decode(record)
      if (Outcome.isSuccess(outcome)) decoded.push(Outcome.successOf(outcome))
      else if (skip) skipped.push(Outcome.failureOf(outcome))
      else return Effect.fail(Outcome.failureOf(outcome))
    }
    return skipped.length === 0 ? Effect.succeed(decoded) : Effect.as(Effect.forEach(skipped, report, { discard: true }), decoded)
  }
}
