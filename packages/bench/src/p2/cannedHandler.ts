/**
 * An SDK request handler that answers at once, with no network: the client still resolves its endpoint, signs
 * (SigV4), serializes the request and deserializes the canned response, so the SDK's own cost stays in the figure.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb"

interface CannedResponse {
  readonly statusCode: number
  readonly headers: Record<string, string>
  readonly body: Uint8Array
}

/** A `requestHandler` (the SDK's `HttpHandler` interface) that always answers `body` with status 200. */
export const cannedHandler = (json: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(json))
  const headers = {
    "content-type": "application/x-amz-json-1.0",
    "content-length": String(bytes.length),
    "x-amzn-requestid": "BENCHMARKREQUEST0000000000000000000000000000000000"
  }
  return {
    metadata: { handlerProtocol: "http/1.1" },
    // A copy per call: the SDK may take ownership of the body it is given (it is what a real handler does, too).
    handle: async (): Promise<{ response: CannedResponse }> => ({
      response: { statusCode: 200, headers: { ...headers }, body: bytes.slice() }
    }),
    updateHttpClientConfig: (): void => {},
    httpHandlerConfigs: (): Record<string, unknown> => ({}),
    destroy: (): void => {}
  }
}

/** A DynamoDB client whose every call answers `json` at once; `config` adds SDK settings (e.g. its `protocol`). */
export const cannedClient = (json: unknown, config: DynamoDBClientConfig = {}): DynamoDBClient =>
  new DynamoDBClient({
    ...config,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDBENCHMARK", secretAccessKey: "benchmark-secret" },
    requestHandler: cannedHandler(json) as never
  })
