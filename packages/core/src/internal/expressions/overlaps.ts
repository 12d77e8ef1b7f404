/**
 * Paths that overlap (one is the other or lies inside it), reported pair by pair: DynamoDB takes each path once in an
 * update and in a projection.
 */
import type { Segment } from "../../Path.js"
import * as P from "./placeholders.js"
import type { Placeholders } from "./placeholders.js"

/** Whether two paths overlap: one is the other or lies inside it. */
const overlap = (a: string | ReadonlyArray<Segment>, b: string | ReadonlyArray<Segment>): boolean => {
  if (typeof a === "string") return typeof b === "string" ? a === b : b[0] === a
  if (typeof b === "string") return a[0] === b
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false
  return true
}

const show = (p: string | ReadonlyArray<Segment>): string => {
  if (typeof p === "string") return p
  let out = ""
  for (const s of p) out += typeof s === "number" ? `[${s}]` : (out === "" ? "" : ".") + s
  return out
}

/** Reports every pair of overlapping paths. */
export const overlaps = (ctx: Placeholders, paths: ReadonlyArray<string | ReadonlyArray<Segment>>, what: string): void => {
  for (let i = 1; i < paths.length; i++) {
    for (let j = 0; j < i; j++) {
      if (overlap(paths[i]!, paths[j]!)) {
        P.problem(ctx, `${what} ${show(paths[j]!)} and ${show(paths[i]!)} overlap: DynamoDB allows each path once`)
      }
    }
  }
}
