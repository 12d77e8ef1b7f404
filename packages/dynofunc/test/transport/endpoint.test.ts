import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import { regionalEndpoint } from "../../src/internal/transport/endpoint.js"

const regions = [
  "us-east-1", "eu-west-1", "il-central-1", "cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1",
  "eu-isoe-west-1", "us-isof-south-1", "eusc-de-east-1"
]
const variants = [
  { fips: false, dualStack: false },
  { fips: true, dualStack: false },
  { fips: false, dualStack: true },
  { fips: true, dualStack: true }
]

type Resolver = (params: { Region: string; UseFIPS: boolean; UseDualStack: boolean }) => { url: URL }
const sdkResolver = (new DynamoDBClient({ region: "us-east-1" }).config as unknown as { endpointProvider: Resolver }).endpointProvider

describe("regionalEndpoint", () => {
  it.each(regions.flatMap((region) => variants.map((variant) => ({ region, ...variant }))))(
    "$region fips=$fips dualStack=$dualStack: the SDK's endpoint",
    ({ region, fips, dualStack }) => {
      const expected = sdkResolver({ Region: region, UseFIPS: fips, UseDualStack: dualStack }).url.origin
      expect(regionalEndpoint(region, { fips, dualStack })).toBe(expected)
    }
  )

  it("local: DynamoDB Local's default port", () => {
    expect(regionalEndpoint("local", {})).toBe(sdkResolver({ Region: "local", UseFIPS: false, UseDualStack: false }).url.origin)
  })
})
