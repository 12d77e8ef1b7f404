/**
 * Item operations as transaction actions: the description of a `putItem`/`add`, `updateItem`/`update`,
 * `deleteItem`/`remove`, `getItem`/`find` or a `conditionCheck` becomes one `TransactItem`. Fields a transaction
 * action cannot hold (`ReturnValues`, `ReturnConsumedCapacity`, the legacy `Expected`, …) are problems, so
 * nothing is silently dropped; `ConsistentRead` is dropped (transactions always read consistently).
 */
import type { TransactGetItem, TransactWriteItem } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../../InputProblem.js"
import { isConditionCheck } from "../../operations/conditionCheck.js"
import { isOperation } from "../../Operation.js"
import type { TransactGetAction } from "../../operations/transactGetItems.js"
import type { TransactWriteAction } from "../../operations/transactWriteItems.js"

const common = ["TableName", "Key", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure"]
/** The fields each kind of action keeps; `ignored` ones are dropped without a problem when harmless. */
const kept = {
  Put: ["TableName", "Item", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure"],
  Update: [...common, "UpdateExpression"],
  Delete: common,
  Get: ["TableName", "Key", "ProjectionExpression", "ExpressionAttributeNames"]
} as const

/** Set fields that are harmless to leave out: `ReturnValues: "NONE"`, `ConsistentRead`. */
const harmless = (field: string, value: unknown): boolean =>
  (field === "ReturnValues" && value === "NONE") || field === "ConsistentRead"

const convert = (
  kind: keyof typeof kept,
  op: { readonly name: string; readonly description: object; readonly problems: ReadonlyArray<InputProblem> },
  part: string
): { readonly action: Record<string, unknown>; readonly problems: ReadonlyArray<InputProblem> } => {
  const fields: ReadonlyArray<string> = kept[kind]
  const action: Record<string, unknown> = {}
  const problems: Array<InputProblem> = op.problems.map((problem) => ({ ...problem, part: `${part}.${problem.part}` }))
  for (const [field, value] of Object.entries(op.description)) {
    if (value === undefined) continue
    if (fields.includes(field)) action[field] = value
    else if (!harmless(field, value)) {
      problems.push({ part: `${part}.${field}`, message: `${field} cannot be set on a ${op.name} inside a transaction` })
    }
  }
  return { action, problems }
}

const writeKinds = { PutItem: "Put", UpdateItem: "Update", DeleteItem: "Delete" } as const

/** One write action as a `TransactWriteItem`, with what is wrong with it. */
export const toTransactWriteItem = (
  action: TransactWriteAction,
  index: number
): { readonly item: TransactWriteItem; readonly problems: ReadonlyArray<InputProblem> } => {
  const part = `TransactItems[${index}]`
  if (isConditionCheck(action)) {
    return {
      item: { ConditionCheck: action.description },
      problems: action.problems.map((problem) => ({ ...problem, part: `${part}.ConditionCheck.${problem.part}` }))
    }
  }
  if (isOperation(action)) {
    const kind = writeKinds[action.name as keyof typeof writeKinds]
    if (kind === undefined) {
      return { item: {}, problems: [{ part, message: `${action.name} cannot be part of a write transaction` }] }
    }
    const converted = convert(kind, action, `${part}.${kind}`)
    return { item: { [kind]: converted.action } as TransactWriteItem, problems: converted.problems }
  }
  return { item: action as TransactWriteItem, problems: [] }
}

/** One read action as a `TransactGetItem`, with what is wrong with it. */
export const toTransactGetItem = (
  action: TransactGetAction,
  index: number
): { readonly item: TransactGetItem; readonly problems: ReadonlyArray<InputProblem> } => {
  const part = `TransactItems[${index}]`
  if (isOperation(action)) {
    if (action.name !== "GetItem") {
      return { item: {} as TransactGetItem, problems: [{ part, message: `${action.name} cannot be part of a read transaction` }] }
    }
    const converted = convert("Get", action, `${part}.Get`)
    return { item: { Get: converted.action } as unknown as TransactGetItem, problems: converted.problems }
  }
  return { item: action as TransactGetItem, problems: [] }
}
