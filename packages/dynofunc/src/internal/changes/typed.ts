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
import { stringOf } from "../typed/attributes.js"
import type { CollectionMember } from "../typed/collection.js"
import { Fail } from "../typed/schema/types.js"
import { show } from "../typed/show.js"

/**
 * The decoder of changes of `members` (entities of one table). `read` decodes a record's images in one pass from its
 * raw record (`raw.dynamodb`: whether or not its own images were read, `withoutImages`), `Fail` when anything is
 * wrong; `decode` decodes its plain images and says what is wrong: a record whose tag names none of them, or whose
 * image does not decode, is a `ChangeDecodeError` carrying the record. Synchronous: a batch is decoded in one loop,
 * not one effect per record (P9: an effect per record cost more than the decoding itself).
 *
 * @example
 * import { decoder } from "./typed.js"
 * import { Outcome } from "#adapter"
 * import { ChangeRecord } from "dynofunc"
 * declare const members: Parameters<typeof decoder>[0]
 * declare const record: ChangeRecord.ChangeRecord
 * Outcome.isSuccess(decoder(members).decode(record))
 */
export const decoder = <Members extends CollectionMember>(members: ReadonlyArray<Members>) => {
  const entityAttribute = members[0]!.table.entityAttribute
  const byTag = new Map(members.map((member) => [member.name, member]))
  const refused = (record: ChangeRecord, image: "newImage" | "oldImage", issue: string, cause: unknown) =>
    Outcome.fail(new ChangeDecodeError({ record, image, issue, cause, message: `${record.shardId} ${record.sequenceNumber}: ${image}: ${issue}` }))
  const read = (record: ChangeRecord): EntityChange<Members> | typeof Fail => {
    const { NewImage, OldImage } = record.raw.dynamodb!
    const stored = (NewImage !== undefined ? NewImage : OldImage) as Record<string, unknown> | null | undefined
    const tag = stringOf(stored?.[entityAttribute])
    const member = tag === undefined ? undefined : byTag.get(tag)
    if (member === undefined) return Fail
    const newImage = NewImage === undefined ? undefined : member.runtime.readItem(NewImage)
    const oldImage = OldImage === undefined ? undefined : member.runtime.readItem(OldImage)
    if (newImage === Fail || oldImage === Fail) return Fail
    const change: EntityChange<CollectionMember> = {
      event: record.event,
      keys: record.keys,
      oldImage,
      newImage,
      sequenceNumber: record.sequenceNumber,
      approximateCreationTime: record.approximateCreationTime,
      shardId: record.shardId,
      eventId: record.eventId,
      expired: record.expired,
      raw: record.raw,
      entity: member.name
    }
    return change as EntityChange<Members>
  }
  const decode = (record: ChangeRecord): Outcome.Outcome<EntityChange<Members>, ChangeDecodeError> => {
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
  return { read, decode }
}

/**
 * The records of a batch decoded with `decoding`, in order, with `options.onInvalid`: each read in one pass; from the
 * first that is not, the batch's plain records (`plain`, default the records themselves: give it when their images
 * were left unread) decoded one by one — the first that does not decode fails the batch, or each that does not is
 * reported (in order, before the batch is answered) and left out.
 *
 * @example
 * import { ChangeRecord, ChangeDecodeError } from "dynofunc"
 * import { Outcome } from "#adapter"
 * import { Fail } from "../typed/schema/types.js"
 * import { decodedOrSkipped } from "./typed.js"
 * declare const decoding: {
 *   read: (record: ChangeRecord.ChangeRecord) => string | typeof Fail
 *   decode: (record: ChangeRecord.ChangeRecord) => Outcome.Outcome<string, ChangeDecodeError>
 * }
 * declare const records: ReadonlyArray<ChangeRecord.ChangeRecord>
 * decodedOrSkipped(decoding, { onInvalid: "skip" })(records) // the records that decode
 */
export const decodedOrSkipped = <A>(
  decoding: {
    readonly read: (record: ChangeRecord) => A | typeof Fail
    readonly decode: (record: ChangeRecord) => Outcome.Outcome<A, ChangeDecodeError>
  },
  options: DecodeOptions
) => {
  const skip = options.onInvalid === "skip"
  const report = options.report ?? ((error: ChangeDecodeError) => Effect.logWarning(error.message))
  /** `decoded` and then the plain `records` from `from` on, decoded one by one. */
  const oneByOne = (records: ReadonlyArray<ChangeRecord>, from: number, decoded: Array<A>): Effect.Effect<ReadonlyArray<A>, ChangeDecodeError> => {
    const skipped: Array<ChangeDecodeError> = []
    for (let i = from; i < records.length; i++) {
      const outcome = decoding.decode(records[i]!)
      if (Outcome.isSuccess(outcome)) decoded.push(Outcome.successOf(outcome))
      else if (skip) skipped.push(Outcome.failureOf(outcome))
      else return Effect.fail(Outcome.failureOf(outcome))
    }
    return skipped.length === 0 ? Effect.succeed(decoded) : Effect.as(Effect.forEach(skipped, report, { discard: true }), decoded)
  }
  return <E = never>(records: ReadonlyArray<ChangeRecord>, plain?: Effect.Effect<ReadonlyArray<ChangeRecord>, E>): Effect.Effect<ReadonlyArray<A>, ChangeDecodeError | E> => {
    const decoded: Array<A> = []
    for (let i = 0; i < records.length; i++) {
      const read = decoding.read(records[i]!)
      if (read === Fail) return plain === undefined ? oneByOne(records, i, decoded) : Effect.flatMap(plain, (all) => oneByOne(all, i, decoded))
      decoded.push(read)
    }
    return Effect.succeed(decoded)
  }
}
