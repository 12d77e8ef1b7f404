/**
 * P5's worker: one contender scans the whole table once, in a process of its own, and reports to the parent how
 * many items it counted, how long the scan took and how much the process's peak RSS grew during it.
 *
 * Run by `bench.ts` (`fork`), with `--expose-gc`: argv = contender name, endpoint, table name.
 */
import { performance } from "node:perf_hooks"
import { DescribeTableCommand, DynamoDBClient, paginateScan } from "@aws-sdk/client-dynamodb"
import { DynamoDBDocumentClient, paginateScan as paginateDocumentScan } from "@aws-sdk/lib-dynamodb"
import { DynamoClient, Pages, scan } from "dynofunc"
import { protocol } from "dynofunc/sdk"
import { Effect, Stream } from "effect"

export const contenders = ["raw paginateScan", "DocumentClient paginateScan", "dynofunc Pages.items", "dynofunc Pages.items, buffer 1"] as const
export type Contender = (typeof contenders)[number]

/** What one scan reports to the parent. */
export interface Report {
  readonly contender: Contender
  readonly items: number
  readonly ms: number
  /** Peak RSS during the scan (sampled every 5 ms, and at the end) minus RSS before it (after a GC), in bytes. */
  readonly rssGrowth: number
}

const scanWith = (contender: Contender, client: DynamoDBClient, table: string): Promise<number> => {
  switch (contender) {
    case "raw paginateScan":
      return (async () => {
        let items = 0
        for await (const page of paginateScan({ client }, { TableName: table })) items += page.Items?.length ?? 0
        return items
      })()
    case "DocumentClient paginateScan":
      return (async () => {
        let items = 0
        for await (const page of paginateDocumentScan({ client: DynamoDBDocumentClient.from(client) }, { TableName: table })) {
          items += page.Items?.length ?? 0
        }
        return items
      })()
    case "dynofunc Pages.items":
    case "dynofunc Pages.items, buffer 1":
      return Effect.runPromise(
        Stream.runCount(Pages.items(scan(table), { buffer: contender === "dynofunc Pages.items" ? 0 : 1 })).pipe(
          Effect.provide(DynamoClient.layerFromSdk(client))
        )
      )
  }
}

const main = async () => {
  const [contender, endpoint, table] = process.argv.slice(2) as [Contender, string, string]
  const ours = contender.startsWith("dynofunc")
  // dynofunc's side gets the client `DynamoClient.layer` would build: the SDK's, with dynofunc's protocol.
  const client = new DynamoDBClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    ...(ours && { protocol })
  })
  await client.send(new DescribeTableCommand({ TableName: table })) // the connection and the SDK's lazy parts, before measuring
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const before = process.memoryUsage.rss()
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 5)
  const start = performance.now()
  const items = await scanWith(contender, client, table)
  const ms = performance.now() - start
  clearInterval(sampler)
  const rssGrowth = Math.max(peak, process.memoryUsage.rss()) - before
  client.destroy()
  process.send?.({ contender, items, ms, rssGrowth } satisfies Report)
}

if (process.send !== undefined) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
