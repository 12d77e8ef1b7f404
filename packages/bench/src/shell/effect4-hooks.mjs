/* global URL */
/**
 * Node module hooks that run the bench against the Effect 4 shell (`register.mjs` installs them): every bare
 * `effect` import resolves to Effect 4 from `flavours/effect4`, and dynofunc's per-major imports (`#adapter`,
 * `#schema`, `dynofunc/adapter`) to their Effect 4 sides — what `vitest.workspace.ts` does for the Effect 4 tests.
 *
 * @example
 * // node --import tsx --import ./packages/bench/src/shell/register.mjs packages/bench/src/main.ts --shell effect4
 */
const root = new URL("../../../../", import.meta.url)
const flavour = new URL("flavours/effect4/package.json", root).href
const shellSource = new URL("packages/dynofunc/src/", root)

const perMajor = {
  "#adapter": "adapter/effect4.ts",
  "dynofunc/adapter": "adapter/effect4.ts",
  "#schema": "internal/typed/schema/effect4.ts"
}

const effectImport = /^effect(\/.*)?$/

/** Resolves `specifier` for the Effect 4 shell; anything else as Node (and tsx) would. */
export const resolve = (specifier, context, next) => {
  const side = perMajor[specifier]
  if (side !== undefined) return next(new URL(side, shellSource).href, context)
  if (effectImport.test(specifier)) return next(specifier, { ...context, parentURL: flavour })
  return next(specifier, context)
}
