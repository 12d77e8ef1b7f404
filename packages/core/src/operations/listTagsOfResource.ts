/**
 * The `listTagsOfResource` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { ListTagsOfResourceCommandOutput } from "@aws-sdk/client-dynamodb"
import { byName } from "../internal/builders/passThrough.js"

/**
 * What `listTagsOfResource` succeeds with: the tags as a plain object, the token of the next page, the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListTagsResult {
  readonly tags: Readonly<Record<string, string>>
  /** Pass as `NextToken` (SDK input form) for the next page, or stream every tag with `Pages.items(op)`; `undefined` on the last page. */
  readonly nextToken: string | undefined
  readonly raw: ListTagsOfResourceCommandOutput
}

/**
 * Reads the tags of a table, index or stream (`ListTagsOfResource`). Give its ARN, or the SDK input.
 *
 * @example
 * import { listTagsOfResource } from "dynofunc"
 * const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
 * listTagsOfResource(tableArn).description // { ResourceArn: tableArn }
 * // succeeds with { tags: { team: "growth" }, nextToken: undefined, raw }
 *
 * @since 0.1.0
 * @category services
 */
export const listTagsOfResource = /* @__PURE__ */ byName(
  "ListTagsOfResource",
  "ResourceArn",
  (raw): ListTagsResult => ({
    tags: Object.fromEntries((raw.Tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""])),
    nextToken: raw.NextToken,
    raw
  })
)
