/**
 * The demo's command line: `--engine dynalite` (the default) or `--engine dynamodb-local` (also `--engine=…`).
 * Anything else is an error naming what was wrong, never a silent run on the default engine.
 *
 * @example
 * engineChoice(["--engine", "dynamodb-local"]) // { _tag: "Right", right: "dynamodb-local" }
 * engineChoice(["--engine", "dynamo"])         // { _tag: "Left", left: 'unknown engine "dynamo" (…)' }
 */
import { Either } from "effect"

/** The engines the demo runs on. */
export const engines = ["dynalite", "dynamodb-local"] as const
export type EngineName = (typeof engines)[number]

const isEngine = (name: string): name is EngineName => (engines as ReadonlyArray<string>).includes(name)

/**
 * The engine the arguments ask for, or what is wrong with them.
 *
 * @example
 * engineChoice([]) // { _tag: "Right", right: "dynalite" }
 */
export const engineChoice = (args: ReadonlyArray<string>): Either.Either<EngineName, string> => {
  const usage = `usage: pnpm demo [--engine ${engines.join(" | ")}]`
  const [first, second, ...rest] = args.flatMap((arg) => (arg.startsWith("--engine=") ? ["--engine", arg.slice(9)] : [arg]))
  if (first === undefined) return Either.right("dynalite")
  if (first !== "--engine") return Either.left(`unknown argument "${first}"; ${usage}`)
  if (second === undefined) return Either.left(`--engine needs a name; ${usage}`)
  if (!isEngine(second)) return Either.left(`unknown engine "${second}"; ${usage}`)
  if (rest.length > 0) return Either.left(`unknown argument "${rest[0]}"; ${usage}`)
  return Either.right(second)
}
