/**
 * DynamoDB's limits, checked on a description before it is sent: a request that would be refused anyway fails
 * with `InvalidInputError` and never leaves the process.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../DynamoError.js"
import type { CommandName } from "../Operation.js"
import { itemSize } from "./itemSize.js"

/** The limits, named. */
export const Limits = {
  expressionBytes: 4 * 1024,
  itemBytes: 400 * 1024,
  batchWriteRequests: 25,
  batchWriteBytes: 16 * 1024 * 1024,
  batchGetKeys: 100,
  transactionActions: 100,
  inOperands: 100,
  tableNameMin: 3,
  tableNameMax: 255
} as const

const expressionFields = [
  "KeyConditionExpression",
  "ConditionExpression",
  "FilterExpression",
  "UpdateExpression",
  "ProjectionExpression"
] as const

const tableNamePattern = /^[a-zA-Z0-9_.-]+$/

const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8")

/** No problem: one shared empty list. */
const none: ReadonlyArray<InputProblem> = []

/** Problems with a table name: 3 to 255 characters of `a-z A-Z 0-9 _ . -` (ARNs are let through). */
export const tableNameProblems = (name: unknown, part = "TableName"): ReadonlyArray<InputProblem> => {
  if (typeof name !== "string") return none
  if (name.startsWith("arn:")) return none
  if (name.length < Limits.tableNameMin || name.length > Limits.tableNameMax) {
    return [{ part, message: `table name "${name}" must be ${Limits.tableNameMin} to ${Limits.tableNameMax} characters long` }]
  }
  return tableNamePattern.test(name) ? none : [{ part, message: `table name "${name}" may only hold a-z, A-Z, 0-9, _, . and -` }]
}

const expressionProblems = (input: Record<string, unknown>, prefix = ""): ReadonlyArray<InputProblem> => {
  let problems: Array<InputProblem> | undefined
  for (let i = 0; i < expressionFields.length; i++) {
    const field = expressionFields[i]!
    const expression = input[field]
    if (typeof expression === "string" && expression.length * 3 > Limits.expressionBytes && utf8Bytes(expression) > Limits.expressionBytes) {
      if (problems === undefined) problems = []
      problems.push({ part: prefix + field, message: `expression is ${utf8Bytes(expression)} bytes; DynamoDB allows ${Limits.expressionBytes}` })
    }
  }
  return problems ?? none
}

const itemProblems = (item: Record<string, AttributeValue> | undefined, part: string): ReadonlyArray<InputProblem> => {
  if (item === undefined) return none
  const size = itemSize(item)
  return size > Limits.itemBytes ? [{ part, message: `item is ${size} bytes; DynamoDB allows ${Limits.itemBytes}` }] : none
}

type Description = Record<string, unknown>

const transactionProblems = (items: ReadonlyArray<Record<string, Description | undefined>> | undefined): Array<InputProblem> => {
  if (items === undefined) return []
  const problems: Array<InputProblem> = []
  if (items.length > Limits.transactionActions) {
    problems.push({ part: "TransactItems", message: `${items.length} actions; a transaction takes at most ${Limits.transactionActions}` })
  }
  items.forEach((action, index) => {
    for (const [kind, body] of Object.entries(action)) {
      if (body === undefined) continue
      const part = `TransactItems[${index}].${kind}.`
      problems.push(...tableNameProblems(body["TableName"], part + "TableName"), ...expressionProblems(body, part))
      if (kind === "Put") problems.push(...itemProblems(body["Item"] as Record<string, AttributeValue>, part + "Item"))
    }
  })
  return problems
}

const batchWriteProblems = (requestItems: Record<string, ReadonlyArray<Description>> | undefined): Array<InputProblem> => {
  if (requestItems === undefined) return []
  const problems: Array<InputProblem> = []
  let count = 0
  let bytes = 0
  for (const [table, requests] of Object.entries(requestItems)) {
    problems.push(...tableNameProblems(table, "RequestItems"))
    count += requests.length
    requests.forEach((request, index) => {
      const item = (request["PutRequest"] as { Item?: Record<string, AttributeValue> } | undefined)?.Item
      if (item === undefined) return
      const size = itemSize(item)
      bytes += size
      if (size > Limits.itemBytes) {
        problems.push({ part: `RequestItems.${table}[${index}].PutRequest.Item`, message: `item is ${size} bytes; DynamoDB allows ${Limits.itemBytes}` })
      }
    })
  }
  if (count > Limits.batchWriteRequests) {
    problems.push({ part: "RequestItems", message: `${count} write requests; BatchWriteItem takes at most ${Limits.batchWriteRequests}` })
  }
  if (bytes > Limits.batchWriteBytes) {
    problems.push({ part: "RequestItems", message: `${bytes} bytes of items; BatchWriteItem takes at most ${Limits.batchWriteBytes}` })
  }
  return problems
}

const batchGetProblems = (requestItems: Record<string, { Keys?: ReadonlyArray<unknown> }> | undefined): Array<InputProblem> => {
  if (requestItems === undefined) return []
  const problems: Array<InputProblem> = []
  let count = 0
  for (const [table, request] of Object.entries(requestItems)) {
    problems.push(...tableNameProblems(table, "RequestItems"), ...expressionProblems(request as Description, `RequestItems.${table}.`))
    count += request.Keys?.length ?? 0
  }
  if (count > Limits.batchGetKeys) {
    problems.push({ part: "RequestItems", message: `${count} keys; BatchGetItem takes at most ${Limits.batchGetKeys}` })
  }
  return problems
}

/**
 * What in the SDK input of `operation` breaks a DynamoDB limit: expression sizes, item sizes, batch and
 * transaction sizes, table names.
 */
export const checkLimits = (operation: CommandName, description: unknown): ReadonlyArray<InputProblem> => {
  // Total, like the builders: a description of the wrong shape (`TransactItems: [undefined]`) is a problem.
  try {
    return limitProblems(operation, description)
  } catch (error) {
    return [{ part: "input", message: `the request does not have the shape of ${operation}'s input: ${error instanceof Error ? error.message : String(error)}` }]
  }
}

const limitProblems = (operation: CommandName, description: unknown): ReadonlyArray<InputProblem> => {
  const input = description as Description
  switch (operation) {
    case "BatchWriteItem":
      return batchWriteProblems(input["RequestItems"] as Record<string, ReadonlyArray<Description>>)
    case "BatchGetItem":
      return batchGetProblems(input["RequestItems"] as Record<string, { Keys?: ReadonlyArray<unknown> }>)
    case "TransactWriteItems":
    case "TransactGetItems":
      return transactionProblems(input["TransactItems"] as ReadonlyArray<Record<string, Description>>)
    default: {
      // Checked on every `execute`: no copying when (as nearly always) nothing is wrong.
      const table = tableNameProblems(input["TableName"])
      const expressions = expressionProblems(input)
      const item = operation === "PutItem" ? itemProblems(input["Item"] as Record<string, AttributeValue>, "Item") : none
      return table.length + expressions.length + item.length === 0 ? none : [...table, ...expressions, ...item]
    }
  }
}
