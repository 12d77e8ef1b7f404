/**
 * `dynofunc/sdk`: what an AWS SDK client you build yourself takes from dynofunc. A separate entry point, so that
 * importing `dynofunc` never loads the SDK.
 *
 * @example
 * import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
 * import { DynamoClient } from "dynofunc"
 * import { protocol } from "dynofunc/sdk"
 *
 * const layer = DynamoClient.layerFromSdk(new DynamoDBClient({ region: "eu-west-1", protocol, maxAttempts: 1 }))
 */
import { Protocol } from "./internal/execution/sdkProtocol.js"

/**
 * The SDK's DynamoDB protocol with a fix the clients dynofunc builds always use: the SDK's own response reader loses
 * an item attribute named `__proto__` at the top level of an item or key. Give it to an SDK client you build yourself.
 *
 * @example
 * const sdk = new DynamoDBClient({ region: "eu-west-1", protocol })
 */
export const protocol = Protocol
