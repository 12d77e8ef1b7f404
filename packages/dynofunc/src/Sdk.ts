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
 *
 * @since 0.1.0
 */
import type { DefaultProviderInit, defaultProvider } from "@aws-sdk/credential-provider-node"
import { Protocol } from "./internal/execution/sdkProtocol.js"
import type { CredentialsProvider } from "./HttpClient.js"

/**
 * The SDK's DynamoDB protocol with a fix the clients dynofunc builds always use: the SDK's own response reader loses
 * an item attribute named `__proto__` at the top level of an item or key. Give it to an SDK client you build yourself.
 *
 * @example
 * import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
 * import { protocol } from "dynofunc/sdk"
 * const sdk = new DynamoDBClient({ region: "eu-west-1", protocol })
 *
 * @since 0.1.0
 * @category utils
 */
export const protocol = Protocol

/**
 * The AWS SDK's whole default credential chain (`@aws-sdk/credential-provider-node`: SSO, `credential_process`,
 * `credential_source`, MFA and everything else) as `HttpClient` credentials, for what `AwsCredentials.defaultChain()`
 * does not cover. The SDK's chain is loaded on the first call, and bundled only into programs that use this.
 *
 * @example
 * import { HttpClient } from "dynofunc"
 * import { sdkCredentials } from "dynofunc/sdk"
 *
 * HttpClient.layer({ region: "eu-west-1", credentials: sdkCredentials({ profile: "sso-dev" }) })
 *
 * @since 0.1.0
 * @category utils
 */
export const sdkCredentials = (init: DefaultProviderInit = {}): CredentialsProvider => {
  let chain: Promise<ReturnType<typeof defaultProvider>> | undefined
  return () => {
    chain ??= import("@aws-sdk/credential-provider-node").then(({ defaultProvider }) => defaultProvider(init))
    return chain.then((provider) => provider())
  }
}
