/**
 * Key conditions: what `Query`'s `KeyConditionExpression` holds. Each partition key attribute is tested with `=`;
 * the sort key attributes may follow, left to right, with `=` — the last one tested may instead take `<`, `<=`,
 * `>`, `>=`, `BETWEEN` or `begins_with`. A table or a classic index has one partition and at most one sort key
 * attribute; a global secondary index may have up to 4 of each (DynamoDB's multi-attribute keys).
 *
 * When the key schema is known (`KeyCondition.problem(input, keySchema)`, or a typed table), the condition is
 * checked against it: every partition attribute given, no sort attribute skipped, no other attribute. Otherwise any
 * condition of that form passes: up to 8 conditions, all equalities but at most one. Anything else (an `OR`, a
 * `NOT`, a nested path, two range conditions, comparing two attributes, …) is an `InvalidInputError` before sending.
 *
 * Give a plain object for equalities, or a condition built with `attr`.
 *
 * @example
 * import { attr, cand } from "dynofunc"
 * const byUser = { pk: "user#1" }                                                   // #n0 = :v0
 * const orders = cand(attr("pk").equals("user#1"), attr("sk").beginsWith("order#")) // #n0 = :v0 AND begins_with(#n1, :v1)
 *
 * @since 0.1.0
 */
import type { Condition } from "./Condition.js"
import { keyConditionProblem, keyObjectProblem, type KeyNames } from "./internal/expressions/keyCondition.js"
import { isConditionNode } from "./internal/expressions/ast.js"

/**
 * A key condition: a condition of the shape above, or `{ attribute: value, … }` (equalities).
 *
 * @since 0.1.0
 * @category models
 */
export type KeyConditionInput = Condition | { readonly [name: string]: unknown }

/**
 * The key attributes of a table or index, in order: `partition` (1 to 4 names) and `sort` (0 to 4 names).
 *
 * @example
 * import { type KeySchema } from "dynofunc"
 * const byRegion: KeySchema = { partition: ["tournament", "region"], sort: ["round", "bracket"] }
 *
 * @since 0.1.0
 * @category models
 */
export type KeySchema = KeyNames

/**
 * What is wrong with the shape of a key condition, or `undefined` when DynamoDB will accept it; checked against
 * `keySchema` when given.
 *
 * @example
 * import { attr, cand, cor, KeyCondition } from "dynofunc"
 * KeyCondition.problem({ pk: 1 })                                      // undefined
 * KeyCondition.problem(attr("pk").equals(1))                           // undefined
 * KeyCondition.problem(cor(attr("pk").equals(1), attr("x").exists()))  // "a key condition is …"
 * KeyCondition.problem({ t: "w24", round: "final" }, { partition: ["t", "region"], sort: ["round"] })
 * // "the key condition must give the partition key attribute \"region\" (with =)"
 *
 * @since 0.1.0
 * @category utils
 */
export const problem = (input: KeyConditionInput, keySchema?: KeySchema | undefined): string | undefined =>
  isConditionNode(input) ? keyConditionProblem(input, keySchema) : keyObjectProblem(input, keySchema)
