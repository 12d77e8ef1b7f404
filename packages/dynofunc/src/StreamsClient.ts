/**
 * `StreamsClient`: the service `ChangeStream` reads a table's stream with — the DynamoDB Streams API
 * (`DescribeStream`, `GetShardIterator`, `GetRecords`, `ListStreams`), a service of its own beside DynamoDB. Provide
 * it with `StreamsClient.layer` (the SDK's `@aws-sdk/client-dynamodb-streams`, loaded when the Layer is built), or
 * with the lean `HttpClient.layerStreams`; both fail with the same tagged errors.
 *
 * @example
 * import { Layer } from "effect"
 * import { DynamoClient, StreamsClient } from "dynofunc"
 *
 * const aws = Layer.merge(DynamoClient.layer({ region: "eu-west-1" }), StreamsClient.layer({ region: "eu-west-1" }))
 *
 * @since 0.1.0
 */
import type { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams"
import { Effect, Layer, type Scope } from "effect"
import * as A from "#adapter"
import type { DynamoClientConfig } from "./DynamoClient.js"
import type { StreamsClientService, StreamsOperation, StreamsRequest } from "./internal/changes/api.js"
import { abortable, checkCredentials, sdkConfig } from "./internal/transport/sdkShared.js"
import type * as Sdk from "./internal/transport/streamsSdk.js"

export type {
  /**
   * @since 0.1.0
   * @category models
   */
  StreamsClientService,
  /**
   * @since 0.1.0
   * @category models
   */
  StreamsCommands,
  /**
   * @since 0.1.0
   * @category errors
   */
  StreamsError,
  /**
   * @since 0.1.0
   * @category models
   */
  StreamsOperation,
  /**
   * @since 0.1.0
   * @category models
   */
  StreamsOutputOf,
  /**
   * @since 0.1.0
   * @category models
   */
  StreamsRequest
} from "./internal/changes/api.js"

const loadSdk: Effect.Effect<typeof Sdk> = Effect.promise(() => import("./internal/transport/streamsSdk.js"))

const regionOf = (sdk: DynamoDBStreamsClient): Effect.Effect<string | undefined> =>
  Effect.orElseSucceed(Effect.tryPromise(() => sdk.config.region()), () => undefined)

const fromSdk = (loaded: typeof Sdk, sdk: DynamoDBStreamsClient, region: string | undefined): StreamsClientService => ({
  region,
  send: <Name extends StreamsOperation>(request: StreamsRequest<Name>) => abortable((signal) => loaded.sendCommand(sdk, request, signal))
})

const make = (config: DynamoClientConfig) =>
  Effect.andThen(
    checkCredentials(config),
    Effect.flatMap(loadSdk, (loaded) =>
      Effect.flatMap(
        Effect.acquireRelease(Effect.sync(() => loaded.newClient(sdkConfig(config))), (sdk) => Effect.sync(() => sdk.destroy())),
        (sdk) => Effect.map(regionOf(sdk), (region) => fromSdk(loaded, sdk, region))
      ))
  )

/**
 * The `StreamsClient` service and its Layers. Its requests are retried by `Retry.Policy`, as `execute`'s are.
 *
 * @example
 * import { Effect } from "effect"
 * import { StreamsClient } from "dynofunc"
 * declare const arn: string
 * const shards = Effect.flatMap(StreamsClient, (client) => client.send({ operation: "DescribeStream", input: { StreamArn: arn } }))
 *
 * @since 0.1.0
 * @category services
 */
export class StreamsClient extends A.Service<StreamsClient, StreamsClientService>()("dynofunc/StreamsClient") {
  /**
   * A scoped service over a new SDK Streams client (the same settings as `DynamoClient.make`), destroyed when the
   * scope closes.
   *
   * @example
   * import { Effect } from "effect"
   * import { StreamsClient } from "dynofunc"
   * const streams = Effect.scoped(
   *   Effect.flatMap(StreamsClient.make({ region: "eu-west-1" }), (client) => client.send({ operation: "ListStreams", input: {} }))
   * )
   */
  static readonly make = (config: DynamoClientConfig = {}): Effect.Effect<StreamsClientService, A.ConfigError, Scope.Scope> => make(config)

  /**
   * A Layer with a new SDK Streams client (the same settings as `DynamoClient.layer`), destroyed on release.
   *
   * @example
   * import { StreamsClient } from "dynofunc"
   * import { Redacted } from "effect"
   * StreamsClient.layer({ region: "local", endpoint: "http://127.0.0.1:8000", credentials: { accessKeyId: "local", secretAccessKey: Redacted.make("local") } })
   */
  static readonly layer = (config: DynamoClientConfig = {}): Layer.Layer<StreamsClient, A.ConfigError> =>
    A.layerScoped(StreamsClient, make(config))

  /**
   * A Layer whose settings come from Effect `Config`.
   *
   * @example
   * import { StreamsClient } from "dynofunc"
   * import { Config } from "effect"
   * StreamsClient.layerConfig({ region: Config.string("AWS_REGION") })
   */
  static readonly layerConfig = (config: A.ConfigWrap<DynamoClientConfig>): Layer.Layer<StreamsClient, A.ConfigError> =>
    A.layerScoped(StreamsClient, Effect.flatMap(A.unwrapConfig(config), make))

  /**
   * A Layer over an SDK Streams client you already have (you stay its owner). Build it with `maxAttempts: 1` to leave
   * retries to `Retry.Policy`.
   *
   * @example
   * import { StreamsClient } from "dynofunc"
   * // new DynamoDBStreamsClient({ region: "eu-west-1", maxAttempts: 1 }) from @aws-sdk/client-dynamodb-streams
   * declare const existing: Parameters<typeof StreamsClient.layerFromSdk>[0]
   * StreamsClient.layerFromSdk(existing)
   */
  static readonly layerFromSdk = (sdk: DynamoDBStreamsClient): Layer.Layer<StreamsClient> =>
    Layer.effect(StreamsClient, Effect.flatMap(loadSdk, (loaded) => Effect.map(regionOf(sdk), (region) => fromSdk(loaded, sdk, region))))
}
