/**
 * Child processes for engines: spawned as a scoped resource, their output kept for error messages, killed on scope
 * release, on this process's exit, and — by a tiny watchdog process — even when this process is killed outright.
 *
 * Outside Windows the engine leads its own process group and the whole group is killed, so an engine started
 * through a wrapper (a `java` shim that does not `exec`) leaves nothing behind either.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { Deferred, Duration, Effect, type Scope } from "effect"
import * as A from "#adapter"
import { type Engine, EngineStartError } from "../EngineError.js"

/** The last lines a process wrote, stdout and stderr interleaved. */
export class Output {
  private text = ""
  constructor(private readonly limit = 16_384) {}
  append(chunk: string): void {
    this.text = (this.text + chunk).slice(-this.limit)
  }
  includes(needle: string): boolean {
    return this.text.includes(needle)
  }
  toString(): string {
    return this.text.trim()
  }
}

/** How a process ended. */
export interface Ended {
  readonly exitCode: number | null
  readonly signal: NodeJS.Signals | null
}

/** A spawned process: the handle, its output and a Deferred completed when it ends. */
export interface Spawned {
  readonly child: ChildProcess
  readonly pid: number
  readonly output: Output
  readonly ended: Deferred.Deferred<Ended>
}

const windows = process.platform === "win32"

/** SIGKILL the process group the child leads (the child alone on Windows). */
const killGroup = (child: ChildProcess): void => {
  if (child.pid !== undefined && !windows) {
    try {
      process.kill(-child.pid, "SIGKILL")
      return
    } catch {
      // the group is gone, or was never made: kill the process itself
    }
  }
  child.kill("SIGKILL")
}

const live = new Set<ChildProcess>()
let exitHookInstalled = false

/** On `process.exit` (and a normal end) kill what is still running: 'exit' handlers must be synchronous. */
const installExitHook = () => {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on("exit", () => {
    for (const child of live) killGroup(child)
  })
}

/**
 * The watchdog holds a pipe from this process as its stdin. The pipe closes when this process ends however it ends
 * (SIGKILL included), or when the engine ends and we close it: either way the watchdog kills the engine and exits.
 */
const WATCHDOG = `
const pid = Number(process.argv[1]);
const stop = () => {
  try { process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL") } catch { try { process.kill(pid, "SIGKILL") } catch {} }
  process.exit(0);
};
// Signals meant for this process's group (Ctrl-C) must not end the watchdog before it has done its job.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => {});
process.stdin.on("end", stop); process.stdin.on("error", stop); process.stdin.on("close", stop); process.stdin.resume();
`

/** A child's pipe is a socket: `unref` it so it does not keep this process alive. */
const unref = (stream: unknown) => {
  if (typeof stream === "object" && stream !== null && "unref" in stream && typeof stream.unref === "function") {
    stream.unref()
  }
}

const startWatchdog = (pid: number): ChildProcess | undefined => {
  try {
    const { NODE_OPTIONS: _ignored, ...env } = process.env
    const watchdog = spawn(process.execPath, ["-e", WATCHDOG, String(pid)], {
      stdio: ["pipe", "ignore", "ignore"],
      env,
      windowsHide: true,
      // Its own process group: a signal to this process's group (even SIGKILL) does not reach it.
      detached: !windows
    })
    watchdog.on("error", () => {})
    watchdog.stdin?.on("error", () => {})
    // Neither the watchdog nor its pipe keep this process alive.
    watchdog.unref()
    unref(watchdog.stdin)
    return watchdog
  } catch {
    return undefined
  }
}

/**
 * A fresh temporary directory, removed when the scope closes: the working directory of an engine that writes
 * files there (DynamoDB Local writes `dynamodb-local-metadata.json`), so nothing lands in the user's project.
 */
export const scratchDir: Effect.Effect<string, never, Scope.Scope> = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(path.join(tmpdir(), "dynofunc-engine-"))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
)

/** Kills the process (SIGKILL: the engines keep nothing worth flushing) and waits until it has ended. */
const kill = (spawned: Spawned): Effect.Effect<void> =>
  Effect.suspend(() => {
    const { child } = spawned
    if (child.exitCode === null && child.signalCode === null) {
      // Keep this process alive until the engine is gone (a script's last release, say).
      child.ref()
      killGroup(child)
    }
    return Deferred.await(spawned.ended)
  }).pipe(Effect.timeout(Duration.seconds(10)), Effect.ignore)

/**
 * Spawns `command` with `args`; the process is killed when the scope closes (interruption included).
 * Fails with `EngineStartError` (`"spawn"`) when it cannot be started (e.g. `java` is not installed).
 */
export const spawnScoped = (
  engine: Engine,
  command: string,
  args: ReadonlyArray<string>,
  cwd?: string
): Effect.Effect<Spawned, EngineStartError, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.flatMap(Deferred.make<Ended>(), (ended) =>
      A.async<Spawned, EngineStartError>((resume) => {
        const output = new Output()
        const child = spawn(command, args, {
          stdio: ["ignore", "pipe", "pipe"],
          windowsHide: true,
          detached: !windows,
          ...(cwd !== undefined && { cwd })
        })
        child.stdout?.setEncoding("utf8").on("data", (chunk: string) => output.append(chunk))
        child.stderr?.setEncoding("utf8").on("data", (chunk: string) => output.append(chunk))
        child.once("error", (cause) =>
          resume(
            Effect.fail(
              new EngineStartError({
                engine,
                reason: "spawn",
                message: `${engine}: could not run ${command}: ${cause.message}`,
                cause
              })
            )
          )
        )
        child.once("spawn", () => {
          const pid = child.pid ?? -1
          child.on("error", () => {})
          installExitHook()
          live.add(child)
          // A scope left open (a test that never released it) must not keep this process alive: the engine is
          // killed when this process exits anyway.
          child.unref()
          unref(child.stdout)
          unref(child.stderr)
          const watchdog = startWatchdog(pid)
          child.once("exit", (exitCode, signal) => {
            live.delete(child)
            watchdog?.stdin?.end()
            A.deferredDoneUnsafe(ended, Effect.succeed({ exitCode, signal }))
          })
          resume(Effect.succeed({ child, pid, output, ended }))
        })
      })
    ),
    kill
  )

const listeningInodes = (port: number): Set<string> | undefined => {
  const inodes = new Set<string>()
  let readAny = false
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string
    try {
      text = readFileSync(table, "utf8")
    } catch {
      continue
    }
    readAny = true
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/)
      const local = fields[1]
      const state = fields[3]
      const inode = fields[9]
      if (local === undefined || state !== "0A" || inode === undefined) continue
      if (Number.parseInt(local.slice(local.lastIndexOf(":") + 1), 16) === port) inodes.add(inode)
    }
  }
  return readAny ? inodes : undefined
}

/** The processes in the group led by `pid` (`pid` itself included); just `pid` where `/proc` cannot tell. */
const groupOf = (pid: number): ReadonlyArray<number> => {
  let entries: Array<string>
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))
  } catch {
    return [pid]
  }
  const members = entries.flatMap((entry) => {
    try {
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so read after the last ')'
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      return Number(fields[2]) === pid ? [Number(entry)] : []
    } catch {
      return []
    }
  })
  return members.includes(pid) ? members : [pid, ...members]
}

const ownsSocket = (pid: number, inodes: ReadonlySet<string>): boolean => {
  let fds: Array<string>
  try {
    fds = readdirSync(`/proc/${pid}/fd`)
  } catch {
    return false
  }
  return fds.some((fd) => {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))
      return match?.[1] !== undefined && inodes.has(match[1])
    } catch {
      return false
    }
  })
}

/**
 * Whether the process `pid` (or a process of its group) is the one listening on `port`: `undefined` where this
 * cannot be told (no `/proc`). Guards against a port taken by another server between choosing it and the engine
 * binding it: the engine then fails to bind, while the other server answers our probes.
 */
export const listensOn = (pid: number, port: number): Effect.Effect<boolean | undefined> =>
  Effect.sync(() => {
    const inodes = listeningInodes(port)
    if (inodes === undefined) return undefined
    if (inodes.size === 0) return false
    try {
      readdirSync(`/proc/${pid}/fd`)
    } catch {
      return undefined
    }
    return groupOf(pid).some((member) => ownsSocket(member, inodes))
  })
