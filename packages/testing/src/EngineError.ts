/**
 * The ways an embedded engine can fail to come up, as tagged errors you match with `Effect.catchTag`.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoDBLocal } from "@dynofunc/testing"
 *
 * DynamoDBLocal.make().pipe(
 *   Effect.catchTag("EngineTimeoutError", (error) => Effect.logWarning(error.message, error.output))
 * )
 *
 * @since 0.1.0
 */
import { Data, type Duration } from "effect"

/**
 * Which engine an error comes from.
 *
 * @example
 * import { type EngineError, type Engine } from "@dynofunc/testing"
 * const engineOf = (error: EngineError): Engine => error.engine // "dynalite" | "dynamodb-local"
 *
 * @since 0.1.0
 * @category models
 */
export type Engine = "dynalite" | "dynamodb-local"

/**
 * DynamoDB Local could not be fetched into `dir` (no network, no `npm`/`tar`, an unexpected tarball, no write access).
 * Pre-fetch it (`fetch-dynamodb-local`), point `DYNOFUNC_DYNAMODB_LOCAL_DIR` at an existing copy, or set
 * `DYNOFUNC_DYNAMODB_ENDPOINT` to a running engine.
 *
 * @example
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * import { Effect } from "effect"
 * DynamoDBLocal.fetch().pipe(
 *   Effect.catchTag("EngineFetchError", (error) => Effect.logError(`no DynamoDB Local in ${error.dir}`, error.cause))
 * )
 *
 * @since 0.1.0
 * @category errors
 */
export class EngineFetchError extends Data.TaggedError("EngineFetchError")<{
  readonly engine: Engine
  readonly dir: string
  readonly message: string
  readonly cause: unknown
}> {}

/**
 * The engine did not start.
 * - `"load"`: its code could not be loaded (dynalite or its native dependency);
 * - `"listen"`: its server could not listen on the port;
 * - `"spawn"`: the `java` process could not be started (no Java on the `PATH`?);
 * - `"exit"`: the process ended before it answered (`exitCode`/`signal` and its last `output` tell why);
 * - `"port"`: no free port could be found, or the one chosen was taken before the engine could bind it (retried);
 * - `"endpoint"`: the endpoint given instead of starting an engine is not a URL.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * Effect.scoped(DynamoDBLocal.make()).pipe(
 *   Effect.catchTag("EngineStartError", (error) =>
 *     error.reason === "spawn" ? Effect.logWarning("no Java: skipping DynamoDB Local tests") : Effect.fail(error))
 * )
 *
 * @since 0.1.0
 * @category errors
 */
export class EngineStartError extends Data.TaggedError("EngineStartError")<{
  readonly engine: Engine
  readonly reason: "load" | "listen" | "spawn" | "exit" | "port" | "endpoint"
  readonly message: string
  /** The process's exit code, for `"exit"`. */
  readonly exitCode?: number | undefined
  /** The signal that ended the process, for `"exit"`. */
  readonly signal?: string | undefined
  /** The last lines the process wrote (stdout and stderr). */
  readonly output?: string | undefined
  readonly cause?: unknown
}> {}

/**
 * The engine at `endpoint` did not answer within `timeout` (a slow machine: raise `startTimeout`; or an endpoint
 * from `DYNOFUNC_DYNAMODB_ENDPOINT` that is not running).
 *
 * @example
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * DynamoDBLocal.make({ startTimeout: "60 seconds" })
 *
 * @since 0.1.0
 * @category errors
 */
export class EngineTimeoutError extends Data.TaggedError("EngineTimeoutError")<{
  readonly engine: Engine
  readonly endpoint: string
  readonly timeout: Duration.Duration
  readonly message: string
  /** The last lines the process wrote, when dynofunc started it. */
  readonly output?: string | undefined
}> {}

/**
 * Any error an engine's start can fail with.
 *
 * @example
 * import { Layer, ConfigError } from "effect"
 * import { DynamoClient } from "dynofunc"
 * import { type EngineError, DynamoDBLocal } from "@dynofunc/testing"
 * const layer: Layer.Layer<DynamoClient.DynamoClient, EngineError | ConfigError.ConfigError> = DynamoDBLocal.layer()
 *
 * @since 0.1.0
 * @category errors
 */
export type EngineError = EngineFetchError | EngineStartError | EngineTimeoutError
