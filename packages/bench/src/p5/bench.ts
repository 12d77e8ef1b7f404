/**
 * P5 — a 100,000-item scan streamed to a counter on DynamoDB Local: dynofunc's `Pages.items(scan(table))` into
 * `Stream.runCount` vs the raw SDK's `paginateScan` loop counting `page.Items.length` (and the DocumentClient's
 * `paginateScan`). After one uncounted scan that warms the server up, each scan runs in a fresh child process (`scan.ts`), so that its RSS growth is its own; rounds
 * run every contender once, in a rotating order; figures are medians over rounds, ratios medians of per-round ratios.
 */
import { fork } from "node:child_process"
import { fileURLToPath } from "node:url"
import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
import { DynamoDBLocal } from "@dynofunc/testing"
import { async } from "dynofunc/adapter"
import { Effect } from "effect"
import { median } from "../harness.js"
import { formatRatio, type Row, type Section, type Target } from "../report.js"
import { createTable, writeAll } from "../tables.js"
import { type Contender, contenders, type Report } from "./scan.js"

export interface P5Settings {
  readonly items: number
  readonly rounds: number
}

const table = "p5-scan"

/** Item `i`: a key and nine attributes of the usual kinds, about 250 bytes. */
const item = (i: number) => ({
  pk: { S: `user#${i.toString().padStart(6, "0")}` },
  name: { S: `User number ${i}` },
  email: { S: `user${i}@example.com` },
  age: { N: String(18 + (i % 60)) },
  balance: { N: (i * 1.25).toFixed(2) },
  active: { BOOL: i % 3 !== 0 },
  address: { M: { street: { S: `${i} Main Street` }, city: { S: "Springfield" }, zip: { S: String(10000 + (i % 90000)) } } },
  tags: { L: [{ S: "customer" }, { S: i % 2 === 0 ? "even" : "odd" }] },
  roles: { SS: ["user", ...(i % 10 === 0 ? ["admin"] : [])] },
  created: { N: String(1_700_000_000 + i) }
})

const load = (endpoint: string, count: number) =>
  Effect.promise(async () => {
    const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } })
    await createTable(client, table, ["pk"])
    await writeAll(client, table, count, item)
    client.destroy()
  })

const worker = fileURLToPath(new URL("./scan.ts", import.meta.url))

/** One scan by `contender` in a child process of its own. */
const scanOnce = (contender: Contender, endpoint: string) =>
  async<Report, Error>((resume) => {
    const child = fork(worker, [contender, endpoint, table], { execArgv: [...process.execArgv, "--expose-gc"], stdio: "inherit" })
    let report: Report | undefined
    child.on("message", (message) => {
      report = message as Report
    })
    child.on("exit", (code) =>
      resume(report === undefined ? Effect.fail(new Error(`P5: ${contender} exited with ${code} and no report`)) : Effect.succeed(report))
    )
    return Effect.sync(() => child.kill())
  })

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export const runP5 = (settings: P5Settings): Promise<Section> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const engine = yield* DynamoDBLocal.make({ jvmArgs: [] }) // full JIT: the server is not the contenders' bottleneck
        yield* load(engine.endpoint, settings.items)
        yield* scanOnce("raw paginateScan", engine.endpoint) // warms the server up; not counted
        const reports = new Map<Contender, Array<Report>>(contenders.map((c) => [c, []]))
        for (let round = 0; round < settings.rounds; round++) {
          for (let k = 0; k < contenders.length; k++) {
            const contender = contenders[(k + round) % contenders.length]!
            const report = yield* scanOnce(contender, engine.endpoint)
            if (report.items !== settings.items) {
              return yield* Effect.die(new Error(`P5: ${contender} counted ${report.items} items, not ${settings.items}`))
            }
            reports.get(contender)!.push(report)
          }
        }
        const reference = reports.get("raw paginateScan")!
        const perRound = (contender: Contender, figure: (r: Report) => number) =>
          median(reports.get(contender)!.map((r, round) => figure(r) / figure(reference[round]!)))
        const rows: Array<Row> = []
        const targets: Array<Target> = []
        for (const contender of contenders) {
          const mine = reports.get(contender)!
          const time = perRound(contender, (r) => r.ms)
          const rss = perRound(contender, (r) => r.rssGrowth)
          const figure = `${(median(mine.map((r) => r.ms)) / 1000).toFixed(2)} s · RSS +${mb(median(mine.map((r) => r.rssGrowth)))}`
          const isReference = contender === "raw paginateScan"
          rows.push({ contender, figure, ratio: isReference ? "1 (reference)" : `time ${formatRatio(time)} · RSS ${formatRatio(rss)}` })
          if (contender.startsWith("dynofunc")) {
            targets.push({ label: `${contender}: time vs raw paginateScan`, value: time, target: "≤ 1.05×", met: time <= 1.05 })
            targets.push({ label: `${contender}: RSS growth vs raw paginateScan`, value: rss, target: "≤ 1.0×", met: rss <= 1.0 })
          }
        }
        return {
          id: "P5",
          title: `a ${settings.items.toLocaleString("en")}-item scan streamed to a counter, DynamoDB Local ${DynamoDBLocal.version} (${settings.rounds} rounds, one process per scan)`,
          rows,
          targets,
          notes: [
            "raw paginateScan counts page.Items.length on AttributeValue maps; the DocumentClient and dynofunc unmarshal every item to plain JS",
            "dynofunc runs on the SDK client DynamoClient.layer builds (with `protocol` from dynofunc/sdk); buffer 1 fetches the next page while the current one is counted",
            "RSS growth: peak RSS during the scan (sampled every 5 ms) minus RSS before it, after a GC"
          ],
          data: Object.fromEntries([...reports].map(([c, rs]) => [c, rs.map(({ ms, rssGrowth }) => ({ ms, rssGrowth }))]))
        } satisfies Section
      })
    )
  )
