/**
 * @dynofunc/testing: real DynamoDB engines for tests and demos, as Layers providing dynofunc's `DynamoClient`.
 *
 * - `Dynalite`: dynalite in-process and in memory; starts in milliseconds, no Java.
 * - `DynamoDBLocal`: AWS's DynamoDB Local (Java), fetched once; or any running endpoint via
 *   `DYNOFUNC_DYNAMODB_ENDPOINT`.
 * - `Endpoint`: a `DynamoClient` for an engine you run yourself.
 *
 * @example
 * import { it } from "@effect/vitest"
 * import { execute, listTables } from "dynofunc"
 * import { Dynalite } from "@dynofunc/testing"
 *
 * it.layer(Dynalite.layer())("with dynalite", (it) => {
 *   it.effect("lists tables", () => execute(listTables()))
 * })
 */
export * as Dynalite from "./Dynalite.js"
export * as DynamoDBLocal from "./DynamoDBLocal.js"
export * as Endpoint from "./Endpoint.js"
export * from "./EngineError.js"
