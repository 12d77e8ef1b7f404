/**
 * P2 — execution overhead: `execute(getItem(...))` run on a `ManagedRuntime` vs the raw
 * `client.send(new GetItemCommand(...))`, on one SDK client whose request handler answers at once (no network).
 * Both build their request in the call; dynofunc also decodes the item to plain JS (its result), the raw call
 * does not (the SDK's own cost is the floor). "raw SDK + unmarshall" is shown for context.
 */
import { GetItemCommand } from "@aws-sdk/client-dynamodb"
import { unmarshall } from "@aws-sdk/util-dynamodb"
import { DynamoClient, execute, getItem } from "dynofunc"
import { ManagedRuntime } from "effect"
import { measureAsync, ratio, type Settings } from "../harness.js"
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

export const runP2 = async (settings: Settings): Promise<Section> => {
  const client = cannedClient({ Item: storedItem })
  const runtime = ManagedRuntime.make(DynamoClient.layerFromSdk(client))
  try {
    const raw = () =>
      client.send(new GetItemCommand({ TableName: "bench", Key: { pk: { S: "user#1" }, sk: { S: "profile" } } }))
    const dyno = () => runtime.runPromise(execute(getItem("bench", { pk: "user#1", sk: "profile" })))
    const rawDecoded = async () => {
      const output = await raw()
      return output.Item === undefined ? undefined : unmarshall(output.Item)
    }

    const check = await dyno()
    if (check.item?.["name"] !== "Ada Lovelace") throw new Error(`P2: unexpected result ${JSON.stringify(check.item)}`)

    const results = await measureAsync(
      [
        { name: "raw SDK client.send(GetItemCommand)", run: raw },
        { name: "dynofunc execute(getItem(...))", run: dyno },
        { name: "raw SDK + unmarshall (context)", run: rawDecoded }
      ],
      settings
    )
    const [rawResult, dynoResult, decodedResult] = [results[0]!, results[1]!, results[2]!]
    const overhead = ratio(dynoResult, rawResult)
    return {
      id: "P2",
      title: "execution overhead: GetItem against a request handler that answers at once",
      rows: [
        { contender: rawResult.name, figure: `${formatNs(rawResult.median)} / call`, ratio: "1 (floor)" },
        { contender: dynoResult.name, figure: `${formatNs(dynoResult.median)} / call`, ratio: formatRatio(overhead) },
        {
          contender: decodedResult.name,
          figure: `${formatNs(decodedResult.median)} / call`,
          ratio: formatRatio(ratio(decodedResult, rawResult))
        }
      ],
      targets: [{ label: "execute(getItem) time vs raw SDK", value: overhead, target: "≤ 1.05×", met: overhead <= 1.05 }],
      notes: [
        "the SDK still resolves the endpoint, signs, serializes and deserializes; only the socket is gone",
        "ratio = median over rounds of (contender ÷ raw SDK) in the same round"
      ],
      data: { nsPerCall: Object.fromEntries(results.map((m) => [m.name, m.median])), overhead }
    }
  } finally {
    await runtime.dispose()
    client.destroy()
  }
}
