/**
 * A batch import from CSV: `pnpm --filter @dynofunc/examples csv-import [file.csv]` reads a CSV of users (by default
 * `data/users.csv`), checks each row, and writes the good ones with `BatchWrite.run` as a Stream — chunks of 25,
 * retries, and every write not applied reported — then counts what the table holds. Rows that fail the checks are
 * printed with their line and left out.
 */
import { readFileSync } from "node:fs"
import { Console, Effect, Stream } from "effect"
import { BatchWrite, create, execute, Pages, scan } from "dynofunc"

/** The CSV imported when no file is given. */
export const sampleFile = new URL("../../data/users.csv", import.meta.url)

/** One row, checked: a user to store, or why the row is refused. */
type Row = { readonly user: Readonly<Record<string, string>> } | { readonly line: number; readonly problem: string }

/** Parses one CSV line of the header's columns (no quoted commas: this sample's data has none). */
const parse = (header: ReadonlyArray<string>, text: string, line: number): Row => {
  const cells = text.split(",")
  if (cells.length !== header.length) return { line, problem: `${cells.length} cells, expected ${header.length}` }
  const user = Object.fromEntries(header.map((column, i) => [column, cells[i]!.trim()]))
  if (user["name"] === "") return { line, problem: "no name" }
  if (!/^[^@\s]+@[^@\s]+$/.test(user["email"] ?? "")) return { line, problem: `not an email: ${user["email"]}` }
  return { user }
}

/** Imports the users of `csv` (its text) into a new table `users`, printing what happened. */
export const importCsv = (csv: string) =>
  Effect.gen(function* () {
    yield* execute(create("users", "id"))
    const [headerLine = "", ...lines] = csv.split("\n")
    const header = headerLine.split(",")
    const rows = lines.flatMap((text, i) => (text.trim() === "" ? [] : [parse(header, text, i + 2)]))
    for (const row of rows) if ("problem" in row) yield* Console.log(`line ${row.line} left out: ${row.problem}`)
    const writes = Stream.fromIterable(rows.flatMap((row): ReadonlyArray<BatchWrite.Write> => ("user" in row ? [{ table: "users", put: row.user }] : [])))
    const summary = yield* BatchWrite.run(writes, { keys: { users: ["id"] } })
    yield* Console.log(`imported ${summary.written} users in ${summary.requests} requests`)
    yield* Console.log(`the table holds ${yield* Pages.count(scan("users"))} users`)
  }).pipe(
    Effect.catchTag("BatchWriteError", (error) =>
      Console.log(`${error.reason}: ${error.written} written, ${error.unapplied.length} to write again`))
  )

/** The program `pnpm … csv-import [file]` runs: the file given, or the sample. */
export const program = (file: string | URL = sampleFile) =>
  Effect.flatMap(Effect.sync(() => readFileSync(file, "utf8")), importCsv)
