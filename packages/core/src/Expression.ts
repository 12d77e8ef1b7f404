/**
 * `compile`: turns the expressions of one request (key condition, condition, filter, update, projection) into the
 * SDK's expression fields, with one placeholder allocator for all of them.
 *
 * - Names become `#n0`, `#n1`, … — one per distinct name across the whole request.
 * - Values become `:v0`, `:v1`, … — one per occurrence, never shared.
 * - Placeholders are allocated in order (key condition, condition, filter, update, projection; left to right), so
 *   the output depends on the input only.
 * - Placeholders you supply (`names`, `values`, `rawCondition`) are kept as given and never reused by the
 *   allocator; one placeholder given two meanings is a problem.
 * - Nothing throws: what DynamoDB would refuse (an `IN` of 101 operands, a key condition of the wrong shape, the
 *   same path updated twice, an empty update, a value that cannot be stored, a placeholder clash) comes back in
 *   `problems`, and `execute` then fails with `InvalidInputError` without sending anything.
 *
 * @example
 * import { attr, cand, compile, path } from "dynofunc"
 * compile({
 *   condition: cand(attr("pk").exists(), attr("version").equals(3)),
 *   update: [{ name: "Ada", visits: attr.increment() }, path("profile", "email").set("a@b.c")]
 * }).fields
 * // {
 * //   ConditionExpression: "attribute_exists(#n0) AND #n1 = :v0",
 * //   UpdateExpression: "SET #n2 = :v1, #n3 = if_not_exists(#n3, :v2) + :v3, #n4.#n5 = :v4",
 * //   ExpressionAttributeNames: { "#n0": "pk", "#n1": "version", "#n2": "name", "#n3": "visits", "#n4": "profile", "#n5": "email" },
 * //   ExpressionAttributeValues: { ":v0": { N: "3" }, ":v1": { S: "Ada" }, ":v2": { N: "0" }, ":v3": { N: "1" }, ":v4": { S: "a@b.c" } }
 * // }
 *
 * @since 0.1.0
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "./InputProblem.js"
import type { Condition } from "./Condition.js"
import { ClauseNode, isConditionNode, PathImpl } from "./internal/expressions/ast.js"
import { condition, reserveRaw } from "./internal/expressions/condition.js"
import { keyConditionProblem, keyObject } from "./internal/expressions/keyCondition.js"
import { overlaps } from "./internal/expressions/overlaps.js"
import { path } from "./internal/expressions/path.js"
import type { Segment } from "./Path.js"
import * as P from "./internal/expressions/placeholders.js"
import type { Placeholders } from "./internal/expressions/placeholders.js"
import type { KeyConditionInput, KeySchema } from "./KeyCondition.js"
import type { ProjectionInput } from "./Projection.js"
import type { UpdateInput, UpdateObject } from "./Update.js"
import { clausePath, updateClause, updateObject, type UpdateSections } from "./internal/expressions/update.js"

export type {
  /**
   * @since 0.1.0
   * @category models
   */
  KeyConditionInput
} from "./KeyCondition.js"
export type {
  /**
   * @since 0.1.0
   * @category models
   */
  ProjectionInput
} from "./Projection.js"
export type {
  /**
   * @since 0.1.0
   * @category models
   */
  UpdateInput
} from "./Update.js"

/**
 * The expressions of one request, any of them optional.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExpressionInput {
  /** `Query`'s key condition: `{ pk: value }` or a condition (see `KeyCondition`). */
  readonly keyCondition?: KeyConditionInput | undefined
  /** The key attributes of the table or index queried, when known: the key condition is checked against them. */
  readonly keySchema?: KeySchema | undefined
  /** The condition a write needs (`ConditionExpression`). */
  readonly condition?: Condition | undefined
  /** The filter of a query or scan (`FilterExpression`). */
  readonly filter?: Condition | undefined
  /** The update: a plain object `{ name: value | UpdateAction }`, a clause tied to a path, or an array of both. */
  readonly update?: UpdateInput | undefined
  /** The attributes to read back: names and paths. */
  readonly projection?: ProjectionInput | undefined
  /** Raw escape hatch: `#x` → attribute name, kept as given. */
  readonly names?: Readonly<Record<string, string>> | undefined
  /** Raw escape hatch: `:x` → `AttributeValue`, kept as given. */
  readonly values?: Readonly<Record<string, AttributeValue>> | undefined
}

/**
 * The SDK expression fields of a request (only those present), and what is wrong with them.
 *
 * @since 0.1.0
 * @category models
 */
export interface CompiledExpression {
  readonly fields: {
    readonly KeyConditionExpression?: string
    readonly ConditionExpression?: string
    readonly FilterExpression?: string
    readonly UpdateExpression?: string
    readonly ProjectionExpression?: string
    readonly ExpressionAttributeNames?: Record<string, string>
    readonly ExpressionAttributeValues?: Record<string, AttributeValue>
  }
  readonly problems: ReadonlyArray<InputProblem>
}

/**
 * The expression fields, writable: what `compileInto` completes.
 *
 * @since 0.1.0
 * @category models
 */
export type MutableFields = {
  -readonly [K in keyof CompiledExpression["fields"]]: CompiledExpression["fields"][K]
}

const hasRaw = (c: Condition | undefined): boolean => c !== undefined && (c as { hasRaw?: boolean }).hasRaw === true

/**
 * Compiles the expressions of one request (see the module comment for the rules).
 *
 * @example
 * import { compile, attr, path } from "dynofunc"
 * compile({ keyCondition: { pk: "u1" }, filter: attr("n").gt(1), projection: ["a", path("b", 0)] }).fields
 * // { KeyConditionExpression: "#n0 = :v0", FilterExpression: "#n1 > :v1", ProjectionExpression: "#n2, #n3[0]",
 * //   ExpressionAttributeNames: { "#n0": "pk", "#n1": "n", "#n2": "a", "#n3": "b" },
 * //   ExpressionAttributeValues: { ":v0": { S: "u1" }, ":v1": { N: "1" } } }
 *
 * @since 0.1.0
 * @category utils
 */
export const compile = (input: ExpressionInput): CompiledExpression => {
  const fields: MutableFields = {}
  return { fields, problems: compileInto(fields, input) }
}

/**
 * `compile`, writing the fields straight onto `target` (a builder's own fresh description) and returning the
 * problems: the request-building path, where copying the fields over afterwards (`Object.assign`) was the
 * costliest line of an `update`.
 *
 * @since 0.1.0
 * @category utils
 */
export const compileInto = (target: MutableFields, input: ExpressionInput): ReadonlyArray<InputProblem> => {
  const ctx = P.make()
  const fields = target
  const keyCondition = input.keyCondition
  const keyIsCondition = keyCondition !== undefined && isConditionNode(keyCondition)

  // Caller placeholders first, so the allocator can step around them.
  if (input.names !== undefined) P.reserveNames(ctx, input.names, "ExpressionAttributeNames")
  if (input.values !== undefined) P.reserveValues(ctx, input.values, true, "ExpressionAttributeValues")
  if (keyIsCondition && hasRaw(keyCondition)) reserveRaw(ctx, keyCondition, "KeyConditionExpression")
  if (hasRaw(input.condition)) reserveRaw(ctx, input.condition!, "ConditionExpression")
  if (hasRaw(input.filter)) reserveRaw(ctx, input.filter!, "FilterExpression")

  if (keyCondition !== undefined) {
    ctx.part = "KeyConditionExpression"
    if (keyIsCondition) {
      const shape = keyConditionProblem(keyCondition, input.keySchema)
      if (shape !== undefined) P.problem(ctx, shape)
      const text = condition(ctx, keyCondition)
      if (text !== "") fields.KeyConditionExpression = text
    } else {
      fields.KeyConditionExpression = keyObject(ctx, keyCondition, input.keySchema)
    }
  }
  if (input.condition !== undefined) {
    ctx.part = "ConditionExpression"
    const text = condition(ctx, input.condition)
    if (text !== "") fields.ConditionExpression = text
  }
  if (input.filter !== undefined) {
    ctx.part = "FilterExpression"
    const text = condition(ctx, input.filter)
    if (text !== "") fields.FilterExpression = text
  }
  if (input.update !== undefined) {
    ctx.part = "UpdateExpression"
    const text = compileUpdate(ctx, input.update)
    if (text !== "") fields.UpdateExpression = text
  }
  if (input.projection !== undefined && input.projection.length > 0) {
    ctx.part = "ProjectionExpression"
    fields.ProjectionExpression = compileProjection(ctx, input.projection)
  }
  const names = P.namesRecord(ctx)
  if (names !== undefined) fields.ExpressionAttributeNames = names
  const values = P.valuesRecord(ctx)
  if (values !== undefined) fields.ExpressionAttributeValues = values
  return ctx.problems ?? noProblems
}

const noProblems: ReadonlyArray<InputProblem> = []

/**
 * `compileInto` for a request whose only expression is a projection (`find`'s `GetItem`): the same fields, and a
 * bundle of a program that only reads by key leaves the rest of the compiler (conditions, key conditions, updates) out.
 *
 * @example
 * import { path } from "dynofunc"
 * import { compileProjectionInto } from "@dynofunc/core/Expression"
 * const fields = {}
 * compileProjectionInto(fields, ["id", path("tags", 0)])
 * // fields: { ProjectionExpression: "#n0, #n1[0]", ExpressionAttributeNames: { "#n0": "id", "#n1": "tags" } }
 *
 * @since 0.1.0
 * @category utils
 */
export const compileProjectionInto = (target: MutableFields, projection: ProjectionInput | undefined): ReadonlyArray<InputProblem> => {
  if (projection === undefined || projection.length === 0) return noProblems
  const ctx = P.make()
  ctx.part = "ProjectionExpression"
  target.ProjectionExpression = compileProjection(ctx, projection)
  const names = P.namesRecord(ctx)
  if (names !== undefined) target.ExpressionAttributeNames = names
  return ctx.problems ?? noProblems
}

const compileUpdate = (ctx: Placeholders, update: UpdateInput): string => {
  const sections: UpdateSections = { set: "", remove: "", add: "", delete: "", mayOverlap: false }
  if (Array.isArray(update)) {
    const parts = update as ReadonlyArray<UpdateObject>
    for (let i = 0; i < parts.length; i++) updatePart(ctx, sections, parts[i]!)
  } else updatePart(ctx, sections, update as UpdateObject)
  ctx.subject = undefined
  if (sections.mayOverlap) overlaps(ctx, updatePaths(update), "update paths")
  let out = sections.set === "" ? "" : "SET " + sections.set
  if (sections.remove !== "") out += (out === "" ? "REMOVE " : " REMOVE ") + sections.remove
  if (sections.add !== "") out += (out === "" ? "ADD " : " ADD ") + sections.add
  if (sections.delete !== "") out += (out === "" ? "DELETE " : " DELETE ") + sections.delete
  if (out === "") P.problem(ctx, "the update has no action")
  return out
}

const updatePart = (ctx: Placeholders, sections: UpdateSections, part: UpdateObject): void => {
  if (part instanceof ClauseNode) updateClause(ctx, sections, part)
  else if (isUpdateObject(part)) updateObject(ctx, sections, part)
  else P.problem(ctx, "an update is a plain object { name: value } or an action tied to a path, e.g. path(\"a\", \"b\").set(1)")
}

/** Whether `part` is a plain update object (what `updatePart` takes for one). */
const isUpdateObject = (part: UpdateObject): boolean =>
  typeof part === "object" && part !== null && !(part instanceof PathImpl) && !isConditionNode(part)

/** Every path the update touches, in order: collected only when two may overlap (see `UpdateSections`). */
const updatePaths = (update: UpdateInput): Array<string | ReadonlyArray<Segment>> => {
  const paths: Array<string | ReadonlyArray<Segment>> = []
  const parts = (Array.isArray(update) ? update : [update]) as ReadonlyArray<UpdateObject>
  for (const part of parts) {
    if (part instanceof ClauseNode) paths.push(clausePath(part))
    else if (isUpdateObject(part)) {
      for (const attribute in part) if (part[attribute] !== undefined) paths.push(attribute)
    }
  }
  return paths
}

const compileProjection = (ctx: Placeholders, projection: ProjectionInput): string => {
  let out = ""
  const paths: Array<string | ReadonlyArray<Segment>> = []
  for (let i = 0; i < projection.length; i++) {
    const item = projection[i]!
    let text: string
    if (typeof item === "string") {
      text = P.name(ctx, item)
      paths.push(item)
    } else if (item instanceof PathImpl) {
      text = path(ctx, item.segments)
      paths.push(item.segments)
    } else {
      P.problem(ctx, "a projection holds attribute names and paths")
      continue
    }
    out = i === 0 ? text : out + ", " + text
  }
  if (paths.length > 1) overlaps(ctx, paths, "projected paths")
  return out
}
