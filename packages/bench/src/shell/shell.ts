/**
 * Which Effect major a bench process runs dynofunc on, and how to start one for a major: `pnpm bench` runs every
 * benchmark once per shell, each in a child process of its own (`main.ts`).
 */
import { fileURLToPath } from "node:url"

/** An Effect major dynofunc's shell is built against. */
export type Shell = "effect3" | "effect4"

/** Both shells, in the order their columns are printed. */
export const shells: ReadonlyArray<Shell> = ["effect3", "effect4"]

/** The environment variable that names a bench process's shell (also what the test projects set). */
export const shellVariable = "DYNOFUNC_EFFECT_MAJOR"

/**
 * The shell this process runs on: Effect 4 when `DYNOFUNC_EFFECT_MAJOR=effect4`, else Effect 3.
 *
 * @example
 * const label = currentShell() === "effect4" ? "Effect 4" : "Effect 3"
 */
export const currentShell = (): Shell => (process.env[shellVariable] === "effect4" ? "effect4" : "effect3")

/** A shell's name as printed: "Effect 3" or "Effect 4". */
export const shellName = (shell: Shell): string => (shell === "effect4" ? "Effect 4" : "Effect 3")

const register = fileURLToPath(new URL("./register.mjs", import.meta.url))

/**
 * The Node flags of a child process running a bench script on `shell`: this process's own (tsx, conditions) and,
 * for Effect 4, the hooks that resolve `effect` and dynofunc's per-major imports to their Effect 4 sides.
 *
 * @example
 * spawnSync(process.execPath, [...nodeFlags("effect4"), "src/main.ts", "--shell", "effect4"])
 */
export const nodeFlags = (shell: Shell): ReadonlyArray<string> => {
  const own = process.execArgv.filter((flag, i, all) => flag !== register && !(flag === "--import" && all[i + 1] === register))
  return shell === "effect4" ? [...own, "--import", register] : own
}
