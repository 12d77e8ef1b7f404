import { marshall, unmarshall } from "@aws-sdk/util-dynamodb"
import { Value } from "dynofunc"
import { makeItems } from "./items.js"
const items = makeItems(1000)
const marshalled = items.map((item) => marshall(item, { removeUndefinedValues: true }))
const which = process.argv[2]!
const n = Number(process.argv[3] ?? 50)
const run = {
  um: () => items.map((item) => marshall(item, { removeUndefinedValues: true })),
  dm: () => items.map((item) => Value.toItem(item)),
  uu: () => marshalled.map((item) => unmarshall(item)),
  du: () => marshalled.map((item) => Value.fromItem(item))
}[which]!
let sink = 0
const t = performance.now()
for (let i = 0; i < n; i++) sink += run().length
console.log(which, n, ((performance.now() - t) / n).toFixed(3), "ms/call", sink)
