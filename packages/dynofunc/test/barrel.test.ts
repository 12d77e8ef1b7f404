/**
 * The barrels (`index.ts` of `@dynofunc/core` and of `dynofunc`) against the public modules beside them: every
 * public module (a `src/*.ts` of the list in `scripts/public-modules.ts`, plus the core's `operations/index.ts`) is
 * exported by its package's barrel, a module exported as a namespace is exported under its own file name and only once, and the barrel
 * re-exports nothing from `internal/`. A new module cannot be forgotten, nor one exported under two names.
 */
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import * as Dynofunc from "dynofunc"
import { publicModules as listPublicModules } from "../../../scripts/public-modules.js"

const packages = [
  { name: "@dynofunc/core", src: "../../core/src", dir: "packages/core/src/", extra: ["operations/index"] },
  // `Sdk` is the `dynofunc/sdk` entry point: kept out of the main barrel so the SDK is never loaded by it.
  { name: "dynofunc", src: "../src", dir: "packages/dynofunc/src/", extra: [], entryPoints: ["Sdk"] }
] as const

/** The public modules (`scripts/public-modules.ts`, the list the docs use), relative to the repository's root. */
const allPublic = listPublicModules()

const folder = (relative: string) => fileURLToPath(new URL(`${relative}/`, import.meta.url))

/** What a barrel's `export … from "./X.js"` lines say: per module, the namespace names it is exported under, and whether anything is. */
const exportsOf = (barrel: string) => {
  const modules = new Map<string, Array<string>>()
  for (const match of barrel.matchAll(/^export (?:type )?(?:\* as (\w+)|\*|\{[^}]*\}) from "\.\/(.+)\.js"/gm)) {
    const names = modules.get(match[2]!) ?? []
    if (match[1] !== undefined) names.push(match[1])
    modules.set(match[2]!, names)
  }
  return modules
}

describe.each(packages)("the $name barrel", (pkg) => {
  const src = folder(pkg.src)
  const barrel = readFileSync(`${src}index.ts`, "utf8")
  const modules = exportsOf(barrel)
  const skipped: ReadonlyArray<string> = "entryPoints" in pkg ? pkg.entryPoints : []
  const publicModules = [
    ...allPublic
      .filter((file) => file.startsWith(pkg.dir) && !file.slice(pkg.dir.length).includes("/"))
      .map((file) => file.slice(pkg.dir.length, -".ts".length))
      .filter((name) => !skipped.includes(name)),
    ...pkg.extra
  ]

  it("exports every public module beside it", () => {
    expect(publicModules.filter((name) => !modules.has(name))).toEqual([])
  })

  it("exports a module as a namespace under its own file name, once", () => {
    for (const [module, names] of modules) {
      expect(names.length, module).toBeLessThanOrEqual(1)
      if (names.length === 1) expect(names[0], module).toBe(module)
    }
  })

  it("re-exports nothing from internal/ or from a module that is not public", () => {
    expect([...modules.keys()].filter((module) => !publicModules.includes(module))).toEqual([])
    expect(barrel).not.toMatch(/from "\.\/internal\//)
  })
})

describe("the dynofunc barrel at run time", () => {
  it("hands out each namespace as the module itself (one object, whichever way it is imported)", async () => {
    const namespaces = [...exportsOf(readFileSync(`${folder("../src")}index.ts`, "utf8"))].filter(([, names]) => names.length === 1)
    expect(namespaces.length).toBeGreaterThan(10)
    for (const [module] of namespaces) {
      const direct: unknown = await import(`../src/${module}.ts`)
      expect((Dynofunc as Record<string, unknown>)[module], module).toBe(direct)
    }
  })
})
