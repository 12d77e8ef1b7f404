/**
 * The `putResourcePolicy` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Attaches a resource-based policy to a table or stream, replacing any (`PutResourcePolicy`). Give its ARN and the
 * policy (a JSON string, or an object that is serialized), or the SDK input (for `ExpectedRevisionId`).
 *
 * @example
 * import { putResourcePolicy } from "dynofunc"
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * putResourcePolicy(tableArn, { Version: "2012-10-17", Statement: [] }).description
 * // { ResourceArn: tableArn, Policy: "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
 *
 * @since 0.1.0
 * @category services
 */
export const putResourcePolicy = /* @__PURE__ */ friendly(
  "PutResourcePolicy",
  (resourceArn: string, policy: string | object) => ({
    ResourceArn: resourceArn,
    Policy: typeof policy === "string" ? policy : JSON.stringify(policy)
  })
)
