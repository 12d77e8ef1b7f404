/**
 * Credentials of the EC2 instance role through IMDSv2, as the SDK's `fromInstanceMetadata` asks for them: a session
 * token (`PUT /latest/api/token`, `x-aws-ec2-metadata-token-ttl-seconds: 21600`), then with it
 * (`x-aws-ec2-metadata-token`) the role's name (`GET /latest/meta-data/iam/security-credentials/`) and its
 * credentials. One second per request, no retry (the SDK's defaults). `AWS_EC2_METADATA_DISABLED` (any value but
 * `false`) turns it off; `AWS_EC2_METADATA_SERVICE_ENDPOINT`, or `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6`
 * (`http://[fd00:ec2::254]`), moves it from `http://169.254.169.254`. No IMDSv1 fallback: an instance that refuses
 * tokens needs the SDK's chain.
 */
import { Effect } from "effect"
import type { Env, Provider, RemoteOptions } from "../../../AwsCredentials.js"
import type { TransportError } from "../../../DynamoError.js"
import { absent, describeFailure, failure, fetchText, fromJson, retried, type TextAnswer } from "./provider.js"

const source = "instance metadata"

const credentialsPath = "/latest/meta-data/iam/security-credentials/"

/**
 * The instance metadata endpoint `env` chooses.
 *
 * @example
 * import { metadataEndpoint } from "./imds.js"
 * metadataEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "IPv6" }) // "http://[fd00:ec2::254]"
 */
export const metadataEndpoint = (env: Env): string =>
  (env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ||
    (env["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"]?.toLowerCase() === "ipv6" ? "http://[fd00:ec2::254]" : "http://169.254.169.254")).replace(/\/+$/, "")

/**
 * The provider of the instance role (`Absent` when instance metadata is turned off or does not answer: not on EC2).
 *
 * @example
 * import { instanceMetadataProvider } from "./imds.js"
 * instanceMetadataProvider({ AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://127.0.0.1:8080" }, {})
 */
export const instanceMetadataProvider = (env: Env, options: RemoteOptions): Provider => ({
  source,
  resolve: Effect.suspend(() => {
    const disabled = env["AWS_EC2_METADATA_DISABLED"]
    if (disabled && disabled.toLowerCase() !== "false") return Effect.succeed(absent("AWS_EC2_METADATA_DISABLED is set"))
    const endpoint = metadataEndpoint(env)
    const timeout = options.timeout ?? "1 second"
    const ask = (path: string, init: RequestInit): Effect.Effect<TextAnswer, unknown> =>
      retried(fetchText(`${endpoint}${path}`, init, timeout), options.retries ?? 0, "0 millis")
    const answered = (path: string, init: RequestInit, what: string): Effect.Effect<string, TransportError> =>
      Effect.flatMap(
        Effect.mapError(ask(path, init), (error) => failure(source, `${endpoint}: ${describeFailure(error)}`, error)),
        (answer) =>
          answer.status === 200
            ? Effect.succeed(answer.text)
            : Effect.fail(failure(source, answer.status === 404 && path === credentialsPath ? "no IAM role is attached to this instance" : `${what}: HTTP ${answer.status}`))
      )
    return ask("/latest/api/token", { method: "PUT", headers: { "x-aws-ec2-metadata-token-ttl-seconds": "21600" } }).pipe(
      Effect.matchEffect({
        // No answer to the token request: no instance metadata here (not on EC2), the next source's turn.
        onFailure: (error) => Effect.succeed(absent(`no answer from ${endpoint} (${describeFailure(error)})`)),
        onSuccess: (tokenAnswer) =>
          Effect.gen(function* () {
            if (tokenAnswer.status !== 200) return yield* Effect.fail(failure(source, `the session token request: HTTP ${tokenAnswer.status}`))
            const headers = { "x-aws-ec2-metadata-token": tokenAnswer.text }
            const role = (yield* answered(credentialsPath, { headers }, "the role name request")).trim().split(/\s+/)[0] ?? ""
            const credentials = fromJson(yield* answered(`${credentialsPath}${encodeURIComponent(role)}`, { headers }, `the credentials of ${role}`))
            return credentials ?? (yield* Effect.fail(failure(source, `the credentials of ${role} are not in the expected shape`)))
          })
      })
    )
  })
})
