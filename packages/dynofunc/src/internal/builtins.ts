/**
 * Node's built-in modules the shell uses, each loaded on its first use instead of when dynofunc is imported: a cold
 * start (a Lambda's first import) pays only for what it runs. It matters most for `node:http`: on Node 22, an
 * `import` of it builds its ESM facade from every export, and the `WebSocket` / `EventSource` getters among them load
 * undici (Node's `fetch`) — tens of milliseconds before the first line of the program (BENCHMARKS.md, P8). `require`
 * from `createRequire` hands back the CommonJS module without that facade.
 */
import type * as Crypto from "node:crypto"
import type * as FsPromises from "node:fs/promises"
import type * as Http from "node:http"
import type * as Https from "node:https"
import { createRequire } from "node:module"
import type * as Os from "node:os"
import type * as Zlib from "node:zlib"

const load = createRequire(import.meta.url)

/** The module `id`, loaded on the first call and kept. */
const lazily = <A>(id: string): (() => A) => {
  let loaded: A | undefined
  return () => (loaded ??= load(id) as A)
}

/** `node:crypto`, on first use. */
export const crypto = lazily<typeof Crypto>("node:crypto")
/** `node:fs/promises`, on first use. */
export const fs = lazily<typeof FsPromises>("node:fs/promises")
/** `node:http`, on first use. */
export const http = lazily<typeof Http>("node:http")
/** `node:https`, on first use. */
export const https = lazily<typeof Https>("node:https")
/** `node:os`, on first use. */
export const os = lazily<typeof Os>("node:os")
/** `node:zlib`, on first use. */
export const zlib = lazily<typeof Zlib>("node:zlib")
