import { friendly } from "../internal/builders/passThrough.js"

/**
 * Removes tags, by key, from a table, index or stream (`UntagResource`). Give its ARN and the keys, or the SDK input.
 *
 * @example
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * untagResource(tableArn, ["env"]).description // { ResourceArn: tableArn, TagKeys: ["env"] }
 */
export const untagResource = /* @__PURE__ */ friendly(
  "UntagResource",
  (resourceArn: string, keys: ReadonlyArray<string>) => ({ ResourceArn: resourceArn, TagKeys: [...keys] })
)
