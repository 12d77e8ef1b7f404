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
 */
import { Context, DefaultServices, Effect, Tracer } from "effect"
import { DynamoClient } from "./DynamoClient.js"
import type * as E from "./DynamoError.js"
import { InvalidInputError } from "./DynamoError.js"
import { commandErrors } from "./internal/commands.generated.js"
import { checkLimits } from "./internal/limits.js"
import { toDynamoError } from "./internal/toDynamoError.js"
import type { CommandName, DeclaredErrorTags, Operation } from "./Operation.js"

/** The errors running an operation named `Name` can fail with: what the SDK declares for it, and the common ones. */
export type ErrorOf<Name extends CommandName> = E.ModelledErrorByTag[DeclaredErrorTags<Name>] | E.CommonError

/**
 * Runs `op`: sends its description, fails with a tagged error from that operation's error union, and succeeds with
 * its friendly result. A request that breaks a DynamoDB limit fails with `InvalidInputError` and is never sent.
 * Interrupting the fiber aborts the HTTP request.
 *
 * Each call is traced as a span named `DynamoDB.<Operation>` (kind `client`, with `db.system`, `db.operation` and
 * the table name), the parent of whatever the `DynamoClient` does. With Effect's built-in tracer, which records
 * nothing, only a failing call opens its span (so the failure still names the operation): next to the SDK, a span
 * cost about 15% of a call (`BENCHMARKS.md`, P2). Install a tracer (`Layer.setTracer`, OpenTelemetry) and every call
 * has its span.
 *
 * @example
 * execute(update("users", { id: "u1" }, { visits: attr.increment() }))
 */
export const execute = <Name extends CommandName, Result>(
  op: Operation<Name, Result>
): Effect.Effect<Result, ErrorOf<Name>, DynamoClient> => {
  const problems = op.problems.length > 0 ? op.problems : checkLimits(op.name, op.description)
  if (problems.length > 0) {
    return traced(
      op,
      Effect.fail(
        new InvalidInputError({
          operation: op.name,
          problems,
          message: `${op.name} not sent: ${problems.map((p) => `${p.part}: ${p.message}`).join("; ")}`
        })
      )
    )
  }
  return Effect.withFiberRuntime<Result, unknown, DynamoClient>((fiber) => {
    if (fiber.currentTracer !== builtInTracer) {
      return traced(
        op,
        Effect.flatMap(DynamoClient, (client) =>
          Effect.mapBoth(client.send({ operation: op.name, command: op.command, input: op.description }), {
            onFailure: (cause) => toDynamoError(cause, commandErrors[op.name]),
            onSuccess: op.decode
          })
        )
      )
    }
    // The client read straight from the fiber's context, in the step that read the tracer: one fiber step per call
    // rather than three. Inline callbacks rather than an options object, which tsx would name on every call.
    const client = Context.get(fiber.currentContext as Context.Context<DynamoClient>, DynamoClient)
    return Effect.catchAll(
      Effect.map(client.send({ operation: op.name, command: op.command, input: op.description }), op.decode),
      (cause) => traced(op, Effect.fail(toDynamoError(cause, commandErrors[op.name])))
    )
  }) as Effect.Effect<Result, ErrorOf<Name>, DynamoClient>
}

/** The tracer of Effect's default services: it keeps no span anywhere. */
const builtInTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/** `effect` inside the operation's span. */
const traced = <A, Err, R>(
  op: { readonly name: CommandName; readonly description: unknown },
  effect: Effect.Effect<A, Err, R>
): Effect.Effect<A, Err, R> =>
  Effect.withSpan(effect, `DynamoDB.${op.name}`, {
    kind: "client",
    attributes: spanAttributes(op.name, op.description),
    // Effect would capture the caller of `withSpan`, which is always this line: a stack trace per call (and a
    // WeakMap entry per span) for a location that tells nothing. The span and its name in failures stay.
    captureStackTrace: false
  })

const spanAttributes = (name: CommandName, description: unknown): Record<string, unknown> => {
  const table = (description as { TableName?: unknown }).TableName
  return typeof table === "string"
    ? { "db.system": "dynamodb", "db.operation": name, "aws.dynamodb.table_names": [table] }
    : { "db.system": "dynamodb", "db.operation": name }
}
