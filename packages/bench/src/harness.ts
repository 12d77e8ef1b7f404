/**
 * A small measurement harness built for ratios on a noisy, shared machine.
 *
 * - Every contender of a benchmark runs in the same process, in interleaved rounds: round r runs a batch of each
 *   contender back to back (in a rotating order), so a slow moment hits every contender of that round alike.
 * - A batch's size is calibrated once (from how long a window of calls really lasted) so that it lasts about
 *   `batchMs`, at least one call; a round's figure is time / iterations.
 * - The figure of a contender is the median over rounds; a ratio is the median over rounds of the per-round ratio
 *   (contender ÷ reference), which cancels the drift of absolute times between rounds.
 */
import { performance } from "node:perf_hooks"

/** A value the optimizer cannot prove unused. */
export let sink: unknown = undefined
export const consume = (value: unknown): void => {
  sink = value
}

export interface SyncCase {
  readonly name: string
  readonly run: () => unknown
}

export interface AsyncCase {
  readonly name: string
  readonly run: () => Promise<unknown>
  /** How many calls one `run` makes (a loop in a fiber, workers in flight): figures are per call. Default 1. */
  readonly calls?: number
}

export interface Settings {
  /** How many interleaved rounds. */
  readonly rounds: number
  /** How long one batch of one contender should last. */
  readonly batchMs: number
  /** Warm-up time per contender before calibration (lets the JIT settle). */
  readonly warmupMs: number
}

export interface Measured {
  readonly name: string
  /** Nanoseconds per call (wall clock), one figure per round. */
  readonly samples: ReadonlyArray<number>
  /** Median of `samples`. */
  readonly median: number
  /** Nanoseconds of process CPU time (user + system) per call, one figure per round. */
  readonly cpuSamples: ReadonlyArray<number>
  /** Median of `cpuSamples`. */
  readonly cpuMedian: number
}

export const median = (values: ReadonlyArray<number>): number => quantile(values, 0.5)

/** The q-quantile (0..1) with linear interpolation. */
export const quantile = (values: ReadonlyArray<number>, q: number): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low)
}

/** `m` measured over runs of `calls` calls each, as figures per call. */
const perCall = (m: Measured, calls: number): Measured =>
  calls === 1
    ? m
    : {
        ...m,
        samples: m.samples.map((x) => x / calls),
        median: m.median / calls,
        cpuSamples: m.cpuSamples.map((x) => x / calls),
        cpuMedian: m.cpuMedian / calls
      }

/** The median over rounds of `contender[r] / reference[r]` (wall clock). */
export const ratio = (contender: Measured, reference: Measured): number =>
  median(contender.samples.map((value, round) => value / reference.samples[round]!))

/** The median over rounds of `contender[r] / reference[r]` (CPU time). */
export const cpuRatio = (contender: Measured, reference: Measured): number =>
  median(contender.cpuSamples.map((value, round) => value / reference.cpuSamples[round]!))

const cpuNow = (): number => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) * 1000
}

interface Sample {
  readonly wall: number
  readonly cpu: number
}

const summarize = (name: string, samples: ReadonlyArray<Sample>): Measured => {
  const wall = samples.map((s) => s.wall)
  const cpu = samples.map((s) => s.cpu)
  return { name, samples: wall, median: median(wall), cpuSamples: cpu, cpuMedian: median(cpu) }
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc
  if (collect !== undefined) collect()
}

/** How many calls of `run` fit in a window, and how long the window really lasted (a slow call overshoots it). */
interface Calibration {
  readonly calls: number
  readonly elapsedMs: number
}

/**
 * Calls `run` for about `ms`, checking the clock after 1, 2, 4, 8 and then every 16 calls: a fast contender is not
 * slowed by reading the clock, and a slow one (a batch of 1,000 items takes ~0.4 s for some) overshoots the window by
 * at most the time already spent.
 */
const runSyncFor = (run: () => unknown, ms: number): Calibration => {
  const start = performance.now()
  let count = 0
  let step = 1
  let now = start
  while (now - start < ms) {
    for (let i = 0; i < step; i++) consume(run())
    count += step
    if (step < 16) step *= 2
    now = performance.now()
  }
  return { calls: count, elapsedMs: now - start }
}

/** Iterations of a batch lasting about `batchMs`, from a calibration window (at least one). */
const batchIterations = ({ calls, elapsedMs }: Calibration, batchMs: number): number =>
  Math.max(1, Math.round((calls * batchMs) / Math.max(elapsedMs, 1e-3)))

const runSyncBatch = (run: () => unknown, iterations: number): Sample => {
  const cpu = cpuNow()
  const start = performance.now()
  for (let i = 0; i < iterations; i++) consume(run())
  const wall = ((performance.now() - start) * 1e6) / iterations
  return { wall, cpu: (cpuNow() - cpu) / iterations }
}

/** Measures synchronous contenders in interleaved rounds. */
export const measureSync = (cases: ReadonlyArray<SyncCase>, settings: Settings): Array<Measured> => {
  const iterations = cases.map((c) => {
    runSyncFor(c.run, settings.warmupMs)
    return batchIterations(runSyncFor(c.run, Math.max(5, settings.batchMs / 4)), settings.batchMs)
  })
  const samples = cases.map(() => [] as Array<Sample>)
  for (let round = 0; round < settings.rounds; round++) {
    gc()
    for (let k = 0; k < cases.length; k++) {
      const index = (k + round) % cases.length
      samples[index]!.push(runSyncBatch(cases[index]!.run, iterations[index]!))
    }
  }
  return cases.map((c, i) => summarize(c.name, samples[i]!))
}

const runAsyncFor = async (run: () => Promise<unknown>, ms: number): Promise<Calibration> => {
  const start = performance.now()
  let count = 0
  let now = start
  while (now - start < ms) {
    consume(await run())
    count++
    now = performance.now()
  }
  return { calls: count, elapsedMs: now - start }
}

const runAsyncBatch = async (run: () => Promise<unknown>, iterations: number): Promise<Sample> => {
  const cpu = cpuNow()
  const start = performance.now()
  for (let i = 0; i < iterations; i++) consume(await run())
  const wall = ((performance.now() - start) * 1e6) / iterations
  return { wall, cpu: (cpuNow() - cpu) / iterations }
}

/**
 * A run of `calls` calls of `one` by each of `workers` promise workers: `workers` calls in flight, as a caller without
 * Effect keeps them (give the case `calls: workers × calls`).
 */
export const inFlight = (one: () => Promise<unknown>, workers: number, calls: number) => async (): Promise<void> => {
  const worker = async () => {
    for (let i = 0; i < calls; i++) consume(await one())
  }
  await Promise.all(Array.from({ length: workers }, worker))
}

/** The per-call figures of `results` by contender name, for a section's `data`. */
export const figures = (results: ReadonlyArray<Measured>) => ({
  nsPerCall: Object.fromEntries(results.map((m) => [m.name, m.median])),
  cpuNsPerCall: Object.fromEntries(results.map((m) => [m.name, m.cpuMedian]))
})

/** Measures asynchronous contenders (each run awaited before the next) in interleaved rounds; figures per call. */
export const measureAsync = async (cases: ReadonlyArray<AsyncCase>, settings: Settings): Promise<Array<Measured>> => {
  const iterations: Array<number> = []
  for (const c of cases) {
    await runAsyncFor(c.run, settings.warmupMs)
    iterations.push(batchIterations(await runAsyncFor(c.run, Math.max(5, settings.batchMs / 4)), settings.batchMs))
  }
  const samples = cases.map(() => [] as Array<Sample>)
  for (let round = 0; round < settings.rounds; round++) {
    gc()
    for (let k = 0; k < cases.length; k++) {
      const index = (k + round) % cases.length
      samples[index]!.push(await runAsyncBatch(cases[index]!.run, iterations[index]!))
    }
  }
  return cases.map((c, i) => perCall(summarize(c.name, samples[i]!), c.calls ?? 1))
}

export interface Latencies {
  readonly name: string
  /** Every call's latency, nanoseconds. */
  readonly samples: ReadonlyArray<number>
  readonly p50: number
  readonly p99: number
}

/**
 * Measures per-call latency of asynchronous contenders, alternating them call by call (in a rotating order), so
 * both see the same server and the same machine load. After `warmup` calls each, `calls` calls each are recorded.
 */
export const measureLatencies = async (
  cases: ReadonlyArray<AsyncCase>,
  options: { readonly warmup: number; readonly calls: number }
): Promise<Array<Latencies>> => {
  for (let i = 0; i < options.warmup; i++) for (const c of cases) await c.run()
  const samples = cases.map(() => [] as Array<number>)
  for (let i = 0; i < options.calls; i++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (k + i) % cases.length
      const start = performance.now()
      consume(await cases[index]!.run())
      samples[index]!.push((performance.now() - start) * 1e6)
    }
  }
  return cases.map((c, i) => ({
    name: c.name,
    samples: samples[i]!,
    p50: quantile(samples[i]!, 0.5),
    p99: quantile(samples[i]!, 0.99)
  }))
}
