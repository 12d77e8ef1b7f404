/**
 * Key conditions: what `Query`'s `KeyConditionExpression` holds. Partition-key equality is required; the sort key
 * may take one of `=`, `<`, `<=`, `>`, `>=`, `BETWEEN` or `begins_with`. Anything else (an `OR`, a `NOT`, a nested
 * path, two sort-key conditions, comparing two attributes, …) is an `InvalidInputError` before sending.
 *
 * Give a plain object for equality on one or two keys, or a condition built with `attr`.
 *
 * @example
 * import { attr, cand } from "dynofunc"
 * { pk: "user#1" }                                                   // #n0 = :v0
 * cand(attr("pk").equals("user#1"), attr("sk").beginsWith("order#")) // #n0 = :v0 AND begins_with(#n1, :v1)
 */
import type { Condition } from "./internal/ast.js"
import { keyConditionProblem } from "./internal/emit.js"
import { isConditionNode } from "./internal/ast.js"

/** A key condition: a condition of the shape above, or `{ partitionKey: value, sortKey?: value }` (equality). */
export type KeyConditionInput = Condition | { readonly [name: string]: unknown }

/**
 * What is wrong with the shape of a key condition, or `undefined` when DynamoDB will accept it.
 *
 * @example
 * KeyCondition.problem({ pk: 1 })                                      // undefined
 * KeyCondition.problem(attr("pk").equals(1))                           // undefined
 * KeyCondition.problem(cor(attr("pk").equals(1), attr("x").exists()))  // "a key condition is …"
 */
export const problem = (input: KeyConditionInput): string | undefined => {
  if (isConditionNode(input)) return keyConditionProblem(input)
  let count = 0
  for (const key in input) if (input[key] !== undefined) count++
  return count === 1 || count === 2 ? undefined : `a key condition object holds one or two key attributes; got ${count}`
}
