/**
 * Runs a program that prints with `Console.log` on a Layer (an embedded engine), and gives back the lines it printed.
 *
 * @example
 * import { Dynalite } from "@dynofunc/testing"
 * import { program } from "../../src/programs/singleTable.js"
 * const lines = printed(program, Dynalite.layer())
 */
import { Console, Effect, type Layer } from "effect"

export const printed = <R, E, L>(program: Effect.Effect<unknown, E, R>, engine: Layer.Layer<R, L>) =>
  Effect.gen(function* () {
    const lines: Array<string> = []
    const console = { ...(yield* Console.consoleWith(Effect.succeed)), log: (...args: ReadonlyArray<unknown>) => Effect.sync(() => void lines.push(args.join(" "))) }
    yield* program.pipe(Effect.withConsole(console), Effect.provide(engine))
    return lines
  })
