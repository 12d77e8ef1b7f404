/**
 * The lean client's own credential providers, each against fake environments, temporary files and a loopback server
 * playing instance metadata, the container endpoint and STS (nothing here talks to 169.254.x.x), the cache and its
 * refresh, and an end-to-end call signed with environment credentials on DynamoDB Local.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import type { IncomingMessage, ServerResponse } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { AwsCredentials, HttpClient, execute, find, create, add } from "dynofunc"
import { DynamoDBLocal } from "@dynofunc/testing"
import { parseIni } from "../../src/internal/transport/credentials/ini.js"
import { containerUrl } from "../../src/internal/transport/credentials/container.js"
import { credentialsOf } from "../../src/internal/transport/credentials/sts.js"
import { credentialSource } from "../../src/internal/transport/credentials/source.js"
import { endpointOf, server } from "../support/httpServer.js"
import * as T from "#test-effect"

const dir = mkdtempSync(join(tmpdir(), "dynofunc-credentials-"))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
/** An environment with no shared files of the machine's user. */
const isolated = { HOME: dir, AWS_CONFIG_FILE: join(dir, "none"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "none") }
const later = new Date(Date.now() + 60 * 60 * 1000).toISOString()

interface Seen {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage["headers"]
  readonly body: string
}
/** A loopback server answering with `answer`, remembering every request. */
const fake = (answer: (request: Seen, response: ServerResponse) => void) => {
  const seen: Array<Seen> = []
  return Effect.map(
    server((request, response) => {
      let body = ""
      request.on("data", (chunk: Buffer) => (body += chunk.toString()))
      request.on("end", () => {
        const entry = { method: request.method ?? "", url: request.url ?? "", headers: request.headers, body }
        seen.push(entry)
        answer(entry, response)
      })
    }),
    (s) => ({ endpoint: endpointOf(s), seen })
  )
}
const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { "content-type": "application/json" })
  response.end(typeof body === "string" ? body : JSON.stringify(body))
}
const stsAnswer = (key: string) =>
  `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>s&amp;cret</SecretAccessKey><SessionToken>tok&lt;en</SessionToken><Expiration>${later}</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>`

const resolve = (provider: AwsCredentials.Provider) => provider.resolve
const keyOf = (answer: AwsCredentials.Resolved | AwsCredentials.Absent) => ("accessKeyId" in answer ? answer.accessKeyId : answer)

describe("environment", () => {
  T.scoped("reads the keys, the session token and the expiration; secrets Redacted", () =>
    Effect.gen(function* () {
      const answer = yield* resolve(AwsCredentials.fromEnv({ env: { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "secret", AWS_SESSION_TOKEN: "token", AWS_CREDENTIAL_EXPIRATION: later } }))
      expect(answer).toMatchObject({ accessKeyId: "AKIDENV", expiration: new Date(later) })
      const resolved = answer as AwsCredentials.Resolved
      expect(Redacted.isRedacted(resolved.secretAccessKey) && Redacted.value(resolved.secretAccessKey)).toBe("secret")
      expect(String(resolved.secretAccessKey)).not.toContain("secret")
      expect(resolved.sessionToken && Redacted.value(resolved.sessionToken)).toBe("token")
    }))

  T.scoped("absent without both keys", () =>
    Effect.gen(function* () {
      expect(yield* resolve(AwsCredentials.fromEnv({ env: { AWS_ACCESS_KEY_ID: "AKID" } }))).toMatchObject({ _tag: "Absent" })
    }))
})

describe("shared files", () => {
  it("parses sections, comments and sub-sections as the SDK does", () => {
    const parsed = parseIni("# comment\n[default]\nregion = eu-west-1 ; trailing\n[profile dev]\ns3 =\n  max = 10\nregion=us-east-1\n[sso-session x]\nsso_region = y\n[foo bar]\nk = v\n")
    expect(Object.fromEntries([...parsed].map(([name, values]) => [name, { ...values }]))).toEqual({
      default: { region: "eu-west-1" },
      "profile.dev": { "s3.max": "10", region: "us-east-1" },
      "sso-session.x": { sso_region: "y" }
    })
  })

  T.scoped("a profile's static keys; the credentials file wins over the config file; AWS_PROFILE picks the profile", () =>
    Effect.gen(function* () {
      const env = {
        ...isolated,
        AWS_CONFIG_FILE: file("config1", "[profile dev]\naws_access_key_id = FROMCONFIG\naws_secret_access_key = c\n[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = d\n"),
        AWS_SHARED_CREDENTIALS_FILE: file("credentials1", "[dev]\naws_access_key_id = FROMCREDENTIALS\n")
      }
      expect(keyOf(yield* resolve(AwsCredentials.fromFiles({ env: { ...env, AWS_PROFILE: "dev" } })))).toBe("FROMCREDENTIALS")
      expect(keyOf(yield* resolve(AwsCredentials.fromFiles({ env })))).toBe("DEFAULTKEY")
      expect(yield* resolve(AwsCredentials.fromFiles({ env, profile: "nope" }))).toEqual({ _tag: "Absent", reason: "no profile nope in the shared files" })
    }))

  T.scoped("role_arn with source_profile: AssumeRole at STS, signed with the source profile's keys", () =>
    Effect.gen(function* () {
      const sts = yield* fake((_, response) => {
        response.writeHead(200, { "content-type": "text/xml" })
        response.end(stsAnswer("ASSUMED"))
      })
      const env = {
        ...isolated,
        AWS_ENDPOINT_URL_STS: sts.endpoint,
        AWS_CONFIG_FILE: file("config2", "[profile app]\nrole_arn = arn:aws:iam::123456789012:role/app\nsource_profile = base\nregion = eu-west-1\nexternal_id = ext\n"),
        AWS_SHARED_CREDENTIALS_FILE: file("credentials2", "[base]\naws_access_key_id = BASEKEY\naws_secret_access_key = b\n")
      }
      const answer = (yield* resolve(AwsCredentials.fromFiles({ env, profile: "app" }))) as AwsCredentials.Resolved
      expect(answer.accessKeyId).toBe("ASSUMED")
      expect(Redacted.value(answer.secretAccessKey)).toBe("s&cret")
      expect(answer.sessionToken && Redacted.value(answer.sessionToken)).toBe("tok<en")
      const request = sts.seen[0]!
      expect(new URLSearchParams(request.body).get("Action")).toBe("AssumeRole")
      expect(new URLSearchParams(request.body).get("ExternalId")).toBe("ext")
      expect(request.headers["authorization"]).toMatch(/^AWS4-HMAC-SHA256 Credential=BASEKEY\/\d{8}\/eu-west-1\/sts\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/)
    }))

  T.scoped("a cycle, and SSO, fail naming the profile", () =>
    Effect.gen(function* () {
      const env = {
        ...isolated,
        AWS_CONFIG_FILE: file("config3", "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n[profile sso]\nsso_session = corp\n")
      }
      expect((yield* Effect.flip(resolve(AwsCredentials.fromFiles({ env, profile: "a" })))).message).toContain("cycle: a → b → a")
      const sso = yield* Effect.flip(resolve(AwsCredentials.fromFiles({ env, profile: "sso" })))
      expect(sso).toMatchObject({ _tag: "TransportError", reason: "Other" })
      expect(sso.message).toContain('profile sso uses SSO: give HttpClient sdkCredentials() from "dynofunc/sdk"')
    }))
})

describe("web identity", () => {
  T.scoped("exchanges the token file's token at STS, unsigned", () =>
    Effect.gen(function* () {
      const sts = yield* fake((_, response) => {
        response.writeHead(200, { "content-type": "text/xml" })
        response.end(stsAnswer("WEBID").replaceAll("AssumeRole", "AssumeRoleWithWebIdentity"))
      })
      const env = { AWS_ENDPOINT_URL_STS: sts.endpoint, AWS_WEB_IDENTITY_TOKEN_FILE: file("token", "eyJtoken\n"), AWS_ROLE_ARN: "arn:aws:iam::1:role/web", AWS_ROLE_SESSION_NAME: "ci" }
      expect(keyOf(yield* resolve(AwsCredentials.fromWebIdentity({ env })))).toBe("WEBID")
      const form = new URLSearchParams(sts.seen[0]!.body)
      expect([form.get("Action"), form.get("RoleArn"), form.get("RoleSessionName"), form.get("WebIdentityToken")]).toEqual(["AssumeRoleWithWebIdentity", "arn:aws:iam::1:role/web", "ci", "eyJtoken"])
      expect(sts.seen[0]!.headers["authorization"]).toBeUndefined()
    }))

  T.scoped("STS's error answer becomes a TransportError with its code and message", () =>
    Effect.gen(function* () {
      const sts = yield* fake((_, response) => {
        response.writeHead(400, { "content-type": "text/xml" })
        response.end("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Token expired</Message></Error></ErrorResponse>")
      })
      const env = { AWS_ENDPOINT_URL_STS: sts.endpoint, AWS_WEB_IDENTITY_TOKEN_FILE: file("token2", "t"), AWS_ROLE_ARN: "arn:aws:iam::1:role/web" }
      const error = yield* Effect.flip(resolve(AwsCredentials.fromWebIdentity({ env })))
      expect(error.message).toBe("AWS credentials from web identity: STS AssumeRoleWithWebIdentity failed: InvalidIdentityToken: Token expired")
    }))

  it("reads STS's XML minimally", () => {
    expect(credentialsOf("<Credentials><AccessKeyId>A</AccessKeyId></Credentials>")).toBeUndefined()
    expect(credentialsOf(stsAnswer("K"))?.accessKeyId).toBe("K")
  })
})

describe("container endpoint", () => {
  it("the relative URI is on 169.254.170.2 and wins; a plain-HTTP full URI must be loopback or a container host", () => {
    expect(String(containerUrl({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/creds", AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://127.0.0.1/x" }))).toBe("http://169.254.170.2/v2/creds")
    expect(String(containerUrl({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://169.254.170.23/v1/credentials" }))).toBe("http://169.254.170.23/v1/credentials")
    expect(containerUrl({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://example.com/creds" })).toContain("must be HTTPS")
    expect(containerUrl({})).toMatchObject({ _tag: "Absent" })
  })

  T.scoped("asks the full URI with the token file's token as Authorization", () =>
    Effect.gen(function* () {
      const endpoint = yield* fake((_, response) => json(response, 200, { AccessKeyId: "CONTAINER", SecretAccessKey: "s", Token: "t", Expiration: later }))
      const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${endpoint.endpoint}/v1/credentials`, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file("eks-token", "pod-token\n"), AWS_CONTAINER_AUTHORIZATION_TOKEN: "ignored" }
      expect(keyOf(yield* resolve(AwsCredentials.fromContainer({ env })))).toBe("CONTAINER")
      expect(endpoint.seen[0]).toMatchObject({ method: "GET", url: "/v1/credentials", headers: { authorization: "pod-token" } })
    }))

  it.live("retries, a timeout apart, then fails naming the status", () =>
    Effect.gen(function* () {
      const endpoint = yield* fake((_, response) => json(response, 500, "{}"))
      const env = { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${endpoint.endpoint}/creds` }
      // A timeout a loaded machine never reaches on loopback (20 ms did, under a busy run): the 500s are what fail.
      const error = yield* Effect.flip(resolve(AwsCredentials.fromContainer({ env, timeout: "500 millis", retries: 2 })))
      expect(error.message).toBe(`AWS credentials from container endpoint: ${endpoint.endpoint} answered HTTP 500`)
      expect(endpoint.seen).toHaveLength(3)
    }).pipe(Effect.scoped))
})

describe("instance metadata (IMDSv2)", () => {
  const imds = (role = "app-role") =>
    fake((request, response) => {
      if (request.method === "PUT" && request.url === "/latest/api/token") return json(response, 200, "TOKEN123")
      if (request.headers["x-aws-ec2-metadata-token"] !== "TOKEN123") return json(response, 401, "")
      if (request.url === "/latest/meta-data/iam/security-credentials/") return json(response, 200, `${role}\n`)
      if (request.url === `/latest/meta-data/iam/security-credentials/${role}`) {
        return json(response, 200, { Code: "Success", AccessKeyId: "INSTANCE", SecretAccessKey: "s", Token: "t", Expiration: later })
      }
      json(response, 404, "")
    })

  T.scoped("token PUT with its TTL header, then the role, then its credentials", () =>
    Effect.gen(function* () {
      const server = yield* imds()
      expect(keyOf(yield* resolve(AwsCredentials.fromInstanceMetadata({ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: `${server.endpoint}/` } })))).toBe("INSTANCE")
      expect(server.seen.map((request) => `${request.method} ${request.url}`)).toEqual([
        "PUT /latest/api/token",
        "GET /latest/meta-data/iam/security-credentials/",
        "GET /latest/meta-data/iam/security-credentials/app-role"
      ])
      expect(server.seen[0]!.headers["x-aws-ec2-metadata-token-ttl-seconds"]).toBe("21600")
    }))

  T.scoped("turned off by AWS_EC2_METADATA_DISABLED; absent when nothing answers", () =>
    Effect.gen(function* () {
      expect(yield* resolve(AwsCredentials.fromInstanceMetadata({ env: { AWS_EC2_METADATA_DISABLED: "true" } }))).toEqual({ _tag: "Absent", reason: "AWS_EC2_METADATA_DISABLED is set" })
      const answer = yield* resolve(AwsCredentials.fromInstanceMetadata({ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://127.0.0.1:1" } }))
      expect(answer).toMatchObject({ _tag: "Absent", reason: expect.stringContaining("no answer from http://127.0.0.1:1") })
    }))

  it.live("a metadata service that does not answer in time is absent after the timeout", () =>
    Effect.gen(function* () {
      const silent = yield* fake(() => {})
      const started = Date.now()
      const answer = yield* resolve(AwsCredentials.fromInstanceMetadata({ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: silent.endpoint }, timeout: "100 millis" }))
      expect(answer).toMatchObject({ _tag: "Absent", reason: expect.stringContaining("timed out") })
      expect(Date.now() - started).toBeLessThan(2000)
    }).pipe(Effect.scoped))
})

describe("the default chain", () => {
  T.scoped("environment first; AWS_PROFILE skips it for the files", () =>
    Effect.gen(function* () {
      const env = { ...isolated, AWS_ACCESS_KEY_ID: "ENVKEY", AWS_SECRET_ACCESS_KEY: "s", AWS_SHARED_CREDENTIALS_FILE: file("credentials4", "[dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = d\n") }
      expect(keyOf(yield* resolve(AwsCredentials.defaultChain({ env })))).toBe("ENVKEY")
      expect(keyOf(yield* resolve(AwsCredentials.defaultChain({ env: { ...env, AWS_PROFILE: "dev" } })))).toBe("DEVKEY")
    }))

  T.scoped("the container endpoint when its variables are set, instance metadata never asked", () =>
    Effect.gen(function* () {
      const endpoint = yield* fake((_, response) => json(response, 200, { AccessKeyId: "CONTAINER", SecretAccessKey: "s", Token: "t", Expiration: later }))
      const env = { ...isolated, AWS_CONTAINER_CREDENTIALS_FULL_URI: `${endpoint.endpoint}/creds`, AWS_EC2_METADATA_SERVICE_ENDPOINT: "http://127.0.0.1:1" }
      expect(keyOf(yield* resolve(AwsCredentials.defaultChain({ env })))).toBe("CONTAINER")
    }))

  T.scoped("nothing set up: the call fails with a TransportError listing every source tried and why", () =>
    Effect.gen(function* () {
      const env = { ...isolated, AWS_EC2_METADATA_DISABLED: "true" }
      const source = credentialSource(AwsCredentials.defaultChain({ env }))
      const error = (yield* Effect.flip(source.refresh)) as { readonly _tag: string; readonly message: string }
      expect(error._tag).toBe("TransportError")
      expect(error.message).toBe(
        "AWS credentials from the default chain: none found (environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set; " +
          "shared files: no profile default in the shared files; web identity: AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not both set; " +
          "container endpoint or instance metadata: AWS_EC2_METADATA_DISABLED is set)"
      )
    }))

  T.scoped("a source that is set up and fails stops the chain, naming the ones skipped", () =>
    Effect.gen(function* () {
      const env = { ...isolated, AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://example.com/creds" }
      const error = yield* Effect.flip(resolve(AwsCredentials.defaultChain({ env })))
      expect(error.message).toMatch(/^AWS credentials from container endpoint: AWS_CONTAINER_CREDENTIALS_FULL_URI must be HTTPS.* \(before it: environment: .*; shared files: .*; web identity: .*\)$/)
    }))
})

describe("the cache", () => {
  T.scoped("one fetch for concurrent callers; fetched again only within five minutes of the expiration", () =>
    Effect.gen(function* () {
      let fetched = 0
      let expiresIn = 4 * 60 * 1000
      const provider: AwsCredentials.Provider = {
        source: "counting",
        resolve: Effect.sync(() => {
          fetched++
          return { accessKeyId: `KEY${fetched}`, secretAccessKey: Redacted.make("s"), expiration: new Date(Date.now() + expiresIn) }
        }).pipe(Effect.delay("10 millis"))
      }
      const source = credentialSource(provider)
      expect(source.current()).toBeUndefined()
      const keys = yield* Effect.all(Array.from({ length: 5 }, () => source.refresh), { concurrency: "unbounded" })
      expect(keys.map((key) => key.accessKeyId)).toEqual(Array(5).fill("KEY1"))
      expect(fetched).toBe(1)
      // Within five minutes of expiring: not current any more, fetched again.
      expect(source.current()).toBeUndefined()
      expiresIn = 60 * 60 * 1000
      expect((yield* source.refresh).accessKeyId).toBe("KEY2")
      expect(source.current()?.accessKeyId).toBe("KEY2")
      expect(fetched).toBe(2)
    }))
})

describe("end to end on DynamoDB Local", () => {
  it.live("environment credentials (from AwsCredentials.fromEnv) sign real requests", () =>
    Effect.gen(function* () {
      const engine = yield* DynamoDBLocal.make()
      const env = { ...isolated, AWS_ACCESS_KEY_ID: "AKIDLOCAL1", AWS_SECRET_ACCESS_KEY: "localsecret" }
      const layer = HttpClient.layer({ region: "us-west-2", endpoint: engine.endpoint, credentials: AwsCredentials.fromEnv({ env }) })
      const item = yield* Effect.gen(function* () {
        yield* execute(create("creds_e2e", { name: "id", type: "S" }))
        yield* execute(add("creds_e2e", { id: "u1", name: "Ada" }))
        return (yield* execute(find("creds_e2e", { id: "u1" }))).item
      }).pipe(Effect.provide(layer))
      expect(item).toEqual({ id: "u1", name: "Ada" })
    }).pipe(Effect.scoped), 60_000)
})
