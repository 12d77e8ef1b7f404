/**
 * Chains of providers: the first one set up gives the credentials, and the default chain in the SDK's order.
 */
import { Effect } from "effect"
import type { Absent, Env, Provider, Resolved } from "../../../AwsCredentials.js"
import { TransportError } from "../../../DynamoError.js"
import { containerProvider } from "./container.js"
import { envProvider } from "./env.js"
import { filesProvider } from "./files.js"
import { instanceMetadataProvider } from "./imds.js"
import { absent, isAbsent } from "./provider.js"
import { webIdentityProvider } from "./webIdentity.js"

/**
 * The first of `providers` that is set up; `Absent` with every source and why when none is. A provider that fails
 * stops the chain, its error naming the sources skipped before it. `source` names the chain in errors.
 *
 * @example
 * import { chainOf, defaultChainOf } from "./chain.js"
 * chainOf([defaultChainOf({ AWS_PROFILE: "dev" }), defaultChainOf({})], "two chains")
 */
export const chainOf = (providers: ReadonlyArray<Provider>, source = "the chain"): Provider => ({
  source,
  resolve: Effect.suspend(() => {
    const skipped: Array<string> = []
    const next = (index: number): Effect.Effect<Resolved | Absent, TransportError> => {
      const provider = providers[index]
      if (provider === undefined) return Effect.succeed(absent(skipped.join("; ")))
      return Effect.matchEffect(provider.resolve, {
        onFailure: (error) =>
          Effect.fail(
            skipped.length === 0
              ? error
              : new TransportError({ reason: error.reason, message: `${error.message} (before it: ${skipped.join("; ")})`, cause: error.cause })
          ),
        onSuccess: (answer) => {
          if (!isAbsent(answer)) return Effect.succeed(answer)
          skipped.push(`${provider.source}: ${answer.reason}`)
          return next(index + 1)
        }
      })
    }
    return next(0)
  })
})

/**
 * The SDK's default chain without SSO and `credential_process`: environment (skipped when `AWS_PROFILE` is set),
 * shared files, web identity, then the container endpoint when its variables are set, else instance metadata.
 *
 * @example
 * import { defaultChainOf } from "./chain.js"
 * defaultChainOf(process.env)
 */
export const defaultChainOf = (env: Env): Provider => {
  const fromEnv = envProvider(env)
  const container = containerProvider(env, {})
  const imds = instanceMetadataProvider(env, {})
  return chainOf([
    {
      source: fromEnv.source,
      resolve: Effect.suspend(() => (env["AWS_PROFILE"] ? Effect.succeed(absent("skipped: AWS_PROFILE is set")) : fromEnv.resolve))
    },
    filesProvider(env, undefined),
    webIdentityProvider(env),
    {
      source: "container endpoint or instance metadata",
      resolve: Effect.suspend(() =>
        env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] || env["AWS_CONTAINER_CREDENTIALS_FULL_URI"] ? container.resolve : imds.resolve
      )
    }
  ], "the default chain")
}
