/**
 * P4 — a 10,000-item batch write on DynamoDB Local: dynofunc's `BatchWrite.run` (8 requests in flight) vs
 * `@aws/dynamodb-batch-iterator` (one request at a time, as it is written) and vs a hand-written loop of 8 workers
 * sending raw `BatchWriteItemCommand`s of 25 (resending `UnprocessedItems`). Every contender starts from the same
 * plain JS items and marshals them itself (`@aws-sdk/util-dynamodb` for the two others), writes into a fresh table,
 * and the table's item count is checked afterwards: 10,000, or the run fails. Rounds interleave the contenders in
 * a rotating order; a figure is the median items/s over rounds, a ratio the median of per-round ratios.
 */
import {
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  DeleteTableCommand,
  DynamoDBClient,
  ScanCommand,
  type WriteRequest
} from "@aws-sdk/client-dynamodb"
import { BatchWrite as BatchIterator } from "@aws/dynamodb-batch-iterator"
import { marshall } from "@aws-sdk/util-dynamodb"
import { DynamoDBLocal } from "@dynofunc/testing"
import { BatchWrite, DynamoClient } from "dynofunc"
import { protocol } from "dynofunc/sdk"
import { Effect, ManagedRuntime } from "effect"
import { performance } from "node:perf_hooks"
import { median } from "../harness.js"
import { formatRatio, type Row, type Section, type Target } from "../report.js"
import { createTable } from "../tables.js"

export interface P4Settings {
  readonly items: number
  readonly rounds: number
}

type Plain = Record<string, unknown>

const makeItems = (count: number): ReadonlyArray<Plain> =>
  Array.from({ length: count }, (_, i) => ({
    pk: `order#${i.toString().padStart(6, "0")}`,
    customer: `customer#${i % 97}`,
    total: Math.round(i * 7.31) / 100,
    status: i % 3 === 0 ? "shipped" : "open",
    lines: [{ sku: `sku-${i % 13}`, quantity: 1 + (i % 4) }],
    tags: new Set(["bench", `t${i % 5}`])
  }))

interface Contender {
  readonly name: string
  readonly write: (table: string, items: ReadonlyArray<Plain>) => Promise<void>
}

/** Eight workers taking the next 25 items, each resending its leftovers until none are left. */
const rawLoop = (client: DynamoDBClient): Contender => ({
  name: "raw BatchWriteItemCommand × 8 workers",
  write: async (table, items) => {
    let next = 0
    const worker = async () => {
      while (next < items.length) {
        const chunk = items.slice(next, next + 25)
        next += 25
        let requests: Record<string, Array<WriteRequest>> | undefined = {
          [table]: chunk.map((item) => ({ PutRequest: { Item: marshall(item) } }))
        }
        while (requests !== undefined && Object.keys(requests).length > 0) {
          const output: { readonly UnprocessedItems?: Record<string, Array<WriteRequest>> | undefined } = await client.send(new BatchWriteItemCommand({ RequestItems: requests }))
          requests = output.UnprocessedItems
        }
      }
    }
    await Promise.all(Array.from({ length: 8 }, worker))
  }
})

/** The batch iterator takes a v2-style client (`batchWriteItem(input).promise()`): this adapter sends with v3. */
const batchIterator = (client: DynamoDBClient): Contender => {
  const v2 = { batchWriteItem: (input: BatchWriteItemCommandInput) => ({ promise: () => client.send(new BatchWriteItemCommand(input)) }) }
  return {
    name: "@aws/dynamodb-batch-iterator",
    write: async (table, items) => {
      // Its types are aws-sdk v2's (not installed); the v3 shapes are the same JSON.
      const writes = items.map((item) => [table, { PutRequest: { Item: marshall(item) } }]) as never
      for await (const _ of new BatchIterator(v2 as never, writes)) {
        // each write as it is done
      }
    }
  }
}

const dynofunc = (runtime: ManagedRuntime.ManagedRuntime<DynamoClient.DynamoClient, never>): Contender => ({
  name: "dynofunc BatchWrite.run",
  write: async (table, items) => {
    await runtime.runPromise(BatchWrite.run(items.map((put) => ({ table, put })), { keys: { [table]: ["pk"] } }))
  }
})

const countItems = async (client: DynamoDBClient, table: string): Promise<number> => {
  let count = 0
  let start: Record<string, never> | undefined
  do {
    const page = await client.send(new ScanCommand({ TableName: table, Select: "COUNT", ExclusiveStartKey: start }))
    count += page.Count ?? 0
    start = page.LastEvaluatedKey as Record<string, never> | undefined
  } while (start !== undefined)
  return count
}

let tables = 0
const freshTable = async (client: DynamoDBClient): Promise<string> => {
  const name = `p4-${tables++}`
  await createTable(client, name, ["pk"])
  return name
}

export const runP4 = (settings: P4Settings): Promise<Section> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const engine = yield* DynamoDBLocal.make()
        const client = yield* Effect.acquireRelease(
          Effect.sync(
            () =>
              new DynamoDBClient({
                endpoint: engine.endpoint,
                region: "us-east-1",
                credentials: { accessKeyId: "local", secretAccessKey: "local" },
                protocol
              })
          ),
          (c) => Effect.sync(() => c.destroy())
        )
        const runtime = yield* Effect.acquireRelease(
          Effect.sync(() => ManagedRuntime.make(DynamoClient.layerFromSdk(client))),
          (r) => Effect.promise(() => r.dispose())
        )
        const items = makeItems(settings.items)
        const contenders = [batchIterator(client), rawLoop(client), dynofunc(runtime)]
        const samples = contenders.map(() => [] as Array<number>)
        /** This process's CPU time per contender run, in ms (the engine's own CPU is not counted). */
        const cpu = contenders.map(() => [] as Array<number>)
        yield* Effect.promise(async () => {
          // One warm-up round (JIT, sockets), not recorded.
          for (let round = -1; round < settings.rounds; round++) {
            for (let k = 0; k < contenders.length; k++) {
              const index = (k + Math.max(round, 0)) % contenders.length
              const contender = contenders[index]!
              const table = await freshTable(client)
              const start = performance.now()
              const cpuStart = process.cpuUsage()
              await contender.write(table, items)
              const seconds = (performance.now() - start) / 1000
              const used = process.cpuUsage(cpuStart)
              const stored = await countItems(client, table)
              if (stored !== items.length) throw new Error(`P4: ${contender.name} left ${stored} of ${items.length} items`)
              await client.send(new DeleteTableCommand({ TableName: table }))
              if (round >= 0) {
                samples[index]!.push(items.length / seconds)
                cpu[index]!.push((used.user + used.system) / 1000)
              }
            }
          }
        })
        const [iterator, raw, ours] = [samples[0]!, samples[1]!, samples[2]!]
        const ratio = (a: ReadonlyArray<number>, b: ReadonlyArray<number>) => median(a.map((value, round) => value / b[round]!))
        const vsIterator = ratio(ours, iterator)
        const vsRaw = ratio(ours, raw)
        const figure = (index: number) =>
          `${Math.round(median(samples[index]!)).toLocaleString("en")} items/s · client CPU ${Math.round(median(cpu[index]!))} ms`
        const rows: Array<Row> = [
          { contender: contenders[0]!.name, figure: figure(0), ratio: "", note: "one request in flight" },
          { contender: contenders[1]!.name, figure: figure(1), ratio: "" },
          { contender: contenders[2]!.name, figure: figure(2), ratio: `${formatRatio(vsIterator)} iterator · ${formatRatio(vsRaw)} raw` }
        ]
        const targets: Array<Target> = [
          { label: "BatchWrite.run vs batch-iterator (items/s)", value: vsIterator, target: "≥ 2.5×", met: vsIterator >= 2.5 },
          { label: "BatchWrite.run vs raw loop × 8 (items/s)", value: vsRaw, target: "≥ 0.95×", met: vsRaw >= 0.95 }
        ]
        return {
          id: "P4",
          title: `${settings.items.toLocaleString("en")}-item batch write on DynamoDB Local ${DynamoDBLocal.version} (${settings.rounds} rounds after a warm-up)`,
          rows,
          targets,
          notes: [
            "every contender marshals the same plain items and writes into a fresh table; the count is checked after each run (0 lost)",
            "one SDK client shared by all (with dynofunc/sdk's protocol); dynofunc is given the table's key names (no DescribeTable)"
          ],
          data: { iterator, raw, dynofunc: ours, cpuMs: cpu }
        } satisfies Section
      })
    )
  )
