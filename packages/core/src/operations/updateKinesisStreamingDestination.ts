import { passThrough } from "../internal/builders/passThrough.js"

/**
 * Changes the settings of a table's Kinesis streaming destination (`UpdateKinesisStreamingDestination`). Takes the SDK input; succeeds with the SDK output.
 *
 * @example
 * const streamArn = "arn:aws:kinesis:eu-west-1:123456789012:stream/users-changes"
 * updateKinesisStreamingDestination({ TableName: "users", StreamArn: streamArn, UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: "MICROSECOND" } })
 */
export const updateKinesisStreamingDestination = /* @__PURE__ */ passThrough("UpdateKinesisStreamingDestination")
