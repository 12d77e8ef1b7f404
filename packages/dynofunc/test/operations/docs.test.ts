import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { readSdkCommands } from "../../../core/scripts/generate-commands.js"
import { supported } from "./engines.js"

const guide = readFileSync(new URL("../../../../docs/operations.md", import.meta.url), "utf8")
/** The operations guide's coverage section, up to the next heading of its level or above. */
const doc = guide.slice(guide.indexOf("### Coverage")).split(/\n##? /)[0]!

/** The coverage table's rows: command → its cells. */
const rows = new Map(
  doc
    .split("\n")
    .filter((line) => /^\| `[A-Z]/.test(line))
    .map((line) => {
      const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim())
      return [cells[0]!.replaceAll("`", ""), cells] as const
    })
)

describe("the coverage table of docs/operations.md", () => {
  it("has one row per command of the SDK, naming its builder", () => {
    const commands = readSdkCommands().map((command) => command.name)
    expect([...rows.keys()]).toEqual(commands)
    for (const name of commands) expect(rows.get(name)?.[1]).toBe(`\`${name[0]!.toLowerCase()}${name.slice(1)}\``)
  })

  it("says which engine each operation is tested against, as the tests do", () => {
    for (const [name, cells] of rows) {
      expect({ name, local: cells[4] }).toEqual({ name, local: supported["DynamoDB Local"].includes(name as never) ? "✓" : "✗¹" })
      expect({ name, dynalite: cells[5] }).toEqual({ name, dynalite: supported.dynalite.includes(name as never) ? "✓" : "✗¹" })
    }
  })
})
