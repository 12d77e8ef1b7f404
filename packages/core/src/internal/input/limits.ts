/**
 * DynamoDB's limits and rules, checked on a description before it is sent (once per `execute`, never while
 * building): a request that would be refused anyway fails with `InvalidInputError` and never leaves the process.
 * Sizes are checked here; options and names in `input/options.ts`, the shape of whole requests in
 * `input/requests.ts`, each write of a batch (and its size) in `input/writes.ts`.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../../InputProblem.js"
import type { CommandName } from "../../Operation.js"
import type { InputCheck } from "../builders/construct.js"
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

/** What one operation's check adds beyond the options, names and required members every operation has checked. */
type ShapeCheck = (operation: CommandName, input: Description, problems: Problems) => void

/**
 * Checks what in the SDK input of `operation` DynamoDB would refuse: options and names, required members, then
 * `shape`. Total, like the builders: a description of the wrong shape (`TransactItems: [undefined]`) is a problem.
 */
const checking =
  (shape: ShapeCheck): InputCheck =>
  (operation, description) => {
    try {
      const problems: Problems = []
      fieldProblems(operation, description, "", problems)
      if (isRecord(description)) {
        requiredProblems(operation, required[operation], description, "", problems)
        shape(operation, description, problems)
      }
      return problems.length === 0 ? none : problems
    } catch (error) {
      return [{ part: "input", message: `the request does not have the shape of ${operation}'s input: ${error instanceof Error ? error.message : String(error)}` }]
    }
  }

/**
 * The check of every operation without a shape of its own (`GetItem`, `DeleteItem`, `Scan`, the control plane):
 * options, names, required members and expression sizes. An operation's builder gives its operation its own check
 * (`InputCheck` in `builders/construct.ts`), so a bundle holds only the checks of the builders it uses.
 *
 * @example
 * import { plainChecks } from "./limits.js"
 * plainChecks("GetItem", { TableName: "users" }) // [{ part: "Key", message: "GetItem needs Key: it is missing" }]
 */
export const plainChecks: InputCheck = /* @__PURE__ */ checking((_, input, problems) => expressionProblems(input, "", problems))

/**
 * The check of `UpdateItem`: no update of a key attribute, and expression sizes.
 *
 * @example
 * import { updateItemChecks } from "./limits.js"
 * updateItemChecks("UpdateItem", { TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: "SET #id = :v" })
 */
export const updateItemChecks: InputCheck = /* @__PURE__ */ checking((_, input, problems) => {
  updateKeyShape(input, "", problems)
  expressionProblems(input, "", problems)
})

/**
 * The check of `Query`: a key condition DynamoDB takes, and expression sizes.
 *
 * @example
 * import { queryChecks } from "./limits.js"
 * queryChecks("Query", { TableName: "users", KeyConditionExpression: "#k = :k" })
 */
export const queryChecks: InputCheck = /* @__PURE__ */ checking((_, input, problems) => {
  keyConditionShape(input, "", problems)
  expressionProblems(input, "", problems)
})

/**
 * The check of `PutItem`: an item of at most 400 KB, and expression sizes.
 *
 * @example
 * import { putItemChecks } from "./limits.js"
 * putItemChecks("PutItem", { TableName: "users", Item: { id: { S: "u1" } } }) // []
 */
export const putItemChecks: InputCheck = /* @__PURE__ */ checking((_, input, problems) => {
  if (input["Item"] !== undefined && !isRecord(input["Item"])) problems.push({ part: "Item", message: "PutItem writes an item: an object of attribute values" })
  itemProblems(input["Item"], "Item", problems)
  expressionProblems(input, "", problems)
})

/** The checks of the operations with a shape of their own; every other operation's is `plainChecks`. */
const shapeChecks: Readonly<Partial<Record<CommandName, InputCheck>>> = {
  BatchWriteItem: /* @__PURE__ */ checking((_, input, problems) => batchWriteShape(input["RequestItems"], problems)),
  BatchGetItem: /* @__PURE__ */ checking((_, input, problems) => {
    batchGetShape(input["RequestItems"], problems)
    batchGetExpressions(input["RequestItems"], problems)
  }),
  TransactWriteItems: /* @__PURE__ */ checking((operation, input, problems) => {
    transactionShape(operation, input["TransactItems"], ["Put", "Update", "Delete", "ConditionCheck"], problems)
    transactionSizes(input["TransactItems"], problems)
  }),
  TransactGetItems: /* @__PURE__ */ checking((operation, input, problems) => {
    transactionShape(operation, input["TransactItems"], ["Get"], problems)
    transactionSizes(input["TransactItems"], problems)
  }),
  ExecuteStatement: /* @__PURE__ */ checking((_operation, input, problems) => statementShape(input, "", problems)),
  BatchExecuteStatement: /* @__PURE__ */ checking((operation, input, problems) =>
    statementsShape(operation, "Statements", input["Statements"], Limits.batchStatements, problems)),
  ExecuteTransaction: /* @__PURE__ */ checking((operation, input, problems) =>
    statementsShape(operation, "TransactStatements", input["TransactStatements"], Limits.transactionStatements, problems)),
  CreateTable: /* @__PURE__ */ checking((_, input, problems) => createTableShape(input, problems)),
  UpdateTable: /* @__PURE__ */ checking((_, input, problems) => updateTableShape(input, problems)),
  UpdateItem: updateItemChecks,
  Query: queryChecks,
  PutItem: putItemChecks
}

/**
 * The check of the operation named `operation`: its own where it has a shape of its own, `plainChecks` otherwise.
 *
 * @example
 * import { checksOf, plainChecks } from "./limits.js"
 * checksOf("GetItem") === plainChecks // true
 */
export const checksOf = (operation: CommandName): InputCheck => shapeChecks[operation] ?? plainChecks

/**
 * What in the SDK input of `operation` DynamoDB would refuse: options and names, the shape of batches,
 * transactions and PartiQL statements, table definitions, updates of key attributes, expression and item sizes.
 *
 * @example
 * import { checkLimits } from "./limits.js"
 * checkLimits("BatchWriteItem", { RequestItems: {} }) // [{ part: "RequestItems", message: "BatchWriteItem needs at least one table with writes" }]
 */
export const checkLimits = (operation: CommandName, description: unknown): ReadonlyArray<InputProblem> =>
  checksOf(operation)(operation, description)
