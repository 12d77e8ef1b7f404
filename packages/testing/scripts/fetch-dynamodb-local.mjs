#!/usr/bin/env node
/**
 * Fetches DynamoDB Local (AWS's Java emulator) into a cache directory, once, and prints that directory.
 *
 * The jar and its native libraries come from the npm tarball of `amplify-dynamodb-simulator@2.9.30`
 * (`emulator/DynamoDBLocal.jar`, DynamoDB Local 1.25.1, with `emulator/DynamoDBLocal_lib/`): `npm pack` fetches the
 * tarball (checked against a pinned integrity), `tar` extracts only the `emulator/` folder. Nothing is installed and
 * no package script runs.
 *
 * The directory is `$DYNOFUNC_DYNAMODB_LOCAL_DIR` when set, else `<project root>/node_modules/.cache/dynofunc/
 * dynamodb-local-1.25.1` (the project root is the nearest ancestor of the working directory with a lockfile,
 * `pnpm-workspace.yaml` or `.git`). A directory that already holds `DynamoDBLocal.jar` and `DynamoDBLocal_lib/` is
 * used as is, so it may also point at DynamoDB Local unzipped from AWS's own download.
 *
 * Concurrent fetches (vitest workers, parallel CI jobs) are safe: one process holds a lock directory
 * (`<dir>.lock`) while it fetches, the others wait for it; the extracted folder appears under its final name by an
 * atomic rename, so a half-extracted directory is never seen. A lock left by a dead process is taken over.
 *
 * This file is both the CLI used to pre-fetch in CI and the module `@dynofunc/testing`'s `DynamoDBLocal` calls.
 *
 * @example
 * // CLI: pre-fetch before the tests (prints the directory)
 * //   node packages/testing/scripts/fetch-dynamodb-local.mjs [dir]
 * //   pnpm --filter @dynofunc/testing fetch-dynamodb-local
 * import { fetchDynamoDBLocal } from "./fetch-dynamodb-local.mjs"
 * const dir = await fetchDynamoDBLocal()
 */
import { spawn } from "node:child_process"
import console from "node:console"
import { existsSync, realpathSync } from "node:fs"
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises"
import { hostname } from "node:os"
import path from "node:path"
import process from "node:process"
import { setTimeout as sleep } from "node:timers/promises"
import { fileURLToPath } from "node:url"

/** The npm package whose tarball carries DynamoDB Local. */
export const SIMULATOR_PACKAGE = "amplify-dynamodb-simulator"
/** Its pinned version. */
export const SIMULATOR_VERSION = "2.9.30"
/** The tarball's integrity as the npm registry publishes it; a different tarball is refused. */
export const SIMULATOR_INTEGRITY =
  "sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ=="
/** The DynamoDB Local version inside that tarball. */
export const DYNAMODB_LOCAL_VERSION = "1.25.1"
/** The environment variable that overrides the cache directory. */
export const DIR_ENV = "DYNOFUNC_DYNAMODB_LOCAL_DIR"

/** A lock older than this is taken over even when its owner cannot be checked (another host). */
const STALE_LOCK_MS = 10 * 60_000
const ROOT_MARKERS = ["pnpm-workspace.yaml", "pnpm-lock.yaml", "package-lock.json", "yarn.lock", "bun.lock", "bun.lockb", ".git"]

/**
 * Whether `dir` holds DynamoDB Local (`DynamoDBLocal.jar` and `DynamoDBLocal_lib/`).
 * @param {string} dir
 * @returns {boolean}
 */
export const isInstalled = (dir) =>
  existsSync(path.join(dir, "DynamoDBLocal.jar")) && existsSync(path.join(dir, "DynamoDBLocal_lib"))

/**
 * The nearest ancestor of `from` (itself included) holding a lockfile, `pnpm-workspace.yaml` or `.git`; `from` when none does.
 * @param {string} from
 * @returns {string}
 */
export const findProjectRoot = (from) => {
  const start = path.resolve(from)
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (ROOT_MARKERS.some((marker) => existsSync(path.join(dir, marker)))) return dir
    if (path.dirname(dir) === dir) return start
  }
}

/**
 * The cache directory: `$DYNOFUNC_DYNAMODB_LOCAL_DIR` when set, else under the project root's `node_modules/.cache`.
 * @param {{ env?: Record<string, string | undefined>, cwd?: string }} [options]
 * @returns {string}
 */
export const defaultDir = ({ env = process.env, cwd = process.cwd() } = {}) => {
  const fromEnv = env[DIR_ENV]
  return fromEnv !== undefined && fromEnv !== ""
    ? path.resolve(cwd, fromEnv)
    : path.join(findProjectRoot(cwd), "node_modules", ".cache", "dynofunc", `dynamodb-local-${DYNAMODB_LOCAL_VERSION}`)
}

/**
 * Makes sure DynamoDB Local is in `dir` (fetching it when missing) and resolves to the directory's absolute path.
 * @param {{ dir?: string, log?: (message: string) => void, signal?: AbortSignal }} [options]
 * @returns {Promise<string>}
 */
export const fetchDynamoDBLocal = async ({ dir = defaultDir(), log = () => {}, signal } = {}) => {
  const target = path.resolve(dir)
  if (isInstalled(target)) return target
  await mkdir(path.dirname(target), { recursive: true })
  const lock = `${target}.lock`
  let waiting = false
  for (;;) {
    signal?.throwIfAborted()
    if (isInstalled(target)) return target
    if (await tryLock(lock)) {
      try {
        if (!isInstalled(target)) await download(target, log, signal)
        return target
      } finally {
        await rm(lock, { recursive: true, force: true })
      }
    }
    if (await isStale(lock)) {
      log(`Taking over the stale lock ${lock}`)
      await rm(lock, { recursive: true, force: true })
      continue
    }
    if (!waiting) log(`Waiting for another process to fetch DynamoDB Local into ${target}`)
    waiting = true
    await sleep(250, undefined, signal ? { signal } : {})
  }
}

/** @param {string} lock */
const tryLock = async (lock) => {
  try {
    await mkdir(lock)
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "EEXIST") return false
    throw error
  }
  await writeFile(path.join(lock, "owner"), JSON.stringify({ pid: process.pid, host: hostname() }))
  return true
}

/** @param {string} lock */
const isStale = async (lock) => {
  try {
    const owner = JSON.parse(await readFile(path.join(lock, "owner"), "utf8"))
    if (owner.host === hostname() && !isAlive(owner.pid)) return true
  } catch {
    // no owner file yet (the lock was just taken), or the lock is gone: judge by age alone
  }
  try {
    return Date.now() - (await stat(lock)).mtimeMs > STALE_LOCK_MS
  } catch {
    return false
  }
}

/** @param {number} pid */
const isAlive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM"
  }
}

/**
 * @param {string} target
 * @param {(message: string) => void} log
 * @param {AbortSignal | undefined} signal
 */
const download = async (target, log, signal) => {
  const spec = `${SIMULATOR_PACKAGE}@${SIMULATOR_VERSION}`
  log(`Fetching DynamoDB Local ${DYNAMODB_LOCAL_VERSION} (${spec}, ~57 MB) into ${target}`)
  // A sibling of the target, so the final rename stays on one file system and is atomic.
  const work = await mkdtemp(`${target}.tmp-`)
  try {
    const packed = await run("npm", ["pack", spec, "--json", "--ignore-scripts", "--prefer-offline", "--pack-destination", "."], work, signal)
    const info = parsePackOutput(packed)
    if (info.integrity !== SIMULATOR_INTEGRITY) {
      throw new Error(`${spec}: integrity ${String(info.integrity)} is not the pinned ${SIMULATOR_INTEGRITY}`)
    }
    await mkdir(path.join(work, "emulator"))
    await run("tar", ["-xzf", info.filename, "-C", "emulator", "--strip-components=2", "package/emulator"], work, signal)
    if (!isInstalled(path.join(work, "emulator"))) {
      throw new Error(`${spec}: the tarball holds no emulator/DynamoDBLocal.jar and emulator/DynamoDBLocal_lib/`)
    }
    try {
      await rename(path.join(work, "emulator"), target)
    } catch (error) {
      if (!isInstalled(target)) throw error
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * @param {string} stdout
 * @returns {{ filename: string, integrity: unknown }}
 */
const parsePackOutput = (stdout) => {
  const start = stdout.indexOf("[")
  const parsed = JSON.parse(start >= 0 ? stdout.slice(start) : stdout)
  const info = Array.isArray(parsed) ? parsed[0] : undefined
  if (info === undefined || typeof info.filename !== "string") throw new Error(`npm pack: unexpected output ${stdout}`)
  return info
}

/**
 * Runs a command; resolves to its stdout, rejects with its stderr when it fails.
 * @param {string} command
 * @param {ReadonlyArray<string>} args
 * @param {string} cwd
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<string>}
 */
const run = (command, args, cwd, signal) =>
  new Promise((resolve, reject) => {
    const windows = process.platform === "win32"
    // npm is npm.cmd on Windows, which only a shell runs; the arguments here hold no spaces or quotes.
    const child = spawn(windows && command === "npm" ? "npm.cmd" : command, args, {
      cwd,
      shell: windows && command === "npm",
      stdio: ["ignore", "pipe", "pipe"],
      ...(signal ? { signal } : {})
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (code, killedBy) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${command} ${args.join(" ")} failed (${killedBy ?? `exit code ${code}`}): ${stderr.trim().slice(-2000)}`))
    )
  })

const isMain = () => {
  const entry = process.argv[1]
  if (entry === undefined) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) {
  const [dir] = process.argv.slice(2)
  fetchDynamoDBLocal({ ...(dir ? { dir } : {}), log: (message) => console.error(message) }).then(
    (installed) => console.log(installed),
    (error) => {
      console.error(error instanceof Error ? error.message : error)
      process.exitCode = 1
    }
  )
}
