/**
 * P6 — values: marshalling and unmarshalling 1,000 realistic items with dynofunc's `Value` vs
 * `@aws-sdk/util-dynamodb` (with the options that make it do the same job: `removeUndefinedValues` to marshal;
 * its defaults to unmarshal, which are enough for these items). Both outputs are checked to be equal first.
 */
import { isDeepStrictEqual } from "node:util"
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb"
import { Value } from "dynofunc"
import { measureSync, ratio, type Measured, type Settings } from "../harness.js"
import { formatRatio, type Section } from "../report.js"
import { makeItems } from "./items.js"

const ITEMS = 1_000

/** The rows of a write and a read comparison: each direction's reference, then its contender with the ratio. */
export const throughputRows = (
  items: number,
  [refWrite, write, refRead, read]: readonly [Measured, Measured, Measured, Measured],
  [writeRatio, readRatio]: readonly [number, number]
) => {
  const perSecond = (ns: number) => `${Math.round((items * 1e9) / ns / 1000)}k items/s`
  return [
    { contender: refWrite.name, figure: perSecond(refWrite.median), ratio: "" },
    { contender: write.name, figure: perSecond(write.median), ratio: formatRatio(writeRatio) },
    { contender: refRead.name, figure: perSecond(refRead.median), ratio: "" },
    { contender: read.name, figure: perSecond(read.median), ratio: formatRatio(readRatio) }
  ]
}

export const runP6 = (settings: Settings): Section => {
  const items = makeItems(ITEMS)
  const marshalled = items.map((item) => marshall(item, { removeUndefinedValues: true }))

  const problems: Array<string> = []
  items.forEach((item, i) => {
    if (!isDeepStrictEqual(Value.toItem(item), marshalled[i])) problems.push(`toItem differs from marshall on item ${i}`)
    if (!isDeepStrictEqual(Value.fromItem(marshalled[i]!), unmarshall(marshalled[i]!))) {
      problems.push(`fromItem differs from unmarshall on item ${i}`)
    }
  })
  if (problems.length > 0) throw new Error(`P6: outputs differ:\n${problems.slice(0, 5).join("\n")}`)

  const results = measureSync(
    [
      { name: "util-dynamodb marshall", run: () => items.map((item) => marshall(item, { removeUndefinedValues: true })) },
      { name: "dynofunc Value.toItem", run: () => items.map((item) => Value.toItem(item)) },
      { name: "util-dynamodb unmarshall", run: () => marshalled.map((item) => unmarshall(item)) },
      { name: "dynofunc Value.fromItem", run: () => marshalled.map((item) => Value.fromItem(item)) }
    ],
    settings
  )
  const [utilMarshall, dynoMarshall, utilUnmarshall, dynoUnmarshall] = [results[0]!, results[1]!, results[2]!, results[3]!]

  // Throughput ratio: how many times as many items per second as util-dynamodb.
  const marshalRatio = ratio(utilMarshall, dynoMarshall)
  const unmarshalRatio = ratio(utilUnmarshall, dynoUnmarshall)
  return {
    id: "P6",
    title: `values: ${ITEMS.toLocaleString("en")} items of ~20 attributes`,
    rows: throughputRows(ITEMS, [utilMarshall, dynoMarshall, utilUnmarshall, dynoUnmarshall], [marshalRatio, unmarshalRatio]),
    targets: [
      { label: "marshal throughput vs util-dynamodb", value: marshalRatio, target: "≥ 1.0×", met: marshalRatio >= 1 },
      { label: "unmarshal throughput vs util-dynamodb", value: unmarshalRatio, target: "≥ 1.0×", met: unmarshalRatio >= 1 }
    ],
    notes: ["ratio = dynofunc items/s ÷ util-dynamodb items/s (median of per-round ratios); outputs checked equal first"],
    data: {
      items: ITEMS,
      nsPerBatch: Object.fromEntries([utilMarshall, dynoMarshall, utilUnmarshall, dynoUnmarshall].map((m) => [m.name, m.median])),
      marshalRatio,
      unmarshalRatio
    }
  }
}
