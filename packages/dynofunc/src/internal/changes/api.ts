/**
 * The DynamoDB Streams API as dynofunc sends it: the errors each of its operations declares, and `call`, which sends
 * one request through the `StreamsClient` with the same error mapping, retry policy and span as `execute`.
 */
import { type Cause, Effect, Option, type Schedule } from "effect"
import * as A from "#adapter"
import { Policy } from "../../Retry.js"
import { StreamsClient, type StreamsCommands, type StreamsError, type StreamsOperation, type StreamsOutputOf } from "../../StreamsClient.js"
import { toDynamoError } from "../execution/toDynamoError.js"

/** The AWS errors each operation declares (the SDK's `@throws`). */
const declared: { readonly [Name in StreamsOperation]: ReadonlyArray<string> } = {
  DescribeStream: ["InternalServerError", "ResourceNotFoundException"],
  GetRecords: ["ExpiredIteratorException", "InternalServerError", "LimitExceededException", "ResourceNotFoundException", "TrimmedDataAccessException"],
  GetShardIterator: ["InternalServerError", "ResourceNotFoundException", "TrimmedDataAccessException"],
  ListStreams: ["InternalServerError", "ResourceNotFoundException"]
}

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
): Effect.Effect<StreamsOutputOf<Name>, StreamsError, StreamsClient> =>
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
