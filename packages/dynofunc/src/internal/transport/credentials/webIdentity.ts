/**
 * Web identity credentials (EKS IRSA, CI OIDC tokens), as the SDK's `fromTokenFile` finds them: the token in the file
 * `AWS_WEB_IDENTITY_TOKEN_FILE` exchanged for the role `AWS_ROLE_ARN` through STS `AssumeRoleWithWebIdentity`, the
 * session named `AWS_ROLE_SESSION_NAME` (else `aws-sdk-js-session-<now>`, the SDK's default). The token file is read
 * again at each refresh: the platform rotates it.
 */
import { Effect } from "effect"
import type { Env, Provider, Resolved } from "../../../AwsCredentials.js"
import { fs } from "../../builtins.js"
import type { TransportError } from "../../../DynamoError.js"
import { absent, failure, type Resolution } from "./provider.js"
import { sts, stsRegion } from "./sts.js"

/** A web identity: the token's file, the role, the session name and the STS region. */
export interface WebIdentity {
  readonly tokenFile: string
  readonly roleArn: string
  readonly sessionName?: string | undefined
  readonly region?: string | undefined
}

/**
 * The credentials of `identity`, named `source` in errors.
 *
 * @example
 * import { assumeWithWebIdentity } from "./webIdentity.js"
 * const assumed = assumeWithWebIdentity("web identity", {}, { tokenFile: "/var/run/secrets/token", roleArn: "arn:aws:iam::123456789012:role/app" })
 */
export const assumeWithWebIdentity = (source: string, env: Env, identity: WebIdentity): Effect.Effect<Resolved, TransportError> =>
  Effect.flatMap(
    Effect.tryPromise({
      try: () => fs().readFile(identity.tokenFile, "ascii"),
      catch: (error) => failure(source, `cannot read the web identity token file ${identity.tokenFile}`, error)
    }),
    (token) =>
      sts(source, env, stsRegion(env, identity.region), {
        action: "AssumeRoleWithWebIdentity",
        params: { RoleArn: identity.roleArn, RoleSessionName: identity.sessionName || `aws-sdk-js-session-${Date.now()}`, WebIdentityToken: token.trim() }
      })
  )

const source = "web identity"

/**
 * The provider of the web identity `env` sets up.
 *
 * @example
 * import { webIdentityProvider } from "./webIdentity.js"
 * webIdentityProvider({ AWS_WEB_IDENTITY_TOKEN_FILE: "/var/run/secrets/token", AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/app" })
 */
export const webIdentityProvider = (env: Env): Provider => ({
  source,
  resolve: Effect.suspend((): Resolution => {
    const tokenFile = env["AWS_WEB_IDENTITY_TOKEN_FILE"]
    const roleArn = env["AWS_ROLE_ARN"]
    if (!tokenFile || !roleArn) return Effect.succeed(absent("AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not both set"))
    return assumeWithWebIdentity(source, env, { tokenFile, roleArn, sessionName: env["AWS_ROLE_SESSION_NAME"] })
  })
})
