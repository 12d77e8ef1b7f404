/**
 * Each operation carries the input check of its command, given by its builder (`builders/construct.ts`), so a
 * bundle holds the checks of the builders it uses; `checkLimits` stays the complete one. Here: every builder gives
 * the check `checkLimits` would run for its command, and `execute` runs the operation's own.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import {
  DynamoClient,
  add,
  attr,
  execute,
  find,
  getItem,
  makeOperation,
  putItem,
  query,
  remove,
  scan,
  update,
  withInput,
  type AnyOperation,
  type CommandName
} from "dynofunc"
import { InputCheck, type Checked } from "@dynofunc/core/internal/builders/construct"
import { checkLimits, checksOf, plainChecks, putItemChecks, queryChecks, updateItemChecks } from "@dynofunc/core/internal/input/limits"
import { samples } from "../operations/samples.js"

const checkOf = (op: AnyOperation) => (op as Checked<CommandName, unknown>)[InputCheck]

describe("each operation's input check", () => {
  it.each(Object.keys(samples) as Array<CommandName>)("%s: its builder gives its command's check", (name) => {
    expect(checkOf(samples[name].op as AnyOperation)).toBe(checksOf(name))
  })

  it("the friendly builders, the raw forms, a refused builder and the escape hatch give their command's check", () => {
    const ops: ReadonlyArray<readonly [AnyOperation, CommandName]> = [
      [find("users", { id: "u1" }), "GetItem"],
      [getItem({ TableName: "users", Key: { id: { S: "u1" } } }), "GetItem"],
      [add("users", { id: "u1" }), "PutItem"],
      [update("users", { id: "u1" }, { name: "Ada" }), "UpdateItem"],
      [remove("users", { id: "u1" }, { condition: attr("id").exists() }), "DeleteItem"],
      [query("users", { id: "u1" }), "Query"],
      [query({ TableName: "users", KeyConditionExpression: "#k = :k" }), "Query"],
      [scan("users"), "Scan"],
      [find("users", { id: new Set<string>() }), "GetItem"],
      [add("users", { id: "u1" }).pipe(withInput({ ReturnConsumedCapacity: "TOTAL" })), "PutItem"],
      [makeOperation({ name: "Query", description: { TableName: "users" }, decode: (output) => output }), "Query"]
    ]
    for (const [op, name] of ops) expect({ name, check: checkOf(op) }).toEqual({ name, check: checksOf(name) })
    expect([checksOf("GetItem"), checksOf("PutItem"), checksOf("UpdateItem"), checksOf("Query")]).toEqual([
      plainChecks,
      putItemChecks,
      updateItemChecks,
      queryChecks
    ])
  })

  it("a command's own check finds what the complete one finds; another command's would not", () => {
    const key = { TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: "SET #id = :v", ExpressionAttributeNames: { "#id": "id" }, ExpressionAttributeValues: { ":v": { S: "x" } } }
    const problems = checkOf(update("users", { id: "u1" }, { name: "Ada" }))("UpdateItem", key)
    expect(problems).toEqual(checkLimits("UpdateItem", key))
    expect(problems.length).toBeGreaterThan(0)
    expect(plainChecks("UpdateItem", key)).toEqual([])
  })

  it.effect("execute runs the operation's own check and sends nothing it refuses", () =>
    Effect.gen(function* () {
      const sent: Array<unknown> = []
      const layer = DynamoClient.layerTest((request) => Effect.sync(() => (sent.push(request), {})))
      const big = putItem({ TableName: "users", Item: { id: { S: "u1" }, text: { S: "x".repeat(400 * 1024) } } })
      const refused = yield* Effect.flip(execute(big).pipe(Effect.provide(layer)))
      expect(refused).toMatchObject({ _tag: "InvalidInputError", problems: [{ part: "Item" }] })
      // An object that only looks like an operation (no builder made it) has no check: refused, never sent unchecked.
      const lookalike = { name: "GetItem", description: { TableName: "users", Key: { id: { S: "u1" } } }, decode: (output: unknown) => output, problems: [] }
      expect(yield* Effect.flip(execute(lookalike as unknown as AnyOperation).pipe(Effect.provide(layer)))).toMatchObject({
        _tag: "InvalidInputError",
        problems: [{ part: "operation", message: expect.stringContaining("not an operation dynofunc can send") }]
      })
      expect(sent).toEqual([])
    }))
})
