/**
 * The `executeTransaction` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { ExecuteTransactionCommandInput, ExecuteTransactionCommandOutput, ParameterizedStatement } from "@aws-sdk/client-dynamodb"
import { optionalItem, type EscapeHatch } from "../internal/builders/build.js"
import { readList } from "../internal/values/responses.js"
import { toStatements } from "../internal/builders/partiql.js"
import type { StatementInput } from "./batchExecuteStatement.js"
import { make, type Operation } from "../Operation.js"
import type { Item } from "../Value.js"
import { guard } from "../internal/input/guard.js"

/** The most statements one `ExecuteTransaction` takes. */
const maxStatements = 100

/**
 * Options of `executeTransaction`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExecuteTransactionOptions extends EscapeHatch<"ExecuteTransaction"> {
  /** Makes the call idempotent for 10 minutes: a retry with the same token is not applied twice. */
  readonly clientRequestToken?: string | undefined
}

/**
 * What `executeTransaction` succeeds with: one entry per statement, in order (the item a read found), and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExecuteTransactionResult {
  readonly items: ReadonlyArray<Item | undefined>
  readonly raw: ExecuteTransactionCommandOutput
}

const decode = (raw: ExecuteTransactionCommandOutput): ExecuteTransactionResult => ({
  items: readList(raw.Responses, "Responses", (response) => optionalItem(response.Item, "Item")),
  raw
})

function buildExecuteTransaction(
  statements: ReadonlyArray<StatementInput>,
  options?: ExecuteTransactionOptions
): Operation<"ExecuteTransaction", ExecuteTransactionResult>
function buildExecuteTransaction(input: ExecuteTransactionCommandInput): Operation<"ExecuteTransaction", ExecuteTransactionResult>
function buildExecuteTransaction(
  target: ReadonlyArray<StatementInput> | ExecuteTransactionCommandInput,
  options: ExecuteTransactionOptions = {}
): Operation<"ExecuteTransaction", ExecuteTransactionResult> {
  if (!Array.isArray(target)) {
    return make({ name: "ExecuteTransaction", description: { ...(target as ExecuteTransactionCommandInput) }, decode })
  }
  const { statements, problems } = toStatements(
    target as ReadonlyArray<StatementInput>,
    "TransactStatements",
    "ExecuteTransaction",
    maxStatements,
    (statement, index) =>
      statement.ConsistentRead === undefined
        ? undefined
        : { part: `TransactStatements[${index}].ConsistentRead`, message: "a transaction always reads consistently; leave it out" }
  )
  return make({
    name: "ExecuteTransaction",
    description: {
      TransactStatements: statements.map((statement): ParameterizedStatement => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        const { ConsistentRead, ...rest } = statement
        return rest
      }),
      ...(options.clientRequestToken !== undefined && { ClientRequestToken: options.clientRequestToken }),
      ...options.input
    },
    decode,
    problems
  })
}

/**
 * Runs up to 100 PartiQL statements all or nothing: all reads or all writes (`ExecuteTransaction`). Give the
 * statements (`{ statement, parameters }` with plain JS parameters, or `executeStatement` operations), or the SDK
 * input. A failed condition cancels all: `TransactionCanceledError` with one reason per statement.
 *
 * @example
 * import { executeTransaction } from "dynofunc"
 * executeTransaction([
 *   { statement: `UPDATE "accounts" SET balance = balance - ? WHERE id = ? AND balance >= ?`, parameters: [10, "a1", 10] },
 *   { statement: `UPDATE "accounts" SET balance = balance + ? WHERE id = ?`, parameters: [10, "a2"] }
 * ])
 *
 * @since 0.1.0
 * @category services
 */
export const executeTransaction = guard("ExecuteTransaction", buildExecuteTransaction)
