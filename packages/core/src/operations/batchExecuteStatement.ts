/**
 * The `batchExecuteStatement` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type {
  BatchExecuteStatementCommandInput,
  BatchExecuteStatementCommandOutput,
  BatchStatementErrorCodeEnum,
  ParameterizedStatement,
  ReturnConsumedCapacity
} from "@aws-sdk/client-dynamodb"
import { optionalItem } from "../internal/builders/build.js"
import { readList } from "../internal/values/responses.js"
import { toStatements } from "../internal/builders/partiql.js"
import { make, type Operation } from "../Operation.js"
import type { Item } from "../Value.js"
import { guard } from "../internal/input/guard.js"

/**
 * One PartiQL statement with its `?` parameters as plain JS values.
 *
 * @since 0.1.0
 * @category models
 */
export interface Statement {
  readonly statement: string
  readonly parameters?: ReadonlyArray<unknown> | undefined
  /** `ALL_OLD` puts the item on the error or cancellation reason when a condition fails. */
  readonly returnValuesOnConditionCheckFailure?: "NONE" | "ALL_OLD" | undefined
  /** Strongly consistent read (batches only). */
  readonly consistent?: boolean | undefined
}

/**
 * A statement of a batch or transaction: plain, an `executeStatement` operation, or the SDK's.
 *
 * @since 0.1.0
 * @category models
 */
export type StatementInput = Statement | Operation<"ExecuteStatement", unknown> | ParameterizedStatement

/** The most statements one `BatchExecuteStatement` takes. */
const maxStatements = 25

/**
 * How one statement of a batch went: its item (reads), or its own error. DynamoDB answers a statement it refuses
 * (one with fewer or more parameters than `?`, one not well formed) here, with `code` `ValidationError`, and runs
 * the others: the batch as a whole succeeds.
 *
 * @example
 * import { type BatchStatementResponse } from "dynofunc"
 * const failed = (response: BatchStatementResponse): boolean => response.error?.code === "ValidationError"
 *
 * @since 0.1.0
 * @category models
 */
export interface BatchStatementResponse {
  readonly tableName: string | undefined
  readonly item: Item | undefined
  /** The statement's error: `code` is e.g. `ConditionalCheckFailed`, `DuplicateItem`, `ValidationError`. */
  readonly error: { readonly code: BatchStatementErrorCodeEnum | "Unknown"; readonly message: string | undefined; readonly item: Item | undefined } | undefined
}

/**
 * What `batchExecuteStatement` succeeds with: one response per statement, in order, and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export interface BatchExecuteResult {
  readonly responses: ReadonlyArray<BatchStatementResponse>
  readonly raw: BatchExecuteStatementCommandOutput
}

const decode = (raw: BatchExecuteStatementCommandOutput): BatchExecuteResult => ({
  responses: readList(raw.Responses, "Responses", (response) => ({
    tableName: response.TableName,
    item: optionalItem(response.Item, "Item"),
    error:
      response.Error === undefined
        ? undefined
        : { code: response.Error.Code ?? "Unknown", message: response.Error.Message, item: optionalItem(response.Error.Item, "Error.Item") }
  })),
  raw
})

function buildBatchExecuteStatement(
  statements: ReadonlyArray<StatementInput>,
  options?: { readonly returnConsumedCapacity?: ReturnConsumedCapacity | undefined }
): Operation<"BatchExecuteStatement", BatchExecuteResult>
function buildBatchExecuteStatement(input: BatchExecuteStatementCommandInput): Operation<"BatchExecuteStatement", BatchExecuteResult>
function buildBatchExecuteStatement(
  target: ReadonlyArray<StatementInput> | BatchExecuteStatementCommandInput,
  options: { readonly returnConsumedCapacity?: ReturnConsumedCapacity | undefined } = {}
): Operation<"BatchExecuteStatement", BatchExecuteResult> {
  if (!Array.isArray(target)) {
    return make({ name: "BatchExecuteStatement", description: { ...(target as BatchExecuteStatementCommandInput) }, decode })
  }
  const { statements, problems } = toStatements(target as ReadonlyArray<StatementInput>, "Statements", "BatchExecuteStatement", maxStatements)
  return make({
    name: "BatchExecuteStatement",
    description: {
      Statements: statements,
      ...(options.returnConsumedCapacity !== undefined && { ReturnConsumedCapacity: options.returnConsumedCapacity })
    },
    decode,
    problems
  })
}

/**
 * Runs up to 25 PartiQL statements, each on its own: all reads or all writes (`BatchExecuteStatement`). Give the
 * statements (`{ statement, parameters }` with plain JS parameters, or `executeStatement` operations), or the SDK
 * input. Each statement's own failure is in its response, not in the error channel.
 *
 * @example
 * import { batchExecuteStatement, executeStatement } from "dynofunc"
 * batchExecuteStatement([
 *   { statement: `INSERT INTO "users" VALUE {'id': ?, 'name': ?}`, parameters: ["u1", "Ada"] },
 *   executeStatement(`DELETE FROM "users" WHERE id = ?`, ["u2"])
 * ])
 *
 * @since 0.1.0
 * @category services
 */
export const batchExecuteStatement = guard("BatchExecuteStatement", buildBatchExecuteStatement)
