/**
 * What the credential providers share: how they say "not set up here" (`absent`) and "set up, but failed"
 * (`failure`), how they read the JSON answer of the container endpoint and of instance metadata (`fromJson`), and
 * how they ask a server (`fetchText`: `fetch` with a timeout, on loopback in tests).
 */
import { Duration, Effect, Redacted } from "effect"
import { catchAll, type DurationInput } from "#adapter"
import type { Absent, Resolved } from "../../../AwsCredentials.js"
import { TransportError } from "../../../DynamoError.js"

/** What a provider's `resolve` is. */
export type Resolution = Effect.Effect<Resolved | Absent, TransportError>

/**
 * `Absent`, with why.
 *
 * @example
 * import { absent } from "./provider.js"
 * absent("AWS_ACCESS_KEY_ID is not set")
 */
export const absent = (reason: string): Absent => ({ _tag: "Absent", reason })

/**
 * Whether a provider's answer is `Absent`.
 *
 * @example
 * import { isAbsent, absent } from "./provider.js"
 * isAbsent(absent("no file")) // true
 */
export const isAbsent = (answer: Resolved | Absent): answer is Absent => "_tag" in answer && answer._tag === "Absent"

/**
 * The `TransportError` (`Other`: not retried) of a source that is set up and failed.
 *
 * @example
 * import { failure } from "./provider.js"
 * failure("instance metadata", "no IAM role is attached to this instance")
 */
export const failure = (source: string, message: string, cause?: unknown): TransportError =>
  new TransportError({ reason: "Other", message: `AWS credentials from ${source}: ${message}`, cause })

/**
 * `Resolved` from the clear fields, the secrets made `Redacted`.
 *
 * @example
 * import { resolved } from "./provider.js"
 * resolved("AKID", "secret", undefined, undefined)
 */
export const resolved = (accessKeyId: string, secretAccessKey: string, sessionToken: string | undefined, expiration: Date | undefined): Resolved => ({
  accessKeyId,
  secretAccessKey: Redacted.make(secretAccessKey),
  sessionToken: sessionToken === undefined ? undefined : Redacted.make(sessionToken),
  expiration
})

/**
 * The credentials of a container endpoint's or instance metadata's JSON answer (`AccessKeyId`, `SecretAccessKey`,
 * `Token`, `Expiration`), or `undefined` when it is not that shape.
 *
 * @example
 * import { fromJson } from "./provider.js"
 * fromJson('{"AccessKeyId":"AKID","SecretAccessKey":"s","Token":"t","Expiration":"2030-01-01T00:00:00Z"}')
 */
export const fromJson = (text: string): Resolved | undefined => {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof parsed !== "object" || parsed === null) return undefined
  const { AccessKeyId, SecretAccessKey, Token, Expiration } = parsed as Record<string, unknown>
  if (typeof AccessKeyId !== "string" || typeof SecretAccessKey !== "string" || typeof Token !== "string" || typeof Expiration !== "string") {
    return undefined
  }
  const expiration = new Date(Expiration)
  return Number.isNaN(expiration.getTime()) ? undefined : resolved(AccessKeyId, SecretAccessKey, Token, expiration)
}

/** An answer read whole. */
export interface TextAnswer {
  readonly status: number
  readonly text: string
}

/**
 * `fetch(url, init)` read as text, aborted after `timeout`; fails with what `fetch` threw (a `TimeoutError` on
 * timeout).
 *
 * @example
 * import { fetchText } from "./provider.js"
 * fetchText("http://127.0.0.1:8080/latest/api/token", { method: "PUT" }, "1 second")
 */
export const fetchText = (url: string, init: RequestInit, timeout: DurationInput): Effect.Effect<TextAnswer, unknown> =>
  Effect.tryPromise({
    try: async () => {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(Duration.toMillis(timeout)) })
      return { status: response.status, text: await response.text() }
    },
    catch: (error) => error
  })

/**
 * What went wrong with a request, in a few words, for an error message: never the answer's body (it might hold a
 * secret).
 *
 * @example
 * import { describeFailure } from "./provider.js"
 * describeFailure(new DOMException("The operation was aborted due to timeout", "TimeoutError")) // "timed out"
 */
export const describeFailure = (error: unknown): string => {
  if (error instanceof Error && error.name === "TimeoutError") return "timed out"
  const cause = error instanceof Error ? (error as { readonly cause?: unknown }).cause : undefined
  const code = typeof cause === "object" && cause !== null ? (cause as { readonly code?: unknown }).code : undefined
  return typeof code === "string" ? `unreachable (${code})` : error instanceof Error ? error.message : String(error)
}

/**
 * `attempt`, tried again up to `times` more times when it fails, `delay` apart: written without `Schedule`, which
 * only the providers needed in a lean program's bundle (its modules weigh ~24 KB minified on Effect 3).
 *
 * @example
 * import { retried, fetchText } from "./provider.js"
 * retried(fetchText("http://127.0.0.1:8080/creds", {}, "1 second"), 3, "1 second")
 */
export const retried = <A, E>(attempt: Effect.Effect<A, E>, times: number, delay: DurationInput): Effect.Effect<A, E> =>
  times <= 0 ? attempt : catchAll(attempt, () => Effect.andThen(Effect.sleep(delay), retried(attempt, times - 1, delay)))
