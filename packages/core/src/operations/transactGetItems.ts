/**
 * The `transactGetItems` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { TransactGetItem, TransactGetItemsCommandInput, TransactGetItemsCommandOutput } from "@aws-sdk/client-dynamodb"
import { optionalItem, type EscapeHatch } from "../internal/builders/build.js"
import { readList } from "../internal/values/responses.js"
import { toTransactGetItem } from "../internal/builders/transact.js"
import { make, type Operation } from "../Operation.js"
import type { Item } from "../Value.js"
import { guard } from "../internal/input/guard.js"

/**
 * What `transactGetItems` takes for each read: an item read, or the SDK action.
 *
 * @since 0.1.0
 * @category models
 */
export type TransactGetAction = Operation<"GetItem", unknown> | TransactGetItem

/**
 * Options of `transactGetItems`.
 *
 * @since 0.1.0
 * @category models
 */
export type TransactGetOptions = EscapeHatch<"TransactGetItems">

/**
 * What `transactGetItems` succeeds with: one entry per read, in order (`undefined` where there is no item).
 *
 * @since 0.1.0
 * @category models
 */
export interface TransactGetResult {
  readonly items: ReadonlyArray<Item | undefined>
  readonly raw: TransactGetItemsCommandOutput
}

function buildTransactGetItems(
  actions: ReadonlyArray<TransactGetAction>,
  options?: TransactGetOptions
): Operation<"TransactGetItems", TransactGetResult>
function buildTransactGetItems(input: TransactGetItemsCommandInput): Operation<"TransactGetItems", TransactGetResult>
function buildTransactGetItems(
  target: ReadonlyArray<TransactGetAction> | TransactGetItemsCommandInput,
  options: TransactGetOptions = {}
): Operation<"TransactGetItems", TransactGetResult> {
  const decode = (raw: TransactGetItemsCommandOutput): TransactGetResult => ({
    items: readList(raw.Responses, "Responses", (response) => optionalItem(response.Item, "Item")),
    raw
  })
  if (!Array.isArray(target)) {
    return make({ name: "TransactGetItems", description: { ...(target as TransactGetItemsCommandInput) }, decode })
  }
  const converted = (target as ReadonlyArray<TransactGetAction>).map(toTransactGetItem)
  return make({
    name: "TransactGetItems",
    description: { TransactItems: converted.map((action) => action.item), ...options.input },
    decode,
    problems: converted.flatMap((action) => action.problems)
  })
}

/**
 * Reads up to 100 items as one consistent snapshot (`TransactGetItems`). Give the read operations themselves
 * (`find`/`getItem`) or SDK actions, in order; or the SDK input. Succeeds with the items as plain JS, in the same order.
 *
 * @example
 * import { transactGetItems, find } from "dynofunc"
 * transactGetItems([find("users", { id: "u1" }), find("orders", { id: "o1" }, { projection: ["total"] })])
 * // succeeds with { items: [{ id: "u1", … }, undefined], raw }
 *
 * @since 0.1.0
 * @category services
 */
export const transactGetItems = guard("TransactGetItems", buildTransactGetItems)
