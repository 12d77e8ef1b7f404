/**
 * The demo's command line: `--engine dynalite` (the default) or `--engine dynamodb-local` (also `--engine=…`).
 * Anything else is an error naming what was wrong, never a silent run on the default engine.
 *
 * @example
 * engineChoice(["--engine", "dynamodb-local"]) // { engine: "dynamodb-local" }
 * engineChoice(["--engine", "dynamo"])         // { usage: 'unknown engine "dynamo"; usage: …' }
 */

/** The engines the demo runs on. */
export const engines = ["dynalite", "dynamodb-local"] as const
export type EngineName = (typeof engines)[number]

/** What the arguments ask for: an engine, or the usage with what was wrong (a plain value: no Effect major's `Either`). */
export type EngineChoice = { readonly engine: EngineName } | { readonly usage: string }

const isEngine = (name: string): name is EngineName => (engines as ReadonlyArray<string>).includes(name)

/**
 * The engine the arguments ask for, or what is wrong with them.
 *
 * @example
 * engineChoice([]) // { engine: "dynalite" }
 */
export const engineChoice = (args: ReadonlyArray<string>): EngineChoice => {
  const usage = `usage: pnpm demo [--engine ${engines.join(" | ")}]`
  const [first, second, ...rest] = args.flatMap((arg) => (arg.startsWith("--engine=") ? ["--engine", arg.slice(9)] : [arg]))
  if (first === undefined) return { engine: "dynalite" }
  if (first !== "--engine") return { usage: `unknown argument "${first}"; ${usage}` }
  if (second === undefined) return { usage: `--engine needs a name; ${usage}` }
  if (!isEngine(second)) return { usage: `unknown engine "${second}"; ${usage}` }
  if (rest.length > 0) return { usage: `unknown argument "${rest[0]}"; ${usage}` }
  return { engine: second }
}
