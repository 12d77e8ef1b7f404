/**
 * The `untagResource` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Removes tags, by key, from a table, index or stream (`UntagResource`). Give its ARN and the keys, or the SDK input.
 *
 * @example
 * import { untagResource } from "dynofunc"
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * untagResource(tableArn, ["env"]).description // { ResourceArn: tableArn, TagKeys: ["env"] }
 *
 * @since 0.1.0
 * @category services
 */
export const untagResource = /* @__PURE__ */ friendly(
  "UntagResource",
  (resourceArn: string, keys: ReadonlyArray<string>) => ({ ResourceArn: resourceArn, TagKeys: [...keys] })
)
