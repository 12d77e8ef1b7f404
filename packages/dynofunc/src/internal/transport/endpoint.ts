/**
 * DynamoDB's endpoint for a region, as the SDK's endpoint rules resolve it for the standard partitions (checked
 * against the SDK's resolver by `test/transport/endpoint.test.ts`), or a custom endpoint.
 */

/** The DNS suffixes of each partition, plain and dual-stack, by the region names that belong to it. */
const partitions: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^cn-\w+-\d+$/, "amazonaws.com.cn", "api.amazonwebservices.com.cn"],
  [/^eusc-(de)-\w+-\d+$/, "amazonaws.eu", "api.amazonwebservices.eu"],
  [/^us-iso-\w+-\d+$/, "c2s.ic.gov", "api.aws.ic.gov"],
  [/^us-isob-\w+-\d+$/, "sc2s.sgov.gov", "api.aws.scloud"],
  [/^eu-isoe-\w+-\d+$/, "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk"],
  [/^us-isof-\w+-\d+$/, "csp.hci.ic.gov", "api.aws.hci.ic.gov"]
]

/** The partition `region` belongs to: its pattern and DNS suffixes; `undefined` for the `aws` partition. */
const partitionOf = (region: string) => partitions.find(([pattern]) => pattern.test(region))

/**
 * The DNS suffix of `region`'s partition (`amazonaws.com`, `amazonaws.com.cn`, …), for other services' endpoints.
 *
 * @example
 * import { dnsSuffix } from "./endpoint.js"
 * dnsSuffix("cn-north-1") // "amazonaws.com.cn"
 */
export const dnsSuffix = (region: string): string => partitionOf(region)?.[1] ?? "amazonaws.com"

/** Which variant of the regional endpoint to use. */
export interface EndpointOptions {
  /** FIPS 140 validated endpoints (`dynamodb-fips.<region>…`). */
  readonly fips?: boolean | undefined
  /** Dual-stack (IPv4 and IPv6) endpoints (`…api.aws`). */
  readonly dualStack?: boolean | undefined
}

/**
 * The URL DynamoDB answers at in `region`; the region `local` is DynamoDB Local's default `http://localhost:8000`.
 *
 * @example
 * import { regionalEndpoint } from "./endpoint.js"
 * regionalEndpoint("eu-west-1", {}) // "https://dynamodb.eu-west-1.amazonaws.com"
 */
export const regionalEndpoint = (region: string, options: EndpointOptions): string => {
  if (region === "local") return "http://localhost:8000"
  const partition = partitionOf(region)
  const suffix = options.dualStack ? (partition?.[2] ?? "api.aws") : (partition?.[1] ?? "amazonaws.com")
  // GovCloud's regular endpoints are FIPS endpoints already: only its dual-stack FIPS endpoint has its own name.
  const fips = options.fips && (options.dualStack || !region.startsWith("us-gov-"))
  return `https://dynamodb${fips ? "-fips" : ""}.${region}.${suffix}`
}
