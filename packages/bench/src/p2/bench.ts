/**
 * P2 — execution overhead: `execute(getItem(...))` vs the raw `client.send(new GetItemCommand(...))`, on SDK
 * clients whose request handler answers at once (no network); dynofunc's is built with `protocol` from `dynofunc/sdk`. Both build their request in the call; dynofunc also
 * decodes the item to plain JS (its result), the raw call does not (the SDK's own cost is the floor).
 *
 * dynofunc runs two ways: `runtime.runPromise(execute(...))` per call (a non-Effect caller, one fiber per call), and
 * `yield* execute(...)` inside a running fiber (an Effect program; 10 calls per fiber, time per call). For context:
 * the raw call wrapped in `Effect.tryPromise` with an abort signal inside a fiber (what any interruptible Effect
 * wrapper of the SDK costs, before dynofunc does anything), the same with `Effect.promise` (no abort: Effect's
 * bare floor), the raw call followed by `unmarshall`, the raw call given an abort signal (what abortability costs
 * the SDK itself, with no Effect), and the raw call on dynofunc's client (what its protocol costs).
 */
import { GetItemCommand } from "@aws-sdk/client-dynamodb"
import { unmarshall } from "@aws-sdk/util-dynamodb"
import { DynamoClient, execute, getItem } from "dynofunc"
import { protocol } from "dynofunc/sdk"
import { Effect, ManagedRuntime } from "effect"
import { cpuRatio, figures, measureAsync, ratio, type Measured, type Settings } from "../harness.js"
import { formatNs, formatRatio, type Section } from "../report.js"
import { cannedClient } from "./cannedHandler.js"

/** The item GetItem answers with: 10 attributes, as DynamoDB writes them. */
export const storedItem = {
  pk: { S: "user#1" },
  sk: { S: "profile" },
  name: { S: "Ada Lovelace" },
  email: { S: "ada@example.com" },
  age: { N: "36" },
  balance: { N: "1234.56" },
  active: { BOOL: true },
  address: { M: { street: { S: "12 St James's Square" }, city: { S: "London" }, zip: { S: "SW1Y 4JH" } } },
  tags: { L: [{ S: "math" }, { S: "engines" }] },
  roles: { SS: ["admin", "user"] }
}

/** The raw contenders' request: built per call, as dynofunc builds its own. */
const getCommand = () => new GetItemCommand({ TableName: "bench", Key: { pk: { S: "user#1" }, sk: { S: "profile" } } })

/** Calls per fiber for the in-fiber contenders. */
const PER_FIBER = 10

export const runP2 = async (settings: Settings): Promise<Section> => {
  const client = cannedClient({ Item: storedItem })
  // dynofunc's side gets the client `DynamoClient.layer` would build: the SDK's with dynofunc's protocol.
  const ours = cannedClient({ Item: storedItem }, { protocol })
  const runtime = ManagedRuntime.make(DynamoClient.layerFromSdk(ours))
  try {
    const raw = () =>
      client.send(getCommand())
    const dyno = () => runtime.runPromise(execute(getItem("bench", { pk: "user#1", sk: "profile" })))
    const inFiber = <A, E>(call: () => Effect.Effect<A, E, DynamoClient.DynamoClient>) => {
      const program = Effect.gen(function* () {
        for (let i = 0; i < PER_FIBER; i++) yield* call()
      })
      return { run: () => runtime.runPromise(program), calls: PER_FIBER }
    }
    const rawDecoded = async () => {
      const output = await raw()
      return output.Item === undefined ? undefined : unmarshall(output.Item)
    }

    // What dynofunc's protocol (the SDK's previous response reader, which keeps `__proto__` attributes) costs.
    const rawOurProtocol = () =>
      ours.send(getCommand())

    // What being abortable costs the SDK itself: a new AbortSignal per call, which the SDK then listens to.
    const rawAbortable = () =>
      client.send(getCommand(), {
        abortSignal: new AbortController().signal
      })

    const check = await dyno()
    if (check.item?.["name"] !== "Ada Lovelace") throw new Error(`P2: unexpected result ${JSON.stringify(check.item)}`)

    const results = await measureAsync(
      [
        { name: "raw SDK client.send(GetItemCommand)", run: raw },
        { name: "dynofunc runtime.runPromise(execute(getItem(…)))", run: dyno },
        {
          name: "dynofunc execute(getItem(…)) in a running fiber",
          ...inFiber(() => execute(getItem("bench", { pk: "user#1", sk: "profile" })))
        },
        {
          name: "context: Effect.tryPromise(raw send, abort signal) in a fiber",
          ...inFiber(() => Effect.tryPromise({ try: (signal) => client.send(getCommand(), { abortSignal: signal }), catch: (e) => e }))
        },
        {
          name: "context: Effect.promise(raw send) in a fiber (no abort)",
          ...inFiber(() => Effect.promise(() => client.send(getCommand())))
        },
        { name: "context: raw SDK + unmarshall", run: rawDecoded },
        { name: "context: raw SDK given an abort signal (no Effect)", run: rawAbortable },
        { name: "context: raw SDK with dynofunc/sdk's protocol (no Effect)", run: rawOurProtocol }
      ],
      settings
    )
    const all = results as [Measured, Measured, Measured, Measured, Measured, Measured, Measured, Measured]
    const [rawResult, dynoResult, fiberResult, effectFloor, promiseFloor, _decoded, abortableResult, protocolResult] = all
    const row = (m: Measured) =>
      m === rawResult
        ? { contender: m.name, figure: `${formatNs(m.median)} / call (CPU ${formatNs(m.cpuMedian)})`, ratio: "1 (floor)" }
        : {
            contender: m.name,
            figure: `${formatNs(m.median)} / call (CPU ${formatNs(m.cpuMedian)})`,
            ratio: `${formatRatio(ratio(m, rawResult))} (CPU ${formatRatio(cpuRatio(m, rawResult))})`
          }
    const perCallOverhead = ratio(dynoResult, rawResult)
    const fiberOverhead = ratio(fiberResult, rawResult)
    return {
      id: "P2",
      title: "execution overhead: GetItem against a request handler that answers at once",
      rows: all.map(row),
      targets: [
        { label: "runtime.runPromise(execute(getItem)) vs raw SDK", value: perCallOverhead, target: "≤ 1.05×", met: perCallOverhead <= 1.05 },
        { label: "execute(getItem) in a running fiber vs raw SDK", value: fiberOverhead, target: "≤ 1.05×", met: fiberOverhead <= 1.05 }
      ],
      notes: [
        "the SDK still resolves the endpoint, signs, serializes and deserializes; only the socket is gone",
        "ratio = median over rounds of (contender ÷ raw SDK) in the same round, wall clock; CPU = the same with process CPU time"
      ],
      data: {
        ...figures(all),
        perCallOverhead,
        fiberOverhead,
        abortableEffectFloor: ratio(effectFloor, rawResult),
        promiseEffectFloor: ratio(promiseFloor, rawResult),
        abortableSdkFloor: ratio(abortableResult, rawResult),
        protocolFloor: ratio(protocolResult, rawResult)
      }
    }
  } finally {
    await runtime.dispose()
    client.destroy()
    ours.destroy()
  }
}
