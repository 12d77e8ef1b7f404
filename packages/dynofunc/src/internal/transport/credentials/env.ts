/**
 * Credentials from environment variables, as the SDK's `fromEnv` reads them: `AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY`, optionally `AWS_SESSION_TOKEN` and `AWS_CREDENTIAL_EXPIRATION` (an ISO date).
 */
import { Effect } from "effect"
import type { Env, Provider } from "../../../AwsCredentials.js"
import { absent, failure, resolved, type Resolution } from "./provider.js"

const source = "environment"

/**
 * The provider of the credentials in `env`.
 *
 * @example
 * import { envProvider } from "./env.js"
 * envProvider({ AWS_ACCESS_KEY_ID: "AKID", AWS_SECRET_ACCESS_KEY: "secret" })
 */
export const envProvider = (env: Env): Provider => ({
  source,
  resolve: Effect.suspend((): Resolution => {
    const accessKeyId = env["AWS_ACCESS_KEY_ID"]
    const secretAccessKey = env["AWS_SECRET_ACCESS_KEY"]
    if (!accessKeyId || !secretAccessKey) return Effect.succeed(absent("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set"))
    const expires = env["AWS_CREDENTIAL_EXPIRATION"]
    const expiration = expires ? new Date(expires) : undefined
    if (expiration !== undefined && Number.isNaN(expiration.getTime())) {
      return Effect.fail(failure(source, "AWS_CREDENTIAL_EXPIRATION is not a date"))
    }
    return Effect.succeed(resolved(accessKeyId, secretAccessKey, env["AWS_SESSION_TOKEN"] || undefined, expiration))
  })
})
