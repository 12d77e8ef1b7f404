/**
 * A response DynamoDB could not have sent: the `MalformedValue` thrown while reading it, located in the response as
 * it leaves each map and list, and the words its messages use for a value (its kind, never the value itself).
 */

/**
 * Thrown while reading a response that DynamoDB could not have sent: `where` is the path inside the response
 * (`Item.tags[2]`), built up as the error leaves each map and list; `what` says what was wrong without the values.
 * `execute` turns it into a `MalformedResponseError`.
 */
export class MalformedValue extends Error {
  readonly segments: Array<string> = []
  constructor(readonly what: string) {
    super(what)
    this.name = "MalformedValue"
  }
  /** `Item.tags[2]`: the segments joined. */
  get where(): string {
    return this.segments.join("").replace(/^\./, "")
  }
}

/** `error` as met inside `segment` (`.name` or `[3]`): a `MalformedValue` gets the segment prepended. */
export const locatedIn = (error: unknown, segment: string): unknown => {
  if (error instanceof MalformedValue) error.segments.unshift(segment)
  return error
}

/** The kind of a value in words, never the value itself. */
export const kindOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : `a ${typeof value}`
