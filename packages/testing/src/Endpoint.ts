/**
 * Connecting dynofunc to a local engine at a known URL: the dummy region and credentials local engines accept, and
 * the `DynamoClient` Layer over them. `Dynalite.layer` and `DynamoDBLocal.layer` use it; use it yourself for an
 * engine you run (an `amazon/dynamodb-local` container, `java -jar DynamoDBLocal.jar`, LocalStack).
 *
 * @example
 * import { Effect } from "effect"
 * import { execute, scan } from "dynofunc"
 * import { Endpoint } from "@dynofunc/testing"
 *
 * execute(scan("users")).pipe(Effect.provide(Endpoint.layer("http://127.0.0.1:8000")))
 *
 * @since 0.1.0
 */
import { DynamoClient, type Credentials, type DynamoClientConfig } from "#dynofunc"
import { type Layer, Redacted } from "effect"
import type { ConfigError } from "#adapter"

/**
 * The region local engines are given. DynamoDB Local keeps one database per access key and region (unless started
 * with `-sharedDb`), so every client built here sees the same tables.
 *
 * @example
 * import { DynamoClient } from "dynofunc"
 * import { Endpoint } from "@dynofunc/testing"
 * DynamoClient.layer({ endpoint: "http://127.0.0.1:8000", region: Endpoint.region, credentials: Endpoint.credentials })
 *
 * @since 0.1.0
 * @category utils
 */
export const region = "local"

/**
 * Dummy credentials: local engines check that a request is signed, not by whom.
 *
 * @example
 * import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
 * import { Endpoint } from "@dynofunc/testing"
 * import { Redacted } from "effect"
 * new DynamoDBClient({ endpoint: "http://127.0.0.1:8000", region: "local", credentials: {
 *   accessKeyId: Endpoint.credentials.accessKeyId,
 *   secretAccessKey: Redacted.value(Endpoint.credentials.secretAccessKey)
 * } })
 *
 * @since 0.1.0
 * @category utils
 */
export const credentials: Credentials = { accessKeyId: "local", secretAccessKey: Redacted.make("local") }

/**
 * The `DynamoClient` settings for a local engine at `endpoint`; `overrides` (e.g. `maxAttempts`, `sdk`) win.
 *
 * @example
 * import { DynamoClient } from "dynofunc"
 * import { Endpoint } from "@dynofunc/testing"
 * DynamoClient.layer(Endpoint.config("http://127.0.0.1:8000", { maxAttempts: 1 }))
 *
 * @since 0.1.0
 * @category utils
 */
export const config = (endpoint: string, overrides: DynamoClientConfig = {}): DynamoClientConfig => ({
  region,
  credentials,
  ...overrides,
  endpoint
})

/**
 * A `DynamoClient` over a local engine already running at `endpoint` (its SDK client is destroyed on release).
 *
 * @example
 * import { execute, scan } from "dynofunc"
 * import { Effect } from "effect"
 * import { Endpoint } from "@dynofunc/testing"
 * const program = execute(scan("users"))
 * Effect.provide(program, Endpoint.layer(process.env.DYNAMODB_ENDPOINT ?? "http://127.0.0.1:8000"))
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (endpoint: string, overrides: DynamoClientConfig = {}): Layer.Layer<DynamoClient.DynamoClient, ConfigError> =>
  DynamoClient.layer(config(endpoint, overrides))
