/**
 * The `executeStatement` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { ExecuteStatementCommandInput, ExecuteStatementCommandOutput } from "@aws-sdk/client-dynamodb"
import { optionalItem, type EscapeHatch } from "../internal/builders/build.js"
import { parameters } from "../internal/builders/partiql.js"
import { make, type Operation } from "../Operation.js"
import type { Item } from "../Value.js"
import { fromAttributeMap } from "../internal/values/fromAttributeValue.js"
import { readList } from "../internal/values/responses.js"
import { guard } from "../internal/input/guard.js"

/**
 * Options of `executeStatement`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExecuteStatementOptions extends EscapeHatch<"ExecuteStatement"> {
  /** Strongly consistent read (default: eventually consistent). */
  readonly consistent?: boolean | undefined
  /** Read at most this many items. */
  readonly limit?: number | undefined
  /** Go on from where a previous page stopped: its `nextToken`. */
  readonly nextToken?: string | undefined
  /** `ALL_OLD` puts the item on the `ConditionalCheckFailedError` when a condition fails. */
  readonly returnValuesOnConditionCheckFailure?: "NONE" | "ALL_OLD" | undefined
}

/**
 * What `executeStatement` succeeds with: the items as plain JS, where to go on from, and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExecuteStatementResult {
  readonly items: ReadonlyArray<Item>
  /** Pass as `nextToken` for the next page (or stream every page with `Pages`); `undefined` on the last page. */
  readonly nextToken: string | undefined
  readonly lastKey: Item | undefined
  readonly raw: ExecuteStatementCommandOutput
}

function buildExecuteStatement(
  statement: string,
  parameters?: ReadonlyArray<unknown>,
  options?: ExecuteStatementOptions
): Operation<"ExecuteStatement", ExecuteStatementResult>
function buildExecuteStatement(input: ExecuteStatementCommandInput): Operation<"ExecuteStatement", ExecuteStatementResult>
function buildExecuteStatement(
  target: string | ExecuteStatementCommandInput,
  values?: ReadonlyArray<unknown>,
  options: ExecuteStatementOptions = {}
): Operation<"ExecuteStatement", ExecuteStatementResult> {
  return make({
    name: "ExecuteStatement",
    description:
      typeof target === "string"
        ? {
            Statement: target,
            ...parameters(values),
            ...(options.consistent !== undefined && { ConsistentRead: options.consistent }),
            ...(options.limit !== undefined && { Limit: options.limit }),
            ...(options.nextToken !== undefined && { NextToken: options.nextToken }),
            ...(options.returnValuesOnConditionCheckFailure !== undefined && {
              ReturnValuesOnConditionCheckFailure: options.returnValuesOnConditionCheckFailure
            }),
            ...options.input
          }
        : { ...target },
    decode: (raw) => ({
      items: readList(raw.Items, "Items", fromAttributeMap),
      nextToken: raw.NextToken,
      lastKey: optionalItem(raw.LastEvaluatedKey, "LastEvaluatedKey"),
      raw
    })
  })
}

/**
 * Runs one PartiQL statement (`ExecuteStatement`) with its `?` parameters as plain JS values; or the SDK input.
 * Succeeds with the items read as plain JS.
 *
 * @example
 * import { executeStatement } from "dynofunc"
 * executeStatement(`SELECT * FROM "users" WHERE id = ?`, ["u1"]).description
 * // { Statement: "SELECT * FROM \"users\" WHERE id = ?", Parameters: [{ S: "u1" }] }
 * executeStatement(`UPDATE "users" SET visits = visits + ? WHERE id = ?`, [1, "u1"])
 *
 * @since 0.1.0
 * @category services
 */
export const executeStatement = guard("ExecuteStatement", buildExecuteStatement)
