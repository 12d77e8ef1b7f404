/**
 * The item size dynofunc computes (to refuse items over 400 KB before sending) against DynamoDB Local's own verdict:
 * an item of exactly 400 KB by our count is stored, one byte more is refused by DynamoDB Local too.
 */
import { expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { DynamoClient, Value, create, execute, type Item } from "dynofunc"
import { DynamoDBLocal } from "@dynofunc/testing"
import { itemSize } from "@dynofunc/core/internal/values/itemSize"
import * as A from "#adapter"

const limit = 400 * 1024

/** `base` padded with a string attribute so that it counts exactly `bytes` by our measure. */
const padded = (base: Item, bytes: number): Item => {
  const without = itemSize(Value.toItem({ ...base, pad: "" }))
  return { ...base, pad: "p".repeat(bytes - without) }
}

/** DynamoDB Local's verdict on a put, bypassing dynofunc's own check. */
const stored = (item: Item) =>
  Effect.flatMap(DynamoClient.DynamoClient, (client) =>
    client.send({ operation: "PutItem", input: { TableName: "sizes", Item: Value.toItem(item) } })
  ).pipe(
    Effect.as(true),
    A.catchAll(() => Effect.succeed(false))
  )

const shapes: ReadonlyArray<readonly [string, Item]> = [
  ["strings", { id: "s", name: "Ada Lovelace" }],
  ["unicode names and values", { id: "u", "ñäme-日本": "😀 héllo" }],
  ["numbers", { id: "n", a: 1, b: -12345.678, c: 12345678901234567890n, d: 0.000001 }],
  ["booleans and null", { id: "b", t: true, f: false, z: null }],
  ["lists and maps", { id: "l", list: [1, "two", [3], { four: 4 }], map: { a: { b: { c: "deep" } }, empty: {} }, none: [] }],
  ["sets and binaries", { id: "x", ss: new Set(["a", "bb"]), ns: new Set([1, 22, 333]), bin: new Uint8Array([1, 2, 3]), bs: new Set([new Uint8Array([9])]) }]
]

it.layer(DynamoDBLocal.layer(), { timeout: 120_000 })("item size against DynamoDB Local", (it) => {
  it.effect("exactly 400 KB by our count is stored; one byte more is refused by DynamoDB Local as well", () =>
    Effect.gen(function* () {
      yield* execute(create("sizes", "id"))
      for (const [shape, base] of shapes) {
        expect({ shape, atLimit: yield* stored(padded(base, limit)) }).toEqual({ shape, atLimit: true })
        expect({ shape, overLimit: yield* stored(padded(base, limit + 1)) }).toEqual({ shape, overLimit: false })
      }
    }))
})
