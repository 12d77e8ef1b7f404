/** A document path as expression text (`#n0.#n1[3]`): each attribute name a placeholder, each list index as written. */
import type { Segment } from "../../Path.js"
import * as P from "./placeholders.js"
import type { Placeholders } from "./placeholders.js"

/** `#n0.#n1[3]` for a path. */
export const path = (ctx: Placeholders, segments: ReadonlyArray<Segment>): string => {
  const first = segments[0]
  if (typeof first !== "string") {
    P.problem(ctx, segments.length === 0 ? "a path needs at least one segment" : "a path must start with an attribute name")
    return segments.length === 0 ? "#invalid" : "#invalid" + pathTail(ctx, segments)
  }
  return segments.length === 1 ? P.name(ctx, first) : P.name(ctx, first) + pathTail(ctx, segments)
}

const pathTail = (ctx: Placeholders, segments: ReadonlyArray<Segment>): string => {
  let out = ""
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!
    if (typeof segment === "string") out += "." + P.name(ctx, segment)
    else {
      if (!Number.isInteger(segment) || segment < 0) P.problem(ctx, `list index ${segment} must be a whole number ≥ 0`)
      out += "[" + segment + "]"
    }
  }
  return out
}
