/* global URL */
/**
 * Runs a workspace program on Effect 4 (`node --import ./scripts/effect4.mjs …`, after tsx's own hooks): `effect`
 * and its subpaths resolve to the Effect 4 flavour's (`flavours/effect4`), and the shell's per-major modules
 * (`#adapter`, `#schema`, `dynofunc/adapter`) to their Effect 4 sides — what `vitest.workspace.ts` does for the
 * Effect 4 tests, for a program run outside Vitest. A user of the published package needs none of this: `dynofunc`
 * is the Effect 4 build.
 *
 * @example
 * // tsx --conditions=@dynofunc/source --import ./scripts/effect4.mjs src/demo.ts
 */
import { register } from "node:module"

const flavour = new URL("../../../flavours/effect4/package.json", import.meta.url).href
const shell = new URL("../../dynofunc/src/", import.meta.url).href
const effect4Sides = {
  "#adapter": `${shell}adapter/effect4.ts`,
  "dynofunc/adapter": `${shell}adapter/effect4.ts`,
  "#schema": `${shell}internal/typed/schema/effect4.ts`
}

/** The hook itself, registered from a data: URL so that this file stays the only one. */
const hooks = `
const flavour = ${JSON.stringify(flavour)}
const sides = ${JSON.stringify(effect4Sides)}
export async function resolve(specifier, context, next) {
  if (specifier in sides) return next(sides[specifier], context)
  if (/^effect(\\/.*)?$/.test(specifier)) return next(specifier, { ...context, parentURL: flavour })
  return next(specifier, context)
}`

register(`data:text/javascript,${encodeURIComponent(hooks)}`)
