/** Typed paths of an entity's fields: `attr` and `path`, comparing values encoded by the field's Schema. */
import type { Condition } from "@dynofunc/core/Condition"
import type { Path, Segment, Size } from "@dynofunc/core/Path"
import { path as makePath } from "@dynofunc/core/Path"
import type { Codec } from "../codec.js"
import { Fail } from "../schema/types.js"

/** A plain path whose comparisons take domain values (`Entity.ts` types them per field). */
export interface TypedPath {
  readonly path: Path
  readonly equals: (value: unknown) => Condition
  readonly notEquals: (value: unknown) => Condition
  readonly lt: (value: unknown) => Condition
  readonly lte: (value: unknown) => Condition
  readonly gt: (value: unknown) => Condition
  readonly gte: (value: unknown) => Condition
  readonly between: (low: unknown, high: unknown) => Condition
  readonly in: (values: ReadonlyArray<unknown>) => Condition
  readonly beginsWith: (prefix: string) => Condition
  readonly contains: (operand: unknown) => Condition
  readonly exists: () => Condition
  readonly notExists: () => Condition
  readonly size: () => Size
}

/** A typed path: the plain path, with values encoded by the field's Schema before they are compared. */
export const typedPath = (codec: Codec, segments: ReadonlyArray<Segment>): TypedPath => {
  const plain: Path = makePath(segments[0] as string, ...segments.slice(1))
  const names = segments.filter((segment): segment is string => typeof segment === "string")
  const encoder = codec.fieldEncoder(names)
  // A value that does not encode is compared as given (the server decides).
  const encode = (value: unknown): unknown => {
    const encoded = encoder(value)
    return encoded === Fail ? value : encoded
  }
  return {
    path: plain,
    equals: (value: unknown) => plain.equals(encode(value)),
    notEquals: (value: unknown) => plain.notEquals(encode(value)),
    lt: (value: unknown) => plain.lt(encode(value)),
    lte: (value: unknown) => plain.lte(encode(value)),
    gt: (value: unknown) => plain.gt(encode(value)),
    gte: (value: unknown) => plain.gte(encode(value)),
    between: (low: unknown, high: unknown) => plain.between(encode(low), encode(high)),
    in: (values: ReadonlyArray<unknown>) => plain.in(values.map(encode)),
    beginsWith: (prefix: string) => plain.beginsWith(prefix),
    contains: (operand: unknown) => plain.contains(operand),
    exists: () => plain.exists(),
    notExists: () => plain.notExists(),
    size: () => plain.size()
  }
}
