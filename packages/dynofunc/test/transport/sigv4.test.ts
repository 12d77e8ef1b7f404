import { readdirSync, readFileSync } from "node:fs"
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { authorization, amzDate, canonicalHeaders, canonicalRequest, jsonPostAuthorization, stringToSign } from "../../src/internal/transport/sigv4.js"

const dir = new URL("./sigv4-vectors/", import.meta.url)
const cases = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)

const read = (name: string, extension: string) => readFileSync(new URL(`${name}/${name}.${extension}`, dir), "utf8")

/** A `.req` file: request line, `Name:value` header lines (repeats kept), a blank line, the body. */
const parse = (text: string) => {
  const [head = "", body = ""] = text.split("\n\n")
  const [requestLine = "", ...headerLines] = head.split("\n")
  const [method = "", path = ""] = requestLine.split(" ")
  const headers = headerLines.map((line) => {
    const colon = line.indexOf(":")
    return [line.slice(0, colon), line.slice(colon + 1)] as const
  })
  return { method, path, headers, body }
}

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }
const date = "20150830T123600Z"

describe("SigV4 against AWS's test-suite vectors", () => {
  it("has the vectors", () => expect(cases.length).toBeGreaterThanOrEqual(10))

  it.each(cases)("%s", (name) => {
    const parsed = parse(read(name, "req"))
    const request = { ...parsed, headers: canonicalHeaders(parsed.headers) }
    const canonical = canonicalRequest(request)
    expect(canonical.text).toBe(read(name, "creq"))
    expect(stringToSign(canonical.text, date, "us-east-1", "service")).toBe(read(name, "sts"))
    expect(authorization(request, credentials, date, "us-east-1", "service")).toBe(read(name, "authz"))
  })

  it("formats the request date as SigV4 wants it", () => {
    expect(amzDate(Date.UTC(2015, 7, 30, 12, 36, 0))).toBe(date)
  })
})

describe("SigV4 against the SDK's own signer", () => {
  /** The request the SDK signs for GetItem, captured by a request handler that answers at once. */
  const sdkSigned = async (sessionToken: string | undefined) => {
    let captured: { headers: Record<string, string>; body: string } | undefined
    const client = new DynamoDBClient({
      region: "eu-west-1",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ...(sessionToken !== undefined && { sessionToken }) },
      requestHandler: {
        handle: async (request: { headers: Record<string, string>; body: string }) => {
          captured = { headers: request.headers, body: request.body }
          return { response: { statusCode: 200, headers: {}, body: new TextEncoder().encode("{}") } }
        }
      } as never
    })
    await client.send(new GetItemCommand({ TableName: "users", Key: { id: { S: "u1" } } }))
    client.destroy()
    return captured!
  }

  it.each([undefined, "token/with+special=chars"])("a DynamoDB request, session token %s", async (sessionToken) => {
    const { headers, body } = await sdkSigned(sessionToken)
    const date = headers["x-amz-date"]!
    const signedNames = /SignedHeaders=([^,]+)/.exec(headers["authorization"]!)![1]!.split(";")
    const request = {
      method: "POST",
      path: "/",
      headers: canonicalHeaders(signedNames.map((name) => [name, headers[name] ?? ""] as const)),
      body
    }
    const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken }
    expect(authorization(request, credentials, date, "eu-west-1", "dynamodb")).toBe(headers["authorization"])
  })
})

describe("the lean client's one-string signing", () => {
  it("signs as authorization does for DynamoDB's fixed header set, with and without a session token", () => {
    const printable = fc.string({ minLength: 1, maxLength: 40 }).map((text) => text.replace(/\s+/g, "-").replace(/^-|-$/g, "x"))
    fc.assert(
      fc.property(
        fc.record({ host: printable, target: printable, body: fc.string({ unit: "grapheme", maxLength: 200 }) }),
        fc.option(printable, { nil: undefined }),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        ({ host, target, body }, sessionToken, when) => {
          const date = amzDate(when.getTime())
          const contentType = "application/x-amz-json-1.0"
          const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken }
          const headers = canonicalHeaders([
            ["content-type", contentType],
            ["host", host],
            ["x-amz-date", date],
            ["x-amz-target", target],
            ...(sessionToken === undefined ? [] : [["x-amz-security-token", sessionToken] as const])
          ])
          expect(jsonPostAuthorization({ contentType, host, target, body }, credentials, date, "eu-west-1", "dynamodb")).toBe(
            authorization({ method: "POST", path: "/", headers, body }, credentials, date, "eu-west-1", "dynamodb")
          )
        }
      )
    )
  })
})
