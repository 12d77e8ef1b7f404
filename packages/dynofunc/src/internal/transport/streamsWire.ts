/**
 * The DynamoDB Streams API's JSON 1.0 protocol for the lean client: target `DynamoDBStreams_20120810`, signed for the
 * `dynamodb` service, at `streams.dynamodb.<region>…`; outputs read as the SDK reads them (timestamps as `Date`s,
 * images' binary values as `Uint8Array`s).
 */
import { regionalEndpoint } from "./endpoint.js"
import { readAttribute, type Protocol } from "./wire.js"

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null

const toDate = (holder: Record<string, unknown>, field: string): void => {
  if (typeof holder[field] === "number") holder[field] = new Date(Math.round((holder[field] as number) * 1000))
}

/** A `GetRecords` record read in place: its creation time a `Date`, its keys and images' attribute values read. */
const readRecord = (record: unknown): void => {
  const change = isObject(record) ? record["dynamodb"] : undefined
  if (!isObject(change)) return
  toDate(change, "ApproximateCreationDateTime")
  for (const field of ["Keys", "NewImage", "OldImage"]) {
    const image = change[field]
    if (isObject(image)) for (const name in image) image[name] = readAttribute(image[name])
  }
}

/**
 * The Streams output of `operation` as the SDK returns it, without `$metadata`.
 *
 * @example
 * import { readStreamsOutput } from "./streamsWire.js"
 * readStreamsOutput("GetRecords", '{"Records":[{"dynamodb":{"ApproximateCreationDateTime":1.7e9}}]}')
 * // { Records: [{ dynamodb: { ApproximateCreationDateTime: Date } }] }
 */
export const readStreamsOutput = (operation: string, text: string): Record<string, unknown> => {
  const body: unknown = text === "" ? {} : JSON.parse(text)
  if (!isObject(body)) return {}
  if (operation === "GetRecords" && Array.isArray(body["Records"])) body["Records"].forEach(readRecord)
  const description = body["StreamDescription"]
  if (isObject(description)) toDate(description, "CreationRequestDateTime")
  return body
}

/**
 * The Streams API's endpoint in `region`: DynamoDB's, with `streams.` before it (`local` stays DynamoDB Local's).
 *
 * @example
 * import { streamsEndpoint } from "./streamsWire.js"
 * streamsEndpoint("eu-west-1", {}) // "https://streams.dynamodb.eu-west-1.amazonaws.com"
 */
export const streamsEndpoint: Protocol["endpoint"] = (region, options) =>
  region === "local" ? regionalEndpoint(region, options) : regionalEndpoint(region, options).replace("://dynamodb", "://streams.dynamodb")

/**
 * The protocol `HttpClient.layerStreams` speaks.
 *
 * @example
 * import { streams } from "./streamsWire.js"
 * streams.target // "DynamoDBStreams_20120810"
 */
export const streams: Protocol = { target: "DynamoDBStreams_20120810", endpoint: streamsEndpoint, readOutput: readStreamsOutput }
