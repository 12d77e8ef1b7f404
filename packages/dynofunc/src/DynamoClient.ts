/**
 * `DynamoClient`: the service `execute` needs. Provide it with a Layer: a live SDK client, an existing
 * `DynamoDBClient`, or a test handler.
 *
 * @example
 * import { Effect, Redacted } from "effect"
 * import { DynamoClient, execute, find } from "dynofunc"
 *
 * const program = execute(find("users", { id: "u1" }))
 * program.pipe(Effect.provide(DynamoClient.layer({ region: "eu-west-1" })))
 * program.pipe(Effect.provide(DynamoClient.layer({
 *   region: "local",
 *   endpoint: "http://127.0.0.1:8000",
 *   credentials: { accessKeyId: "local", secretAccessKey: Redacted.make("local") }
 * })))
 */
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb"
import { Config, type ConfigError, Context, Duration, Effect, Layer, Redacted } from "effect"
import type { CommandClass, CommandName, InputOf, OutputOf } from "./Operation.js"
import { Protocol } from "./internal/sdkProtocol.js"

/** One request as a `DynamoClient` sees it: the operation's name, its SDK command class and its input. */
export interface Request<Name extends CommandName = CommandName> {
  readonly operation: Name
  readonly command: CommandClass<Name>
  readonly input: InputOf<Name>
}

/** What the service does: send one request, failing with whatever the transport failed with. */
export interface DynamoClientService {
  /**
   * Sends `request`. The failure is the raw cause (an SDK exception, a network error, a test's error);
   * `execute` turns it into a tagged `DynamoError`. Interrupting the effect aborts the HTTP request.
   */
  readonly send: <Name extends CommandName>(request: Request<Name>) => Effect.Effect<OutputOf<Name>, unknown>
  /** The SDK client underneath, when there is one: for raw SDK calls next to dynofunc's. */
  readonly sdk: DynamoDBClient | undefined
}

/** Static credentials; the secret parts are `Redacted` so they never reach a log. */
export interface Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: Redacted.Redacted<string>
  readonly sessionToken?: Redacted.Redacted<string> | undefined
}

/**
 * How to reach DynamoDB. Leave out `credentials` (and `region`) to use the SDK's default provider chain
 * (environment, shared config, SSO, instance roles, …).
 */
export interface DynamoClientConfig {
  readonly region?: string | undefined
  /** A custom endpoint, e.g. `http://127.0.0.1:8000` for DynamoDB Local. */
  readonly endpoint?: string | undefined
  readonly credentials?: Credentials | undefined
  /** The SDK's attempts per request (retries of throttling and 5xx included); the SDK's default is 3. */
  readonly maxAttempts?: number | undefined
  /**
   * How long one HTTP attempt may wait for DynamoDB's answer before failing with a `TransportError` (`Timeout`).
   * Unset, the SDK waits as long as the socket lives. (`Effect.timeout` on `execute` bounds the whole call, retries
   * included, and aborts the request.)
   */
  readonly requestTimeout?: Duration.DurationInput | undefined
  /** Any other SDK client setting, passed through as is. */
  readonly sdk?: DynamoDBClientConfig | undefined
}

const sdkConfig = (config: DynamoClientConfig): DynamoDBClientConfig => ({
  protocol: Protocol,
  ...config.sdk,
  ...(config.region !== undefined && { region: config.region }),
  ...(config.endpoint !== undefined && { endpoint: config.endpoint }),
  ...(config.maxAttempts !== undefined && { maxAttempts: config.maxAttempts }),
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
 * The service over an SDK client you own (you also destroy it).
 *
 * @example
 * const service = fromSdk(new DynamoDBClient({ region: "eu-west-1" }))
 */
export const fromSdk = (sdk: DynamoDBClient): DynamoClientService => ({
  sdk,
  // `Effect.async` with a canceler rather than `Effect.tryPromise` with its signal: the same abort on interruption,
  // without the `onInterrupt` wrapper `tryPromise` adds around every call (about 1 µs in a loop, 2–4% of a call next
  // to the SDK; BENCHMARKS.md, P2).
  send: (request) =>
    Effect.async((resume) => {
      const controller = new AbortController()
      try {
        sdk.send(new request.command(request.input), { abortSignal: controller.signal }).then(
          (output) => resume(Effect.succeed(output)),
          (cause: unknown) => resume(Effect.fail(cause))
        )
      } catch (cause) {
        resume(Effect.fail(cause))
      }
      return Effect.sync(() => controller.abort())
    })
})

/**
 * A handler that answers requests in tests: return the SDK output, or fail with an SDK-shaped error
 * (`{ name: "ConditionalCheckFailedException", $fault: "client", … }`) or a dynofunc error.
 */
export type TestHandler = (request: { [Name in CommandName]: Request<Name> }[CommandName]) => Effect.Effect<unknown, unknown>

/**
 * The `DynamoClient` service. Its key is this module's path.
 *
 * @example
 * const tables = Effect.flatMap(DynamoClient, (client) => client.send({ operation: "ListTables", command: ListTablesCommand, input: {} }))
 */
export class DynamoClient extends Context.Tag("dynofunc/DynamoClient")<DynamoClient, DynamoClientService>() {
  /**
   * A scoped service over a new SDK client, destroyed when the scope closes.
   *
   * @example
   * const tables = Effect.scoped(
   *   Effect.flatMap(DynamoClient.make({ region: "eu-west-1" }), (client) =>
   *     client.send({ operation: "ListTables", command: ListTablesCommand, input: {} }))
   * )
   */
  static readonly make = (config: DynamoClientConfig = {}) =>
    Effect.map(
      Effect.acquireRelease(Effect.sync(() => new DynamoDBClient(sdkConfig(config))), (sdk) =>
        Effect.sync(() => sdk.destroy())
      ),
      fromSdk
    )

  /**
   * A Layer with a new SDK client, destroyed when the Layer is released.
   *
   * @example
   * const program = execute(find("users", { id: "u1" }))
   * Effect.provide(program, DynamoClient.layer({ region: "eu-west-1" }))
   */
  static readonly layer = (config: DynamoClientConfig = {}): Layer.Layer<DynamoClient> =>
    Layer.scoped(DynamoClient, DynamoClient.make(config))

  /**
   * A Layer whose settings come from Effect `Config` (environment variables by default).
   *
   * @example
   * DynamoClient.layerConfig({
   *   region: Config.string("AWS_REGION"),
   *   endpoint: Config.option(Config.string("DYNAMODB_ENDPOINT")).pipe(Config.map(Option.getOrUndefined))
   * })
   */
  static readonly layerConfig = (
    config: Config.Config.Wrap<DynamoClientConfig>
  ): Layer.Layer<DynamoClient, ConfigError.ConfigError> =>
    Layer.scoped(DynamoClient, Effect.flatMap(Config.unwrap(config), DynamoClient.make))

  /**
   * The SDK's DynamoDB protocol with a fix the clients dynofunc builds always use: the SDK's own response reader loses
   * an item attribute named `__proto__` at the top level of an item or key. Give it to an SDK client you build yourself.
   *
   * @example
   * const sdk = new DynamoDBClient({ region: "eu-west-1", protocol: DynamoClient.protocol })
   */
  static readonly protocol = Protocol

  /**
   * A Layer over an SDK client you already have; you stay its owner (it is not destroyed). Build that client with
   * `protocol: DynamoClient.protocol` to keep attributes named `__proto__`.
   *
   * @example
   * const existingClient = new DynamoDBClient({ region: "eu-west-1", protocol: DynamoClient.protocol })
   * const program = execute(find("users", { id: "u1" }))
   * Effect.provide(program, DynamoClient.layerFromSdk(existingClient))
   */
  static readonly layerFromSdk = (sdk: DynamoDBClient): Layer.Layer<DynamoClient> =>
    Layer.succeed(DynamoClient, fromSdk(sdk))

  /**
   * A Layer that answers every request with `handler`: for unit tests and fault injection, no network.
   *
   * @example
   * DynamoClient.layerTest((request) =>
   *   request.operation === "GetItem"
   *     ? Effect.succeed({ Item: { id: { S: "u1" } } })
   *     : Effect.fail({ name: "ResourceNotFoundException", $fault: "client", message: "no table" }))
   */
  static readonly layerTest = (handler: TestHandler): Layer.Layer<DynamoClient> =>
    Layer.succeed(DynamoClient, {
      sdk: undefined,
      send: (request) => handler(request as never) as Effect.Effect<never, unknown>
    })
}
