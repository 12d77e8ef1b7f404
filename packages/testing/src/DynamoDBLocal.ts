/**
 * DynamoDB Local, AWS's own emulator (Java 17+), run in memory as a child process on a free loopback port:
 * transactions, PartiQL, TTL settings, GSIs and LSIs included; ready in about 2–3 s.
 *
 * Its jar is fetched once into a cache directory (see `fetch`); set `DYNOFUNC_DYNAMODB_ENDPOINT` to use an engine
 * that already runs (an `amazon/dynamodb-local` container, say) instead of starting one.
 *
 * @example
 * import { Effect } from "effect"
 * import { execute, scan } from "dynofunc"
 * import { DynamoDBLocal } from "@dynofunc/testing"
 *
 * execute(scan("users")).pipe(Effect.provide(DynamoDBLocal.layer()))
 *
 * @since 0.1.0
 */
import { randomUUID } from "node:crypto"
import path from "node:path"
import { type Credentials, DynamoClient, type DynamoClientConfig, StreamsClient } from "#dynofunc"
import { Config, Deferred, Duration, Effect, Exit, Fiber, Layer, Option, Schedule, Scope } from "effect"
import * as A from "#adapter"
import {
  DIR_ENV,
  DYNAMODB_LOCAL_VERSION,
  defaultDir,
  fetchDynamoDBLocal,
  isInstalled
} from "../scripts/fetch-dynamodb-local.mjs"
import { EngineFetchError, type EngineError, EngineStartError, type EngineTimeoutError } from "./EngineError.js"
import * as Endpoint from "./Endpoint.js"
import { awaitReady, freePort } from "./internal/net.js"
import { listensOn, scratchDir, spawnScoped, type Spawned } from "./internal/process.js"

/**
 * The environment variable naming a running engine to use instead of starting DynamoDB Local,
 * e.g. `DYNOFUNC_DYNAMODB_ENDPOINT=http://127.0.0.1:8000`.
 *
 * @example
 * // docker run -p 8000:8000 amazon/dynamodb-local
 * // DYNOFUNC_DYNAMODB_ENDPOINT=http://127.0.0.1:8000 pnpm test
 *
 * @since 0.1.0
 * @category constants
 */
export const endpointEnv = "DYNOFUNC_DYNAMODB_ENDPOINT"

/**
 * The environment variable naming the directory that holds (or will hold) `DynamoDBLocal.jar` and
 * `DynamoDBLocal_lib/`; by default a cache under the project's `node_modules/.cache/dynofunc/`.
 *
 * @example
 * // DYNOFUNC_DYNAMODB_LOCAL_DIR=$HOME/.cache/dynamodb-local pnpm test
 *
 * @since 0.1.0
 * @category constants
 */
export const dirEnv: "DYNOFUNC_DYNAMODB_LOCAL_DIR" = DIR_ENV

/**
 * The DynamoDB Local version fetched.
 *
 * @example
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * console.log(`DynamoDB Local ${DynamoDBLocal.version}`)
 *
 * @since 0.1.0
 * @category constants
 */
export const version: string = DYNAMODB_LOCAL_VERSION

/**
 * How to run DynamoDB Local.
 *
 * @example
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * DynamoDBLocal.layer({ startTimeout: "60 seconds", jvmArgs: ["-Xmx256m"], args: ["-delayTransientStatuses"] })
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * A running engine to use instead of starting one (no Java needed). Default: `$DYNOFUNC_DYNAMODB_ENDPOINT`;
   * when neither is set, DynamoDB Local is started.
   */
  readonly endpoint?: string | undefined
  /** Where `DynamoDBLocal.jar` is, or is fetched to. Default: `$DYNOFUNC_DYNAMODB_LOCAL_DIR`, else the cache. */
  readonly dir?: string | undefined
  /** The `java` executable. Default: `$JAVA_HOME/bin/java` when `JAVA_HOME` is set, else `java` on the `PATH`. */
  readonly java?: string | undefined
  /** The port. Default: a free one. */
  readonly port?: number | undefined
  /** How long to wait for the engine to answer. Default: 30 seconds. */
  readonly startTimeout?: A.DurationInput | undefined
  /** JVM options, before `-jar`. Default: `-XX:+UseSerialGC -XX:TieredStopAtLevel=1` (a faster start). */
  readonly jvmArgs?: ReadonlyArray<string> | undefined
  /** More DynamoDB Local options, e.g. `["-sharedDb"]` or `["-delayTransientStatuses"]`. */
  readonly args?: ReadonlyArray<string> | undefined
}

/**
 * A running DynamoDB Local, or the endpoint used in its place.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * const instance = Effect.scoped(Effect.gen(function* () {
 *   const { endpoint, pid } = yield* DynamoDBLocal.make()
 *   return `${endpoint} (java pid ${pid})`
 * }))
 *
 * @since 0.1.0
 * @category models
 */
export interface Instance {
  /** Its URL, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string
  readonly port: number
  /** The `java` process's id; `undefined` when an already-running endpoint is used. */
  readonly pid: number | undefined
  /**
   * The credentials that pick this instance's database: DynamoDB Local keeps one database per access key id and
   * region. On an engine started here, `Endpoint.credentials`; on an already-running endpoint, an access key id of
   * its own for each `make`, so each one starts with no tables (unless that engine runs with `-sharedDb`) and test
   * files sharing one engine never see each other's tables.
   */
  readonly credentials: Credentials
}

const DEFAULT_JVM_ARGS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]
const DEFAULT_TIMEOUT = Duration.seconds(30)
/** A free port can be taken by someone else before the JVM binds it; then another one is tried. */
const PORT_ATTEMPTS = 5

const setting = (name: string) =>
  Config.option(A.configString(name)).pipe(
    Config.map(Option.filter((value) => value.trim() !== "")),
    Config.map(Option.getOrUndefined)
  )

/**
 * The directory DynamoDB Local is (or will be) in: `dir`, else `$DYNOFUNC_DYNAMODB_LOCAL_DIR`, else the cache.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * const dir: Effect.Effect<string> = DynamoDBLocal.directory()
 *
 * @since 0.1.0
 * @category utils
 */
export const directory = (dir?: string): Effect.Effect<string> =>
  dir !== undefined
    ? Effect.succeed(path.resolve(dir))
    : Effect.map(Effect.orDie(setting(DIR_ENV)), (fromEnv) =>
        fromEnv !== undefined ? path.resolve(fromEnv) : defaultDir({ env: {} })
      )

/**
 * Makes sure DynamoDB Local is in `directory(dir)`, fetching it once when missing (`npm pack` of
 * `amplify-dynamodb-simulator@2.9.30`, ~57 MB; only its `emulator/` folder is kept); succeeds with the directory.
 * Safe to run from several processes at once. The same as the `fetch-dynamodb-local` script.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * // vitest globalSetup: fetch once before the workers start
 * export const setup = () => Effect.runPromise(DynamoDBLocal.fetch())
 *
 * @since 0.1.0
 * @category utils
 */
export const fetch = (dir?: string): Effect.Effect<string, EngineFetchError> =>
  Effect.flatMap(directory(dir), (target) =>
    isInstalled(target)
      ? Effect.succeed(target)
      : Effect.logInfo(`Fetching DynamoDB Local ${DYNAMODB_LOCAL_VERSION} into ${target}`).pipe(
          Effect.andThen(
            Effect.tryPromise({
              try: (signal) => fetchDynamoDBLocal({ dir: target, signal }),
              catch: (cause) =>
                new EngineFetchError({
                  engine: "dynamodb-local",
                  dir: target,
                  message: `DynamoDB Local could not be fetched into ${target} (pre-fetch it with the ` +
                    `fetch-dynamodb-local script, or set ${DIR_ENV} to a copy or ${endpointEnv} to a running engine): ${
                      cause instanceof Error ? cause.message : String(cause)
                    }`,
                  cause
                })
            })
          )
        )
  )

const external = (endpoint: string, timeout: A.DurationInput): Effect.Effect<Instance, EngineError> =>
  Effect.gen(function* () {
    const url = yield* Effect.try({
      try: () => new URL(endpoint),
      catch: (cause) =>
        new EngineStartError({
          engine: "dynamodb-local",
          reason: "endpoint",
          message: `the DynamoDB endpoint ${JSON.stringify(endpoint)} is not a URL`,
          cause
        })
    })
    yield* awaitReady("dynamodb-local", endpoint, timeout)
    const port = url.port !== "" ? Number(url.port) : url.protocol === "https:" ? 443 : 80
    // Letters and digits only: DynamoDB Local refuses any other character in an access key id.
    const accessKeyId = yield* Effect.sync(() => `local${randomUUID().replaceAll("-", "")}`)
    return { endpoint, port, pid: undefined, credentials: { ...Endpoint.credentials, accessKeyId } }
  })

const describeEnd = (exitCode: number | null, signal: string | null) =>
  signal !== null ? `killed by ${signal}` : `exit code ${String(exitCode)}`

/** Fails as soon as the process ends, or reports it could not bind its port (it then keeps running). */
const failure = (spawned: Spawned, port: number): Effect.Effect<never, EngineStartError> =>
  Effect.raceFirst(
    Effect.flatMap(Deferred.await(spawned.ended), ({ exitCode, signal }) =>
      Effect.fail(
        new EngineStartError({
          engine: "dynamodb-local",
          reason: "exit",
          message: `DynamoDB Local ended (${describeEnd(exitCode, signal)}) before it answered:\n${spawned.output}`,
          exitCode: exitCode ?? undefined,
          signal: signal ?? undefined,
          output: spawned.output.toString()
        })
      )
    ),
    Effect.repeat(
      Effect.sync(() => spawned.output.includes("Failed to bind") || spawned.output.includes("BindException")),
      { schedule: Schedule.spaced("50 millis"), until: (failed) => failed }
    ).pipe(
      Effect.andThen(
        Effect.fail(
          new EngineStartError({
            engine: "dynamodb-local",
            reason: "port",
            message: `DynamoDB Local could not bind port ${port}`,
            output: spawned.output.toString()
          })
        )
      )
    )
  )

/** One start on `port`, in its own scope: closed at once (the process killed) if the start fails. */
const launch = (
  java: string,
  dir: string,
  port: number,
  options: Options
): Effect.Effect<Instance, EngineStartError | EngineTimeoutError, Scope.Scope> =>
  Effect.gen(function* () {
    const scope = yield* A.forkScope(yield* Effect.scope)
    const start = Effect.gen(function* () {
      // Its working directory: it writes a metadata file there. Removed after the process is killed.
      const cwd = yield* scratchDir
      const spawned = yield* spawnScoped("dynamodb-local", java, [
        ...(options.jvmArgs ?? DEFAULT_JVM_ARGS),
        `-Djava.library.path=${path.join(dir, "DynamoDBLocal_lib")}`,
        "-jar",
        path.join(dir, "DynamoDBLocal.jar"),
        "-inMemory",
        "-disableTelemetry",
        "-port",
        String(port),
        ...(options.args ?? [])
      ], cwd)
      const endpoint = `http://127.0.0.1:${port}`
      yield* awaitReady("dynamodb-local", endpoint, options.startTimeout ?? DEFAULT_TIMEOUT, {
        output: () => spawned.output.toString(),
        // Where it can be told (Linux), make sure the answer came from our process, not from whoever holds the port.
        owned: Effect.map(listensOn(spawned.pid, port), (owned) => owned !== false)
      }).pipe(Effect.raceFirst(failure(spawned, port)))
      return { endpoint, port, pid: spawned.pid, credentials: Endpoint.credentials }
    })
    return yield* start.pipe(
      A.extendScope(scope),
      Effect.onError((cause) => Scope.close(scope, Exit.failCause(cause)))
    )
  })

/**
 * Starts DynamoDB Local in memory on a free loopback port (fetching it first if needed) and waits until it answers;
 * the `java` process is killed when the scope closes, on interruption, when this process exits, and — through a
 * small watchdog process — even when this process is killed. With `endpoint` or `$DYNOFUNC_DYNAMODB_ENDPOINT` set,
 * waits for that endpoint instead and starts nothing.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoDBLocal, Endpoint } from "@dynofunc/testing"
 * import { DynamoClient } from "dynofunc"
 * Effect.scoped(Effect.gen(function* () {
 *   const instance = yield* DynamoDBLocal.make({ startTimeout: "60 seconds" })
 *   const client = yield* DynamoClient.make(DynamoDBLocal.config(instance))
 *   // …
 * }))
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Instance, EngineError, Scope.Scope> =>
  Effect.gen(function* () {
    const timeout = options.startTimeout ?? DEFAULT_TIMEOUT
    const endpoint = options.endpoint ?? (yield* Effect.orDie(setting(endpointEnv)))
    if (endpoint !== undefined) return yield* external(endpoint, timeout)
    const dir = yield* fetch(options.dir)
    const javaHome = yield* Effect.orDie(setting("JAVA_HOME"))
    const java = options.java ?? (javaHome !== undefined ? path.join(javaHome, "bin", "java") : "java")
    const fixedPort = options.port
    return yield* (fixedPort !== undefined ? Effect.succeed(fixedPort) : freePort("dynamodb-local")).pipe(
      Effect.flatMap((port) => launch(java, dir, port, options)),
      Effect.retry({
        times: fixedPort === undefined ? PORT_ATTEMPTS - 1 : 0,
        while: (error) => error._tag === "EngineStartError" && error.reason === "port"
      })
    )
  }).pipe(
    // Processes and sockets keep real time: polls and timeouts run on a live clock, even under a `TestClock`.
    A.withLiveClock
  )

/**
 * A Vitest `globalSetup`: one DynamoDB Local for the whole test run instead of one per test file. It starts the
 * engine before any file runs and sets `$DYNOFUNC_DYNAMODB_ENDPOINT` for the test workers, so every `make`, `layer`
 * and `layerWithStreams` there uses it — each with a database of its own (see `Instance.credentials`), so files still
 * never see each other's tables. The engine is stopped when the run ends. Does nothing when the variable is set already.
 *
 * @example
 * // test/dynamodb-local.setup.ts, named in vitest.config.ts: `test: { globalSetup: ["test/dynamodb-local.setup.ts"] }`
 * import { DynamoDBLocal } from "@dynofunc/testing"
 *
 * export default DynamoDBLocal.globalSetup({ startTimeout: "120 seconds" })
 *
 * @since 0.1.0
 * @category utils
 */
export const globalSetup = (options: Options = {}) => async (): Promise<() => Promise<void>> => {
  if ((process.env[endpointEnv] ?? "").trim() !== "" || options.endpoint !== undefined) return () => Promise.resolve()
  const ready = Effect.runSync(Deferred.make<Instance, EngineError>())
  const engine = Effect.runFork(
    Effect.scoped(Effect.flatMap(make(options), (instance) => Effect.andThen(Deferred.succeed(ready, instance), Effect.never))).pipe(
      Effect.onError((cause) => Deferred.failCause(ready, cause))
    )
  )
  const { endpoint } = await Effect.runPromise(Deferred.await(ready))
  process.env[endpointEnv] = endpoint
  return async () => {
    delete process.env[endpointEnv]
    await Effect.runPromise(Fiber.interrupt(engine))
  }
}

/**
 * The `DynamoClient` (or `StreamsClient`) settings for a running instance: its endpoint and the credentials that pick
 * its database; `overrides` (e.g. `{ maxAttempts: 1 }`) win.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * import { DynamoClient } from "dynofunc"
 * Effect.scoped(Effect.gen(function* () {
 *   const instance = yield* DynamoDBLocal.make()
 *   const client = yield* DynamoClient.make(DynamoDBLocal.config(instance, { maxAttempts: 1 }))
 *   // …
 * }))
 *
 * @since 0.1.0
 * @category utils
 */
export const config = (instance: Instance, overrides: DynamoClientConfig = {}): DynamoClientConfig =>
  Endpoint.config(instance.endpoint, { credentials: instance.credentials, ...overrides })

/**
 * A `DynamoClient` connected to a fresh in-memory DynamoDB Local (or to a database of its own on
 * `$DYNOFUNC_DYNAMODB_ENDPOINT`: see `Instance.credentials`), both released with the Layer. `client` passes settings to the client (e.g. `{ maxAttempts: 1 }`).
 *
 * @example
 * import { it } from "@effect/vitest"
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * import { execute, transactWriteItems, add } from "dynofunc"
 * it.layer(DynamoDBLocal.layer(), { timeout: "60 seconds" })("transactions", (it) => {
 *   it.effect("writes two items at once", () =>
 *     execute(transactWriteItems([add("users", { id: "u1" }), add("users", { id: "u2" })])))
 * })
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {},
  client: DynamoClientConfig = {}
): Layer.Layer<DynamoClient.DynamoClient, EngineError | A.ConfigError> =>
  A.layerScoped(
    DynamoClient.DynamoClient,
    Effect.flatMap(make(options), (instance) => DynamoClient.make(config(instance, client)))
  )

/** The running engine, as a service for the Layers built over it. */
const Running = A.genericTag<Instance, Instance>("@dynofunc/testing/DynamoDBLocal/Instance")

/**
 * A `DynamoClient` and a `StreamsClient` (for `ChangeStream`) connected to one fresh DynamoDB Local, which serves
 * both APIs on one port; stopped when the Layer is released.
 *
 * @example
 * import { ChangeStream } from "dynofunc"
 * import { Stream, Effect } from "effect"
 * import { DynamoDBLocal } from "@dynofunc/testing"
 * ChangeStream.records({ table: "users" }).pipe(Stream.take(1), Stream.runCollect, Effect.provide(DynamoDBLocal.layerWithStreams()))
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithStreams = (
  options: Options = {},
  client: DynamoClientConfig = {}
): Layer.Layer<DynamoClient.DynamoClient | StreamsClient.StreamsClient, EngineError | A.ConfigError> =>
  Layer.provide(
    Layer.merge(
      A.layerScoped(DynamoClient.DynamoClient, Effect.flatMap(Running, (instance) => DynamoClient.make(config(instance, client)))),
      A.layerScoped(StreamsClient.StreamsClient, Effect.flatMap(Running, (instance) => StreamsClient.make(config(instance, client))))
    ),
    A.layerScoped(Running, make(options))
  )
