/**
 * The options and names of a request, checked before it is sent: enums, positive integers, booleans, table and
 * index names, key values, capacities, key schemas, PartiQL statements. Each rule is keyed by the SDK input field
 * it checks, so it applies wherever that field appears: a request, a transaction action, a table of a batch.
 */
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

/**
 * DynamoDB's limits on keys (Developer Guide, "Quotas in Amazon DynamoDB" → "Partition key length" and "Sort key
 * length"; API reference, "AttributeValue" and the `Key` member of GetItem, DeleteItem, UpdateItem): a key is one or
 * two attributes, each a string, number or binary; a partition key value is at most 2,048 bytes, a sort key value at
 * most 1,024 (UTF-8 bytes for a string).
 *
 * @example
 * import { KeyLimits } from "./options.js"
 * "é".repeat(1025).length * 2 > KeyLimits.partitionBytes // true: 2,050 bytes, too long for any key attribute
 */
export const KeyLimits = { attributes: 2, partitionBytes: 2048, sortBytes: 1024 } as const

/**
 * A problem inside a field: `at` continues the field's path (`""` for the field itself, `.id` for one attribute).
 *
 * @example
 * import { type Fault } from "./options.js"
 * const fault: Fault = { at: ".id", message: "key attribute \"id\" is of type NULL" } // named Key.id
 */
export interface Fault {
  readonly at: string
  readonly message: string
}

const whole = (message: string): Fault => ({ at: "", message })

/**
 * The type of an attribute value (`S`, `N`, `M`, …): its first member that is set.
 *
 * @example
 * import { typeOf } from "./options.js"
 * typeOf({ NULL: true }) // "NULL"
 */
export const typeOf = (value: Readonly<Record<string, unknown>>): string | undefined => {
  for (const member in value) if (value[member] !== undefined) return member
  return undefined
}

/**
 * The bytes of a key attribute's value, or why it can be no key attribute.
 *
 * @example
 * import { keyValueBytes } from "./options.js"
 * keyValueBytes({ S: "" }) // "is an empty string: a key attribute cannot be one"
 */
export const keyValueBytes = (value: unknown): number | string => {
  if (!isRecord(value)) return "is no attribute value"
  const { S, N, B } = value as { S?: unknown; N?: unknown; B?: unknown }
  if (typeof S === "string") {
    if (S === "") return "is an empty string: a key attribute cannot be one"
    // At most 3 bytes per UTF-16 unit: only a long string is measured.
    return S.length * 3 <= KeyLimits.sortBytes ? S.length : Buffer.byteLength(S, "utf8")
  }
  if (typeof N === "string") return N.length
  if (B instanceof Uint8Array) return B.byteLength === 0 ? "is an empty binary: a key attribute cannot be one" : B.byteLength
  return `is of type ${typeOf(value) ?? "none"}: a key attribute is a string (S), a number (N) or a binary (B)`
}

/**
 * Whether `key` can be a key: an object of one or two attributes, each a non-empty string, a number or a non-empty
 * binary, one of at most 2,048 bytes and the other (the sort key) of at most 1,024. Which one is the partition key
 * is not known here: only what is wrong whichever it is is refused. A start key (`ExclusiveStartKey`) of an index
 * also holds the index's key attributes (`attributes` more).
 *
 * @example
 * import { keyProblem } from "./options.js"
 * keyProblem({ id: { NULL: true } }) // { at: ".id", message: "key attribute \"id\" is of type NULL: …" }
 * keyProblem({ id: { S: "u1" } }) // undefined
 */
export const keyProblem = (key: unknown, attributes: number = KeyLimits.attributes): Fault | undefined => {
  if (!isRecord(key)) return whole("a key is an object of attribute values")
  let count = 0
  let long = 0
  for (const name in key) {
    count++
    if (name.length > NameLimits.keyNameMax) return whole(`a key attribute name is at most ${NameLimits.keyNameMax} characters`)
    const bytes = keyValueBytes(key[name])
    if (typeof bytes === "string") return { at: `.${name}`, message: `key attribute "${name}" ${bytes}` }
    if (bytes > KeyLimits.partitionBytes) {
      return { at: `.${name}`, message: `key attribute "${name}" is ${bytes} bytes; a partition key is at most ${KeyLimits.partitionBytes}, a sort key ${KeyLimits.sortBytes}` }
    }
    if (bytes > KeyLimits.sortBytes && ++long > 1) {
      return { at: `.${name}`, message: `two key attributes over ${KeyLimits.sortBytes} bytes: a sort key is at most ${KeyLimits.sortBytes}` }
    }
  }
  if (count === 0) return whole("a key has at least one attribute")
  return count > attributes ? whole(`${count} attributes: a key has at most ${attributes} (a partition key and a sort key)`) : undefined
}

/**
 * A start key: a key of the table, or with `IndexName` the table's and the index's key attributes (at most 2 + 8:
 * a global index's key has up to 4 partition and 4 sort attributes). API reference, Query and Scan:
 * `ExclusiveStartKey` is the primary key of the first item to evaluate; it cannot be empty.
 */
const startKey = (value: unknown, _operation: CommandName, body: Readonly<Record<string, unknown>>): Fault | undefined =>
  keyProblem(value, body["IndexName"] === undefined ? KeyLimits.attributes : KeyLimits.attributes + 8)

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
  return value["StreamViewType"] === undefined ? undefined : "a stream that is not enabled has no StreamViewType"
}

const sseType = oneOf("AES256", "KMS")

/** Encryption at rest (API reference, "SSESpecification"): `Enabled` a boolean, `SSEType` AES256 or KMS. */
const sse = (value: unknown): Fault | undefined => {
  if (!isRecord(value)) return whole("an encryption specification is { Enabled, SSEType, KMSMasterKeyId }")
  const enabled = value["Enabled"] === undefined ? undefined : boolean(value["Enabled"])
  if (enabled !== undefined) return { at: ".Enabled", message: enabled }
  const type = value["SSEType"] === undefined ? undefined : sseType(value["SSEType"])
  return type === undefined ? undefined : { at: ".SSEType", message: type }
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

/**
 * A client request token (API reference, TransactWriteItems and ExecuteTransaction, `ClientRequestToken`: length
 * 1 to 36), the tags of a table (API reference, "Tag": a key of 1 to 128 characters, a value of 0 to 256; CreateTable
 * and TagResource: at most 50 tags, Developer Guide "Tagging restrictions"; UntagResource: `TagKeys` of 1 to 128
 * characters; a `ResourceArn` of 1 to 1,283 characters), a time to live (API reference,
 * "TimeToLiveSpecification": `AttributeName` 1 to 255 characters, `Enabled` required), expression attribute names
 * (API reference, "ExpressionAttributeNames": a name of at most 65,535 bytes; DynamoDB refuses an empty map or name).
 *
 * @example
 * import { OptionLimits } from "./options.js"
 * "t".repeat(37).length > OptionLimits.tokenMax // true: refused as a ClientRequestToken
 */
export const OptionLimits = { tokenMax: 36, tags: 50, tagKeyMax: 128, tagValueMax: 256, resourceArnMax: 1283, attributeNameBytes: 65535 } as const

const length = (value: unknown, min: number, max: number, what: string): string | undefined =>
  typeof value === "string" && value.length >= min && value.length <= max ? undefined : `${what} is a string of ${min} to ${max} characters, not ${show(value)}`

const clientRequestToken = (value: unknown): string | undefined => length(value, 1, OptionLimits.tokenMax, "a client request token")

/**
 * The characters of tag keys and values (Developer Guide, "Tagging restrictions", and AWS's tagging rules): Unicode
 * letters (with their marks), digits and white space, and `_ . : / = + - @`.
 */
const tagText = /^[\p{L}\p{M}\p{N}\p{Z}\s_.:/=+\-@]*$/u

/** A tag key or value (`what`): `min` to `max` characters, each one tags may hold. */
const tagPart = (value: unknown, max: number, what: "key" | "value"): string | undefined =>
  length(value, what === "key" ? 1 : 0, max, `a tag ${what}`) ??
  (tagText.test(value as string) ? undefined : `tag ${what} ${show(value)}: tags hold letters, digits, white space and _ . : / = + - @ only`)

/** A tag key: 1 to 128 characters tags may hold, not starting with the `aws:` AWS keeps for itself. */
const tagKey = (key: unknown): string | undefined =>
  tagPart(key, OptionLimits.tagKeyMax, "key") ??
  ((key as string).toLowerCase().startsWith("aws:") ? `tag key ${show(key)}: the aws: prefix is reserved for AWS` : undefined)

const tags = (value: unknown): Fault | undefined => {
  if (!Array.isArray(value)) return whole("tags are a list of { Key, Value }")
  if (value.length > OptionLimits.tags) return whole(`${value.length} tags; a table has at most ${OptionLimits.tags}`)
  for (let i = 0; i < value.length; i++) {
    const tag: unknown = value[i]
    const problem = isRecord(tag) ? (tagKey(tag["Key"]) ?? tagPart(tag["Value"], OptionLimits.tagValueMax, "value")) : "a tag is { Key, Value }"
    if (problem !== undefined) return { at: `[${i}]`, message: problem }
  }
  return undefined
}

/** The keys of the tags `UntagResource` removes: a list of keys (the `aws:` ones AWS set cannot be removed either). */
const tagKeys = (value: unknown): Fault | undefined => {
  if (!Array.isArray(value)) return whole("tag keys are a list of strings")
  for (let i = 0; i < value.length; i++) {
    const problem = tagKey(value[i])
    if (problem !== undefined) return { at: `[${i}]`, message: problem }
  }
  return undefined
}

const timeToLive = (value: unknown): string | undefined =>
  !isRecord(value)
    ? "a time to live is { AttributeName, Enabled }"
    : (boolean(value["Enabled"]) === undefined ? undefined : "Enabled is true or false") ?? length(value["AttributeName"], 1, NameLimits.keyNameMax, "the time to live attribute name")

const attributeNames = (value: unknown): Fault | undefined => {
  if (!isRecord(value)) return whole("expression attribute names are an object of placeholder to name")
  let count = 0
  for (const placeholder in value) {
    count++
    const name = value[placeholder]
    if (typeof name !== "string" || name === "") return { at: `.${placeholder}`, message: `an attribute name is a non-empty string, not ${show(name)}` }
    if (name.length * 3 > OptionLimits.attributeNameBytes && Buffer.byteLength(name, "utf8") > OptionLimits.attributeNameBytes) {
      return { at: `.${placeholder}`, message: `the attribute name is ${Buffer.byteLength(name, "utf8")} bytes; DynamoDB allows ${OptionLimits.attributeNameBytes}` }
    }
  }
  return count === 0 ? whole("an empty map of names: leave it out") : undefined
}

const attributeValues = (value: unknown): string | undefined =>
  !isRecord(value) ? "expression attribute values are an object of placeholder to value" : Object.keys(value).length === 0 ? "an empty map of values: leave it out" : undefined

const expression = (value: unknown): string | undefined =>
  typeof value !== "string" ? `an expression is a string, not ${show(value)}` : value.trim() === "" ? "an empty expression: DynamoDB refuses it, leave it out" : undefined

/** PartiQL parameters (API reference, ExecuteStatement, `Parameters`: at least 1 item when given). */
const parameters = (value: unknown): string | undefined =>
  !Array.isArray(value) ? "parameters are a list of attribute values" : value.length === 0 ? "an empty list of parameters: leave it out" : undefined

type Rule = (value: unknown, operation: CommandName, body: Readonly<Record<string, unknown>>) => string | Fault | undefined

/** What each SDK input field must hold, wherever it appears. */
const rules: Readonly<Record<string, Rule>> = {
  TableName: (value, operation) => nameProblem(value, "table", operation !== "CreateTable"),
  IndexName: (value) => nameProblem(value, "index", false),
  Key: (value) => keyProblem(value),
  ExclusiveStartKey: startKey,
  ClientRequestToken: clientRequestToken,
  Tags: tags,
  TagKeys: tagKeys,
  ResourceArn: (value) => length(value, 1, OptionLimits.resourceArnMax, "a resource ARN"),
  TimeToLiveSpecification: timeToLive,
  ExpressionAttributeNames: attributeNames,
  ExpressionAttributeValues: attributeValues,
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
  SSESpecification: sse,
  KeySchema: keySchemaProblem,
  AttributeDefinitions: definitions,
  Statement: statement,
  Parameters: parameters,
  KeyConditionExpression: expression,
  ConditionExpression: expression,
  FilterExpression: expression,
  UpdateExpression: expression,
  ProjectionExpression: expression
}

/**
 * `Select` with the fields it depends on (API reference, Query and Scan, `Select`): with a `ProjectionExpression`
 * only `SPECIFIC_ATTRIBUTES`, and `SPECIFIC_ATTRIBUTES` only with one (or `AttributesToGet`);
 * `ALL_PROJECTED_ATTRIBUTES` only on an index.
 */
const selectProblem = (body: Readonly<Record<string, unknown>>, prefix: string, problems: Problems): void => {
  const select = body["Select"]
  if (select === undefined) return
  if (body["ProjectionExpression"] !== undefined && select !== "SPECIFIC_ATTRIBUTES") {
    problems.push({ part: prefix + "Select", message: `${show(select)} with a ProjectionExpression: a projection selects SPECIFIC_ATTRIBUTES` })
  } else if (select === "SPECIFIC_ATTRIBUTES" && body["ProjectionExpression"] === undefined && body["AttributesToGet"] === undefined) {
    problems.push({ part: prefix + "Select", message: "SPECIFIC_ATTRIBUTES without a projection: give the attributes to read" })
  } else if (select === "ALL_PROJECTED_ATTRIBUTES" && body["IndexName"] === undefined) {
    problems.push({ part: prefix + "Select", message: "ALL_PROJECTED_ATTRIBUTES is for a query or scan of an index: give IndexName" })
  }
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
    const problem = rule(value, operation, body)
    if (problem === undefined) continue
    problems.push(typeof problem === "string" ? { part: prefix + field, message: problem } : { part: prefix + field + problem.at, message: problem.message })
  }
  selectProblem(body, prefix, problems)
  const segment = body["Segment"]
  const total = body["TotalSegments"]
  if ((segment === undefined) !== (total === undefined)) {
    problems.push({ part: prefix + "Segment", message: "Segment and TotalSegments go together" })
  } else if (typeof segment === "number" && typeof total === "number" && segment >= total) {
    problems.push({ part: prefix + "Segment", message: `segment ${segment} of ${total}: segments are numbered 0 to ${total - 1}` })
  }
}
