/**
 * P7 — calls per core: GetItem against a loopback server that answers at once (in this process), 16 calls in
 * flight, through `execute` on four `DynamoClient`s: the SDK Layer as built by default, the SDK Layer best tuned
 * (`@smithy/undici-http-handler` on an undici `Agent`, `cacheMiddleware: true`), and the lean `HttpClient` Layer on
 * `node:http` (its default) and on undici's `Pool` (its best); the raw SDK clients (default and tuned) for context. The figure is CPU time per call (process CPU, the server's
 * included), so calls/s per core = 1 s ÷ that.
 *
 * P2L — the same calls one at a time (latency, not throughput): `execute(getItem)` on the lean Layer (both ways) vs the raw
 * SDK (default and tuned) against the same loopback server.
 */
import { DynamoDBClient, type DynamoDBClientConfig, GetItemCommand } from "@aws-sdk/client-dynamodb"
import { UndiciHttpHandler } from "@smithy/undici-http-handler"
import { DynamoClient, HttpClient, execute, getItem } from "dynofunc"
import { Effect, type Layer, ManagedRuntime, Redacted } from "effect"
import { Agent } from "undici"
import { cpuRatio, figures, inFlight, measureAsync, ratio, type Measured, type Settings } from "../harness.js"
import { formatNs, formatRatio, type Section, type Target } from "../report.js"
import { storedItem } from "../p2/bench.js"
import { cannedServer } from "./cannedServer.js"

const IN_FLIGHT = 16
/** Calls per measured run: `IN_FLIGHT` workers of `PER_WORKER` calls each. */
const PER_WORKER = 10
const PER_RUN = IN_FLIGHT * PER_WORKER

const region = "us-east-1"
const secret = "benchmark-secret"

/** The best-tuned SDK settings we know: undici's HTTP client under the SDK, and its middleware stack cached. */
export const tuned = (): DynamoDBClientConfig => ({
  requestHandler: new UndiciHttpHandler({ dispatcher: new Agent({ connections: 50 }) }),
  cacheMiddleware: true
})

const key = { pk: "user#1", sk: "profile" }
const rawCommand = () => new GetItemCommand({ TableName: "bench", Key: { pk: { S: "user#1" }, sk: { S: "profile" } } })

/** The lean Layer's two ways, named as the tables name them. */
const leanWays = [
  ["lean HttpClient Layer (node:http)", HttpClient.nodeHttp],
  ["lean HttpClient Layer (undiciPool)", HttpClient.undiciPool(() => import("undici"))]
] as const

const setup = async () => {
  const server = await cannedServer({ Item: storedItem })
  const credentials = { accessKeyId: "AKIDBENCHMARK", secretAccessKey: Redacted.make(secret) }
  const base = { region, endpoint: server.endpoint, credentials }
  const runtimes = {
    sdkDefault: ManagedRuntime.make(DynamoClient.layer(base)),
    sdkTuned: ManagedRuntime.make(DynamoClient.layer({ ...base, sdk: tuned() })),
    lean: leanWays.map(([, connections]) => ManagedRuntime.make(HttpClient.layer({ ...base, connections }) as Layer.Layer<DynamoClient.DynamoClient>))
  }
  const rawConfig = { region, endpoint: server.endpoint, credentials: { accessKeyId: "AKIDBENCHMARK", secretAccessKey: secret } }
  const raw = { default: new DynamoDBClient(rawConfig), tuned: new DynamoDBClient({ ...rawConfig, ...tuned() }) }
  const all = [runtimes.sdkDefault, runtimes.sdkTuned, ...runtimes.lean]
  for (const runtime of all) {
    const check = await runtime.runPromise(execute(getItem("bench", key)))
    if (check.item?.["name"] !== "Ada Lovelace") throw new Error(`P7: unexpected result ${JSON.stringify(check.item)}`)
  }
  return {
    runtimes,
    raw,
    close: async () => {
      for (const runtime of all) await runtime.dispose()
      raw.default.destroy()
      raw.tuned.destroy()
      await server.close()
    }
  }
}

const row = (m: Measured, reference: Measured) => ({
  contender: m.name,
  figure: `CPU ${formatNs(m.cpuMedian)} / call (${Math.round(1e9 / m.cpuMedian).toLocaleString("en")} calls/s per core) · wall ${formatNs(m.median)}`,
  ratio: reference === m ? "" : `CPU ${formatRatio(cpuRatio(m, reference))} · wall ${formatRatio(ratio(m, reference))}`
})

export const runP7 = async (settings: Settings): Promise<Section> => {
  const { runtimes, raw, close } = await setup()
  try {
    // `PER_RUN` executes, `IN_FLIGHT` at a time, in one Effect program.
    const program = Effect.forEach(Array.from({ length: PER_RUN }), () => execute(getItem("bench", key)), { concurrency: IN_FLIGHT, discard: true })
    const all = (await measureAsync(
      [
        ...leanWays.map(([name], i) => ({ name: `${name}: execute`, run: () => runtimes.lean[i]!.runPromise(program), calls: PER_RUN })),
        { name: "SDK Layer, default: execute", run: () => runtimes.sdkDefault.runPromise(program), calls: PER_RUN },
        { name: "SDK Layer, best tuned: execute", run: () => runtimes.sdkTuned.runPromise(program), calls: PER_RUN },
        { name: "context: raw SDK default client.send", run: inFlight(() => raw.default.send(rawCommand()), IN_FLIGHT, PER_WORKER), calls: PER_RUN },
        { name: "context: raw SDK best tuned client.send", run: inFlight(() => raw.tuned.send(rawCommand()), IN_FLIGHT, PER_WORKER), calls: PER_RUN }
      ],
      settings
    )) as [Measured, Measured, Measured, Measured, Measured, Measured]
    const [leanNode, leanUndici, sdkDefault, sdkTuned] = all
    // Calls per core is the inverse of CPU per call: the lean Layer's gain is the SDK's CPU ÷ its own.
    const gains = { node: { vsTuned: 1 / cpuRatio(leanNode, sdkTuned), vsDefault: 1 / cpuRatio(leanNode, sdkDefault) }, undici: { vsTuned: 1 / cpuRatio(leanUndici, sdkTuned), vsDefault: 1 / cpuRatio(leanUndici, sdkDefault) } }
    const targets: Array<Target> = leanWays.flatMap(([name], i) => {
      const { vsTuned, vsDefault } = i === 0 ? gains.node : gains.undici
      return [
        { label: `${name} calls/s per core vs SDK Layer best tuned`, value: vsTuned, target: "≥ 3×", met: vsTuned >= 3 },
        { label: `${name} calls/s per core vs SDK Layer default`, value: vsDefault, target: "≥ 5×", met: vsDefault >= 5 }
      ]
    })
    return {
      id: "P7",
      title: `calls per core: GetItem on a loopback server answering at once, ${IN_FLIGHT} in flight, through execute`,
      rows: all.map((m) => row(m, leanNode)),
      targets,
      notes: [
        "CPU = process CPU time per call, the in-process server's share included; calls/s per core = 1 s ÷ CPU per call",
        "ratio = contender ÷ lean on node:http (CPU, wall), median over rounds; best tuned = @smithy/undici-http-handler on an undici Agent + cacheMiddleware: true",
        `each run: ${PER_RUN} calls, ${IN_FLIGHT} in flight (execute: Effect.forEach with concurrency ${IN_FLIGHT}; raw: ${IN_FLIGHT} promise workers)`
      ],
      data: { ...figures(all), gains }
    }
  } finally {
    await close()
  }
}

export const runP2Lean = async (settings: Settings): Promise<Section> => {
  const { runtimes, raw, close } = await setup()
  try {
    const all = (await measureAsync(
      [
        { name: "raw SDK default client.send", run: () => raw.default.send(rawCommand()) },
        { name: "raw SDK best tuned client.send", run: () => raw.tuned.send(rawCommand()) },
        ...leanWays.map(([name], i) => ({ name: `${name}: runtime.runPromise(execute(getItem))`, run: () => runtimes.lean[i]!.runPromise(execute(getItem("bench", key))) })),
        { name: "context: SDK Layer default: runtime.runPromise(execute(getItem))", run: () => runtimes.sdkDefault.runPromise(execute(getItem("bench", key))) }
      ],
      settings
    )) as [Measured, Measured, Measured, Measured, Measured]
    const [rawDefault, rawTuned, ...rest] = all
    const ratios = leanWays.map((_, i) => ({ vsDefault: ratio(all[2 + i]!, rawDefault), vsTuned: ratio(all[2 + i]!, rawTuned) }))
    return {
      id: "P2L",
      title: "lean execution: GetItem one call at a time on a loopback server answering at once",
      rows: [
        { contender: rawDefault.name, figure: `${formatNs(rawDefault.median)} / call (CPU ${formatNs(rawDefault.cpuMedian)})`, ratio: "1 (floor)" },
        ...[rawTuned, ...rest].map((m) => ({
          contender: m.name,
          figure: `${formatNs(m.median)} / call (CPU ${formatNs(m.cpuMedian)})`,
          ratio: `${formatRatio(ratio(m, rawDefault))} of default · ${formatRatio(ratio(m, rawTuned))} of tuned`
        }))
      ],
      targets: leanWays.flatMap(([name], i) => {
        const { vsDefault, vsTuned } = ratios[i]!
        return [
          { label: `${name} execute(getItem) vs raw SDK default`, value: vsDefault, target: "≤ 0.4×", met: vsDefault <= 0.4 },
          { label: `${name} execute(getItem) vs raw SDK best tuned`, value: vsTuned, target: "≤ 0.4×", met: vsTuned <= 0.4 }
        ]
      }),
      notes: [
        "the lean Layer's figure includes the Effect runtime (runPromise), building the request and decoding the item; the raw calls get hand-written AttributeValues and return the SDK output",
        "ratio = median over rounds of (contender ÷ raw) in the same round, wall clock"
      ],
      data: { ...figures(all), ratios }
    }
  } finally {
    await close()
  }
}
