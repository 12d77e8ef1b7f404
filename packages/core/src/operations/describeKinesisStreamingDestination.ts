import { byName } from "../internal/builders/passThrough.js"

/**
 * Reads the Kinesis data streams a table streams its changes to (`DescribeKinesisStreamingDestination`). Give the table name, or the SDK input. Succeeds with the SDK output.
 *
 * @example
 * describeKinesisStreamingDestination("users").description // { TableName: "users" }
 */
export const describeKinesisStreamingDestination = /* @__PURE__ */ byName("DescribeKinesisStreamingDestination", "TableName")
