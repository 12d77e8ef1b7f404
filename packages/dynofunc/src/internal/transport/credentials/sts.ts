/**
 * The two STS calls the providers make, over `fetch` with STS's query protocol (a form posted to `/`, an XML answer
 * read minimally): `AssumeRoleWithWebIdentity` (unsigned: the token is the proof) and `AssumeRole` (signed with
 * SigV4 by the source credentials). The endpoint is the region's (`https://sts.<region>.amazonaws.com`), or
 * `AWS_ENDPOINT_URL_STS` / `AWS_ENDPOINT_URL` as the SDK allows (tests point it at a loopback server).
 */
import { Effect, Redacted } from "effect"
import type { Env, Resolved } from "../../../AwsCredentials.js"
import type { TransportError } from "../../../DynamoError.js"
import { dnsSuffix } from "../endpoint.js"
import { amzDate, authorization, canonicalHeaders } from "../sigv4.js"
import { describeFailure, failure, fetchText, resolved } from "./provider.js"

/** One call: its action, its parameters, and for `AssumeRole` the credentials that sign it. */
export interface StsCall {
  readonly action: "AssumeRole" | "AssumeRoleWithWebIdentity"
  readonly params: Readonly<Record<string, string | undefined>>
  readonly signWith?: Resolved | undefined
}

const contentType = "application/x-www-form-urlencoded; charset=utf-8"

/** How long one STS call may take. */
const timeout = "5 seconds"

/**
 * The region STS is called in: `AWS_REGION`, `AWS_DEFAULT_REGION`, else `us-east-1` (the SDK's default).
 *
 * @example
 * import { stsRegion } from "./sts.js"
 * stsRegion({ AWS_REGION: "eu-west-1" }) // "eu-west-1"
 */
export const stsRegion = (env: Env, region?: string | undefined): string =>
  region || env["AWS_REGION"] || env["AWS_DEFAULT_REGION"] || "us-east-1"

/**
 * STS's endpoint for `region`, or the one `env` sets.
 *
 * @example
 * import { stsEndpoint } from "./sts.js"
 * stsEndpoint({}, "eu-west-1") // "https://sts.eu-west-1.amazonaws.com"
 */
export const stsEndpoint = (env: Env, region: string): string =>
  env["AWS_ENDPOINT_URL_STS"] || env["AWS_ENDPOINT_URL"] || `https://sts.${region}.${dnsSuffix(region)}`

const entities: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }

/** The text of the first `<name>` element of `xml`, entities decoded. */
const element = (xml: string, name: string): string | undefined => {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)
  return match?.[1]?.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) =>
    entity.startsWith("#")
      ? String.fromCodePoint(entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)))
      : (entities[entity] ?? whole)
  )
}

/**
 * The credentials in an STS answer (`<Credentials>` with `AccessKeyId`, `SecretAccessKey`, `SessionToken`,
 * `Expiration`), or `undefined`.
 *
 * @example
 * import { credentialsOf } from "./sts.js"
 * credentialsOf("<Credentials><AccessKeyId>AKID</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>")
 */
export const credentialsOf = (xml: string): Resolved | undefined => {
  const block = /<Credentials>([\s\S]*?)<\/Credentials>/.exec(xml)?.[1]
  if (block === undefined) return undefined
  const [accessKeyId, secretAccessKey, sessionToken, expires] = ["AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"].map((name) => element(block, name))
  const expiration = expires === undefined ? undefined : new Date(expires)
  return accessKeyId && secretAccessKey && sessionToken && expiration && !Number.isNaN(expiration.getTime())
    ? resolved(accessKeyId, secretAccessKey, sessionToken, expiration)
    : undefined
}

/**
 * Makes `call` at STS in `region`; fails, naming `source`, with STS's error code and message, or why it got no answer.
 *
 * @example
 * import { sts } from "./sts.js"
 * const assumed = sts("web identity", {}, "eu-west-1", {
 *   action: "AssumeRoleWithWebIdentity",
 *   params: { RoleArn: "arn:aws:iam::123456789012:role/app", RoleSessionName: "app", WebIdentityToken: "eyJ…" }
 * })
 */
export const sts = (source: string, env: Env, region: string, call: StsCall): Effect.Effect<Resolved, TransportError> =>
  Effect.suspend(() => {
    const url = new URL(stsEndpoint(env, region))
    const form = new URLSearchParams({ Action: call.action, Version: "2011-06-15" })
    for (const [name, value] of Object.entries(call.params)) if (value !== undefined) form.set(name, value)
    const body = form.toString()
    const headers: Record<string, string> = { "content-type": contentType }
    const signing = call.signWith
    if (signing !== undefined) {
      const date = amzDate(Date.now())
      headers["x-amz-date"] = date
      if (signing.sessionToken !== undefined) headers["x-amz-security-token"] = Redacted.value(signing.sessionToken)
      const clear = { accessKeyId: signing.accessKeyId, secretAccessKey: Redacted.value(signing.secretAccessKey), sessionToken: headers["x-amz-security-token"] }
      const signed = canonicalHeaders([...Object.entries(headers), ["host", url.host]])
      headers["authorization"] = authorization({ method: "POST", path: url.pathname || "/", headers: signed, body }, clear, date, region, "sts")
    }
    return Effect.flatMap(
      Effect.mapError(fetchText(url.href, { method: "POST", headers, body }, timeout), (error) =>
        failure(source, `STS ${call.action} at ${url.origin}: ${describeFailure(error)}`, error)
      ),
      ({ status, text }) => {
        const credentials = status === 200 ? credentialsOf(text) : undefined
        if (credentials !== undefined) return Effect.succeed(credentials)
        const problem = status === 200 ? "an answer without credentials" : `${element(text, "Code") ?? `HTTP ${status}`}: ${element(text, "Message") ?? "no message"}`
        return Effect.fail(failure(source, `STS ${call.action} failed: ${problem}`))
      }
    )
  })
