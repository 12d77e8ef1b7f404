/**
 * What `DynamoClient`'s SDK Layers need of the AWS SDK at run time, loaded by them with a dynamic `import()` when
 * they are built: importing dynofunc, or running it on the lean `HttpClient`, never loads the SDK client. No `effect`
 * import here: a module reached by `import()` is wrapped by bundlers, and so is every module it imports, which would
 * keep all of `effect`'s barrel in every bundle.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb"
import type { CommandName, OutputOf } from "../../Operation.js"
import type { Request } from "../execution/client.js"
import { Protocol } from "../sdkProtocol.js"

/**
 * A new SDK client with dynofunc's protocol (unless `config` sets another).
 *
 * @example
 * const sdk = newClient({ region: "eu-west-1", maxAttempts: 1 })
 */
export const newClient = (config: DynamoDBClientConfig): DynamoDBClient => new DynamoDBClient({ protocol: Protocol, ...config })

/**
 * Sends `request` through `sdk`, aborted by `signal`.
 *
 * @example
 * sendCommand(new DynamoDBClient({}), { operation: "ListTables", command: ListTablesCommand, input: {} }, new AbortController().signal)
 */
export const sendCommand = <Name extends CommandName>(sdk: DynamoDBClient, request: Request<Name>, signal: AbortSignal): Promise<OutputOf<Name>> =>
  sdk.send(new request.command(request.input), { abortSignal: signal })
