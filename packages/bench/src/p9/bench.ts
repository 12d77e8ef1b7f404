/**
 * P9 — change streams end to end.
 *
 * 1. Throughput on DynamoDB Local: `records` changes written to a table with a stream of both images, then read from
 *    `TRIM_HORIZON` by dynofunc's `ChangeStream.entities` (each new image decoded with the `Events` Schema) and by a
 *    hand-written SDK poll loop (`unmarshall` from util-dynamodb), both on one `DynamoDBStreamsClient`, in rounds that
 *    alternate them after a warm-up round. Every read must see the same records in the same order, or the run fails.
 *    A figure is the median records/s over rounds, the ratio the median of per-round ratios.
 * 2. Latency on the same engine: a consumer from `latest` at the default settings (poll interval 1 second), one item
 *    written at a time after a random pause of up to one poll interval (so that writes fall anywhere in its polling
 *    cycle), timed from the `PutItem` sent to the record delivered.
 * 3. Memory: a slow consumer (a pause after every 1,000 records) reading a scripted stream (`backlog.ts`) whose
 *    writer stays `lag` records ahead of it, for each lag: the heap it holds after a GC, sampled every 1,000 records.
 */
import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb"
import { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams"
import { DynamoDBLocal } from "@dynofunc/testing"
import { ChangeStream, StreamsClient } from "dynofunc"
import { Effect, ManagedRuntime, Stream } from "effect"
import { performance } from "node:perf_hooks"
import { setTimeout as sleep } from "node:timers/promises"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { median, quantile } from "../harness.js"
import { formatRatio, type Row, type Section, type Target } from "../report.js"
import { createTable, writeAll } from "../tables.js"
import { lagging } from "./backlog.js"
import { dynofuncRead, event, Events, rawRead, storedEvent, type Tally } from "./events.js"

export interface P9Settings {
  /** Changes read end to end per round (throughput). */
  readonly records: number
  readonly rounds: number
  /** Writes timed one by one (latency). */
  readonly writes: number
  /** How far behind its stream's writer the slow consumer is, one memory run each. */
  readonly lags: ReadonlyArray<number>
  /** Heap samples per memory run (one per 1,000 records processed). */
  readonly samples: number
}

/** `ReadOptions.pollInterval`'s default: what the hand-written loop waits after an empty `GetRecords` too. */
const pollMs = 1000

const credentials = { accessKeyId: "local", secretAccessKey: "local" }

interface Throughput {
  readonly name: string
  /** Records per second, one figure per round. */
  readonly rates: ReadonlyArray<number>
  /** This process's CPU time per round, ms (the engine's is not counted). */
  readonly cpuMs: ReadonlyArray<number>
}

/** Rounds of both readers over the stream `arn` of `expected` records; fails when a read saw other records than the first. */
const throughput = async (readers: ReadonlyArray<{ readonly name: string; readonly read: () => Promise<Tally> }>, expected: number, rounds: number) => {
  const results = readers.map((reader) => ({ name: reader.name, rates: [] as Array<number>, cpuMs: [] as Array<number> }))
  let first: Tally | undefined
  for (let round = -1; round < rounds; round++) {
    for (let k = 0; k < readers.length; k++) {
      const index = (k + Math.max(round, 0)) % readers.length
      const cpu = process.cpuUsage()
      const start = performance.now()
      const tally = await readers[index]!.read()
      const seconds = (performance.now() - start) / 1000
      const used = process.cpuUsage(cpu)
      first ??= tally
      if (tally.count !== expected || !tally.same(first)) {
        throw new Error(`P9: ${readers[index]!.name} saw ${tally.count} records, not the ${expected} the first read saw`)
      }
      if (round >= 0) {
        results[index]!.rates.push(expected / seconds)
        results[index]!.cpuMs.push((used.user + used.system) / 1000)
      }
    }
  }
  return results satisfies ReadonlyArray<Throughput>
}

/**
 * Delays, in ms, from a `PutItem` of a new event sent to its record delivered by a consumer of `arn` from `latest`
 * at the default settings. Warm-up writes (not timed) until one is delivered: the consumer has its iterator then.
 */
const latencies = async (runtime: ManagedRuntime.ManagedRuntime<StreamsClient.StreamsClient, never>, dynamo: DynamoDBClient, table: string, arn: string, writes: number) => {
  const waiting = new Map<string, () => void>()
  const stop = new AbortController()
  const consumer = runtime.runPromiseExit(
    ChangeStream.entities([Events], { streamArn: arn }, { start: "latest" }).pipe(
      Stream.runForEach((change) => Effect.sync(() => waiting.get(change.newImage!.id)?.()))
    ),
    { signal: stop.signal }
  )
  let next = 0
  /** Writes the next event; answers when its record was delivered (ms after the write was sent), or undefined after `timeoutMs`. */
  const write = async (timeoutMs: number): Promise<number | undefined> => {
    const { id } = event(next)
    const delivered = new Promise<number>((resolve) => waiting.set(id, () => resolve(performance.now())))
    const start = performance.now()
    await dynamo.send(new PutItemCommand({ TableName: table, Item: storedEvent(next++) }))
    const end = await Promise.race([delivered, sleep(timeoutMs, undefined)])
    waiting.delete(id)
    return end === undefined ? undefined : end - start
  }
  try {
    while ((await write(3 * pollMs)) === undefined) {
      // the consumer had no iterator yet: that write came before its `latest`
    }
    const delays: Array<number> = []
    for (let i = 0; i < writes; i++) {
      await sleep(Math.random() * pollMs)
      const delay = await write(30_000)
      if (delay === undefined) throw new Error(`P9: write ${i} was not delivered within 30 s`)
      delays.push(delay)
    }
    return delays
  } finally {
    stop.abort()
    await consumer
  }
}

/** The garbage collector, whether or not the process was started with `--expose-gc`. */
const collector = (): (() => void) => {
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
}

interface Held {
  readonly lag: number
  /** Heap used after a GC while consuming, minus before, bytes: one figure per sample. */
  readonly heap: ReadonlyArray<number>
  /** Highest RSS while consuming, minus before, bytes. */
  readonly rss: number
}

/** What a slow consumer `lag` records behind its stream's writer holds (typed decoding on, default settings). */
const held = async (lag: number, samples: number, gc: () => void): Promise<Held> => {
  const backlog = lagging(lag)
  gc()
  const before = process.memoryUsage()
  const heap: Array<number> = []
  let rss = 0
  let seen = 0
  const sample = Effect.sync(() => {
    gc()
    const now = process.memoryUsage()
    heap.push(now.heapUsed - before.heapUsed)
    rss = Math.max(rss, now.rss - before.rss)
  })
  await Effect.runPromise(
    ChangeStream.entities([Events], { streamArn: backlog.streamArn }, { start: "trim-horizon" }).pipe(
      Stream.take(samples * 1000),
      Stream.runForEach(() => {
        backlog.processed(1)
        return ++seen % 1000 === 0 ? Effect.andThen(sample, Effect.sleep("5 millis")) : Effect.void
      }),
      Effect.provide(backlog.layer)
    )
  )
  // The first samples are taken while the reader is still filling its buffer.
  return { lag, heap: heap.slice(Math.min(2, heap.length - 1)), rss }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const rate = (perSecond: number) => `${Math.round(perSecond).toLocaleString("en")} records/s`

export const runP9 = async (settings: P9Settings): Promise<Section> => {
  const { reads, delays } = await Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const engine = yield* DynamoDBLocal.make({ jvmArgs: [] }) // full JIT: the server is not the contenders' bottleneck
        const config = { endpoint: engine.endpoint, region: "us-east-1", credentials }
        const dynamo = yield* Effect.acquireRelease(Effect.sync(() => new DynamoDBClient(config)), (c) => Effect.sync(() => c.destroy()))
        const streams = yield* Effect.acquireRelease(Effect.sync(() => new DynamoDBStreamsClient(config)), (c) => Effect.sync(() => c.destroy()))
        const runtime = yield* Effect.acquireRelease(
          Effect.sync(() => ManagedRuntime.make(StreamsClient.layerFromSdk(streams))),
          (r) => Effect.promise(() => r.dispose())
        )
        // Names of this run's own: an engine given by DYNOFUNC_DYNAMODB_ENDPOINT may hold an earlier run's tables.
        const [throughputTable, latencyTable] = ["throughput", "latency"].map((part) => `p9-${part}-${Date.now().toString(36)}`) as [string, string]
        return yield* Effect.promise(async () => {
          const arn = (await createTable(dynamo, throughputTable, ["pk"], "NEW_AND_OLD_IMAGES"))!
          await writeAll(dynamo, throughputTable, settings.records, storedEvent)
          const readers = [
            { name: "raw SDK poll loop + unmarshall", read: () => rawRead(streams, arn, settings.records, pollMs) },
            { name: "dynofunc ChangeStream.entities (typed)", read: () => runtime.runPromise(dynofuncRead(arn, settings.records)) }
          ]
          const reads = await throughput(readers, settings.records, settings.rounds)
          const latencyArn = (await createTable(dynamo, latencyTable, ["pk"], "NEW_AND_OLD_IMAGES"))!
          const delays = await latencies(runtime, dynamo, latencyTable, latencyArn, settings.writes)
          return { reads, delays }
        })
      })
    )
  )
  const gc = collector()
  const memory: Array<Held> = []
  for (const lag of settings.lags) memory.push(await held(lag, settings.samples, gc))

  const [raw, ours] = [reads[0]!, reads[1]!]
  const vsRaw = median(ours.rates.map((value, round) => value / raw.rates[round]!))
  const figure = (t: Throughput) => `${rate(median(t.rates))} · client CPU ${Math.round(median(t.cpuMs))} ms`
  const p50 = quantile(delays, 0.5)
  const p95 = quantile(delays, 0.95)
  const heldAt = memory.map((m) => median(m.heap))
  const growth = heldAt[heldAt.length - 1]! / heldAt[0]!
  const smallest = memory[0]!.lag.toLocaleString("en")
  const largest = memory[memory.length - 1]!.lag.toLocaleString("en")
  const rows: Array<Row> = [
    { contender: raw.name, figure: figure(raw), ratio: "1 (reference)" },
    { contender: ours.name, figure: figure(ours), ratio: formatRatio(vsRaw) },
    { contender: "write → delivered, default poll interval (1 s)", figure: `p50 ${p50.toFixed(0)} ms · p95 ${p95.toFixed(0)} ms`, ratio: "", note: `${delays.length} writes` },
    ...memory.map((m, i) => ({
      contender: `slow consumer ${m.lag.toLocaleString("en")} records behind`,
      figure: `heap held ${mb(heldAt[i]!)} · RSS +${mb(m.rss)}`,
      ratio: i === 0 ? "" : `${formatRatio(heldAt[i]! / heldAt[0]!)} the heap at ${smallest}`
    }))
  ]
  const targets: Array<Target> = [
    { label: "ChangeStream.entities vs raw SDK poll loop (records/s)", value: vsRaw, target: "≥ 1.0×", met: vsRaw >= 1.0 },
    { label: `heap held ${largest} behind vs ${smallest} behind`, value: growth, target: "≤ 1.2×", met: growth <= 1.2 }
  ]
  return {
    id: "P9",
    title: `change streams end to end: ${settings.records.toLocaleString("en")} records read on DynamoDB Local ${DynamoDBLocal.version} (${settings.rounds} rounds after a warm-up), ${delays.length} timed writes, a slow consumer`,
    rows,
    targets,
    notes: [
      "throughput: both read the same stream from TRIM_HORIZON through one DynamoDBStreamsClient; each read is checked to see the same records in the same order",
      "the raw loop reads the shards one after the other and unmarshalls each new image (no validation); dynofunc decodes each with the entity's Schema and reads ahead (buffer 16 batches)",
      "latency: a consumer from `latest` at the default settings; each write after a random pause of up to 1 s, timed from PutItem sent to the record delivered",
      "memory: a scripted StreamsClient whose writer stays the lag ahead (records made on demand), a consumer pausing 5 ms per 1,000 records; heap after a GC, median of samples taken every 1,000 records; read-ahead is bounded by the buffer (16 batches of up to 1,000 records)"
    ],
    data: {
      recordsPerSecond: Object.fromEntries(reads.map((t) => [t.name, t.rates])),
      cpuMs: Object.fromEntries(reads.map((t) => [t.name, t.cpuMs])),
      latencyMs: delays,
      memory: memory.map(({ lag, heap, rss }) => ({ lag, heapBytes: heap, rssBytes: rss }))
    }
  } satisfies Section
}
