/**
 * DynamoDB's limits and rules, checked on a description before it is sent (once per `execute`, never while
 * building): a request that would be refused anyway fails with `InvalidInputError` and never leaves the process.
 * Sizes are checked here; options and names in `input/options.ts`, the shape of whole requests in
 * `input/requests.ts`, each write of a batch (and its size) in `input/writes.ts`.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../../InputProblem.js"
import type { CommandName } from "../../Operation.js"
import { fieldProblems, nameProblem, type Problems } from "./options.js"
import {
  batchGetShape,
  batchWriteShape,
  createTableShape,
  keyConditionShape,
  ShapeLimits,
  statementShape,
  statementsShape,
  transactionShape,
  updateKeyShape,
  updateTableShape
} from "./requests.js"
import { WriteLimits } from "./writes.js"
import { itemSize } from "../values/itemSize.js"

/** The limits, named. */
export const Limits = {
  expressionBytes: 4 * 1024,
  inOperands: 100,
  ...WriteLimits,
  ...ShapeLimits
} as const

const expressionFields = [
  "KeyConditionExpression",
  "ConditionExpression",
  "FilterExpression",
  "UpdateExpression",
  "ProjectionExpression"
] as const

const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8")

/** No problem: one shared empty list. */
const none: ReadonlyArray<InputProblem> = []

/** Problems with a table name (`part` names it): a string of 3 to 255 characters of `a-z A-Z 0-9 _ . -`, or an ARN. */
export const tableNameProblems = (name: unknown, part = "TableName"): ReadonlyArray<InputProblem> => {
  const problem = nameProblem(name, "table", true)
  return problem === undefined ? none : [{ part, message: problem }]
}

type Description = Record<string, unknown>
type AttributeMap = Record<string, AttributeValue>

const isRecord = (value: unknown): value is Description => typeof value === "object" && value !== null && !Array.isArray(value)

const expressionProblems = (input: Description, prefix: string, problems: Problems): void => {
  for (let i = 0; i < expressionFields.length; i++) {
    const field = expressionFields[i]!
    const expression = input[field]
    if (typeof expression === "string" && expression.length * 3 > Limits.expressionBytes && utf8Bytes(expression) > Limits.expressionBytes) {
      problems.push({ part: prefix + field, message: `expression is ${utf8Bytes(expression)} bytes; DynamoDB allows ${Limits.expressionBytes}` })
    }
  }
}

/** The item's size, with a problem when it is over 400 KB. */
const itemProblems = (item: unknown, part: string, problems: Problems): number => {
  if (!isRecord(item)) return 0
  const size = itemSize(item as AttributeMap)
  if (size > Limits.itemBytes) problems.push({ part, message: `item is ${size} bytes; DynamoDB allows ${Limits.itemBytes}` })
  return size
}

const table = ["TableName"] as const

/**
 * The members each operation requires ("Required: Yes" in the API reference of each operation; `a|b` is one of
 * them). `BatchWriteItem`, `BatchGetItem`, the transactions and PartiQL's batches check theirs in their shapes.
 */
const required: Readonly<Partial<Record<CommandName, ReadonlyArray<string>>>> = {
  PutItem: ["TableName", "Item"],
  GetItem: ["TableName", "Key"],
  UpdateItem: ["TableName", "Key"],
  DeleteItem: ["TableName", "Key"],
  Query: ["TableName", "KeyConditionExpression|KeyConditions"],
  Scan: table,
  ExecuteStatement: ["Statement"],
  CreateTable: ["TableName", "KeySchema", "AttributeDefinitions"],
  UpdateTimeToLive: ["TableName", "TimeToLiveSpecification"],
  TagResource: ["ResourceArn", "Tags"],
  UntagResource: ["ResourceArn", "TagKeys"],
  ListTagsOfResource: ["ResourceArn"],
  ...Object.fromEntries(
    (
      [
        "DeleteTable",
        "DescribeTable",
        "UpdateTable",
        "DescribeTimeToLive",
        "DescribeContinuousBackups",
        "UpdateContinuousBackups",
        "DescribeContributorInsights",
        "UpdateContributorInsights",
        "CreateBackup",
        "DescribeKinesisStreamingDestination",
        "EnableKinesisStreamingDestination",
        "DisableKinesisStreamingDestination",
        "UpdateKinesisStreamingDestination",
        "DescribeTableReplicaAutoScaling",
        "UpdateTableReplicaAutoScaling"
      ] satisfies ReadonlyArray<CommandName>
    ).map((operation) => [operation, table])
  )
}

/** The members each action of a transaction requires (API reference: Put, Update, Delete, ConditionCheck, Get). */
const actionRequired: Readonly<Record<string, ReadonlyArray<string>>> = {
  Put: ["TableName", "Item"],
  Update: ["TableName", "Key", "UpdateExpression"],
  Delete: ["TableName", "Key"],
  ConditionCheck: ["TableName", "Key", "ConditionExpression"],
  Get: ["TableName", "Key"]
}

/** Adds a problem for each member of `fields` (`a|b`: one of them) missing from `body`. */
const requiredProblems = (what: string, fields: ReadonlyArray<string> | undefined, body: Description, prefix: string, problems: Problems): void => {
  if (fields === undefined) return
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!
    const missing = field.includes("|") ? field.split("|").every((one) => body[one] === undefined) : body[field] === undefined
    if (missing) problems.push({ part: prefix + field.split("|")[0], message: `${what} needs ${field.replace("|", " or ")}: it is missing` })
  }
}

/** Expressions and item sizes of each action of a transaction. */
const transactionSizes = (items: unknown, problems: Problems): void => {
  if (!Array.isArray(items)) return
  items.forEach((action: unknown, index) => {
    if (!isRecord(action)) return
    for (const kind in action) {
      const body = action[kind]
      if (!isRecord(body)) continue
      const part = `TransactItems[${index}].${kind}.`
      requiredProblems(kind, actionRequired[kind], body, part, problems)
      expressionProblems(body, part, problems)
      if (kind === "Put") itemProblems(body["Item"], part + "Item", problems)
      if (kind === "Update") updateKeyShape(body, part, problems)
    }
  })
}

const batchGetExpressions = (requestItems: unknown, problems: Problems): void => {
  if (!isRecord(requestItems)) return
  for (const table in requestItems) {
    const request = requestItems[table]
    if (isRecord(request)) expressionProblems(request, `RequestItems.${table}.`, problems)
  }
}

/**
 * What in the SDK input of `operation` DynamoDB would refuse: options and names, the shape of batches,
 * transactions and PartiQL statements, table definitions, updates of key attributes, expression and item sizes.
 */
export const checkLimits = (operation: CommandName, description: unknown): ReadonlyArray<InputProblem> => {
  // Total, like the builders: a description of the wrong shape (`TransactItems: [undefined]`) is a problem.
  try {
    const problems: Problems = []
    limitProblems(operation, description, problems)
    return problems.length === 0 ? none : problems
  } catch (error) {
    return [{ part: "input", message: `the request does not have the shape of ${operation}'s input: ${error instanceof Error ? error.message : String(error)}` }]
  }
}

const limitProblems = (operation: CommandName, description: unknown, problems: Problems): void => {
  fieldProblems(operation, description, "", problems)
  if (!isRecord(description)) return
  const input = description
  requiredProblems(operation, required[operation], input, "", problems)
  switch (operation) {
    case "BatchWriteItem":
      return batchWriteShape(input["RequestItems"], problems)
    case "BatchGetItem":
      batchGetShape(input["RequestItems"], problems)
      return batchGetExpressions(input["RequestItems"], problems)
    case "TransactWriteItems":
      transactionShape(operation, input["TransactItems"], ["Put", "Update", "Delete", "ConditionCheck"], problems)
      return transactionSizes(input["TransactItems"], problems)
    case "TransactGetItems":
      transactionShape(operation, input["TransactItems"], ["Get"], problems)
      return transactionSizes(input["TransactItems"], problems)
    case "ExecuteStatement":
      return statementShape(input, "", problems)
    case "BatchExecuteStatement":
      return statementsShape(operation, "Statements", input["Statements"], Limits.batchStatements, problems)
    case "ExecuteTransaction":
      return statementsShape(operation, "TransactStatements", input["TransactStatements"], Limits.transactionStatements, problems)
    case "CreateTable":
      return createTableShape(input, problems)
    case "UpdateTable":
      return updateTableShape(input, problems)
    case "UpdateItem":
      updateKeyShape(input, "", problems)
      return expressionProblems(input, "", problems)
    case "Query":
      keyConditionShape(input, "", problems)
      return expressionProblems(input, "", problems)
    case "PutItem":
      if (input["Item"] !== undefined && !isRecord(input["Item"])) problems.push({ part: "Item", message: "PutItem writes an item: an object of attribute values" })
      itemProblems(input["Item"], "Item", problems)
      return expressionProblems(input, "", problems)
    default:
      return expressionProblems(input, "", problems)
  }
}
