/**
 * `pnpm demo`: runs the README's example against an embedded engine — dynalite in-process by default, or
 * DynamoDB Local with `pnpm demo --engine dynamodb-local`. No AWS account, no credentials. An unknown engine or
 * argument prints the usage and exits with code 2.
 */
import { Console, Effect } from "effect"
import { Dynalite, DynamoDBLocal } from "@dynofunc/testing"
import { engineChoice } from "./engineChoice.js"
import { program } from "./program.js"

const choice = engineChoice(process.argv.slice(2))

if ("usage" in choice) {
  console.error(choice.usage)
  process.exitCode = 2
} else {
  const useDynamoDBLocal = choice.engine === "dynamodb-local"
  Effect.runPromise(
    Console.log(`dynofunc demo on ${useDynamoDBLocal ? "DynamoDB Local" : "dynalite"}\n`).pipe(
      Effect.andThen(program),
      Effect.provide(useDynamoDBLocal ? DynamoDBLocal.layer() : Dynalite.layer())
    )
  ).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
