/**
 * The settings of the SDK clients dynofunc builds (`DynamoClient.layer`, `StreamsClient.layer`) from a
 * `DynamoClientConfig`: checked credentials, one SDK attempt per request, the request timeout; and how a send through
 * one is aborted on interruption.
 */
import type { DynamoDBClientConfig } from "@aws-sdk/client-dynamodb"
import { Duration, Effect, Redacted } from "effect"
import * as A from "#adapter"
import type { DynamoClientConfig } from "../../DynamoClient.js"

/**
 * A `secretAccessKey` or `sessionToken` that is not `Redacted` (a JavaScript caller's plain string) as a
 * `ConfigError`, rather than the SDK's "Unable to get redacted value" at the first request.
 */
export const checkCredentials = (config: DynamoClientConfig): Effect.Effect<void, A.ConfigError> => {
  const credentials = config.credentials
  if (credentials === undefined) return Effect.void
  for (const field of ["secretAccessKey", "sessionToken"] as const) {
    const value: unknown = credentials[field]
    if ((value !== undefined || field === "secretAccessKey") && !Redacted.isRedacted(value)) {
      return Effect.fail(
        A.invalidConfig(["credentials", field], `Expected a Redacted value (Redacted.make(…)), not ${value === null ? "null" : typeof value}: a secret is never passed as a plain string`)
      )
    }
  }
  return Effect.void
}

/**
 * The SDK client settings for `config`.
 *
 * @example
 * import { sdkConfig } from "./sdkShared.js"
 * sdkConfig({ region: "eu-west-1" }) // { region: "eu-west-1", maxAttempts: 1 }
 */
export const sdkConfig = (config: DynamoClientConfig): DynamoDBClientConfig => ({
  ...config.sdk,
  ...(config.region !== undefined && { region: config.region }),
  ...(config.endpoint !== undefined && { endpoint: config.endpoint }),
  maxAttempts: config.maxAttempts ?? config.sdk?.maxAttempts ?? 1,
  ...(config.requestTimeout !== undefined && {
    requestHandler: {
      ...(config.sdk?.requestHandler as object | undefined),
      requestTimeout: Duration.toMillis(config.requestTimeout),
      throwOnRequestTimeout: true
    }
  }),
  ...(config.credentials !== undefined && {
    credentials: {
      accessKeyId: config.credentials.accessKeyId,
      secretAccessKey: Redacted.value(config.credentials.secretAccessKey),
      ...(config.credentials.sessionToken !== undefined && {
        sessionToken: Redacted.value(config.credentials.sessionToken)
      })
    }
  })
})


/**
 * The promise `send` starts (given an abort signal, or none), as an Effect. Only a send that can be interrupted gets an
 * `AbortController`, aborted on interruption: an uninterruptible one (each request of a batch writer) cannot be
 * stopped mid-call, so it goes without the controller, its signal and the listener the SDK adds to it.
 *
 * @example
 * import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb"
 * import { abortable } from "./sdkShared.js"
 * const sdk = new DynamoDBClient({})
 * abortable((signal) => sdk.send(new ListTablesCommand({}), signal === undefined ? {} : { abortSignal: signal }))
 */
export const abortable = <Out>(send: (signal: AbortSignal | undefined) => Promise<Out>): Effect.Effect<Out, unknown> =>
  // `async` (Effect 4: `Effect.callback`) with a canceler rather than `Effect.tryPromise` with its signal: the same abort on interruption,
  // without the `onInterrupt` wrapper `tryPromise` adds around every call (about 1 µs in a loop, 2–4% of a call next
  // to the SDK; BENCHMARKS.md, P2).
  A.checkInterruptible((interruptible) =>
    A.async<Out, unknown>((resume) => {
      const controller = interruptible ? new AbortController() : undefined
      try {
        send(controller?.signal).then(
          (output) => resume(Effect.succeed(output)),
          (cause: unknown) => resume(Effect.fail(cause))
        )
      } catch (cause) {
        resume(Effect.fail(cause))
      }
      return controller === undefined ? undefined : Effect.sync(() => controller.abort())
    })
  )
