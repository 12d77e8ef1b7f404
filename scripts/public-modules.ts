/**
 * The public modules of the published packages: each package's top-level `src/*.ts` (and core's operations), the
 * `index.ts` barrels aside. Shared by `scripts/docs-tags.ts` (their doc tags) and `scripts/docs.ts` (the API
 * reference has one page for each, re-exporting barrels aside).
 */
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

/** The repository's root, ending in `/`. */
export const root = fileURLToPath(new URL("../", import.meta.url))

/** The folders holding public modules. */
export const publicDirs = ["packages/core/src", "packages/core/src/operations", "packages/dynofunc/src", "packages/testing/src"]

/** Every public module, relative to the root, sorted within its folder. */
export const publicModules = (): ReadonlyArray<string> =>
  publicDirs.flatMap((dir) =>
    readdirSync(`${root}${dir}`).filter((f) => f.endsWith(".ts") && f !== "index.ts").sort().map((f) => `${dir}/${f}`))

/** A module (relative to the root) that only re-exports others (`export * from`), like `operations/commands.ts`. */
export const isBarrel = (file: string): boolean =>
  readFileSync(`${root}${file}`, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").split("\n").map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("//")).every((line) => line.startsWith("export * from "))
