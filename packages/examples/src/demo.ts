/**
 * `pnpm demo`: runs the README's example against an embedded engine — dynalite in-process by default, or
 * DynamoDB Local with `pnpm demo --engine dynamodb-local`. No AWS account, no credentials.
 */
import { Console, Effect } from "effect"
import { Dynalite, DynamoDBLocal } from "@dynofunc/testing"
import { program } from "./program.js"

const useDynamoDBLocal = process.argv.includes("dynamodb-local")
const engine = useDynamoDBLocal ? DynamoDBLocal.layer() : Dynalite.layer()

Effect.runPromise(
  Console.log(`dynofunc demo on ${useDynamoDBLocal ? "DynamoDB Local" : "dynalite"}\n`).pipe(
    Effect.zipRight(program),
    Effect.provide(engine)
  )
).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
