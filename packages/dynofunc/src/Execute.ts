/**
 * `execute`: runs an `Operation` with the `DynamoClient` service.
 *
 * @example
 * import { Effect } from "effect"
 * import { execute, find } from "dynofunc"
 *
 * const user = execute(find("users", { id: "u1" })).pipe(
 *   Effect.map((result) => result.item),
 *   Effect.catchTag("ResourceNotFoundError", () => Effect.succeed(undefined))
 * )
 *
 * @since 0.1.0
 */
import type { InputProblem } from "@dynofunc/core/InputProblem"
import { type Cause, Clock, Effect, Option, type Tracer } from "effect"
import * as A from "#adapter"
import { DynamoClient, type DynamoClientService, type Request } from "./DynamoClient.js"
import type * as E from "./DynamoError.js"
import { InvalidInputError } from "./DynamoError.js"
import { commandErrors } from "@dynofunc/core/internal/builders/commands.generated"
import { type Checked, InputCheck } from "@dynofunc/core/internal/builders/construct"
import { recordResponse, requestAttributes } from "./internal/execution/spans.js"
import { kindOf, MalformedValue } from "@dynofunc/core/internal/values/malformed"
import { malformedResponse, requestIdOf, toDynamoError } from "./internal/execution/toDynamoError.js"
import type { CommandName, DeclaredErrorTags, Operation } from "@dynofunc/core/Operation"
import { Policy } from "./Retry.js"

/**
 * The errors running an operation named `Name` can fail with: what the SDK declares for it, and the common ones.
 *
 * @since 0.1.0
 * @category models
 */
export type ErrorOf<Name extends CommandName> = E.ModelledErrorByTag[DeclaredErrorTags<Name>] | E.CommonError

/**
 * Runs `op`: sends its description, fails with a tagged error from that operation's error union, and succeeds with
 * its friendly result. A request that breaks a DynamoDB limit fails with `InvalidInputError` and is never sent; a
 * response DynamoDB could not have sent fails with `MalformedResponseError`. It never throws and never dies: whatever
 * the `DynamoClient` fails or dies with becomes an error of the union. Interrupting the fiber aborts the HTTP request.
 *
 * A failure that may pass on retrying (throttling, 5xx, transport, clock skew) is retried by the `Retry.Policy` in
 * scope (by default 4 attempts, full jitter).
 *
 * Each call is traced as a span named `DynamoDB.<Operation>` (kind `client`) with the OpenTelemetry attributes for
 * DynamoDB (`db.system.name`, `rpc.method`, `aws.dynamodb.table_names`, `aws.request_id`, …, and an event per retry),
 * the parent of whatever the `DynamoClient` does. With Effect's built-in tracer, which records nothing, only a
 * failing call opens its span (so the failure still names the operation): next to the SDK, a span cost about 15% of
 * a call (`BENCHMARKS.md`, P2). Install a tracer (`Layer.setTracer`, OpenTelemetry) and every call has its span.
 *
 * @example
 * import { execute, update, attr } from "dynofunc"
 * execute(update("users", { id: "u1" }, { visits: attr.increment() }))
 *
 * @since 0.1.0
 * @category execution
 */
export const execute = <Name extends CommandName, Result>(
  op: Operation<Name, Result>
): Effect.Effect<Result, ErrorOf<Name>, DynamoClient> => {
  try {
    // The operation's own check (its builder's): a bundle holds the checks of the builders it uses, not every command's.
    const problems = op.problems.length > 0 ? op.problems : (op as Checked<Name, Result>)[InputCheck](op.name, op.description)
    if (problems.length > 0) return refused(op, problems)
  } catch (error) {
    return refused(op, [{ part: "operation", message: `not an operation dynofunc can send (${kindOf(op)}; ${error instanceof Error ? error.name : kindOf(error)})` }])
  }
  // The client read straight from the fiber's context, in the step that read the tracer: one fiber step per call
  // rather than three.
  return A.withServiceAndTracer(DynamoClient, (client, tracing): Effect.Effect<Result, unknown> => {
    const request = { operation: op.name, input: op.description } as unknown as Request
    if (tracing) {
      return Effect.useSpan(spanName(op), spanOptions(op, client.region), (span) =>
        Effect.withParentSpan(
          A.catchAllCause(
            Effect.flatMap(client.send(request), (output) => {
              recordResponse(span, output)
              return decoded(op, output)
            }),
            (cause) => retried(op, client, request, cause, span)
          ),
          span
        )
      )
    }
    // Inline callbacks rather than an options object, which tsx would name on every call.
    return A.catchAllCause(
      Effect.flatMap(client.send(request), (output) => decoded(op, output)),
      (cause) => traced(op, retried(op, client, request, cause, undefined))
    )
  }) as Effect.Effect<Result, ErrorOf<Name>, DynamoClient>
}

/** What the helpers below read of an operation (any operation's own type fits). */
interface Op<Result = unknown> {
  readonly name: CommandName
  readonly description: unknown
  readonly decode: (output: never) => Result
}

/** `op`'s friendly result from `output`, or the `MalformedResponseError` saying what in `output` DynamoDB could not have sent. */
const decoded = <Result>(op: Op<Result>, output: unknown): Effect.Effect<Result, E.MalformedResponseError> => {
  try {
    if (typeof output !== "object" || output === null) throw new MalformedValue(`not an object but ${kindOf(output)}`)
    return Effect.succeed(op.decode(output as never))
  } catch (error) {
    return Effect.fail(malformedResponse(op.name, error, requestIdOf(output)))
  }
}

/** The `DynamoError` for a failed send: its first failure, or what it died with. `undefined` when it was interrupted. */
const errorOf = (op: Op, cause: Cause.Cause<unknown>): E.DynamoError | undefined => {
  if (A.isInterruptedOnly(cause)) return undefined
  const failure = A.failureOption(cause)
  const raw = Option.isSome(failure) ? failure.value : Option.getOrUndefined(A.dieOption(cause))
  return toDynamoError(raw, op.name, commandErrors[op.name])
}

/** One more send of `request`, its failure (or defect) as a `DynamoError`. */
const attempt = <Result>(
  op: Op<Result>,
  client: DynamoClientService,
  request: Request,
  span: Tracer.Span | undefined
): Effect.Effect<Result, E.DynamoError> =>
  A.catchAllCause(
    Effect.flatMap(client.send(request), (output) => {
      if (span !== undefined) recordResponse(span, output)
      return decoded(op, output)
    }),
    (cause) => {
      const error = errorOf(op, cause)
      return error === undefined ? Effect.failCause(cause as Cause.Cause<never>) : Effect.fail(error)
    }
  )

/**
 * After the first attempt failed with `cause`: the attempts the `Retry.Policy` in scope allows, each recorded as a
 * `retry` event on `span`; the last failure when they run out.
 */
const retried = <Result>(
  op: Op<Result>,
  client: DynamoClientService,
  request: Request,
  cause: Cause.Cause<unknown>,
  span: Tracer.Span | undefined
): Effect.Effect<Result, E.DynamoError> => {
  const first = errorOf(op, cause)
  if (first === undefined) return Effect.failCause(cause as Cause.Cause<never>)
  return Effect.flatMap(Policy, (policy) =>
    Effect.flatMap(A.driver(policy), (driver) => {
      const again = attempt(op, client, request, span)
      const loop = (error: E.DynamoError, next: number): Effect.Effect<Result, E.DynamoError> =>
        Effect.flatMap(Clock.currentTimeNanos, (before) =>
          Effect.matchEffect(driver.next(error), {
            onFailure: () => failed(span, error),
            onSuccess: () =>
              Effect.flatMap(Clock.currentTimeNanos, (after) => {
                span?.event("retry", after, {
                  "dynofunc.attempt": next,
                  "dynofunc.delay_ms": Number(after - before) / 1e6,
                  "error.type": error._tag
                })
                return A.catchAll(again, (failure) => loop(failure, next + 1))
              })
          })
        )
      return loop(first, 2)
    })
  )
}

/** Fails with `error`, recording its request id on `span`. */
const failed = (span: Tracer.Span | undefined, error: E.DynamoError): Effect.Effect<never, E.DynamoError> => {
  if (span !== undefined && "requestId" in error && typeof error.requestId === "string") span.attribute("aws.request_id", error.requestId)
  return Effect.fail(error)
}

/** The `InvalidInputError` for a request dynofunc refuses to send, in the operation's span. */
const refused = (op: Op, problems: ReadonlyArray<InputProblem>) => {
  const name = typeof op === "object" && op !== null && typeof op.name === "string" ? op.name : "Unknown"
  return traced(
    op,
    Effect.fail(
      new InvalidInputError({
        operation: name,
        problems,
        message: `${name} not sent: ${problems.map((p) => `${p.part}: ${p.message}`).join("; ")}`
      })
    )
  ) as Effect.Effect<never, never, never>
}

const spanName = (op: Op): string => `DynamoDB.${typeof op === "object" && op !== null ? String(op.name) : "Unknown"}`

const spanOptions = (op: Op, region: string | undefined): Tracer.SpanOptions => ({
  kind: "client",
  attributes: requestAttributes(spanName(op).slice("DynamoDB.".length), typeof op === "object" && op !== null ? op.description : undefined, region),
  // Effect would capture the caller of `withSpan`, which is always this module: a stack trace per call (and a
  // WeakMap entry per span) for a location that tells nothing. The span and its name in failures stay.
  captureStackTrace: false
})

/** `effect` inside the operation's span. */
const traced = <A, Err, R>(op: Op, effect: Effect.Effect<A, Err, R>): Effect.Effect<A, Err, R> =>
  Effect.withSpan(effect, spanName(op), spanOptions(op, undefined))
