/**
 * The shared `config` and `credentials` files, read as the SDK reads them (`@smithy/shared-ini-file-loader`): `[name]`
 * sections; `key = value` lines; comments from a `#` or `;` at the start of a line or after a space; a key with an
 * empty value opens a sub-section of the indented lines after it (`s3 =` then `  region = …`, kept as `s3.region`).
 * In `config`, profiles are `[profile name]` sections and `[default]`; in `credentials`, every section is one. The
 * credentials file wins key by key over the config file. A file that cannot be read counts as empty.
 */
import { join } from "node:path"
import { Effect } from "effect"
import { fs, os } from "../../builtins.js"
import type { Env } from "../../../AwsCredentials.js"

/** A profile's settings, by key. */
export type Profile = Readonly<Record<string, string>>

/** `[prefix name]` section headers whose prefix is one of the config file's kinds. */
const prefixed = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/
const sectionKinds = ["profile", "sso-session", "services"]

/**
 * The sections of an INI text, by name (`[profile dev]` as `profile.dev`), each a record of its keys.
 *
 * @example
 * import { parseIni } from "./ini.js"
 * parseIni("[default]\naws_access_key_id = AKID\n") // Map { "default" => { aws_access_key_id: "AKID" } }
 */
export const parseIni = (text: string): ReadonlyMap<string, Profile> => {
  const sections = new Map<string, Record<string, string>>()
  let section: Record<string, string> | undefined
  let sub: string | undefined
  for (const line of text.split(/\r?\n/)) {
    const trimmed = (line.split(/(?:^|\s)[;#]/)[0] ?? "").trim()
    if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
      sub = undefined
      const name = trimmed.slice(1, -1)
      const match = prefixed.exec(name)
      const key = match === null ? name : sectionKinds.includes(match[1] ?? "") ? `${match[1]}.${match[3]}` : undefined
      section = key === undefined ? undefined : sections.get(key)
      if (key !== undefined && section === undefined) {
        section = Object.create(null) as Record<string, string>
        sections.set(key, section)
      }
      continue
    }
    const equals = trimmed.indexOf("=")
    if (section === undefined || equals <= 0) continue
    const name = trimmed.slice(0, equals).trim()
    const value = trimmed.slice(equals + 1).trim()
    if (value === "") {
      sub = name
      continue
    }
    if (sub !== undefined && line.trimStart() === line) sub = undefined
    section[sub === undefined ? name : `${sub}.${name}`] = value
  }
  return sections
}

/** The home directory as the SDK finds it: `HOME`, `USERPROFILE`, `HOMEDRIVE` + `HOMEPATH`, else the OS's. */
const home = (env: Env): string => env["HOME"] || env["USERPROFILE"] || (env["HOMEPATH"] ? `${env["HOMEDRIVE"] ?? "C:\\"}${env["HOMEPATH"]}` : os().homedir())

/** `path` with a leading `~/` made the home directory. */
const expand = (env: Env, path: string): string => (path.startsWith("~/") ? join(home(env), path.slice(2)) : path)

const read = (path: string): Effect.Effect<string> => Effect.promise(() => fs().readFile(path, "utf8").catch(() => ""))

/**
 * The profiles of the shared files `env` points at (`AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE`, else
 * `~/.aws/config` and `~/.aws/credentials`), the credentials file's keys over the config file's.
 *
 * @example
 * import { loadProfiles } from "./ini.js"
 * const profiles = loadProfiles({ AWS_CONFIG_FILE: "/tmp/config", AWS_SHARED_CREDENTIALS_FILE: "/tmp/credentials" })
 */
export const loadProfiles = (env: Env): Effect.Effect<ReadonlyMap<string, Profile>> =>
  Effect.map(
    Effect.all([
      read(expand(env, env["AWS_CONFIG_FILE"] || join(home(env), ".aws", "config"))),
      read(expand(env, env["AWS_SHARED_CREDENTIALS_FILE"] || join(home(env), ".aws", "credentials")))
    ]),
    ([config, credentials]) => {
      const profiles = new Map<string, Profile>()
      for (const [name, settings] of parseIni(config)) {
        if (name === "default") profiles.set(name, { ...profiles.get(name), ...settings })
        else if (name.startsWith("profile.")) profiles.set(name.slice(8), { ...profiles.get(name.slice(8)), ...settings })
      }
      for (const [name, settings] of parseIni(credentials)) profiles.set(name, { ...profiles.get(name), ...settings })
      return profiles
    }
  )

/**
 * The profile `env` names (`AWS_PROFILE`, else `default`).
 *
 * @example
 * import { profileName } from "./ini.js"
 * profileName({ AWS_PROFILE: "dev" }) // "dev"
 */
export const profileName = (env: Env): string => env["AWS_PROFILE"] || "default"
