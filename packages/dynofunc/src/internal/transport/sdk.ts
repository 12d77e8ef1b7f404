/**
 * What `DynamoClient`'s SDK Layers need of the AWS SDK at run time, loaded by them with a dynamic `import()` when
 * they are built: importing dynofunc, or running it on the lean `HttpClient`, never loads the SDK client. No `effect`
 * import here: a module reached by `import()` is wrapped by bundlers, and so is every module it imports, which would
 * keep all of `effect`'s barrel in every bundle.
 */
import * as Sdk from "@aws-sdk/client-dynamodb"
import type { CommandName, InputOf, OutputOf } from "@dynofunc/core/Operation"
import type { Request } from "../../DynamoClient.js"
import { Protocol } from "../execution/sdkProtocol.js"

/** The SDK command class of `Name`, e.g. `GetItemCommand`. */
type CommandClass<Name extends CommandName> = new (input: InputOf<Name>) => Sdk.$Command<
  InputOf<Name>,
  OutputOf<Name>,
  Sdk.DynamoDBClientResolvedConfig,
  Sdk.ServiceInputTypes,
  Sdk.ServiceOutputTypes
>

/**
 * A new SDK client with dynofunc's protocol (unless `config` sets another).
 *
 * @example
 * import { newClient } from "./sdk.js"
 * const sdk = newClient({ region: "eu-west-1", maxAttempts: 1 })
 */
export const newClient = (config: Sdk.DynamoDBClientConfig): Sdk.DynamoDBClient => new Sdk.DynamoDBClient({ protocol: Protocol, ...config })

/**
 * The SDK command class of the operation `name`, found by its name in the SDK client's module (`GetItem` →
 * `GetItemCommand`): operations carry no command class, so that a program on the lean transport never loads one.
 * An operation the installed SDK does not know (an older `@aws-sdk/client-dynamodb`) throws, naming both.
 *
 * @example
 * import { commandOf } from "./sdk.js"
 * import { GetItemCommand } from "@aws-sdk/client-dynamodb"
 * commandOf("GetItem") === GetItemCommand // true
 */
export const commandOf = <Name extends CommandName>(name: Name): CommandClass<Name> => {
  const command = (Sdk as unknown as Partial<Record<string, CommandClass<Name>>>)[`${name}Command`]
  if (command === undefined) {
    throw new TypeError(`the installed @aws-sdk/client-dynamodb has no ${name}Command: update it to send ${name} through the SDK`)
  }
  return command
}

/**
 * Sends `request` through `sdk`, aborted by `signal` when there is one.
 *
 * @example
 * import { sendCommand } from "./sdk.js"
 * import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
 * sendCommand(new DynamoDBClient({}), { operation: "ListTables", input: {} }, new AbortController().signal)
 */
export const sendCommand = <Name extends CommandName>(
  sdk: Sdk.DynamoDBClient,
  request: Request<Name>,
  signal: AbortSignal | undefined
): Promise<OutputOf<Name>> => {
  const command = new (commandOf(request.operation))(request.input)
  return signal === undefined ? sdk.send(command) : sdk.send(command, { abortSignal: signal })
}
