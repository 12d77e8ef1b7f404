import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { describe, expect, it } from "vitest"
import { engineChoice } from "../src/engineChoice.js"

describe("the demo's --engine argument", () => {
  it("defaults to dynalite and accepts both engines, spaced or with =", () => {
    expect(engineChoice([])).toEqual({ engine: "dynalite" })
    expect(engineChoice(["--engine", "dynamodb-local"])).toEqual({ engine: "dynamodb-local" })
    expect(engineChoice(["--engine=dynalite"])).toEqual({ engine: "dynalite" })
  })

  it.each([
    [["--engine", "dynamo"], 'unknown engine "dynamo"'],
    [["--engine=DynamoDB-Local"], 'unknown engine "DynamoDB-Local"'],
    [["--engine"], "--engine needs a name"],
    [["dynamodb-local"], 'unknown argument "dynamodb-local"'],
    [["--engine", "dynalite", "--verbose"], 'unknown argument "--verbose"']
  ])("refuses %j", (args, message) => {
    const choice = engineChoice(args)
    expect("usage" in choice && choice.usage).toContain(message)
    expect("usage" in choice && choice.usage).toContain("usage: pnpm demo [--engine dynalite | dynamodb-local]")
  })

  it("pnpm demo --engine <unknown> exits with code 2 and the usage, running nothing", async () => {
    const demo = fileURLToPath(new URL("../src/demo.ts", import.meta.url))
    const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
    const run = promisify(execFile)(tsx, ["--conditions=@dynofunc/source", demo, "--engine", "nope"])
    await expect(run).rejects.toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining('unknown engine "nope"') })
  }, 60_000)
})
