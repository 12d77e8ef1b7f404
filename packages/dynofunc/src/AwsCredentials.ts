/**
 * `AwsCredentials`: where the lean `HttpClient` finds AWS credentials without the AWS SDK. Small providers on
 * plain Node (`fetch`, `node:fs/promises`) for the sources a program meets in practice — environment variables, the
 * shared `config`/`credentials` files, the ECS/EKS container endpoint, EC2 instance metadata (IMDSv2) and web
 * identity (EKS IRSA) — and `defaultChain()`, trying them in the SDK's order. Secrets stay `Redacted`; a failure is a
 * `TransportError` saying which sources were tried. For SSO, `credential_process` and the rest of the SDK's chain:
 * `sdkCredentials()` from `dynofunc/sdk`.
 *
 * @example
 * import { Effect } from "effect"
 * import { AwsCredentials, HttpClient, execute, find } from "dynofunc"
 *
 * const program = execute(find("users", { id: "u1" }))
 * program.pipe(Effect.provide(HttpClient.layer({ region: "eu-west-1", credentials: AwsCredentials.fromFiles({ profile: "prod" }) })))
 *
 * @since 0.1.0
 */
import type { Effect } from "effect"
import type { DurationInput } from "#adapter"
import type { Credentials } from "./DynamoClient.js"
import type { TransportError } from "./DynamoError.js"
import { chainOf, defaultChainOf } from "./internal/transport/credentials/chain.js"
import { containerProvider } from "./internal/transport/credentials/container.js"
import { envProvider } from "./internal/transport/credentials/env.js"
import { filesProvider } from "./internal/transport/credentials/files.js"
import { instanceMetadataProvider } from "./internal/transport/credentials/imds.js"
import { webIdentityProvider } from "./internal/transport/credentials/webIdentity.js"

/**
 * Credentials a provider found: the secrets `Redacted`, and when they stop working (none: never).
 *
 * @since 0.1.0
 * @category models
 */
export interface Resolved extends Credentials {
  readonly expiration?: Date | undefined
}

/**
 * What a provider answers when its source is not set up here (no variables, no file, no profile): why, in a few words.
 *
 * @since 0.1.0
 * @category models
 */
export interface Absent {
  readonly _tag: "Absent"
  readonly reason: string
}

/**
 * A source of credentials. `resolve` finds them (`Resolved`), answers `Absent` when the source is not set up here
 * (a chain then tries the next), or fails with a `TransportError` when the source is set up and failed (a chain
 * stops there, as the SDK's does).
 *
 * @since 0.1.0
 * @category models
 */
export interface Provider {
  /** The source's name in error messages: `environment`, `shared files (profile dev)`, `instance metadata`, … */
  readonly source: string
  readonly resolve: Effect.Effect<Resolved | Absent, TransportError>
}

/**
 * The environment the providers read: `process.env` unless a test or a program gives another.
 *
 * @since 0.1.0
 * @category models
 */
export type Env = Readonly<Record<string, string | undefined>>

/**
 * What every provider may be given.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProviderOptions {
  /** The environment to read (default `process.env`). */
  readonly env?: Env | undefined
}

/**
 * Options of the providers that ask a server: how long one request may take, and how often a failed one is retried.
 *
 * @since 0.1.0
 * @category models
 */
export interface RemoteOptions extends ProviderOptions {
  /** Per request (default 1 second, the SDK's). */
  readonly timeout?: DurationInput | undefined
  /** Retries after a failed request (default: the SDK's, 3 for the container endpoint, 0 for instance metadata). */
  readonly retries?: number | undefined
}

/**
 * Options of `fromFiles`.
 *
 * @since 0.1.0
 * @category models
 */
export interface FilesOptions extends ProviderOptions {
  /** The profile (default `AWS_PROFILE`, else `default`). */
  readonly profile?: string | undefined
}

/**
 * `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` and `AWS_CREDENTIAL_EXPIRATION` (what Lambda
 * and most CI systems set).
 *
 * @example
 * import { HttpClient, AwsCredentials } from "dynofunc"
 * HttpClient.layer({ region: "eu-west-1", credentials: AwsCredentials.fromEnv() })
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromEnv = (options: ProviderOptions = {}): Provider => envProvider(options.env ?? process.env)

/**
 * A profile of the shared files: `~/.aws/credentials` (`AWS_SHARED_CREDENTIALS_FILE`) and `~/.aws/config`
 * (`AWS_CONFIG_FILE`, `[profile name]` sections), the credentials file winning key by key. Static keys, `role_arn`
 * with `source_profile` (STS `AssumeRole`, signed with the source profile's keys) and `role_arn` with
 * `web_identity_token_file`. A profile using SSO, `credential_process` or `credential_source` fails saying it needs
 * `sdkCredentials()` from `dynofunc/sdk`.
 *
 * @example
 * import { HttpClient, AwsCredentials } from "dynofunc"
 * HttpClient.layer({ region: "eu-west-1", credentials: AwsCredentials.fromFiles({ profile: "dev" }) })
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromFiles = (options: FilesOptions = {}): Provider => filesProvider(options.env ?? process.env, options.profile)

/**
 * The container endpoint of ECS tasks and EKS Pod Identity: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (on
 * `169.254.170.2`) or `AWS_CONTAINER_CREDENTIALS_FULL_URI` (HTTPS, loopback, or the ECS/EKS hosts), with
 * `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or `AWS_CONTAINER_AUTHORIZATION_TOKEN` as its `Authorization`.
 *
 * @example
 * import { HttpClient, AwsCredentials } from "dynofunc"
 * HttpClient.layer({ region: "eu-west-1", credentials: AwsCredentials.fromContainer({ timeout: "2 seconds" }) })
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromContainer = (options: RemoteOptions = {}): Provider => containerProvider(options.env ?? process.env, options)

/**
 * The EC2 instance role through IMDSv2: a session token (`PUT /latest/api/token`), then the role's name and its
 * credentials. `AWS_EC2_METADATA_DISABLED=true` turns it off; `AWS_EC2_METADATA_SERVICE_ENDPOINT` (or
 * `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`) moves it. No IMDSv1 fallback.
 *
 * @example
 * import { HttpClient, AwsCredentials } from "dynofunc"
 * HttpClient.layer({ region: "eu-west-1", credentials: AwsCredentials.fromInstanceMetadata() })
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromInstanceMetadata = (options: RemoteOptions = {}): Provider => instanceMetadataProvider(options.env ?? process.env, options)

/**
 * Web identity (EKS IRSA, GitHub Actions OIDC): the token in `AWS_WEB_IDENTITY_TOKEN_FILE` exchanged for the role
 * `AWS_ROLE_ARN` (session `AWS_ROLE_SESSION_NAME`) through STS `AssumeRoleWithWebIdentity`, at the regional STS
 * endpoint of `AWS_REGION` (`AWS_ENDPOINT_URL_STS` overrides it).
 *
 * @example
 * import { HttpClient, AwsCredentials } from "dynofunc"
 * HttpClient.layer({ region: "eu-west-1", credentials: AwsCredentials.fromWebIdentity() })
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromWebIdentity = (options: ProviderOptions = {}): Provider => webIdentityProvider(options.env ?? process.env)

/**
 * The first of `providers` that is set up: an `Absent` one is skipped, a failing one stops the chain. When none is
 * set up, the `TransportError` lists each with why.
 *
 * @example
 * import { HttpClient, AwsCredentials } from "dynofunc"
 * HttpClient.layer({ region: "eu-west-1", credentials: AwsCredentials.chain(AwsCredentials.fromEnv(), AwsCredentials.fromFiles({ profile: "ci" })) })
 *
 * @since 0.1.0
 * @category constructors
 */
export const chain = (...providers: ReadonlyArray<Provider>): Provider => chainOf(providers)

/**
 * What `HttpClient` uses when given no `credentials`: the SDK's order without SSO and `credential_process` —
 * environment (skipped when `AWS_PROFILE` is set, as the SDK does), shared files, web identity, then the container
 * endpoint when its variables are set, else instance metadata.
 *
 * @example
 * import { HttpClient, AwsCredentials } from "dynofunc"
 * HttpClient.layer({ region: "eu-west-1", credentials: AwsCredentials.defaultChain() })
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultChain = (options: ProviderOptions = {}): Provider => defaultChainOf(options.env ?? process.env)
