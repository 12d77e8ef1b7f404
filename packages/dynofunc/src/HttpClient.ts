/**
 * `HttpClient`: a lean `DynamoClient` that speaks DynamoDB's JSON 1.0 protocol itself, over `node:http` /
 * `node:https` with a keep-alive agent and SigV4 signing on `node:crypto`, instead of going through the AWS SDK's
 * client. The same operations, results and tagged errors as `DynamoClient.layer`, for a fraction of the CPU per call
 * (`BENCHMARKS.md`, P7). The SDK Layer stays the default; the README says when to pick which.
 *
 * @example
 * import { Effect, Redacted } from "effect"
 * import { HttpClient, execute, find } from "dynofunc"
 *
 * const program = execute(find("users", { id: "u1" }))
 * program.pipe(Effect.provide(HttpClient.layer({ region: "eu-west-1" })))
 * program.pipe(Effect.provide(HttpClient.layer())) // region and credentials from the environment, the shared files, …
 * program.pipe(Effect.provide(HttpClient.layer({
 *   region: "local",
 *   endpoint: "http://127.0.0.1:8000",
 *   credentials: { accessKeyId: "local", secretAccessKey: Redacted.make("local") }
 * })))
 *
 * @since 0.1.0
 */
import { Duration, Effect, type Layer, type Scope } from "effect"
import * as A from "#adapter"
import type { Provider } from "./AwsCredentials.js"
import { type Credentials, DynamoClient, type DynamoClientService, type Request } from "./DynamoClient.js"
import type { CommandName, OutputOf } from "@dynofunc/core/Operation"
import { credentialSource } from "./internal/transport/credentials/source.js"
import { regionalEndpoint } from "./internal/transport/endpoint.js"
import { regionOf } from "./internal/transport/region.js"
import { type Answer, type Exchange, nodeHttp as nodeHttpConnections } from "./internal/transport/http.js"
import { amzDate, jsonPostAuthorization, type SigningCredentials } from "./internal/transport/sigv4.js"
import { type Pool, undiciPool as undiciConnections } from "./internal/transport/undici.js"
import { streams } from "./internal/transport/streamsWire.js"
import { Crc32MismatchError, crc32, metadata, type Protocol, readOutput, serviceError, writeBody } from "./internal/transport/wire.js"
import { StreamsClient, type StreamsClientService } from "./StreamsClient.js"

/**
 * What an SDK-style provider answers: the SDK's `AwsCredentialIdentity`, secrets in the clear.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProvidedCredentials extends SigningCredentials {
  /** When they stop working; none means never. */
  readonly expiration?: Date | undefined
}

/**
 * A function giving credentials, like the SDK's providers (`fromIni()`, `fromSSO()`, `fromTemporaryCredentials(…)`).
 *
 * @since 0.1.0
 * @category models
 */
export type CredentialsProvider = () => Promise<ProvidedCredentials>

/**
 * A way to open connections to DynamoDB: `open(endpoint, maxConnections)` makes a pool of at most `maxConnections`
 * keep-alive connections, closed when its scope closes, and answers its `Exchange`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Connections {
  readonly open: (endpoint: URL, maxConnections: number) => Effect.Effect<Exchange, never, Scope.Scope>
}

/**
 * The part of the `undici` module the lean client uses: its `Pool`.
 *
 * @since 0.1.0
 * @category models
 */
export interface UndiciModule {
  readonly Pool: new (
    origin: string,
    options: { readonly connections: number; readonly headersTimeout: number; readonly bodyTimeout: number }
  ) => Pool
}

/**
 * Node's own HTTP client under the lean client: `node:http` / `node:https` with a keep-alive `Agent`. The default:
 * nothing more to load or bundle.
 *
 * @example
 * import { HttpClient } from "dynofunc"
 * HttpClient.layer({ region: "eu-west-1", connections: HttpClient.nodeHttp })
 *
 * @since 0.1.0
 * @category utils
 */
export const nodeHttp: Connections = nodeHttpConnections

/**
 * undici's `Pool` under the lean client: about a third less CPU per exchange than `node:http` (`BENCHMARKS.md`, P7),
 * for programs whose CPU goes to DynamoDB calls. Install `undici` (7.x) and hand it over as `() => import("undici")`:
 * it is loaded when the Layer is built, and a program that does not pick it neither loads nor bundles it.
 *
 * @example
 * import { HttpClient } from "dynofunc"
 * HttpClient.layer({ region: "eu-west-1", connections: HttpClient.undiciPool(() => import("undici")) })
 *
 * @since 0.1.0
 * @category utils
 */
export const undiciPool: (load: () => Promise<UndiciModule>) => Connections = undiciConnections

/**
 * How the lean client reaches DynamoDB.
 *
 * @since 0.1.0
 * @category models
 */
export interface HttpClientConfig {
  /**
   * The AWS region (`eu-west-1`); with a custom `endpoint`, the region that endpoint signs for. Left out:
   * `AWS_REGION`, `AWS_DEFAULT_REGION`, else the profile's `region` in the shared config file.
   */
  readonly region?: string | undefined
  /** A custom endpoint, e.g. `http://127.0.0.1:8000` for DynamoDB Local; by default the region's own. */
  readonly endpoint?: string | undefined
  /**
   * Fixed credentials (secrets `Redacted`), one of `AwsCredentials`' providers, or an SDK-style provider function
   * (`sdkCredentials()` from `dynofunc/sdk` for the SDK's whole chain, `fromSSO()` from
   * `@aws-sdk/credential-providers`, …). Left out: `AwsCredentials.defaultChain()` (environment, shared files, web
   * identity, container endpoint or instance metadata), asked on the first call. Credentials that expire are
   * fetched again five minutes before they do, one fetch shared by concurrent calls.
   */
  readonly credentials?: Credentials | Provider | CredentialsProvider | undefined
  /** FIPS endpoints (`dynamodb-fips.<region>…`). */
  readonly fips?: boolean | undefined
  /** Dual-stack (IPv6) endpoints (`dynamodb.<region>.api.aws`). */
  readonly dualStack?: boolean | undefined
  /**
   * How long one attempt may wait for DynamoDB's whole answer before failing with a `TransportError` (`Timeout`)
   * and closing its connection. Unset, it waits as long as the connection lives.
   */
  readonly requestTimeout?: A.DurationInput | undefined
  /** Connections kept open to DynamoDB at most (the SDK's default is 50). */
  readonly maxSockets?: number | undefined
  /** The HTTP client the requests go through: `HttpClient.nodeHttp` (the default) or `HttpClient.undiciPool(…)`. */
  readonly connections?: Connections | undefined
}

const contentType = "application/x-amz-json-1.0"

/** A `Date` header this far from the local clock makes the client sign with DynamoDB's time instead (the SDK's rule). */
const skewToleranceMillis = 5 * 60 * 1000

/** DynamoDB's own JSON protocol; `internal/transport/streamsWire.ts` has the Streams API's. */
const dynamodb: Protocol = { target: "DynamoDB_20120810", readOutput, endpoint: regionalEndpoint }

const service = (config: HttpClientConfig, region: string, host: string, exchange: Exchange, protocol: Protocol): DynamoClientService => {
  const credentials = credentialSource(config.credentials)
  const timeout = config.requestTimeout === undefined ? undefined : Duration.toMillis(config.requestTimeout)
  let clockOffset = 0

  const answer = (operation: string, response: Answer): Effect.Effect<unknown, unknown> => {
    const header = (name: string): string | undefined => {
      const value = response.headers[name]
      return typeof value === "string" ? value : undefined
    }
    const requestId = header("x-amzn-requestid")
    const date = header("date")
    const serverDate = date === undefined ? Number.NaN : Date.parse(date)
    if (Math.abs(serverDate - (Date.now() + clockOffset)) > skewToleranceMillis) clockOffset = serverDate - Date.now()
    const expected = header("x-amz-crc32")
    if (expected !== undefined) {
      const actual = crc32(response.body)
      if (actual !== Number(expected)) {
        return Effect.fail(new Crc32MismatchError(metadata(response.status, requestId), Number(expected), actual))
      }
    }
    const text = response.body.toString("utf8")
    if (response.status >= 300) {
      return Effect.fail(serviceError(response.status, requestId, header("x-amzn-errortype"), text))
    }
    try {
      const output = protocol.readOutput(operation, text)
      output["$metadata"] = metadata(response.status, requestId)
      return Effect.succeed(output)
    } catch (error) {
      return Effect.fail(error)
    }
  }

  const call = (request: Pick<Request, "operation" | "input">, signing: SigningCredentials): Effect.Effect<unknown, unknown> =>
    A.async<unknown, unknown>((resume) => {
      let body: string
      try {
        body = writeBody(request.input)
      } catch (error) {
        return resume(Effect.fail(error))
      }
      const date = amzDate(Date.now() + clockOffset)
      const target = `${protocol.target}.${request.operation}`
      const headers: Record<string, string> = {
        "content-type": contentType,
        host,
        "x-amz-date": date,
        "x-amz-target": target,
        "content-length": String(Buffer.byteLength(body)),
        authorization: jsonPostAuthorization({ contentType, host, target, body }, signing, date, region, "dynamodb")
      }
      if (signing.sessionToken !== undefined) headers["x-amz-security-token"] = signing.sessionToken
      const abort = exchange(headers, body, timeout, (error, response) =>
        resume(error === undefined && response !== undefined ? answer(request.operation, response) : Effect.fail(error))
      )
      return Effect.sync(abort)
    })

  return {
    sdk: undefined,
    region,
    send: <Name extends CommandName>(request: Request<Name>) => {
      const current = credentials.current()
      const sent = current !== undefined
        ? call(request, current)
        : Effect.flatMap(credentials.refresh, (fresh) => call(request, fresh))
      return sent as Effect.Effect<OutputOf<Name>, unknown>
    }
  }
}

/**
 * A config whose `region` is given: its client is built without looking anything up, and cannot fail.
 *
 * @since 0.1.0
 * @category models
 */
export type WithRegion = HttpClientConfig & { readonly region: string }

const opened = (config: HttpClientConfig, region: string, protocol: Protocol = dynamodb): Effect.Effect<DynamoClientService, never, Scope.Scope> =>
  Effect.suspend(() => {
    const endpoint = new URL(config.endpoint ?? protocol.endpoint(region, { fips: config.fips, dualStack: config.dualStack }))
    return Effect.map(
      (config.connections ?? nodeHttp).open(endpoint, config.maxSockets ?? 50),
      (exchange) => service(config, region, endpoint.host, exchange, protocol)
    )
  })

const withRegion = (config: HttpClientConfig): Effect.Effect<DynamoClientService, A.ConfigError, Scope.Scope> =>
  config.region !== undefined
    ? opened(config, config.region)
    : Effect.flatMap(regionOf(process.env), (region) =>
        region === undefined
          ? Effect.fail(A.invalidConfig(["region"], "no region given, and none in AWS_REGION, AWS_DEFAULT_REGION or the shared config file"))
          : opened(config, region)
      )

/**
 * A scoped lean `DynamoClient` service; its connections are closed when the scope closes. Without a `region`, it is
 * looked up and may fail with a `ConfigError`.
 *
 * @example
 * import { Effect } from "effect"
 * import { HttpClient } from "dynofunc"
 * const tables = Effect.scoped(
 *   Effect.flatMap(HttpClient.make({ region: "eu-west-1" }), (client) =>
 *     client.send({ operation: "ListTables", input: {} }))
 * )
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: {
  (config: WithRegion): Effect.Effect<DynamoClientService, never, Scope.Scope>
  (config?: HttpClientConfig): Effect.Effect<DynamoClientService, A.ConfigError, Scope.Scope>
  // The cast is the first signature's promise: with a region, `withRegion` never looks one up, so never fails.
} = (config: HttpClientConfig = {}) => withRegion(config) as Effect.Effect<DynamoClientService, never, Scope.Scope>

/**
 * A Layer with a lean `DynamoClient`, its connections closed when the Layer is released. Without a `region`, it is
 * looked up (`AWS_REGION`, `AWS_DEFAULT_REGION`, the shared config file) and the Layer may fail with a `ConfigError`.
 *
 * @example
 * import { execute, find, HttpClient } from "dynofunc"
 * import { Effect } from "effect"
 * const program = execute(find("users", { id: "u1" }))
 * Effect.provide(program, HttpClient.layer({ region: "eu-west-1" }))
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: {
  (config: WithRegion): Layer.Layer<DynamoClient>
  (config?: HttpClientConfig): Layer.Layer<DynamoClient, A.ConfigError>
} = (config: HttpClientConfig = {}) => A.layerScoped(DynamoClient, make(config as WithRegion))

/**
 * A Layer whose settings come from Effect `Config` (environment variables by default).
 *
 * @example
 * import { HttpClient } from "dynofunc"
 * import { Config, Option } from "effect"
 * HttpClient.layerConfig({
 *   region: Config.string("AWS_REGION"),
 *   endpoint: Config.option(Config.string("DYNAMODB_ENDPOINT")).pipe(Config.map(Option.getOrUndefined))
 * })
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (config: A.ConfigWrap<HttpClientConfig>): Layer.Layer<DynamoClient, A.ConfigError> =>
  A.layerScoped(DynamoClient, Effect.flatMap(A.unwrapConfig(config), (given) => withRegion(given)))

/**
 * A Layer with a lean `StreamsClient` for `ChangeStream` (the DynamoDB Streams API at `streams.dynamodb.<region>…`,
 * or at `endpoint`: DynamoDB Local serves both APIs on one port), its connections closed on release.
 *
 * @example
 * import { Layer } from "effect"
 * import { HttpClient } from "dynofunc"
 * const aws = Layer.merge(HttpClient.layer({ region: "eu-west-1" }), HttpClient.layerStreams({ region: "eu-west-1" }))
 *
 * @since 0.1.0
 * @category layers
 */
export const layerStreams = (config: WithRegion): Layer.Layer<StreamsClient> =>
  A.layerScoped(StreamsClient, opened(config, config.region, streams) as Effect.Effect<StreamsClientService, never, Scope.Scope>)
