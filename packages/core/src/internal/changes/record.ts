/**
 * Reading a raw stream record into a `ChangeRecord`: the checks and fields `ChangeRecord.fromRaw` gives, its images
 * read by the caller's choice — unmarshalled (`fromRaw`), or left unread for a reader that decodes them from the raw
 * record itself in one pass (the typed change stream), instead of unmarshalling them only to throw them away.
 */
import type { ChangeRecord, EventName, RawRecord } from "../../ChangeRecord.js"
import type { AttributeMap } from "../../Value.js"
import { fromAttributeMap } from "../values/fromAttributeValue.js"
import { kindOf, MalformedValue } from "../values/malformed.js"

const eventNames: ReadonlySet<string> = new Set(["INSERT", "MODIFY", "REMOVE"])

const creationTime = (value: Date | number | undefined): Date | undefined =>
  value === undefined ? undefined : value instanceof Date ? value : typeof value === "number" ? new Date(value * 1000) : undefined

/**
 * The `ChangeRecord` of `raw` read from shard `shardId`, each image read by `image` (given the image and its field
 * name); throws a `MalformedValue` naming what is wrong when it is not a stream record.
 *
 * @example
 * import { readRecord } from "@dynofunc/core/internal/changes/record"
 * import { readOptionalItem } from "@dynofunc/core/internal/values/responses"
 * readRecord({ eventName: "REMOVE", dynamodb: { SequenceNumber: "7" } }, "shardId-1", readOptionalItem).event // "REMOVE"
 */
export const readRecord = <Image>(
  raw: RawRecord,
  shardId: string,
  image: (map: AttributeMap | undefined, field: string) => Image | undefined
): ChangeRecord<Image> => {
  if (typeof raw !== "object" || raw === null) throw new MalformedValue(`a stream record is an object, not ${kindOf(raw)}`)
  const event = raw.eventName
  if (typeof event !== "string" || !eventNames.has(event)) throw new MalformedValue(`eventName: not INSERT, MODIFY or REMOVE but ${kindOf(event)}`)
  const change = raw.dynamodb
  if (typeof change !== "object" || change === null) throw new MalformedValue(`dynamodb: not an object but ${kindOf(change)}`)
  if (typeof change.SequenceNumber !== "string") throw new MalformedValue(`dynamodb.SequenceNumber: not a string but ${kindOf(change.SequenceNumber)}`)
  return {
    event: event as EventName,
    keys: change.Keys === undefined ? {} : fromAttributeMap(change.Keys),
    oldImage: image(change.OldImage, "dynamodb.OldImage"),
    newImage: image(change.NewImage, "dynamodb.NewImage"),
    sequenceNumber: change.SequenceNumber,
    approximateCreationTime: creationTime(change.ApproximateCreationDateTime),
    shardId,
    eventId: raw.eventID,
    expired: raw.userIdentity?.type === "Service" && raw.userIdentity.principalId === "dynamodb.amazonaws.com",
    raw
  }
}

const unread = (): undefined => undefined

/**
 * The `ChangeRecord` of `raw` with its images left unread (`undefined`; they stay in `raw`, not checked): for a
 * reader that decodes `raw.dynamodb.NewImage` / `OldImage` itself. Throws as `fromRaw` does for the rest.
 *
 * @example
 * import { withoutImages } from "@dynofunc/core/internal/changes/record"
 * withoutImages({ eventName: "INSERT", dynamodb: { Keys: { id: { S: "u1" } }, NewImage: { id: { S: "u1" } }, SequenceNumber: "7" } }, "shardId-1").newImage
 * // undefined (read it from `raw`)
 */
export const withoutImages = (raw: RawRecord, shardId: string): ChangeRecord<never> => readRecord<never>(raw, shardId, unread)
