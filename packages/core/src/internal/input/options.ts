/**
 * The options and names of a request, checked before it is sent: enums, positive integers, booleans, table and
 * index names, key values, capacities, key schemas, PartiQL statements. Each rule is keyed by the SDK input field
 * it checks, so it applies wherever that field appears: a request, a transaction action, a table of a batch.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../../InputProblem.js"
import type { CommandName } from "../../Operation.js"

/** Where problems are collected. */
export type Problems = Array<InputProblem>

/** The names DynamoDB takes for tables and indexes: 3 to 255 characters of `a-z A-Z 0-9 _ . -`. */
export const NameLimits = { min: 3, max: 255, arnMax: 1024, keyNameMax: 255, statementMax: 8192 } as const

const namePattern = /^[a-zA-Z0-9_.-]+$/

const show = (value: unknown): string =>
  typeof value === "string" ? JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value) : typeof value === "bigint" ? `${value}n` : String(value)

/** Problems with a table (or index, with `what`) name; an ARN stands for a table where `arn` allows it. */
export const nameProblem = (name: unknown, what: "table" | "index", arn: boolean): string | undefined => {
  if (typeof name !== "string") return `a ${what} name is a string, not ${typeof name === "object" ? (name === null ? "null" : "an object") : `the ${typeof name} ${show(name)}`}`
  if (arn && name.startsWith("arn:")) return name.length <= NameLimits.arnMax ? undefined : `a table ARN is at most ${NameLimits.arnMax} characters`
  if (name.length < NameLimits.min || name.length > NameLimits.max) {
    return `${what} name ${show(name)} must be ${NameLimits.min} to ${NameLimits.max} characters long`
  }
  return namePattern.test(name) ? undefined : `${what} name ${show(name)} may only hold a-z, A-Z, 0-9, _, . and -`
}

const oneOf =
  (...allowed: ReadonlyArray<string>) =>
  (value: unknown): string | undefined =>
    typeof value === "string" && allowed.includes(value) ? undefined : `${show(value)} is not one of ${allowed.join(", ")}`

const positiveInteger = (value: unknown): string | undefined =>
  Number.isSafeInteger(value) && (value as number) >= 1 ? undefined : `${show(value)} is not a whole number of at least 1`

const boolean = (value: unknown): string | undefined => (typeof value === "boolean" ? undefined : `${show(value)} is not true or false`)

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value)

/** A key DynamoDB takes: an object of attributes, none of them an empty string or binary. */
export const keyProblem = (key: unknown): string | undefined => {
  if (!isRecord(key)) return "a key is an object of attribute values"
  let count = 0
  for (const name in key) {
    count++
    if (name.length > NameLimits.keyNameMax) return `a key attribute name is at most ${NameLimits.keyNameMax} characters`
    const value = key[name] as AttributeValue | undefined
    if (value?.S === "" || (value?.B !== undefined && value.B.byteLength === 0)) {
      return `key attribute "${name}" is empty: a key attribute cannot be an empty string or binary`
    }
  }
  return count === 0 ? "a key has at least one attribute" : undefined
}

const returnValues = {
  all: oneOf("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"),
  old: oneOf("NONE", "ALL_OLD")
}

const throughput = (value: unknown): string | undefined => {
  if (!isRecord(value)) return "provisioned throughput is { ReadCapacityUnits, WriteCapacityUnits }"
  const problem = positiveInteger(value["ReadCapacityUnits"]) ?? positiveInteger(value["WriteCapacityUnits"])
  return problem === undefined ? undefined : `read and write capacity are whole numbers of at least 1: ${problem}`
}

const streamViewType = oneOf("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY")

const stream = (value: unknown): string | undefined => {
  if (!isRecord(value)) return "a stream specification is { StreamEnabled, StreamViewType }"
  const enabled = boolean(value["StreamEnabled"])
  if (enabled !== undefined) return `StreamEnabled: ${enabled}`
  if (value["StreamEnabled"] === true) return streamViewType(value["StreamViewType"])
  return value["StreamViewType"] === undefined ? undefined : streamViewType(value["StreamViewType"])
}

/**
 * A key schema: partition attributes (`HASH`), then sort attributes (`RANGE`), each named once with 1 to 255
 * characters; 1 to 4 of each kind and at most 4 sort attributes (DynamoDB's multi-attribute index keys; a table's
 * own key, one of each at most, is checked by `CreateTable`'s shape).
 */
export const keySchemaProblem = (value: unknown): string | undefined => {
  if (!Array.isArray(value) || value.length === 0) return "a key schema lists the partition key, then the sort key"
  const seen = new Set<string>()
  let hash = 0
  let range = 0
  for (const element of value as ReadonlyArray<{ AttributeName?: unknown; KeyType?: unknown } | undefined>) {
    const name = element?.AttributeName
    if (typeof name !== "string" || name.length < 1 || name.length > NameLimits.keyNameMax) {
      return `key attribute names are 1 to ${NameLimits.keyNameMax} characters long, not ${show(name)}`
    }
    if (seen.has(name)) return `key attribute "${name}" appears twice in the key`
    seen.add(name)
    if (element?.KeyType === "HASH" && range === 0) hash++
    else if (element?.KeyType === "RANGE") range++
    else return `partition keys (HASH) come first, then sort keys (RANGE), not ${show(element?.KeyType)}`
  }
  return hash === 0 ? "a key schema starts with the partition key (HASH)" : hash > 4 || range > 4 ? "a key has at most 4 partition and 4 sort attributes" : undefined
}

const attributeType = oneOf("S", "N", "B")

const definitions = (value: unknown): string | undefined => {
  if (!Array.isArray(value)) return "attribute definitions are a list of { AttributeName, AttributeType }"
  for (const definition of value as ReadonlyArray<{ AttributeName?: unknown; AttributeType?: unknown } | undefined>) {
    if (typeof definition?.AttributeName !== "string") return "each attribute definition names its attribute"
    const problem = attributeType(definition.AttributeType)
    if (problem !== undefined) return `key attribute "${definition.AttributeName}": ${problem}`
  }
  return undefined
}

/** A PartiQL statement: 1 to 8,192 characters. */
const statement = (value: unknown): string | undefined =>
  typeof value !== "string" || value.length === 0
    ? "a PartiQL statement is a non-empty string"
    : value.length > NameLimits.statementMax
      ? `the statement is ${value.length} characters; DynamoDB takes at most ${NameLimits.statementMax}`
      : undefined

type Rule = (value: unknown, operation: CommandName) => string | undefined

/** What each SDK input field must hold, wherever it appears. */
const rules: Readonly<Record<string, Rule>> = {
  TableName: (value, operation) => nameProblem(value, "table", operation !== "CreateTable"),
  IndexName: (value) => nameProblem(value, "index", false),
  Key: keyProblem,
  Limit: positiveInteger,
  Select: oneOf("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT"),
  ReturnValues: (value, operation) => (operation === "UpdateItem" ? returnValues.all : returnValues.old)(value),
  ReturnValuesOnConditionCheckFailure: returnValues.old,
  ReturnConsumedCapacity: oneOf("INDEXES", "TOTAL", "NONE"),
  ReturnItemCollectionMetrics: oneOf("SIZE", "NONE"),
  ConsistentRead: boolean,
  ScanIndexForward: boolean,
  DeletionProtectionEnabled: boolean,
  TotalSegments: (value) =>
    Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= 1_000_000
      ? undefined
      : `${show(value)} is not a whole number from 1 to 1,000,000`,
  Segment: (value) => (Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : `${show(value)} is not a whole number from 0`),
  BillingMode: oneOf("PROVISIONED", "PAY_PER_REQUEST"),
  TableClass: oneOf("STANDARD", "STANDARD_INFREQUENT_ACCESS"),
  ProvisionedThroughput: throughput,
  StreamSpecification: stream,
  KeySchema: keySchemaProblem,
  AttributeDefinitions: definitions,
  Statement: statement
}

/**
 * Adds the problems of the fields of `body` (a request, or one action or table of it) to `problems`, each named
 * `prefix` + its field.
 */
export const fieldProblems = (operation: CommandName, body: unknown, prefix: string, problems: Problems): void => {
  if (!isRecord(body)) {
    problems.push({ part: prefix === "" ? "input" : prefix.slice(0, -1), message: "expected an object" })
    return
  }
  for (const field in body) {
    const value = body[field]
    if (value === undefined) continue
    const rule = rules[field]
    if (rule === undefined) continue
    const problem = rule(value, operation)
    if (problem !== undefined) problems.push({ part: prefix + field, message: problem })
  }
  const segment = body["Segment"]
  const total = body["TotalSegments"]
  if ((segment === undefined) !== (total === undefined)) {
    problems.push({ part: prefix + "Segment", message: "Segment and TotalSegments go together" })
  } else if (typeof segment === "number" && typeof total === "number" && segment >= total) {
    problems.push({ part: prefix + "Segment", message: `segment ${segment} of ${total}: segments are numbered 0 to ${total - 1}` })
  }
}
