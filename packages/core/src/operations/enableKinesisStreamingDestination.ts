/**
 * The `enableKinesisStreamingDestination` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Enables streaming a table's changes to a Kinesis data stream (`EnableKinesisStreamingDestination`). Give the
 * table and the stream's ARN, or the SDK input.
 *
 * @example
 * import { enableKinesisStreamingDestination } from "dynofunc"
 * const streamArn = "arn:aws:kinesis:eu-west-1:123456789012:stream/users-changes"
 * enableKinesisStreamingDestination("users", streamArn).description // { TableName: "users", StreamArn: streamArn }
 *
 * @since 0.1.0
 * @category services
 */
export const enableKinesisStreamingDestination = /* @__PURE__ */ friendly(
  "EnableKinesisStreamingDestination",
  (tableName: string, streamArn: string) => ({ TableName: tableName, StreamArn: streamArn })
)
