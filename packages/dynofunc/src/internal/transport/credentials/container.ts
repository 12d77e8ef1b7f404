/**
 * Credentials from the container endpoint of ECS tasks and EKS Pod Identity, as the SDK's `fromHttp` asks it:
 * `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on `http://169.254.170.2` (it wins over the full URI), else
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI`, which must be HTTPS or on a loopback address or the ECS/EKS hosts; the
 * `Authorization` header from the file `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read at each refresh: EKS rotates
 * it), else `AWS_CONTAINER_AUTHORIZATION_TOKEN`. One second per request, 3 retries a second apart (the SDK's).
 */
import { Effect } from "effect"
import type { Absent, Env, Provider, RemoteOptions } from "../../../AwsCredentials.js"
import { fs } from "../../builtins.js"
import { absent, describeFailure, failure, fetchText, fromJson, type Resolution, retried } from "./provider.js"

const source = "container endpoint"

/** The hosts a plain-HTTP full URI may name besides loopback: ECS, and EKS Pod Identity (IPv4 and IPv6). */
const containerHosts = ["169.254.170.2", "169.254.170.23", "[fd00:ec2::23]"]

/**
 * Whether the SDK accepts `url` as a full URI: HTTPS, or one of the container hosts, or loopback
 * (`127.0.0.0/8`, `localhost`, `[::1]`).
 *
 * @example
 * import { acceptedUrl } from "./container.js"
 * acceptedUrl(new URL("http://127.0.0.1:8080/creds")) // true
 */
export const acceptedUrl = (url: URL): boolean =>
  url.protocol === "https:" ||
  containerHosts.includes(url.hostname) ||
  url.hostname === "localhost" ||
  url.hostname === "[::1]" ||
  /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(url.hostname)

/**
 * The URL `env` points at, `Absent` when it sets none, or why the full URI it sets is refused.
 *
 * @example
 * import { containerUrl } from "./container.js"
 * containerUrl({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/abc" }) // URL http://169.254.170.2/v2/credentials/abc
 */
export const containerUrl = (env: Env): URL | Absent | string => {
  const relative = env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]
  const full = env["AWS_CONTAINER_CREDENTIALS_FULL_URI"]
  if (relative) return new URL(`http://169.254.170.2${relative}`)
  if (!full) return absent("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set")
  let url: URL
  try {
    url = new URL(full)
  } catch {
    return `AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL`
  }
  return acceptedUrl(url) ? url : `AWS_CONTAINER_CREDENTIALS_FULL_URI must be HTTPS, loopback, 169.254.170.2, 169.254.170.23 or [fd00:ec2::23]`
}

/**
 * The provider of the container endpoint `env` sets up (`Absent` when it sets up none).
 *
 * @example
 * import { containerProvider } from "./container.js"
 * containerProvider({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://127.0.0.1:8080/creds" }, { timeout: "1 second" })
 */
export const containerProvider = (env: Env, options: RemoteOptions): Provider => ({
  source,
  resolve: Effect.suspend((): Resolution => {
    const url = containerUrl(env)
    // A full URI that is set but refused is a failure, not an absence: the environment asked for this source.
    if (typeof url === "string") return Effect.fail(failure(source, url))
    if (!(url instanceof URL)) return Effect.succeed(url)
    const tokenFile = env["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"]
    const token = tokenFile
      ? Effect.tryPromise({ try: () => fs().readFile(tokenFile, "utf8"), catch: (error) => failure(source, `cannot read ${tokenFile}`, error) })
      : Effect.succeed(env["AWS_CONTAINER_AUTHORIZATION_TOKEN"])
    const timeout = options.timeout ?? "1 second"
    const attempt = Effect.flatMap(token, (authorization) => {
      if (authorization?.includes("\r\n")) return Effect.fail(failure(source, "the authorization token holds a line break"))
      const headers: Record<string, string> = authorization ? { authorization: authorization.trim() } : {}
      return Effect.flatMap(
        Effect.mapError(fetchText(url.href, { headers }, timeout), (error) => failure(source, `${url.origin}: ${describeFailure(error)}`, error)),
        ({ status, text }) => {
          const credentials = status === 200 ? fromJson(text) : undefined
          return credentials !== undefined
            ? Effect.succeed(credentials)
            : Effect.fail(failure(source, status === 200 ? "an answer without credentials" : `${url.origin} answered HTTP ${status}`))
        }
      )
    })
    return retried(attempt, options.retries ?? 3, timeout)
  })
})
