/**
 * Runs one of the example programs by name on an embedded engine:
 * `pnpm --filter @dynofunc/examples <rest | csv-import | single-table | stream-consumer>` (`csv-import` takes a CSV
 * file after its name). Each runs on dynalite (in-process), except the stream consumer, which needs DynamoDB Local's
 * Streams API (Java 17). An unknown name prints the names and exits with code 2.
 */
import { Effect } from "effect"
import { Dynalite, DynamoDBLocal } from "@dynofunc/testing"
import { program as csvImport } from "./csvImport.js"
import { program as rest } from "./rest.js"
import { program as singleTable } from "./singleTable.js"
import { program as streamConsumer } from "./streamConsumer.js"

const [name = "", ...args] = process.argv.slice(2)

const programs: Readonly<Record<string, () => Effect.Effect<void, unknown>>> = {
  rest: () => Effect.provide(rest, Dynalite.layer()),
  "csv-import": () => Effect.provide(csvImport(args[0]), Dynalite.layer()),
  "single-table": () => Effect.provide(singleTable, Dynalite.layer()),
  "stream-consumer": () => Effect.provide(streamConsumer, DynamoDBLocal.layerWithStreams())
}

const chosen = programs[name]
if (chosen === undefined) {
  console.error(`usage: pnpm --filter @dynofunc/examples <${Object.keys(programs).join(" | ")}>`)
  process.exitCode = 2
} else {
  Effect.runPromise(chosen()).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
