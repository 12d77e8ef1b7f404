/**
 * The region a lean client left without one signs for, found as the SDK finds it: `AWS_REGION`, then
 * `AWS_DEFAULT_REGION` (the AWS CLI's), then the `region` of the profile (`AWS_PROFILE`, else `default`) in the shared
 * config files.
 */
import { Effect } from "effect"
import type { Env } from "../../AwsCredentials.js"
import { loadProfiles, profileName } from "./credentials/ini.js"

/**
 * The region `env` and the shared files give, or `undefined`.
 *
 * @example
 * import { regionOf } from "./region.js"
 * const region = regionOf(process.env)
 */
export const regionOf = (env: Env): Effect.Effect<string | undefined> => {
  const fromEnv = env["AWS_REGION"] || env["AWS_DEFAULT_REGION"]
  return fromEnv ? Effect.succeed(fromEnv) : Effect.map(loadProfiles(env), (profiles) => profiles.get(profileName(env))?.["region"] || undefined)
}
