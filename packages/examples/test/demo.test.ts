import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Dynalite, DynamoDBLocal } from "@dynofunc/testing"
import { program } from "../src/program.js"
import { printed } from "./support/printed.js"

const expected = [
  "created table users (on-demand, with index by-team)",
  "added 3 users",
  'found sunshie: team core, roles ["dev"]',
  'updated sunshie: roles ["dev","admin"], friends ["jake","ann"]',
  "conditional update of jake: not updated (ConditionalCheckFailedError)",
  "query by-team core since 2020: jake",
  "query users zoe: 1 item",
  "scan for admins: sunshie (3 scanned)",
  "removed zoe: found afterwards? false",
  "every user, a page at a time: jake, sunshie; admins counted: 1",
  "team core page by page: sunshie, then from its cursor jake; a tampered cursor: Tampered",
  "typed: open orders o2 (2026-03-01)",
  "typed: collection c1: order o1 shipped, order o2 open, customer Ada",
  "typed: an order with a total of NaN: ItemEncodeError, nothing sent",
  "batch wrote 60 guests in 3 requests",
  "batch read: 2 found, missing nobody"
]

describe("the demo program (README example)", () => {
  it.effect("runs on dynalite and prints what happened", () =>
    Effect.gen(function* () {
      const lines = yield* printed(program, Dynalite.layer())
      expect(lines.slice(0, -1)).toEqual(expected)
      expect(lines.at(-1)).toMatch(/^find on a missing table: ResourceNotFoundError: /)
    }))

  it.effect("runs on DynamoDB Local and prints the same", () =>
    Effect.gen(function* () {
      const lines = yield* printed(program, DynamoDBLocal.layer())
      expect(lines.slice(0, -1)).toEqual(expected)
      expect(lines.at(-1)).toMatch(/^find on a missing table: ResourceNotFoundError: /)
    }), 120_000)
})
