/**
 * The `disableKinesisStreamingDestination` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { friendly } from "../internal/builders/passThrough.js"

/**
 * Disables streaming a table's changes to a Kinesis data stream (`DisableKinesisStreamingDestination`). Give the
 * table and the stream's ARN, or the SDK input.
 *
 * @example
 * import { disableKinesisStreamingDestination } from "dynofunc"
 * const streamArn = "arn:aws:kinesis:eu-west-1:123456789012:stream/users-changes"
 * disableKinesisStreamingDestination("users", streamArn).description // { TableName: "users", StreamArn: streamArn }
 *
 * @since 0.1.0
 * @category services
 */
export const disableKinesisStreamingDestination = /* @__PURE__ */ friendly(
  "DisableKinesisStreamingDestination",
  (tableName: string, streamArn: string) => ({ TableName: tableName, StreamArn: streamArn })
)
