/**
 * P3 — end to end on DynamoDB Local: GetItem and PutItem through dynofunc (`runtime.runPromise(execute(...))`)
 * vs the raw SDK (`client.send(...)` with a hand-written AttributeValue input), on one SDK client each, one DynamoDB
 * Local started for the run. Calls alternate one by one (raw, dynofunc, raw, …) so all see the same server and
 * machine; p50 and p99 of per-call latency. Beside them (P3 lean): dynofunc on the lean `HttpClient` Layer, and the
 * raw SDK best tuned (`@smithy/undici-http-handler` + `cacheMiddleware`).
 */
import {
  DynamoDBClient,
  type DynamoDBClientConfig,
  GetItemCommand,
  PutItemCommand
} from "@aws-sdk/client-dynamodb"
import { DynamoDBLocal } from "@dynofunc/testing"
import { DynamoClient, HttpClient, execute, getItem, putItem } from "dynofunc"
import { protocol } from "dynofunc/sdk"
import { Effect, ManagedRuntime, Redacted } from "effect"
import { measureLatencies, type Latencies } from "../harness.js"
import { formatNs, formatRatio, type Row, type Section, type Target } from "../report.js"
import { createTable } from "../tables.js"
import { storedItem } from "../p2/bench.js"
import { tuned } from "../p7/bench.js"

export interface P3Settings {
  readonly warmup: number
  readonly calls: number
}

/** The item PutItem writes, as plain JS (dynofunc) and as AttributeValues (raw SDK): the same 10 attributes. */
const plainItem = {
  pk: "user#2",
  sk: "profile",
  name: "Grace Hopper",
  email: "grace@example.com",
  age: 85,
  balance: 99.5,
  active: true,
  address: { street: "1 Navy Way", city: "Arlington", zip: "22202" },
  tags: ["cobol", "compilers"],
  roles: new Set(["admin", "user"])
}
const attributeItem = {
  pk: { S: "user#2" },
  sk: { S: "profile" },
  name: { S: "Grace Hopper" },
  email: { S: "grace@example.com" },
  age: { N: "85" },
  balance: { N: "99.5" },
  active: { BOOL: true },
  address: { M: { street: { S: "1 Navy Way" }, city: { S: "Arlington" }, zip: { S: "22202" } } },
  tags: { L: [{ S: "cobol" }, { S: "compilers" }] },
  roles: { SS: ["admin", "user"] }
}

type Runtime = ManagedRuntime.ManagedRuntime<DynamoClient.DynamoClient, never>

const measure = (settings: P3Settings, clients: { readonly raw: DynamoDBClient; readonly tuned: DynamoDBClient }, runtimes: { readonly sdk: Runtime; readonly lean: Runtime }) =>
  Effect.promise(async () => {
    const rawGet = () => new GetItemCommand({ TableName: "bench", Key: { pk: { S: "user#1" }, sk: { S: "profile" } } })
    const get = await measureLatencies(
      [
        { name: "raw GetItem", run: () => clients.raw.send(rawGet()) },
        { name: "dynofunc GetItem", run: () => runtimes.sdk.runPromise(execute(getItem("bench", { pk: "user#1", sk: "profile" }))) },
        { name: "raw GetItem, best tuned", run: () => clients.tuned.send(rawGet()) },
        { name: "dynofunc lean GetItem", run: () => runtimes.lean.runPromise(execute(getItem("bench", { pk: "user#1", sk: "profile" }))) }
      ],
      settings
    )
    const rawPut = () => new PutItemCommand({ TableName: "bench", Item: { ...attributeItem } })
    const put = await measureLatencies(
      [
        { name: "raw PutItem", run: () => clients.raw.send(rawPut()) },
        { name: "dynofunc PutItem", run: () => runtimes.sdk.runPromise(execute(putItem("bench", plainItem))) },
        { name: "raw PutItem, best tuned", run: () => clients.tuned.send(rawPut()) },
        { name: "dynofunc lean PutItem", run: () => runtimes.lean.runPromise(execute(putItem("bench", plainItem))) }
      ],
      settings
    )
    return [get, put] as const
  })

export const runP3 = (settings: P3Settings): Promise<Section> =>
  Effect.runPromise(
    Effect.scoped(
      Effect.gen(function* () {
        const engine = yield* DynamoDBLocal.make()
        const sdkClient = (config: DynamoDBClientConfig) =>
          Effect.acquireRelease(
            Effect.sync(
              () =>
                new DynamoDBClient({
                  ...config,
                  endpoint: engine.endpoint,
                  region: "us-east-1",
                  credentials: { accessKeyId: "local", secretAccessKey: "local" }
                })
            ),
            (c) => Effect.sync(() => c.destroy())
          )
        const client = yield* sdkClient({})
        // dynofunc's side gets the client `DynamoClient.layer` would build: the SDK's with dynofunc's protocol.
        const ours = yield* sdkClient({ protocol })
        const tunedClient = yield* sdkClient(tuned())
        const runtime = yield* Effect.acquireRelease(
          Effect.sync(() => ManagedRuntime.make(DynamoClient.layerFromSdk(ours))),
          (r) => Effect.promise(() => r.dispose())
        )
        const lean = yield* Effect.acquireRelease(
          Effect.sync(() =>
            ManagedRuntime.make(
              HttpClient.layer({ region: "us-east-1", endpoint: engine.endpoint, credentials: { accessKeyId: "local", secretAccessKey: Redacted.make("local") } })
            )
          ),
          (r) => Effect.promise(() => r.dispose())
        )
        yield* Effect.promise(async () => {
          await createTable(client, "bench", ["pk", "sk"])
          await client.send(new PutItemCommand({ TableName: "bench", Item: storedItem }))
        })
        const check = yield* Effect.promise(() => runtime.runPromise(execute(getItem("bench", { pk: "user#1", sk: "profile" }))))
        if (check.item?.["name"] !== "Ada Lovelace") return yield* Effect.die(new Error("P3: the stored item did not come back"))

        const [get, put] = yield* measure(settings, { raw: client, tuned: tunedClient }, { sdk: runtime, lean })
        const rows: Array<Row> = []
        const targets: Array<Target> = []
        for (const [r, d, t, l] of [get, put] as ReadonlyArray<ReadonlyArray<Latencies>> as ReadonlyArray<readonly [Latencies, Latencies, Latencies, Latencies]>) {
          const p50 = d.p50 / r.p50
          const p99 = d.p99 / r.p99
          rows.push({ contender: r.name, figure: `p50 ${formatNs(r.p50)} · p99 ${formatNs(r.p99)}`, ratio: "1 (floor)" })
          for (const m of [d, t, l]) {
            rows.push({ contender: m.name, figure: `p50 ${formatNs(m.p50)} · p99 ${formatNs(m.p99)}`, ratio: `p50 ${formatRatio(m.p50 / r.p50)} · p99 ${formatRatio(m.p99 / r.p99)}` })
          }
          targets.push({ label: `${d.name} p50 vs raw`, value: p50, target: "≤ 1.03×", met: p50 <= 1.03 })
          targets.push({ label: `${d.name} p99 vs raw`, value: p99, target: "≤ 1.03×", met: p99 <= 1.03 })
          for (const [reference, which] of [[r, "default"], [t, "best tuned"]] as const) {
            const lean = l.p50 / reference.p50
            targets.push({ label: `${l.name} p50 vs raw SDK ${which}`, value: lean, target: "≤ 0.8×", met: lean <= 0.8 })
          }
        }
        return {
          id: "P3",
          title: `end to end on DynamoDB Local ${DynamoDBLocal.version} (${settings.calls.toLocaleString("en")} calls each, after ${settings.warmup} warm-up)`,
          rows,
          targets,
          notes: [
            "one SDK client each, alike but for dynofunc's protocol (`protocol` from dynofunc/sdk); dynofunc marshals the key/item and unmarshals the result, the raw calls send hand-written AttributeValues",
            "calls alternate raw/dynofunc/raw tuned/dynofunc lean one by one; ratio = quantile ÷ raw (default) quantile",
            "best tuned = @smithy/undici-http-handler on an undici Agent + cacheMiddleware: true; lean = HttpClient.layer"
          ],
          data: Object.fromEntries([...get, ...put].map((l) => [l.name, { p50: l.p50, p99: l.p99 }]))
        } satisfies Section
      })
    )
  )
