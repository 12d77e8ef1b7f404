/**
 * What `StreamsClient`'s SDK Layer needs of `@aws-sdk/client-dynamodb-streams` at run time, loaded with a dynamic
 * `import()` when that Layer is built (a program on the lean transport never loads it). No `effect` import here, as
 * in `./sdk.ts`.
 */
import * as Sdk from "@aws-sdk/client-dynamodb-streams"
import type { StreamsOperation, StreamsOutputOf, StreamsRequest } from "../../StreamsClient.js"

const commands = {
  DescribeStream: Sdk.DescribeStreamCommand,
  GetRecords: Sdk.GetRecordsCommand,
  GetShardIterator: Sdk.GetShardIteratorCommand,
  ListStreams: Sdk.ListStreamsCommand
} as const

/**
 * A new DynamoDB Streams SDK client.
 *
 * @example
 * import { newClient } from "./streamsSdk.js"
 * const sdk = newClient({ region: "eu-west-1", maxAttempts: 1 })
 */
export const newClient = (config: Sdk.DynamoDBStreamsClientConfig): Sdk.DynamoDBStreamsClient => new Sdk.DynamoDBStreamsClient(config)

/**
 * Sends `request` through `sdk`, aborted by `signal` when there is one.
 *
 * @example
 * import { sendCommand, newClient } from "./streamsSdk.js"
 * sendCommand(newClient({}), { operation: "ListStreams", input: {} }, undefined)
 */
export const sendCommand = <Name extends StreamsOperation>(
  sdk: Sdk.DynamoDBStreamsClient,
  request: StreamsRequest<Name>,
  signal: AbortSignal | undefined
): Promise<StreamsOutputOf<Name>> => {
  // One command class per name; their constructors differ only by input, which `request` pairs with its name.
  const Command = commands[request.operation] as unknown as new (input: StreamsRequest<Name>["input"]) => Sdk.DescribeStreamCommand
  const command = new Command(request.input)
  return (signal === undefined ? sdk.send(command) : sdk.send(command, { abortSignal: signal })) as Promise<StreamsOutputOf<Name>>
}
