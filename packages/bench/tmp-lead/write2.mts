import { build } from "esbuild"
import { fileURLToPath } from "node:url"
import { leanProgram } from "../src/p8/bundle.ts"
const shellSource = fileURLToPath(new URL("../../dynofunc/src/", import.meta.url))
const effect4Dir = fileURLToPath(new URL("../../../flavours/effect4", import.meta.url))
await build({ entryPoints: [leanProgram], bundle: true, minify: false, platform: "node", format: "esm", conditions: ["@dynofunc/source"],
  plugins: [{ name: "e4", setup(b) {
    b.onResolve({ filter: /^(#adapter|dynofunc\/adapter)$/ }, () => ({ path: `${shellSource}adapter/effect4.ts` }))
    b.onResolve({ filter: /^#schema$/ }, () => ({ path: `${shellSource}internal/typed/schema/effect4.ts` }))
    b.onResolve({ filter: /^effect(\/.*)?$/ }, async (args) => args.resolveDir.startsWith(effect4Dir) || args.pluginData === effect4Dir ? undefined : b.resolve(args.path, { kind: args.kind, resolveDir: effect4Dir, pluginData: effect4Dir }))
  } }],
  banner: { js: `import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);` },
  outfile: "/tmp/s12/lean4-plain.mjs", logLevel: "silent" })
