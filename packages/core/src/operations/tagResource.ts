/**
 * The `tagResource` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Adds or replaces tags on a table, index or stream (`TagResource`). Give its ARN and the tags as a plain object,
 * or the SDK input.
 *
 * @example
 * import { tagResource } from "dynofunc"
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * tagResource(tableArn, { team: "growth", env: "prod" }).description
 * // { ResourceArn: tableArn, Tags: [{ Key: "team", Value: "growth" }, { Key: "env", Value: "prod" }] }
 *
 * @since 0.1.0
 * @category services
 */
export const tagResource = /* @__PURE__ */ friendly(
  "TagResource",
  (resourceArn: string, tags: Readonly<Record<string, string>>) => ({
    ResourceArn: resourceArn,
    Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
  })
)
