/**
 * The program the bundle size check bundles: one `execute(find(…))` on the lean `HttpClient` Layer, as a Lambda
 * handler would run it.
 *
 * @example
 * // esbuild packages/bench/src/p8/leanProgram.ts --bundle --minify --platform=node --format=esm
 */
import { Effect } from "effect"
import { HttpClient, execute, find } from "dynofunc"

const program = execute(find("users", { id: "u1" })).pipe(Effect.provide(HttpClient.layer({ region: "eu-west-1" })))

Effect.runPromise(program).then(console.log, console.error)
