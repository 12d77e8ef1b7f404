/**
 * The DynamoDB Streams API as dynofunc sends it: its four operations, the `StreamsClient` service's Tag and shape, and
 * `call`, which sends one request with the same error mapping, retry policy and span as `execute`.
 */
import type * as Streams from "@aws-sdk/client-dynamodb-streams"
import { type Cause, Effect, Option, type Schedule } from "effect"
import * as A from "#adapter"
import type * as E from "../../DynamoError.js"
import { Policy } from "../../Retry.js"
import { toDynamoError } from "../execution/toDynamoError.js"
import type { StreamsClient as Identifier } from "../../StreamsClient.js"

/** The operations of the DynamoDB Streams API, with their SDK input and output. */
export interface StreamsCommands {
  readonly DescribeStream: { readonly input: Streams.DescribeStreamInput; readonly output: Streams.DescribeStreamOutput }
  readonly GetRecords: { readonly input: Streams.GetRecordsInput; readonly output: Streams.GetRecordsOutput }
  readonly GetShardIterator: { readonly input: Streams.GetShardIteratorInput; readonly output: Streams.GetShardIteratorOutput }
  readonly ListStreams: { readonly input: Streams.ListStreamsInput; readonly output: Streams.ListStreamsOutput }
}

/** The name of a DynamoDB Streams operation. */
export type StreamsOperation = keyof StreamsCommands

/** The SDK output of `Name` (without `$metadata`). */
export type StreamsOutputOf<Name extends StreamsOperation> = StreamsCommands[Name]["output"]

/** One request as a `StreamsClient` sees it: the operation's name and its SDK input. */
export interface StreamsRequest<Name extends StreamsOperation = StreamsOperation> {
  readonly operation: Name
  readonly input: StreamsCommands[Name]["input"]
}

/** What the `StreamsClient` service does: send one request, failing with whatever the transport failed with. */
export interface StreamsClientService {
  /** Sends `request`; the failure is the raw cause, which `call` turns into a tagged error. Interrupting aborts it. */
  readonly send: <Name extends StreamsOperation>(request: StreamsRequest<Name>) => Effect.Effect<StreamsOutputOf<Name>, unknown>
  /** The AWS region the client sends to, when known. */
  readonly region?: string | undefined
}

/** The service's identifier: the public `StreamsClient` class. */
export type StreamsClient = Identifier

/** The Tag of the `StreamsClient` service: the same key as the public `StreamsClient` class. */
export const StreamsClient: A.Tag<Identifier, StreamsClientService> = A.genericTag("dynofunc/StreamsClient")

/** The AWS errors each operation declares (the SDK's `@throws`). */
const declared: { readonly [Name in StreamsOperation]: ReadonlyArray<string> } = {
  DescribeStream: ["InternalServerError", "ResourceNotFoundException"],
  GetRecords: ["ExpiredIteratorException", "InternalServerError", "LimitExceededException", "ResourceNotFoundException", "TrimmedDataAccessException"],
  GetShardIterator: ["InternalServerError", "ResourceNotFoundException", "TrimmedDataAccessException"],
  ListStreams: ["InternalServerError", "ResourceNotFoundException"]
}

/** The errors a Streams operation can fail with. */
export type StreamsError =
  | E.CommonError
  | E.ExpiredIteratorError
  | E.TrimmedDataAccessError
  | E.InternalServerError
  | E.LimitExceededError
  | E.ResourceNotFoundError

/**
 * Sends one Streams request with the `StreamsClient` in context: its failure as a tagged error, retried by the
 * `Retry.Policy` in scope (throttling — `LimitExceededException` — with the throttling base), in a span named
 * `DynamoDBStreams.<Operation>`. Interruption aborts the request.
 *
 * @example
 * import { call } from "./api.js"
 * declare const arn: string
 * call("DescribeStream", { StreamArn: arn })
 */
export const call = <Name extends StreamsOperation>(
  operation: Name,
  input: StreamsCommands[Name]["input"]
): Effect.Effect<StreamsOutputOf<Name>, StreamsError, Identifier> =>
  Effect.withSpan(
    Effect.flatMap(StreamsClient, (client) => {
      const once = A.catchAllCause(client.send({ operation, input }), (cause) => {
        if (A.isInterruptedOnly(cause)) return Effect.failCause(cause as Cause.Cause<never>)
        const failure = A.failureOption(cause)
        const raw = Option.isSome(failure) ? failure.value : Option.getOrUndefined(A.dieOption(cause))
        return Effect.fail(toDynamoError(raw, operation, declared[operation]) as StreamsError)
      })
      return Effect.flatMap(Policy, (policy) => Effect.retry(once, policy as Schedule.Schedule<unknown, StreamsError>))
    }),
    `DynamoDBStreams.${operation}`,
    { kind: "client", attributes: { "rpc.system": "aws-api", "rpc.service": "DynamoDBStreams", "rpc.method": operation }, captureStackTrace: false }
  )
