/**
 * The `updateKinesisStreamingDestination` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Changes the settings of a table's Kinesis streaming destination (`UpdateKinesisStreamingDestination`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * import { updateKinesisStreamingDestination } from "dynofunc"
 * const streamArn = "arn:aws:kinesis:eu-west-1:123456789012:stream/users-changes"
 * updateKinesisStreamingDestination({ TableName: "users", StreamArn: streamArn, UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: "MICROSECOND" } })
 *
 * @since 0.1.0
 * @category services
 */
export const updateKinesisStreamingDestination = /* @__PURE__ */ passThrough("UpdateKinesisStreamingDestination")
