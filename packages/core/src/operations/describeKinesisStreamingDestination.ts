/**
 * The `describeKinesisStreamingDestination` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads the Kinesis data streams a table streams its changes to (`DescribeKinesisStreamingDestination`). Give the table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * import { describeKinesisStreamingDestination } from "dynofunc"
 * describeKinesisStreamingDestination("users").description // { TableName: "users" }
 *
 * @since 0.1.0
 * @category services
 */
export const describeKinesisStreamingDestination = /* @__PURE__ */ byName("DescribeKinesisStreamingDestination", "TableName")
