/**
 * `InputProblem`: one thing wrong with a request, found by a builder before anything is sent.
 *
 * @example
 * import { add } from "dynofunc"
 * add("users", { id: "u1", tags: new Set() }).problems // [{ part: "Item.tags", message: "Pass a non-empty set…" }]
 *
 * @since 0.1.0
 */

/**
 * One thing wrong with a request, found before sending it.
 *
 * @since 0.1.0
 * @category models
 */
export interface InputProblem {
  /** What is wrong, in words. */
  readonly message: string
  /**
   * Where: the field of the SDK input (`UpdateExpression`, `Key`, `TableName`, `RequestItems`, …), and for a value the
   * path inside it (`Item.profile.tags[3]`, `RequestItems.users[712].PutRequest.Item.createdAt`,
   * `UpdateExpression.profile.tags[2]`, `Parameters[1]`); a friendly option by its name (`order`).
   */
  readonly part: string
}
