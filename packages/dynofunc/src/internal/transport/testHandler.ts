/**
 * How the test Layers (`DynamoClient.layerTest`, `StreamsClient.layerTest`) answer a request with a handler: one
 * function for every request, or one per operation. Whatever the handler does becomes the send's outcome: an Effect
 * runs, a plain value succeeds, a throw or a defect fails with its cause, a missing per-operation handler fails with
 * an SDK-shaped `UnknownOperationException`.
 */
import { Effect } from "effect"
import * as A from "#adapter"

/** A request as a handler sees it: at least the operation's name. */
interface Named {
  readonly operation: string
}

/** One handler for every request, or handlers by operation name. */
export type Handler<Request extends Named> =
  | ((request: Request) => unknown)
  | { readonly [Name in Request["operation"]]?: ((request: never) => unknown) | undefined }

const answerOf = <Request extends Named>(handler: Handler<Request>, request: Request): unknown => {
  if (typeof handler === "function") return handler(request)
  const forOperation = (handler as Readonly<Record<string, ((request: Request) => unknown) | undefined>>)[request.operation]
  return forOperation === undefined
    ? Effect.fail({ name: "UnknownOperationException", $fault: "client", message: `layerTest: no handler for ${request.operation}` })
    : forOperation(request)
}

/**
 * The `send` of a test service: `handler`'s answer to each request, passed through `shape` (e.g. marshalling plain
 * items), failing with the cause of anything the handler or `shape` threw or died with.
 *
 * @example
 * import { Effect } from "effect"
 * import { testSend } from "./testHandler.js"
 * const send = testSend<{ readonly operation: "ListTables" }>(() => Effect.succeed({ TableNames: [] }))
 * send({ operation: "ListTables" })
 */
export const testSend = <Request extends Named>(
  handler: Handler<Request>,
  shape: (answer: unknown) => unknown = (answer) => answer
) =>
(request: Request): Effect.Effect<unknown, unknown> =>
  A.catchAllDefect(
    Effect.suspend(() => {
      const answer = answerOf(handler, request)
      const answered = Effect.isEffect(answer) ? (answer as Effect.Effect<unknown, unknown>) : Effect.succeed(answer)
      return Effect.map(answered, shape)
    }),
    Effect.fail
  )
