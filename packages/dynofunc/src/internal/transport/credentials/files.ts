/**
 * Credentials from a profile of the shared files, resolved as the SDK's `fromIni` does for what it can do without the
 * SDK: `role_arn` with `source_profile` first (the source profile's credentials, recursively, then STS `AssumeRole`
 * with `role_session_name`, `external_id`, `duration_seconds`; a cycle fails), then static keys
 * (`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`), then `role_arn` with
 * `web_identity_token_file`. A profile that asks for SSO, `credential_process`, `credential_source`, a console login
 * or MFA fails saying it needs the SDK's chain.
 */
import { Effect } from "effect"
import type { Env, Provider, Resolved } from "../../../AwsCredentials.js"
import type { TransportError } from "../../../DynamoError.js"
import { loadProfiles, type Profile, profileName } from "./ini.js"
import { absent, failure, resolved } from "./provider.js"
import { sts, stsRegion } from "./sts.js"
import { assumeWithWebIdentity } from "./webIdentity.js"

/** Settings that only the SDK's chain can act on, each with what it is. */
const sdkOnly: ReadonlyArray<readonly [string, string]> = [
  ["sso_session", "SSO"],
  ["sso_start_url", "SSO"],
  ["credential_process", "credential_process"],
  ["credential_source", "credential_source"],
  ["login_session", "console login"]
]

const needsSdk = (name: string, what: string) =>
  `profile ${name} uses ${what}: give HttpClient sdkCredentials() from "dynofunc/sdk" (the AWS SDK's provider chain)`

const hasStaticKeys = (profile: Profile) => Boolean(profile["aws_access_key_id"] && profile["aws_secret_access_key"])

const staticKeys = (profile: Profile): Resolved =>
  resolved(profile["aws_access_key_id"] ?? "", profile["aws_secret_access_key"] ?? "", profile["aws_session_token"] || undefined, undefined)

/**
 * The credentials of profile `name` among `profiles`; `visited` holds the profiles on the way here (`source_profile`).
 *
 * @example
 * import { resolveProfile } from "./files.js"
 * const credentials = resolveProfile("shared files (profile dev)", {}, new Map([["dev", { aws_access_key_id: "AKID", aws_secret_access_key: "s" }]]), "dev", [])
 */
export const resolveProfile = (
  source: string,
  env: Env,
  profiles: ReadonlyMap<string, Profile>,
  name: string,
  visited: ReadonlyArray<string>
): Effect.Effect<Resolved | undefined, TransportError> => {
  const profile = profiles.get(name)
  if (profile === undefined) return visited.length === 0 ? Effect.succeed(undefined) : Effect.fail(failure(source, `source_profile ${name} is not in the shared files`))
  // A source profile with keys gives them, whatever else it says (the SDK's rule).
  if (visited.length > 0 && hasStaticKeys(profile)) return Effect.succeed(staticKeys(profile))
  const roleArn = profile["role_arn"]
  const sourceProfile = profile["source_profile"]
  if (roleArn && sourceProfile) {
    if (visited.includes(sourceProfile) || sourceProfile === name) {
      return Effect.fail(failure(source, `the profiles form a cycle: ${[...visited, name, sourceProfile].join(" → ")}`))
    }
    if (profile["mfa_serial"]) return Effect.fail(failure(source, needsSdk(name, "MFA (mfa_serial)")))
    return Effect.flatMap(resolveProfile(source, env, profiles, sourceProfile, [...visited, name]), (sourceCredentials) =>
      sourceCredentials === undefined
        ? Effect.fail(failure(source, `source_profile ${sourceProfile} of profile ${name} has no credentials`))
        : sts(source, env, stsRegion(env, profile["region"]), {
            action: "AssumeRole",
            params: {
              RoleArn: roleArn,
              RoleSessionName: profile["role_session_name"] || `aws-sdk-js-${Date.now()}`,
              ExternalId: profile["external_id"],
              DurationSeconds: profile["duration_seconds"] || "3600"
            },
            signWith: sourceCredentials
          })
    )
  }
  if (hasStaticKeys(profile)) return Effect.succeed(staticKeys(profile))
  const tokenFile = profile["web_identity_token_file"]
  if (roleArn && tokenFile) {
    return assumeWithWebIdentity(source, env, { tokenFile, roleArn, sessionName: profile["role_session_name"], region: profile["region"] })
  }
  const unsupported = sdkOnly.find(([key]) => profile[key] !== undefined)
  if (unsupported !== undefined) return Effect.fail(failure(source, needsSdk(name, unsupported[1])))
  return visited.length === 0 ? Effect.succeed(undefined) : Effect.fail(failure(source, `source_profile ${name} has no credentials`))
}

/**
 * The provider of profile `profile` (else `AWS_PROFILE`, else `default`) of the shared files `env` points at.
 *
 * @example
 * import { filesProvider } from "./files.js"
 * filesProvider({ AWS_PROFILE: "dev" }, undefined)
 */
export const filesProvider = (env: Env, profile: string | undefined): Provider => {
  const name = () => profile || profileName(env)
  return {
    source: "shared files",
    resolve: Effect.suspend(() => {
      const source = `shared files (profile ${name()})`
      return Effect.flatMap(loadProfiles(env), (profiles) =>
        Effect.map(resolveProfile(source, env, profiles, name(), []), (credentials) =>
          credentials ?? absent(profiles.has(name()) ? `profile ${name()} has no credentials` : `no profile ${name()} in the shared files`)
        )
      )
    })
  }
}
