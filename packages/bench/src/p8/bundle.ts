/**
 * Bundles a program as a Lambda user would (esbuild `--bundle --minify --platform=node --format=esm`, with the
 * `require` shim an ESM bundle of the SDK's CommonJS modules needs), dynofunc resolved to its sources, and reports
 * the bundle's size and the modules it holds. Used by P8 and by the bundle size check (`test/bundleSize.test.ts`).
 *
 * @example
 * const { bytes, inputs } = await bundle({ file: leanProgram })
 */
import { build, type Plugin } from "esbuild"
import { fileURLToPath } from "node:url"
import type { Shell } from "../shell/shell.js"

/** The lean program (`leanProgram.ts` beside this file). */
export const leanProgram = fileURLToPath(new URL("./leanProgram.ts", import.meta.url))

/** This package's directory: where a program given as source resolves its imports from. */
export const packageDir = fileURLToPath(new URL("../..", import.meta.url))

/** The folder whose `node_modules` hold Effect 4 (`flavours/effect4`). */
export const effect4Dir = fileURLToPath(new URL("../../../../flavours/effect4", import.meta.url))

const shellSource = fileURLToPath(new URL("../../../dynofunc/src/", import.meta.url))

/**
 * The Effect 4 shell for esbuild: `effect` resolved from `flavours/effect4`, dynofunc's per-major imports to their
 * Effect 4 sides (as `src/shell/effect4-hooks.mjs` does for Node).
 */
const effect4: Plugin = {
  name: "dynofunc:effect4",
  setup(build) {
    build.onResolve({ filter: /^(#adapter|dynofunc\/adapter)$/ }, () => ({ path: `${shellSource}adapter/effect4.ts` }))
    build.onResolve({ filter: /^#schema$/ }, () => ({ path: `${shellSource}internal/typed/schema/effect4.ts` }))
    build.onResolve({ filter: /^effect(\/.*)?$/ }, async (args) =>
      args.resolveDir.startsWith(effect4Dir) || args.pluginData === effect4Dir
        ? undefined
        : build.resolve(args.path, { kind: args.kind, resolveDir: effect4Dir, pluginData: effect4Dir })
    )
  }
}

/** A bundle's size in bytes, the paths of the modules that contribute code to it, and how many bytes each. */
export interface Bundle {
  readonly bytes: number
  readonly inputs: ReadonlyArray<string>
  readonly bytesByInput: Readonly<Record<string, number>>
}

/**
 * A program (a file, or TypeScript source resolved from this package) bundled and minified for Node (ESM) on
 * `shell` (Effect 3 unless told); `external` packages left out; written to `outfile` when given.
 *
 * @example
 * const withoutUndici = await bundle({ file: leanProgram }, { external: ["undici"] })
 */
export const bundle = async (
  program: { readonly file: string } | { readonly source: string },
  options: { readonly external?: ReadonlyArray<string> | undefined; readonly outfile?: string | undefined; readonly shell?: Shell | undefined } = {}
): Promise<Bundle> => {
  const result = await build({
    ...("file" in program ? { entryPoints: [program.file] } : { stdin: { contents: program.source, resolveDir: packageDir, loader: "ts" } }),
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    conditions: ["@dynofunc/source"],
    external: [...(options.external ?? [])],
    plugins: options.shell === "effect4" ? [effect4] : [],
    // The SDK's CommonJS modules `require` Node's built-ins: an ESM bundle needs a `require` (as on Lambda).
    banner: { js: `import { createRequire } from "node:module"; const require = createRequire(import.meta.url);` },
    outfile: options.outfile ?? "bundle.mjs",
    write: options.outfile !== undefined,
    metafile: true,
    logLevel: "silent"
  })
  const output = Object.values(result.metafile.outputs)[0]!
  const contributing = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0)
  return {
    bytes: output.bytes,
    inputs: contributing.map(([path]) => path),
    bytesByInput: Object.fromEntries(contributing.map(([path, input]) => [path, input.bytesInOutput]))
  }
}
