import { EnableKinesisStreamingDestinationCommand } from "@aws-sdk/client-dynamodb"
import { friendly } from "../internal/passThrough.js"

/**
 * Enables streaming a table's changes to a Kinesis data stream (`EnableKinesisStreamingDestination`). Give the
 * table and the stream's ARN, or the SDK input.
 *
 * @example
 * enableKinesisStreamingDestination("users", streamArn).description // { TableName: "users", StreamArn: streamArn }
 */
export const enableKinesisStreamingDestination = /* @__PURE__ */ friendly(
  "EnableKinesisStreamingDestination",
  EnableKinesisStreamingDestinationCommand,
  (tableName: string, streamArn: string) => ({ TableName: tableName, StreamArn: streamArn })
)
