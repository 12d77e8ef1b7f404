/**
 * The `transactWriteItems` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { TransactWriteItem, TransactWriteItemsCommandInput, TransactWriteItemsCommandOutput } from "@aws-sdk/client-dynamodb"
import type { ConditionCheck } from "./conditionCheck.js"
import { checkBatchMetrics, type EscapeHatch } from "../internal/builders/build.js"
import { toTransactWriteItem } from "../internal/builders/transact.js"
import { make, type Operation } from "../Operation.js"
import { guard } from "../internal/input/guard.js"

/**
 * What `transactWriteItems` takes for each action: an item write, a condition check, or the SDK action.
 *
 * @since 0.1.0
 * @category models
 */
export type TransactWriteAction =
  | Operation<"PutItem", unknown>
  | Operation<"UpdateItem", unknown>
  | Operation<"DeleteItem", unknown>
  | ConditionCheck
  | TransactWriteItem

/**
 * Options of `transactWriteItems`.
 *
 * @since 0.1.0
 * @category models
 */
export interface TransactWriteOptions extends EscapeHatch<"TransactWriteItems"> {
  /** Makes the call idempotent for 10 minutes: a retry with the same token is not applied twice. */
  readonly clientRequestToken?: string | undefined
}

/** The output as it is, once its item collection metrics are known to be ones DynamoDB could have sent. */
const decode = (raw: TransactWriteItemsCommandOutput): TransactWriteItemsCommandOutput => {
  checkBatchMetrics(raw)
  return raw
}

function buildTransactWriteItems(
  actions: ReadonlyArray<TransactWriteAction>,
  options?: TransactWriteOptions
): Operation<"TransactWriteItems", TransactWriteItemsCommandOutput>
function buildTransactWriteItems(input: TransactWriteItemsCommandInput): Operation<"TransactWriteItems", TransactWriteItemsCommandOutput>
function buildTransactWriteItems(
  target: ReadonlyArray<TransactWriteAction> | TransactWriteItemsCommandInput,
  options: TransactWriteOptions = {}
): Operation<"TransactWriteItems", TransactWriteItemsCommandOutput> {
  if (!Array.isArray(target)) {
    return make({ name: "TransactWriteItems", description: { ...(target as TransactWriteItemsCommandInput) }, decode })
  }
  const converted = (target as ReadonlyArray<TransactWriteAction>).map(toTransactWriteItem)
  return make({
    name: "TransactWriteItems",
    description: {
      TransactItems: converted.map((action) => action.item),
      ...(options.clientRequestToken !== undefined && { ClientRequestToken: options.clientRequestToken }),
      ...options.input
    },
    decode,
    problems: converted.flatMap((action) => action.problems)
  })
}

/**
 * Writes up to 100 items all or nothing (`TransactWriteItems`). Give the item operations themselves (`add`/`putItem`,
 * `update`/`updateItem`, `remove`/`deleteItem`), `conditionCheck`s, or SDK actions, in order; or the SDK input.
 * When any condition fails the call fails with `TransactionCanceledError`, whose `reasons` hold one entry per
 * action in the same order. Settings a transaction action cannot hold (e.g. `returnValues`) are an
 * `InvalidInputError`.
 *
 * @example
 * import { transactWriteItems, add, attr, update, conditionCheck } from "dynofunc"
 * transactWriteItems([
 *   add("orders", { id: "o1", total: 10 }, { condition: attr("id").notExists() }),
 *   update("accounts", { id: "a1" }, { balance: attr.decrement(10) }, { condition: attr("balance").gte(10) }),
 *   conditionCheck("users", { id: "u1" }, attr("status").equals("active"))
 * ]).description
 * // { TransactItems: [{ Put: { TableName: "orders", … } }, { Update: { … } }, { ConditionCheck: { … } }] }
 *
 * @since 0.1.0
 * @category services
 */
export const transactWriteItems = guard("TransactWriteItems", buildTransactWriteItems)
