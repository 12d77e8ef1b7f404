/**
 * AWS Signature Version 4 on `node:crypto`, for requests without a query string (DynamoDB's JSON protocol always
 * posts to `/`). The signing key is derived once per (secret key, day, region, service) and kept.
 * Golden-tested against AWS's published SigV4 test-suite vectors (`test/transport/sigv4.test.ts`).
 */
import type * as Crypto from "node:crypto"
import { crypto } from "../builtins.js"

/** The credentials a signature needs, in the clear: they never leave this module's callers. */
export interface SigningCredentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string | undefined
}

/** One request to sign: its headers in canonical form (`canonicalHeaders`) and its body. */
export interface SignableRequest {
  readonly method: string
  /** The canonical (already normalised and encoded) path, e.g. `/`. */
  readonly path: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string
}

const algorithm = "AWS4-HMAC-SHA256"

const hmac = (key: Buffer | string, data: string): Buffer => crypto().createHmac("sha256", key).update(data, "utf8").digest()

/** Node's one-shot hash (20.12+, no Hash object per call) where it has one; chosen on the first call, with `node:crypto`. */
const sha256Hex = (data: string): string => (chosenSha256Hex ??= chooseSha256Hex())(data)

let chosenSha256Hex: ((data: string) => string) | undefined

const chooseSha256Hex = (): ((data: string) => string) => {
  const { hash, createHash } = crypto() as typeof Crypto & { hash?: (algorithm: string, data: string, encoding: "hex") => string }
  return hash !== undefined ? (data) => hash("sha256", data, "hex") : (data) => createHash("sha256").update(data, "utf8").digest("hex")
}

let lastSecond = Number.NaN
let lastDate = ""

/** `20150830T123600Z` for `epochMillis` (the last one kept: calls in the same second share it). */
export const amzDate = (epochMillis: number): string => {
  const second = Math.floor(epochMillis / 1000)
  if (second !== lastSecond) {
    const iso = new Date(second * 1000).toISOString()
    lastDate = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
    lastSecond = second
  }
  return lastDate
}

/** A header value as SigV4 reads it: trimmed, inner runs of spaces collapsed to one. */
const canonicalValue = (value: string): string => value.trim().replace(/\s+/g, " ")

/**
 * `headers` in canonical form: names in lower case, sorted, values trimmed, repeated names joined with commas.
 * A caller whose headers are canonical already (DynamoDB's fixed set) skips this.
 *
 * @example
 * import { canonicalHeaders } from "./sigv4.js"
 * canonicalHeaders([["X-Amz-Date", "20150830T123600Z"], ["Host", "example.amazonaws.com"]])
 * // [["host", "example.amazonaws.com"], ["x-amz-date", "20150830T123600Z"]]
 */
export const canonicalHeaders = (headers: ReadonlyArray<readonly [string, string]>): ReadonlyArray<readonly [string, string]> => {
  const byName = new Map<string, Array<string>>()
  for (const [name, value] of headers) {
    const lower = name.toLowerCase()
    const values = byName.get(lower)
    if (values === undefined) byName.set(lower, [canonicalValue(value)])
    else values.push(canonicalValue(value))
  }
  return [...byName.keys()].sort().map((name) => [name, byName.get(name)?.join(",") ?? ""] as const)
}

/** The canonical request of `request` (no query string) and its signed header names. */
export const canonicalRequest = (request: SignableRequest): { readonly text: string; readonly signed: string } => {
  let block = ""
  let signed = ""
  for (const [name, value] of request.headers) {
    block += `${name}:${value}\n`
    signed = signed === "" ? name : `${signed};${name}`
  }
  return { text: `${request.method}\n${request.path}\n\n${block}\n${signed}\n${sha256Hex(request.body)}`, signed }
}

/** `20150830/us-east-1/service/aws4_request` */
const scopeOf = (date: string, region: string, service: string) => `${date.slice(0, 8)}/${region}/${service}/aws4_request`

/** The string to sign for a canonical request made at `date` (an `amzDate`). */
export const stringToSign = (canonical: string, date: string, region: string, service: string): string =>
  `${algorithm}\n${date}\n${scopeOf(date, region, service)}\n${sha256Hex(canonical)}`

/** Derived signing keys by secret, day, region and service: one entry a day per identity in practice. */
const signingKeys = new Map<string, Buffer>()

const signingKey = (secretAccessKey: string, day: string, region: string, service: string): Buffer => {
  const id = `${secretAccessKey}\n${day}\n${region}\n${service}`
  let key = signingKeys.get(id)
  if (key === undefined) {
    key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), "aws4_request")
    // Yesterday's keys are of no more use: the map never holds more than the current day's identities.
    if (signingKeys.size > 64) signingKeys.clear()
    signingKeys.set(id, key)
  }
  return key
}

/**
 * The `authorization` header value for `request` made at `date` (an `amzDate`); `request.headers`, canonical, must
 * already hold `host`, `x-amz-date` and, with temporary credentials, `x-amz-security-token`.
 *
 * @example
 * import { amzDate, authorization } from "./sigv4.js"
 * const date = amzDate(Date.now())
 * authorization({ method: "POST", path: "/", headers: [["host", "dynamodb.eu-west-1.amazonaws.com"], ["x-amz-date", date]], body: "{}" },
 *   { accessKeyId: "AKID", secretAccessKey: "secret" }, date, "eu-west-1", "dynamodb")
 */
export const authorization = (
  request: SignableRequest,
  credentials: SigningCredentials,
  date: string,
  region: string,
  service: string
): string => {
  const canonical = canonicalRequest(request)
  return sign(canonical.text, canonical.signed, credentials, date, region, service)
}

/** The `authorization` value for a canonical request and its signed header names. */
const sign = (canonical: string, signed: string, credentials: SigningCredentials, date: string, region: string, service: string): string => {
  const key = signingKey(credentials.secretAccessKey, date.slice(0, 8), region, service)
  const signature = crypto().createHmac("sha256", key).update(stringToSign(canonical, date, region, service), "utf8").digest("hex")
  return `${algorithm} Credential=${credentials.accessKeyId}/${scopeOf(date, region, service)}, SignedHeaders=${signed}, Signature=${signature}`
}

/** The headers of a JSON request that `jsonPostAuthorization` signs besides `x-amz-date` and the session token. */
export interface JsonPost {
  readonly contentType: string
  readonly host: string
  /** `x-amz-target`, e.g. `DynamoDB_20120810.GetItem`. */
  readonly target: string
  readonly body: string
}

/**
 * What `authorization` gives for a POST to `/` signing exactly `content-type`, `host`, `x-amz-date`,
 * `x-amz-security-token` (with temporary credentials) and `x-amz-target` — DynamoDB's fixed set, values canonical
 * already — with the canonical request written as one string, no header tuples: the lean client's per-call path.
 *
 * @example
 * import { amzDate, jsonPostAuthorization } from "./sigv4.js"
 * const date = amzDate(Date.now())
 * jsonPostAuthorization({ contentType: "application/x-amz-json-1.0", host: "dynamodb.eu-west-1.amazonaws.com", target: "DynamoDB_20120810.ListTables", body: "{}" },
 *   { accessKeyId: "AKID", secretAccessKey: "secret" }, date, "eu-west-1", "dynamodb")
 */
export const jsonPostAuthorization = (
  request: JsonPost,
  credentials: SigningCredentials,
  date: string,
  region: string,
  service: string
): string => {
  const token = credentials.sessionToken
  const start = `POST\n/\n\ncontent-type:${request.contentType}\nhost:${request.host}\nx-amz-date:${date}\n`
  const payload = sha256Hex(request.body)
  return token === undefined
    ? sign(`${start}x-amz-target:${request.target}\n\n${withoutToken}\n${payload}`, withoutToken, credentials, date, region, service)
    : sign(`${start}x-amz-security-token:${token}\nx-amz-target:${request.target}\n\n${withToken}\n${payload}`, withToken, credentials, date, region, service)
}

const withoutToken = "content-type;host;x-amz-date;x-amz-target"
const withToken = "content-type;host;x-amz-date;x-amz-security-token;x-amz-target"
