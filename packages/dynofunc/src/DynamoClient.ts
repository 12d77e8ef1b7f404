/**
 * `DynamoClient`: the service `execute` needs, as a module of functions around one Tag (`DynamoClient.DynamoClient`).
 * Provide it with a Layer: a live SDK client, an existing `DynamoDBClient`, or a test handler. Every part of dynofunc
 * (`execute`, the lean `HttpClient`) uses this Tag; a bundler drops the SDK Layers of a program that never uses them.
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
 *
 * @since 0.1.0
 */
import type { DynamoDBClient, DynamoDBClientConfig } from "@aws-sdk/client-dynamodb"
import { Effect, Layer, type Redacted, type Scope } from "effect"
import * as A from "#adapter"
import type { CommandName, InputOf, OutputOf } from "@dynofunc/core/Operation"
import type { AttributeMap, Item } from "@dynofunc/core/Value"
import { toAttributeMap } from "@dynofunc/core/internal/values/toAttributeValue"
import type * as Sdk from "./internal/transport/sdk.js"
import { abortable, checkCredentials, sdkConfig } from "./internal/transport/sdkShared.js"
import { testSend } from "./internal/transport/testHandler.js"

/**
 * One request as a `DynamoClient` sees it: the operation's name and its input (the SDK command input). The SDK Layer
 * finds the operation's command class by its name; the lean `HttpClient` needs only the name.
 *
 * @example
 * import type { Request } from "dynofunc"
 * const request: Request<"GetItem"> = { operation: "GetItem", input: { TableName: "users", Key: { id: { S: "u1" } } } }
 *
 * @since 0.1.0
 * @category models
 */
export interface Request<Name extends CommandName = CommandName> {
  readonly operation: Name
  readonly input: InputOf<Name>
}

/**
 * What the service does: send one request, failing with whatever the transport failed with.
 *
 * @example
 * import { type DynamoClientService } from "dynofunc"
 * import { Effect } from "effect"
 * const service: DynamoClientService = { sdk: undefined, send: () => Effect.die("not in this test") }
 *
 * @since 0.1.0
 * @category models
 */
export interface DynamoClientService {
  /**
   * Sends `request`. The failure is the raw cause (an SDK exception, a network error, a test's error);
   * `execute` turns it into a tagged `DynamoError`. Interrupting the effect aborts the HTTP request.
   */
  readonly send: <Name extends CommandName>(request: Request<Name>) => Effect.Effect<OutputOf<Name>, unknown>
  /** The SDK client underneath, when there is one: for raw SDK calls next to dynofunc's. */
  readonly sdk: DynamoDBClient | undefined
  /** The AWS region the client sends to, when known: recorded as `cloud.region` on each call's span. */
  readonly region?: string | undefined
}

/**
 * The service's identifier: what an effect that needs a `DynamoClient` has in its requirements.
 *
 * @example
 * import { Layer, Effect } from "effect"
 * import { DynamoClient } from "dynofunc"
 * const layer: Layer.Layer<DynamoClient.DynamoClient> = DynamoClient.layerTest(() => Effect.succeed({}))
 *
 * @since 0.1.0
 * @category models
 */
export interface DynamoClient {
  readonly DynamoClient: unique symbol
}

/**
 * The Tag of the `DynamoClient` service (key `dynofunc/DynamoClient`): read the service with it, or provide your own.
 *
 * @example
 * import { Effect, Layer } from "effect"
 * import { DynamoClient } from "dynofunc"
 * const tables = Effect.flatMap(DynamoClient.DynamoClient, (client) => client.send({ operation: "ListTables", input: {} }))
 * Layer.succeed(DynamoClient.DynamoClient, { sdk: undefined, send: () => Effect.succeed({ TableNames: [] }) as never })
 *
 * @since 0.1.0
 * @category services
 */
export const DynamoClient: A.Tag<DynamoClient, DynamoClientService> = A.genericTag("dynofunc/DynamoClient")

/**
 * Static credentials; the secret parts are `Redacted` so they never reach a log.
 *
 * @since 0.1.0
 * @category models
 */
export interface Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: Redacted.Redacted<string>
  readonly sessionToken?: Redacted.Redacted<string> | undefined
}

/**
 * How to reach DynamoDB. Leave out `credentials` (and `region`) to use the SDK's default provider chain
 * (environment, shared config, SSO, instance roles, …).
 *
 * @since 0.1.0
 * @category models
 */
export interface DynamoClientConfig {
  readonly region?: string | undefined
  /** A custom endpoint, e.g. `http://127.0.0.1:8000` for DynamoDB Local. */
  readonly endpoint?: string | undefined
  readonly credentials?: Credentials | undefined
  /**
   * The SDK's own attempts per request. Default 1: retries are `execute`'s, by the `Retry.Policy` in scope (4
   * attempts by default). More here multiplies the two.
   */
  readonly maxAttempts?: number | undefined
  /**
   * How long one HTTP attempt may wait for DynamoDB's answer before failing with a `TransportError` (`Timeout`).
   * Unset, the SDK waits as long as the socket lives. (`Effect.timeout` on `execute` bounds the whole call, retries
   * included, and aborts the request.)
   */
  readonly requestTimeout?: A.DurationInput | undefined
  /** Any other SDK client setting, passed through as is. */
  readonly sdk?: DynamoDBClientConfig | undefined
}

type SdkModule = typeof Sdk

let sdkModule: SdkModule | undefined

/**
 * The SDK side of this module, loaded on first use: importing dynofunc, or running it on the lean `HttpClient`,
 * never loads the SDK client.
 */
const loadSdk = (): Effect.Effect<SdkModule> =>
  sdkModule !== undefined
    ? Effect.succeed(sdkModule)
    : Effect.map(Effect.promise(() => import("./internal/transport/sdk.js")), (loaded) => (sdkModule = loaded))

/** The region `sdk` resolves to, or `undefined` when it has none. */
const regionOf = (sdk: DynamoDBClient): Effect.Effect<string | undefined> =>
  Effect.orElseSucceed(
    Effect.tryPromise(() => sdk.config.region()),
    () => undefined
  )

/** Sends `request` through `sdk` with the loaded SDK module, aborted on interruption (`abortable`). */
const sendWith = <Name extends CommandName>(loaded: SdkModule, sdk: DynamoDBClient, request: Request<Name>): Effect.Effect<OutputOf<Name>, unknown> =>
  abortable((signal) => loaded.sendCommand(sdk, request, signal))

/**
 * The service over an SDK client you own (you also destroy it). `region` is recorded on each call's span.
 *
 * Retries: `execute` retries by its `Retry.Policy`; an SDK client retries too unless built with `maxAttempts: 1`
 * (the clients `DynamoClient.layer` builds are). With your own client, build it with `maxAttempts: 1`, or provide
 * `Retry.Policy` as `Schedule.recurs(0)` to leave retries to the SDK.
 *
 * @example
 * import { DynamoClient } from "dynofunc"
 * import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
 * const service = DynamoClient.fromSdk(new DynamoDBClient({ region: "eu-west-1", maxAttempts: 1 }), "eu-west-1")
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromSdk = (sdk: DynamoDBClient, region?: string | undefined): DynamoClientService => ({
  sdk,
  region,
  send: (request) =>
    sdkModule !== undefined ? sendWith(sdkModule, sdk, request) : Effect.flatMap(loadSdk(), (loaded) => sendWith(loaded, sdk, request))
})

/**
 * Any request, as a union a handler narrows on `operation`.
 *
 * @since 0.1.0
 * @category models
 */
export type AnyRequest = { [Name in CommandName]: Request<Name> }[CommandName]

/**
 * `Output` with its items (`Item`, `Attributes`, `LastEvaluatedKey`, `Items`) as plain JS, which `layerTest` marshals.
 *
 * @since 0.1.0
 * @category models
 */
export type PlainOutput<Output> = {
  readonly [Field in keyof Output]: Output[Field] extends AttributeMap | undefined
    ? Output[Field] | Item
    : Output[Field] extends ReadonlyArray<AttributeMap> | undefined
      ? Output[Field] | ReadonlyArray<Item>
      : Output[Field]
}

/**
 * What a test handler answers `Name` with: its SDK output, items possibly plain JS, `$metadata` optional.
 *
 * @since 0.1.0
 * @category models
 */
export type TestAnswer<Name extends CommandName> = PlainOutput<Omit<OutputOf<Name>, "$metadata">> & {
  readonly $metadata?: OutputOf<Name>["$metadata"] | undefined
}

/**
 * A handler that answers requests in tests: succeed with the SDK output (items may be plain JS:
 * `{ Item: { id: "u1" } }`), or fail with an SDK-shaped error (`{ name: "ConditionalCheckFailedException", … }`,
 * known by its `name`, `$fault` optional) or a dynofunc error. A handler that throws or dies fails the call with a
 * typed error too.
 *
 * @since 0.1.0
 * @category models
 */
export type TestHandler = (request: AnyRequest) => Effect.Effect<TestAnswer<CommandName>, unknown>

/**
 * Handlers per operation, each typed by its operation's output; an operation without a handler fails with
 * `UnknownOperationError`.
 *
 * @since 0.1.0
 * @category models
 */
export type TestHandlers = { readonly [Name in CommandName]?: (request: Request<Name>) => Effect.Effect<TestAnswer<Name>, unknown> }

/** Whether `value` has the shape of an `AttributeValue` (one key, a DynamoDB type). */
const isAttributeValue = (value: unknown): boolean => {
  if (typeof value !== "object" || value === null) return false
  const keys = Object.keys(value)
  return keys.length === 1 && /^(S|N|B|SS|NS|BS|M|L|NULL|BOOL)$/.test(keys[0]!)
}

/** `map` marshalled when it is a plain-JS item; as it is otherwise (a malformed one is then reported by decoding). */
const marshalled = (map: unknown): unknown => {
  if (typeof map !== "object" || map === null || Array.isArray(map) || Object.values(map).every(isAttributeValue)) return map
  try {
    return toAttributeMap(map)
  } catch {
    return map
  }
}

/** A test handler's answer with its plain-JS items marshalled. */
const withMarshalledItems = (answer: unknown): unknown => {
  if (typeof answer !== "object" || answer === null) return answer
  const out: Record<string, unknown> = { ...answer }
  for (const field of ["Item", "Attributes", "LastEvaluatedKey"]) if (field in out) out[field] = marshalled(out[field])
  if (Array.isArray(out["Items"])) out["Items"] = (out["Items"] as ReadonlyArray<unknown>).map(marshalled)
  return out
}

/**
 * A scoped service over a new SDK client, destroyed when the scope closes.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoClient } from "dynofunc"
 * const tables = Effect.scoped(
 *   Effect.flatMap(DynamoClient.make({ region: "eu-west-1" }), (client) =>
 *     client.send({ operation: "ListTables", input: {} }))
 * )
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (config: DynamoClientConfig = {}): Effect.Effect<DynamoClientService, A.ConfigError, Scope.Scope> =>
  Effect.andThen(
    checkCredentials(config),
    Effect.flatMap(loadSdk(), (loaded) =>
      Effect.flatMap(
        Effect.acquireRelease(Effect.sync(() => loaded.newClient(sdkConfig(config))), (sdk) => Effect.sync(() => sdk.destroy())),
        (sdk) => Effect.map(regionOf(sdk), (region) => fromSdk(sdk, region))
      ))
  )

/**
 * A Layer with a new SDK client, destroyed when the Layer is released.
 *
 * @example
 * import { execute, find, DynamoClient } from "dynofunc"
 * import { Effect } from "effect"
 * const program = execute(find("users", { id: "u1" }))
 * Effect.provide(program, DynamoClient.layer({ region: "eu-west-1" }))
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (config: DynamoClientConfig = {}): Layer.Layer<DynamoClient, A.ConfigError> =>
  A.layerScoped(DynamoClient, make(config))

/**
 * A Layer whose settings come from Effect `Config` (environment variables by default).
 *
 * @example
 * import { DynamoClient } from "dynofunc"
 * import { Config, Option } from "effect"
 * DynamoClient.layerConfig({
 *   region: Config.string("AWS_REGION"),
 *   endpoint: Config.option(Config.string("DYNAMODB_ENDPOINT")).pipe(Config.map(Option.getOrUndefined))
 * })
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: A.ConfigWrap<DynamoClientConfig>
): Layer.Layer<DynamoClient, A.ConfigError> =>
  A.layerScoped(DynamoClient, Effect.flatMap(A.unwrapConfig(config), make))

/**
 * A Layer over an SDK client you already have; you stay its owner (it is not destroyed). Build that client with
 * `protocol` from `dynofunc/sdk` to keep attributes named `__proto__`, and with `maxAttempts: 1` to leave
 * retries to `execute`'s `Retry.Policy` (otherwise both retry; or provide `Retry.Policy` as `Schedule.recurs(0)`).
 *
 * @example
 * import { protocol } from "dynofunc/sdk"
 * import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
 * import { execute, find, DynamoClient } from "dynofunc"
 * import { Effect } from "effect"
 * const existingClient = new DynamoDBClient({ region: "eu-west-1", protocol })
 * const program = execute(find("users", { id: "u1" }))
 * Effect.provide(program, DynamoClient.layerFromSdk(existingClient))
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromSdk = (sdk: DynamoDBClient): Layer.Layer<DynamoClient> =>
  Layer.effect(DynamoClient, Effect.map(regionOf(sdk), (region) => fromSdk(sdk, region)))

/**
 * A Layer that answers every request with `handler` (one function, or one per operation): for unit tests and
 * fault injection, no network. Items in answers may be plain JS; a handler that throws, dies or answers with
 * something else than an Effect still fails the call with a typed error.
 *
 * @example
 * import { DynamoClient } from "dynofunc"
 * import { Effect } from "effect"
 * DynamoClient.layerTest((request) =>
 *   request.operation === "GetItem"
 *     ? Effect.succeed({ Item: { id: "u1" } })
 *     : Effect.fail({ name: "ResourceNotFoundException", message: "no table" }))
 * DynamoClient.layerTest({ GetItem: () => Effect.succeed({ Item: { id: { S: "u1" } } }) })
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTest = (handler: TestHandler | TestHandlers): Layer.Layer<DynamoClient> =>
  Layer.succeed(DynamoClient, {
    sdk: undefined,
    send: testSend<AnyRequest>(handler, withMarshalledItems) as DynamoClientService["send"]
  })
