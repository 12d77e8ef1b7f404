/**
 * `--import` this module (after `tsx`) to run the bench against the Effect 4 shell: it installs `effect4-hooks.mjs`.
 *
 * @example
 * // node --import tsx --import ./packages/bench/src/shell/register.mjs packages/bench/src/main.ts --shell effect4
 */
import { register } from "node:module"

register("./effect4-hooks.mjs", import.meta.url)
