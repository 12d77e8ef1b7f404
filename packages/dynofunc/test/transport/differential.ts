/**
 * The differential test of the transports: a scenario runs on the SDK Layer, on the lean `HttpClient` Layer, and on
 * the lean Layer over undici's `Pool`, each request and its outcome recorded as `execute` sees them (the SDK output,
 * or the tagged error `execute` makes of the failure). Friendly results are `decode` of those outputs, and each
 * scenario checks its own; the records must be equal once what differs from run to run is set aside: table names made fresh per run,
 * table ids, timestamps, request ids, the SDK's own error object (`cause`), how often a waiter polled, and the order of
 * BatchGetItem's items.
 */
import { expect, layer } from "@effect/vitest"
import { Effect, Layer, Redacted, type Scope } from "effect"
import * as A from "#adapter"
import { DynamoClient, HttpClient, type DynamoClientConfig } from "dynofunc"
import { commandErrors } from "@dynofunc/core/internal/builders/commands.generated"
import { toDynamoError } from "../../src/internal/execution/toDynamoError.js"
import type { Engine } from "../operations/engines.js"
import { engineScenarios } from "../operations/scenarios.js"

interface Record {
  readonly operation: string
  readonly input: unknown
  readonly outcome: unknown
}

/** `layer`'s client, recording every request and its outcome into `log`. */
const recording = <E>(layer: Layer.Layer<DynamoClient.DynamoClient, E>, log: Array<Record>): Layer.Layer<DynamoClient.DynamoClient, E> =>
  Layer.effect(
    DynamoClient.DynamoClient,
    Effect.map(DynamoClient.DynamoClient, (client) => ({
      sdk: client.sdk,
      send: (request) =>
        client.send(request).pipe(
          Effect.tap((output) => Effect.sync(() => log.push({ operation: request.operation, input: request.input, outcome: { output } }))),
          Effect.tapError((cause) =>
            Effect.sync(() =>
              log.push({ operation: request.operation, input: request.input, outcome: { error: toDynamoError(cause, request.operation, commandErrors[request.operation]) } })
            )
          )
        )
    }))
  ).pipe(Layer.provide(layer))

/** `prefix-<Date.now() in base 36>-<counter>`: the table names `scenarios.fresh` makes. */
const freshName = /[a-z]+(?:-[a-z]+)*-[0-9a-z]{8}-[0-9a-z]+/g
const isoTime = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?/g

/** `value` with what legitimately differs between runs replaced by markers; fresh names (in keys too) numbered in
 * order of use. */
const normalize = (value: unknown, names: Map<string, string>): unknown => {
  if (value instanceof Date) return "<Date>"
  if (value instanceof Uint8Array) return { bytes: [...value] }
  if (value instanceof Set) return { set: [...value].map((element) => normalize(element, names)) }
  if (typeof value === "string") {
    return value
      .replace(freshName, (name) => {
        if (!names.has(name)) names.set(name, `<table ${names.size}>`)
        return names.get(name) ?? name
      })
      .replace(isoTime, "<time>")
  }
  if (Array.isArray(value)) return value.map((element) => normalize(element, names))
  if (typeof value === "object" && value !== null) {
    const out: { [key: string]: unknown } = {}
    if ("_tag" in value) out["_tag"] = value._tag
    for (const [key, member] of Object.entries(value)) {
      if (key === "TableId") out[key] = "<TableId>"
      else if (key !== "requestId" && key !== "cause") out[normalize(key, names) as string] = normalize(member, names)
    }
    return out
  }
  return value
}

/** BatchGetItem answers each table's items in any order (dynalite shuffles them): sorted. */
const unordered = (record: Record): Record => {
  const responses = (record.outcome as { output?: { Responses?: { [table: string]: Array<unknown> } } }).output?.Responses
  if (record.operation === "BatchGetItem" && responses !== undefined) {
    for (const items of Object.values(responses)) items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  }
  return record
}

/** The records, normalised, with each run of the same request (a waiter polling) kept as its last answer only. */
const comparable = (log: ReadonlyArray<Record>): ReadonlyArray<unknown> => {
  const names = new Map<string, string>()
  const normalized = log.map((record) => unordered(normalize(record, names) as Record))
  return normalized.filter((record, index) => {
    const next = normalized[index + 1]
    return next === undefined || next.operation !== record.operation || JSON.stringify(next.input) !== JSON.stringify(record.input)
  })
}

/**
 * Runs `scenario` on the SDK Layer then on the lean Layer (on `node:http`, then on undici), each at `endpoint` with
 * its own access key (DynamoDB Local keeps one database per key), and expects the same records.
 */
const differential = (endpoint: string, scenario: Effect.Effect<unknown, unknown, DynamoClient.DynamoClient>) =>
  Effect.gen(function* () {
    const config = (accessKeyId: string) => ({
      region: "local",
      endpoint,
      credentials: { accessKeyId, secretAccessKey: Redacted.make("local") }
    })
    const sdkConfig: DynamoClientConfig = { ...config("sdk"), maxAttempts: 1 }
    const sdk: Array<Record> = []
    const lean: Array<Record> = []
    const undici: Array<Record> = []
    yield* Effect.provide(scenario, recording(DynamoClient.layer(sdkConfig), sdk))
    yield* Effect.provide(scenario, recording(HttpClient.layer(config("lean")), lean))
    yield* Effect.provide(scenario, recording(HttpClient.layer({ ...config("undici"), connections: HttpClient.undiciPool(() => import("undici")) }), undici))
    expect(lean.length).toBeGreaterThan(0)
    expect(comparable(lean)).toEqual(comparable(sdk))
    expect(comparable(undici)).toEqual(comparable(sdk))
  })

class Endpoint extends A.Service<Endpoint, { readonly endpoint: string }>()("test/Endpoint") {}

/** Every scenario of `engine` (started once for the file by `start`), run through both transports and compared. */
export const differentialSuite = <E>(engine: Engine, start: Effect.Effect<{ readonly endpoint: string }, E, Scope.Scope>) =>
  layer(A.layerScoped(Endpoint, start), { timeout: "120 seconds", excludeTestServices: true })(
    `${engine}: the SDK and the lean transport record the same requests and outcomes`,
    (it) => {
      for (const [title, scenario] of engineScenarios(engine)) {
        it.effect(title, () => Effect.flatMap(Endpoint, ({ endpoint }) => differential(endpoint, scenario)))
      }
    }
  )
