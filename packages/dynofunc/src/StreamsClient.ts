/**
 * `StreamsClient`: the service `ChangeStream` reads a table's stream with — the DynamoDB Streams API
 * (`DescribeStream`, `GetShardIterator`, `GetRecords`, `ListStreams`), a service of its own beside DynamoDB — as a
 * module of functions around one Tag (`StreamsClient.StreamsClient`). Provide it with `StreamsClient.layer` (the
 * SDK's `@aws-sdk/client-dynamodb-streams`, loaded when the Layer is built), with the lean `HttpClient.layerStreams`,
 * or with a test handler (`StreamsClient.layerTest`); all fail with the same tagged errors. Its requests are retried
 * by `Retry.Policy`, as `execute`'s are.
 *
 * @example
 * import { Layer } from "effect"
 * import { DynamoClient, StreamsClient } from "dynofunc"
 *
 * const aws = Layer.merge(DynamoClient.layer({ region: "eu-west-1" }), StreamsClient.layer({ region: "eu-west-1" }))
 *
 * @since 0.1.0
 */
import type * as Streams from "@aws-sdk/client-dynamodb-streams"
import { Effect, Layer, type Scope } from "effect"
import * as A from "#adapter"
import type { DynamoClientConfig } from "./DynamoClient.js"
import type * as E from "./DynamoError.js"
import { abortable, checkCredentials, sdkConfig } from "./internal/transport/sdkShared.js"
import type * as Sdk from "./internal/transport/streamsSdk.js"
import { testSend } from "./internal/transport/testHandler.js"

/**
 * The operations of the DynamoDB Streams API, with their SDK input and output.
 *
 * @example
 * import type { StreamsCommands } from "dynofunc"
 * const input: StreamsCommands["DescribeStream"]["input"] = { StreamArn: "arn:aws:dynamodb:eu-west-1:1:table/users/stream/1" }
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamsCommands {
  readonly DescribeStream: { readonly input: Streams.DescribeStreamInput; readonly output: Streams.DescribeStreamOutput }
  readonly GetRecords: { readonly input: Streams.GetRecordsInput; readonly output: Streams.GetRecordsOutput }
  readonly GetShardIterator: { readonly input: Streams.GetShardIteratorInput; readonly output: Streams.GetShardIteratorOutput }
  readonly ListStreams: { readonly input: Streams.ListStreamsInput; readonly output: Streams.ListStreamsOutput }
}

/**
 * The name of a DynamoDB Streams operation.
 *
 * @example
 * import type { StreamsOperation } from "dynofunc"
 * const operation: StreamsOperation = "GetRecords"
 *
 * @since 0.1.0
 * @category models
 */
export type StreamsOperation = keyof StreamsCommands

/**
 * The SDK output of `Name` (without `$metadata`).
 *
 * @example
 * import type { StreamsOutputOf } from "dynofunc"
 * const output: StreamsOutputOf<"ListStreams"> = { Streams: [] }
 *
 * @since 0.1.0
 * @category models
 */
export type StreamsOutputOf<Name extends StreamsOperation> = StreamsCommands[Name]["output"]

/**
 * One request as a `StreamsClient` sees it: the operation's name and its SDK input.
 *
 * @example
 * import type { StreamsRequest } from "dynofunc"
 * const request: StreamsRequest<"ListStreams"> = { operation: "ListStreams", input: { TableName: "users" } }
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamsRequest<Name extends StreamsOperation = StreamsOperation> {
  readonly operation: Name
  readonly input: StreamsCommands[Name]["input"]
}

/**
 * What the `StreamsClient` service does: send one request, failing with whatever the transport failed with.
 *
 * @example
 * import type { StreamsClientService } from "dynofunc"
 * import { Effect } from "effect"
 * const service: StreamsClientService = { send: () => Effect.die("not in this test") }
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamsClientService {
  /**
   * Sends `request`; the failure is the raw cause (an SDK exception, a network error, a test's error), which
   * `ChangeStream` turns into a tagged error. Interrupting the effect aborts the HTTP request.
   */
  readonly send: <Name extends StreamsOperation>(request: StreamsRequest<Name>) => Effect.Effect<StreamsOutputOf<Name>, unknown>
  /** The AWS region the client sends to, when known. */
  readonly region?: string | undefined
}

/**
 * The errors a Streams operation can fail with.
 *
 * @example
 * import type { StreamsError } from "dynofunc"
 * const retryable = (error: StreamsError) => error._tag === "LimitExceededError" || error._tag === "InternalServerError"
 *
 * @since 0.1.0
 * @category errors
 */
export type StreamsError =
  | E.CommonError
  | E.ExpiredIteratorError
  | E.TrimmedDataAccessError
  | E.InternalServerError
  | E.LimitExceededError
  | E.ResourceNotFoundError

/**
 * The service's identifier: what an effect that needs a `StreamsClient` (a `ChangeStream`) has in its requirements.
 *
 * @example
 * import { Effect, Layer } from "effect"
 * import { StreamsClient } from "dynofunc"
 * const layer: Layer.Layer<StreamsClient.StreamsClient> = StreamsClient.layerTest(() => Effect.succeed({ Streams: [] }))
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamsClient {
  readonly StreamsClient: unique symbol
}

/**
 * The Tag of the `StreamsClient` service (key `dynofunc/StreamsClient`): read the service with it, or provide your own.
 *
 * @example
 * import { Effect, Layer } from "effect"
 * import { StreamsClient } from "dynofunc"
 * declare const arn: string
 * const shards = Effect.flatMap(StreamsClient.StreamsClient, (client) => client.send({ operation: "DescribeStream", input: { StreamArn: arn } }))
 * Layer.succeed(StreamsClient.StreamsClient, { send: () => Effect.succeed({ Streams: [] }) as never })
 *
 * @since 0.1.0
 * @category services
 */
export const StreamsClient: A.Tag<StreamsClient, StreamsClientService> = A.genericTag("dynofunc/StreamsClient")

type SdkModule = typeof Sdk

/**
 * The SDK side of this module, loaded when an SDK Layer is built: a program on the lean transport never loads it. A
 * function, not an effect made when the module loads, so that a bundle of a program that builds none of these Layers
 * leaves the SDK out (P8: the Streams SDK had come into the lean bundle, 634 KB on Effect 4).
 */
const loadSdk = (): Effect.Effect<SdkModule> => Effect.promise(() => import("./internal/transport/streamsSdk.js"))

/** The region `sdk` resolves to, or `undefined` when it has none. */
const regionOf = (sdk: Streams.DynamoDBStreamsClient): Effect.Effect<string | undefined> =>
  Effect.orElseSucceed(Effect.tryPromise(() => sdk.config.region()), () => undefined)

/** The service over `sdk` with the loaded SDK module, each send aborted on interruption (`abortable`). */
const fromSdk = (loaded: SdkModule, sdk: Streams.DynamoDBStreamsClient, region: string | undefined): StreamsClientService => ({
  region,
  send: <Name extends StreamsOperation>(request: StreamsRequest<Name>) => abortable((signal) => loaded.sendCommand(sdk, request, signal))
})

/**
 * A scoped service over a new SDK Streams client (the same settings as `DynamoClient.make`), destroyed when the scope
 * closes.
 *
 * @example
 * import { Effect } from "effect"
 * import { StreamsClient } from "dynofunc"
 * const streams = Effect.scoped(
 *   Effect.flatMap(StreamsClient.make({ region: "eu-west-1" }), (client) => client.send({ operation: "ListStreams", input: {} }))
 * )
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (config: DynamoClientConfig = {}): Effect.Effect<StreamsClientService, A.ConfigError, Scope.Scope> =>
  Effect.andThen(
    checkCredentials(config),
    Effect.flatMap(loadSdk(), (loaded) =>
      Effect.flatMap(
        Effect.acquireRelease(Effect.sync(() => loaded.newClient(sdkConfig(config))), (sdk) => Effect.sync(() => sdk.destroy())),
        (sdk) => Effect.map(regionOf(sdk), (region) => fromSdk(loaded, sdk, region))
      ))
  )

/**
 * A Layer with a new SDK Streams client (the same settings as `DynamoClient.layer`), destroyed on release.
 *
 * @example
 * import { StreamsClient } from "dynofunc"
 * import { Redacted } from "effect"
 * StreamsClient.layer({ region: "local", endpoint: "http://127.0.0.1:8000", credentials: { accessKeyId: "local", secretAccessKey: Redacted.make("local") } })
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (config: DynamoClientConfig = {}): Layer.Layer<StreamsClient, A.ConfigError> =>
  A.layerScoped(StreamsClient, make(config))

/**
 * A Layer whose settings come from Effect `Config` (environment variables by default).
 *
 * @example
 * import { StreamsClient } from "dynofunc"
 * import { Config } from "effect"
 * StreamsClient.layerConfig({ region: Config.string("AWS_REGION") })
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (config: A.ConfigWrap<DynamoClientConfig>): Layer.Layer<StreamsClient, A.ConfigError> =>
  A.layerScoped(StreamsClient, Effect.flatMap(A.unwrapConfig(config), make))

/**
 * A Layer over an SDK Streams client you already have; you stay its owner (it is not destroyed). Build it with
 * `maxAttempts: 1` to leave retries to `Retry.Policy`.
 *
 * @example
 * import { StreamsClient } from "dynofunc"
 * import { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams"
 * StreamsClient.layerFromSdk(new DynamoDBStreamsClient({ region: "eu-west-1", maxAttempts: 1 }))
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromSdk = (sdk: Streams.DynamoDBStreamsClient): Layer.Layer<StreamsClient> =>
  Layer.effect(StreamsClient, Effect.flatMap(loadSdk(), (loaded) => Effect.map(regionOf(sdk), (region) => fromSdk(loaded, sdk, region))))

/**
 * Any Streams request, as a union a handler narrows on `operation`.
 *
 * @since 0.1.0
 * @category models
 */
export type AnyStreamsRequest = { [Name in StreamsOperation]: StreamsRequest<Name> }[StreamsOperation]

/**
 * A handler that answers Streams requests in tests: succeed with the SDK output (attribute values as the SDK has
 * them), or fail with an SDK-shaped error (`{ name: "ExpiredIteratorException", … }`, known by its `name`) or a
 * dynofunc error. A handler that throws or dies fails the call with a typed error too.
 *
 * @since 0.1.0
 * @category models
 */
export type StreamsTestHandler = (request: AnyStreamsRequest) => Effect.Effect<StreamsOutputOf<StreamsOperation>, unknown>

/**
 * Handlers per operation, each typed by its operation's output; an operation without a handler fails with
 * `UnknownOperationError`.
 *
 * @since 0.1.0
 * @category models
 */
export type StreamsTestHandlers = {
  readonly [Name in StreamsOperation]?: (request: StreamsRequest<Name>) => Effect.Effect<StreamsOutputOf<Name>, unknown>
}

/**
 * A Layer that answers every Streams request with `handler` (one function, or one per operation): for unit tests and
 * fault injection, no network. A handler that throws, dies or answers with something else than an Effect still fails
 * the call with a typed error.
 *
 * @example
 * import { StreamsClient } from "dynofunc"
 * import { Effect } from "effect"
 * StreamsClient.layerTest((request) =>
 *   request.operation === "ListStreams"
 *     ? Effect.succeed({ Streams: [] })
 *     : Effect.fail({ name: "ResourceNotFoundException", message: "no stream" }))
 * StreamsClient.layerTest({ GetShardIterator: () => Effect.succeed({ ShardIterator: undefined }) })
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTest = (handler: StreamsTestHandler | StreamsTestHandlers): Layer.Layer<StreamsClient> =>
  Layer.succeed(StreamsClient, { send: testSend<AnyStreamsRequest>(handler) as StreamsClientService["send"] })
