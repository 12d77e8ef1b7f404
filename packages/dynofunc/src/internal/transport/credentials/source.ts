/**
 * Where the lean transport's credentials come from, and their cache: fixed ones (their secrets `Redacted` until
 * signing), a `Provider` of `AwsCredentials` (by default `defaultChain()`), or an SDK-style provider function (any of
 * `@aws-sdk/credential-providers`, or `sdkCredentials()` from `dynofunc/sdk`). Credentials that expire are fetched
 * again five minutes before they do, the SDK's margin; concurrent calls share one fetch.
 */
import { Effect, Exit, Redacted } from "effect"
import type { Provider, Resolved } from "../../../AwsCredentials.js"
import type { Credentials } from "../../../DynamoClient.js"
import type { CredentialsProvider, ProvidedCredentials } from "../../../HttpClient.js"
import type { SigningCredentials } from "../sigv4.js"
import { defaultChainOf } from "./chain.js"
import { failure, isAbsent } from "./provider.js"

/** The credentials to sign with: `current()` when still fresh, else `refresh`. */
export interface CredentialSource {
  /** The current credentials, or `undefined` when there are none yet or they are about to expire. */
  readonly current: () => SigningCredentials | undefined
  /** Fetches new credentials (one fetch shared by every caller meanwhile); fails with the provider's error. */
  readonly refresh: Effect.Effect<SigningCredentials, unknown>
}

/** Credentials expiring within this window are fetched again: the SDK's own margin. */
const refreshWindowMillis = 5 * 60 * 1000

/** The credentials `fetch` gives, kept until five minutes before they expire; one fetch at a time. */
const cached = (fetch: Effect.Effect<ProvidedCredentials, unknown>): CredentialSource => {
  let kept: ProvidedCredentials | undefined
  let pending: Promise<Exit.Exit<ProvidedCredentials, unknown>> | undefined
  const fresh = (credentials: ProvidedCredentials | undefined): credentials is ProvidedCredentials =>
    credentials !== undefined &&
    (credentials.expiration === undefined || credentials.expiration.getTime() - refreshWindowMillis > Date.now())
  const settle = (exit: Exit.Exit<ProvidedCredentials, unknown>) => {
    pending = undefined
    if (Exit.isSuccess(exit)) kept = exit.value
    return exit
  }
  return {
    current: () => (fresh(kept) ? kept : undefined),
    // The fetch runs on its own: a caller interrupted while waiting does not cancel it for the others.
    refresh: Effect.flatMap(Effect.promise(() => (pending ??= Effect.runPromiseExit(fetch).then(settle))), (exit) => exit)
  }
}

/** `Resolved` with its secrets in the clear, to sign with. */
const clear = (credentials: Resolved): ProvidedCredentials => ({
  accessKeyId: credentials.accessKeyId,
  secretAccessKey: Redacted.value(credentials.secretAccessKey),
  sessionToken: credentials.sessionToken === undefined ? undefined : Redacted.value(credentials.sessionToken),
  expiration: credentials.expiration
})

/**
 * What `provider` resolves to, as credentials to sign with; `Absent` becomes a `TransportError` saying which sources
 * were tried and why each was not set up.
 *
 * @example
 * import { fromProvider } from "./source.js"
 * import { Effect } from "effect"
 * const signing = fromProvider({ source: "nothing", resolve: Effect.succeed({ _tag: "Absent", reason: "a test" } as const) })
 */
export const fromProvider = (provider: Provider): Effect.Effect<ProvidedCredentials, unknown> =>
  Effect.flatMap(provider.resolve, (answer) =>
    isAbsent(answer) ? Effect.fail(failure(provider.source, `none found (${answer.reason})`)) : Effect.succeed(clear(answer))
  )

const isProvider = (credentials: Credentials | Provider): credentials is Provider => "resolve" in credentials

/**
 * The credential source for a lean client's `credentials` setting (none: `defaultChain()`).
 *
 * @example
 * import { credentialSource } from "./source.js"
 * import { Redacted } from "effect"
 * const source = credentialSource({ accessKeyId: "AKID", secretAccessKey: Redacted.make("secret") })
 */
export const credentialSource = (credentials: Credentials | Provider | CredentialsProvider | undefined): CredentialSource => {
  if (credentials === undefined) return cached(fromProvider(defaultChainOf(process.env)))
  if (typeof credentials === "function") return cached(Effect.tryPromise({ try: credentials, catch: (error) => error }))
  if (isProvider(credentials)) return cached(fromProvider(credentials))
  const signing = clear(credentials)
  return { current: () => signing, refresh: Effect.succeed(signing) }
}
