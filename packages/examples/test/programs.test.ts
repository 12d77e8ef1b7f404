/**
 * The example programs of `src/programs` run on the engine `pnpm --filter @dynofunc/examples <name>` runs them on
 * and print what they did: the REST handler's answers, the CSV import's counts, the single-table model's reads, the
 * stream consumer's changes. The command itself is run once, with an unknown name (usage, exit code 2).
 */
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { Dynalite, DynamoDBLocal } from "@dynofunc/testing"
import { importCsv, program as csvImport } from "../src/programs/csvImport.js"
import { program as rest } from "../src/programs/rest.js"
import { program as singleTable } from "../src/programs/singleTable.js"
import { program as streamConsumer } from "../src/programs/streamConsumer.js"
import { printed } from "./support/printed.js"

describe("the example programs", () => {
  it.live("rest: the handler answers each request with its status", () =>
    Effect.gen(function* () {
      const lines = yield* printed(rest, Dynalite.layer())
      expect(lines.map((line) => line.replace(/cursor=[^ ]+/, "cursor=…").replace(/"next":"[^"]+"/, '"next":"…"'))).toEqual([
        'PUT /boards/b1/notes/n1 -> 201 {"board":"b1","id":"n1"}',
        'PUT /boards/b1/notes/n2 -> 201 {"board":"b1","id":"n2"}',
        'PUT /boards/b1/notes/n3 -> 201 {"board":"b1","id":"n3"}',
        'PUT /boards/b1/notes/n1 -> 409 {"error":"note n1 exists"}',
        'GET /boards/b1/notes/n2 -> 200 {"board":"b1","id":"n2","text":"note n2"}',
        'GET /boards/b1/notes/n9 -> 404 {"error":"no note n9"}',
        'GET /boards/b1/notes -> 200 {"notes":[{"board":"b1","id":"n1","text":"note n1"},{"board":"b1","id":"n2","text":"note n2"}],"next":"…"}',
        'GET /boards/b1/notes?cursor=… -> 200 {"notes":[{"board":"b1","id":"n3","text":"note n3"}],"next":null}',
        'GET /boards/b1/notes?cursor=… -> 400 {"error":"bad cursor: Malformed"}'
      ])
    }))

  it.live("csv-import: the sample's good rows are written, the bad one is named", () =>
    Effect.gen(function* () {
      expect(yield* printed(csvImport(), Dynalite.layer())).toEqual([
        "line 41 left out: no name",
        "imported 120 users in 5 requests",
        "the table holds 120 users"
      ])
    }))

  it.live("csv-import: a row with the wrong number of cells or a bad email is left out", () =>
    Effect.gen(function* () {
      const csv = "id,name,email\nu1,Ada,ada@example.org\nu2,Grace\nu3,Alan,alan\n"
      expect(yield* printed(importCsv(csv), Dynalite.layer())).toEqual([
        "line 3 left out: 2 cells, expected 3",
        "line 4 left out: not an email: alan",
        "imported 1 users in 1 requests",
        "the table holds 1 users"
      ])
    }))

  it.live("single-table: the collection, the index after an update, a failed condition, a refused write", () =>
    Effect.gen(function* () {
      expect(yield* printed(singleTable, Dynalite.layer())).toEqual([
        "collection c1: order o1 shipped, 12; order o2 open, 8; customer Ada <ada@example.org>",
        "open orders: o2 (2026-03-02), o3 (2026-03-03); shipped: o1 (2026-03-01)",
        "ship o1 again: already shipped",
        "an order with a total of NaN: ItemEncodeError on Item, nothing sent"
      ])
    }))

  it.live("stream-consumer: a restart goes on after the checkpoint; typed changes; the Lambda handler's answer (DynamoDB Local)", () =>
    Effect.gen(function* () {
      const lines = yield* printed(streamConsumer, DynamoDBLocal.layerWithStreams())
      const day = "(opened 2026-01-05)"
      expect(lines).toEqual([
        // The first run: two batches of two processed and checkpointed, stopped in the middle of the third.
        `run 1: INSERT a1: - -> 100 ${day}`,
        `run 1: INSERT a2: - -> 5 ${day}`,
        `run 1: MODIFY a1: 100 -> 80 ${day}`,
        `run 1: INSERT a3: - -> 40 ${day}`,
        `run 1: MODIFY a3: 40 -> -20 ${day}`,
        `lease table after run 1: checkpoint after INSERT a3: - -> 40 ${day}, owner none`,
        // The restart: the unfinished batch again, nothing before the checkpoint.
        `run 2: MODIFY a3: 40 -> -20 ${day}`,
        `run 2: REMOVE a2: 5 -> - ${day}`,
        // The six records as a Lambda event: done up to the overdrawn account, answered with its sequence number.
        `lambda: INSERT a1: - -> 100 ${day}`,
        `lambda: INSERT a2: - -> 5 ${day}`,
        `lambda: MODIFY a1: 100 -> 80 ${day}`,
        `lambda: INSERT a3: - -> 40 ${day}`,
        `lambda answer: 1 batchItemFailures, retry from MODIFY a3: 40 -> -20 ${day}`
      ])
    }), 120_000)

  it("an unknown program name prints the names and exits with code 2", async () => {
    const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
    const run = fileURLToPath(new URL("../src/programs/run.ts", import.meta.url))
    await expect(promisify(execFile)(tsx, ["--conditions=@dynofunc/source", run, "nope"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("usage: pnpm --filter @dynofunc/examples <rest | csv-import | single-table | stream-consumer>")
    })
  }, 60_000)
})
