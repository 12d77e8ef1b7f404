/**
 * Runs a program that prints with `Console.log` on a Layer (an embedded engine), and gives back the lines it printed.
 *
 * @example
 * import { Dynalite } from "@dynofunc/testing"
 * import { program } from "../../src/programs/singleTable.js"
 * const lines = printed(program, Dynalite.layer())
 */
import { Effect, type Layer } from "effect"
import { withConsoleLog } from "#test-effect"

export const printed = <R, E, L>(program: Effect.Effect<unknown, E, R>, engine: Layer.Layer<R, L>) =>
  Effect.gen(function* () {
    const lines: Array<string> = []
    yield* program.pipe(withConsoleLog((line) => lines.push(line)), Effect.provide(engine))
    return lines
  })
