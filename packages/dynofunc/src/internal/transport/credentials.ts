/**
 * Where the lean transport's credentials come from: fixed ones (their secrets `Redacted` until signing), a provider
 * function (any of the SDK's `@aws-sdk/credential-providers`), or the SDK's default provider chain, imported only
 * when first needed. Credentials that expire are refreshed five minutes before they do, the way the SDK does;
 * concurrent calls share one refresh.
 */
import { Effect, Redacted } from "effect"
import type { Credentials } from "../../DynamoClient.js"
import type { SigningCredentials } from "./sigv4.js"

/** What a provider answers: the SDK's `AwsCredentialIdentity`. */
export interface ProvidedCredentials extends SigningCredentials {
  /** When they stop working; none means never. */
  readonly expiration?: Date | undefined
}

/** A function giving credentials, like the SDK's providers (`fromIni()`, `fromSSO()`, `fromTemporaryCredentials(…)`). */
export type CredentialsProvider = () => Promise<ProvidedCredentials>

/** The credentials to sign with: `current()` when still fresh, else `refresh`. */
export interface CredentialSource {
  /** The current credentials, or `undefined` when there are none yet or they are about to expire. */
  readonly current: () => SigningCredentials | undefined
  /** Fetches new credentials (one fetch shared by every caller meanwhile); fails with the provider's error. */
  readonly refresh: Effect.Effect<SigningCredentials, unknown>
}

/** Credentials expiring within this window are refreshed: the SDK's own margin. */
const refreshWindowMillis = 5 * 60 * 1000

const defaultChain: CredentialsProvider = () =>
  import("@aws-sdk/credential-provider-node").then(({ defaultProvider }) => defaultProvider()())

const fromProvider = (provider: CredentialsProvider): CredentialSource => {
  let cached: ProvidedCredentials | undefined
  let pending: Promise<ProvidedCredentials> | undefined
  const fresh = (credentials: ProvidedCredentials | undefined) =>
    credentials !== undefined &&
    (credentials.expiration === undefined || credentials.expiration.getTime() - refreshWindowMillis > Date.now())
  return {
    current: () => (fresh(cached) ? cached : undefined),
    refresh: Effect.tryPromise({
      try: () => {
        pending ??= provider().then(
          (credentials) => {
            cached = credentials
            pending = undefined
            return credentials
          },
          (error: unknown) => {
            pending = undefined
            throw error
          }
        )
        return pending
      },
      catch: (error) => error
    })
  }
}

/**
 * The credential source for a lean client's `credentials` setting.
 *
 * @example
 * const source = credentialSource({ accessKeyId: "AKID", secretAccessKey: Redacted.make("secret") })
 */
export const credentialSource = (credentials: Credentials | CredentialsProvider | undefined): CredentialSource => {
  if (credentials === undefined) return fromProvider(defaultChain)
  if (typeof credentials === "function") return fromProvider(credentials)
  const signing: SigningCredentials = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: Redacted.value(credentials.secretAccessKey),
    sessionToken: credentials.sessionToken === undefined ? undefined : Redacted.value(credentials.sessionToken)
  }
  return { current: () => signing, refresh: Effect.succeed(signing) }
}
