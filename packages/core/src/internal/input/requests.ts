/**
 * The shape of whole requests, checked before they are sent: batches and transactions (not empty, within their
 * limits, no item twice, one action per entry, 4 MB, puts holding the key another entry gives; each write of a batch
 * by `writes.ts`), PartiQL statements (as many parameters as `?`, but for a batch's), `CreateTable` (keys defined,
 * index counts, names, keys and projections, billing), `UpdateTable` (something to change, index updates), updates
 * that would change a key attribute or write more than an item holds, and a query's key condition and filter.
 */
import type { AttributeValue, KeysAndAttributes, UpdateTableInput } from "@aws-sdk/client-dynamodb"
import type { CommandName } from "../../Operation.js"
import { itemSize, valueSize } from "../values/itemSize.js"
import { fieldProblems, KeyLimits, keyProblem, keyValueBytes, NameLimits, nameProblem, typeOf, type Problems } from "./options.js"
import { checkWrite, itemIdentity, keyIdentity, WriteLimits } from "./writes.js"

/** DynamoDB's limits on the shape of requests. */
export const ShapeLimits = {
  batchWriteRequests: 25,
  batchGetKeys: 100,
  transactionActions: 100,
  transactionBytes: 4 * 1024 * 1024,
  batchStatements: 25,
  transactionStatements: 100,
  localIndexes: 5,
  globalIndexes: 20,
  projectedAttributes: 100
} as const

type Record_ = Record<string, unknown>
type AttributeMap = Record<string, AttributeValue>

const isRecord = (value: unknown): value is Record_ => typeof value === "object" && value !== null && !Array.isArray(value)

/** An entry of a batch or transaction on one item: its identity when known, else the item a put writes. */
interface OnItem {
  readonly table: string
  readonly identity: string | undefined
  readonly item?: AttributeMap | undefined
  /** Where a put's item is (`TransactItems[1].Put.Item`). */
  readonly itemPart?: string | undefined
  /** The key attribute names its identity is made of (a key given whole): a put's item is matched on them. */
  readonly keyNames?: ReadonlyArray<string> | undefined
  readonly part: string
}

/** An entry naming its item by `key`. */
const byKey = (table: string, key: AttributeMap, part: string): OnItem => {
  const keyNames = Object.keys(key).sort()
  return { table, identity: keyIdentity(key, keyNames), keyNames, part }
}

/** A table's key attribute names as an entry of the request gives them (a key given whole), and that entry. */
interface TableKey {
  readonly names: ReadonlyArray<string>
  readonly part: string
}

/** The key attribute names of each table that an entry of the request names an item of by its key. */
const tableKeys = (entries: ReadonlyArray<OnItem>): ReadonlyMap<string, TableKey> => {
  const keys = new Map<string, TableKey>()
  for (const entry of entries) if (entry.keyNames !== undefined && entry.keyNames.length > 0) keys.set(entry.table, { names: entry.keyNames, part: entry.part })
  return keys
}

/**
 * A put's item holds its table's key (API reference, PutItem and "Put", `Item`: every attribute of the primary key),
 * and a key attribute's value is a key value (`keyProblem`: a non-empty string, a number or a non-empty binary, at
 * most 2,048 bytes, and not two over 1,024). Where another entry of the request gives the table's key (its `Key`),
 * each put on that table is checked against those attributes. DynamoDB: "Hash primary key values must be under
 * 2048 bytes, and range primary key values must be under 1024 bytes", "One of the required keys was not given a
 * value". When that `Key` is not the table's key, DynamoDB refuses the request for it anyway.
 */
const putKeys = (entries: ReadonlyArray<OnItem>, keys: ReadonlyMap<string, TableKey>, problems: Problems): void => {
  for (const entry of entries) {
    const key = entry.item === undefined ? undefined : keys.get(entry.table)
    if (key === undefined) continue
    const item = entry.item!
    const missing = key.names.find((name) => item[name] === undefined)
    const values: AttributeMap = {}
    for (const name of key.names) values[name] = item[name]!
    const problem = missing === undefined ? keyProblem(values) : { at: "", message: `the item has no "${missing}"` }
    if (problem !== undefined) {
      problems.push({ part: `${entry.itemPart}${problem.at}`, message: `${problem.message}: ${key.part} gives the key of table ${entry.table} as ${key.names.join(", ")}` })
    }
  }
}

/**
 * Reports the second and later entries on the same item of the same table. A put whose table's key is not known
 * is matched on the key attributes the other entries for that table name (when there are any), or as a whole item.
 */
const duplicates = (entries: ReadonlyArray<OnItem>, keyNames: ReadonlyMap<string, TableKey>, what: string, problems: Problems): void => {
  const seen = new Map<string, string>()
  for (const entry of entries) {
    let id = entry.identity
    if (id === undefined && entry.item !== undefined) {
      const names = keyNames.get(entry.table)?.names
      id = names === undefined ? itemIdentity(entry.item) : keyIdentity(entry.item, names)
    }
    if (id === undefined) continue
    const at = `${entry.table}\u0000${id}`
    const earlier = seen.get(at)
    if (earlier !== undefined) problems.push({ part: entry.part, message: `${what} ${earlier} is on the same item: DynamoDB refuses the request` })
    else seen.set(at, entry.part)
  }
}

const countProblem = (count: number, max: number, part: string, what: string, operation: string, problems: Problems): void => {
  if (count === 0) problems.push({ part, message: `${operation} needs at least one ${what}` })
  else if (count > max) problems.push({ part, message: `${count} ${what}s; ${operation} takes at most ${max}` })
}

/**
 * Visits each table of a batch's `RequestItems` (table name → requests) with the part naming it, reporting a bad
 * table name; a batch with no table at all is a problem.
 */
const eachTable = (requestItems: unknown, operation: string, what: string, problems: Problems, visit: (table: string, request: unknown, part: string) => void): void => {
  if (!isRecord(requestItems) || Object.keys(requestItems).length === 0) {
    return void problems.push({ part: "RequestItems", message: `${operation} needs at least one table with ${what}` })
  }
  for (const table in requestItems) {
    const part = `RequestItems.${table}`
    const name = nameProblem(table, "table", true)
    if (name !== undefined) problems.push({ part, message: name })
    visit(table, requestItems[table], part)
  }
}

/** The `RequestItems` the bulk layer built and checked, per operation (see `markChecked`). */
const checkedBatches = { BatchWriteItem: new WeakSet<object>(), BatchGetItem: new WeakSet<object>() }

/**
 * Marks `requestItems` (table name → its writes, or its keys and read settings) as checked: the bulk layer built it,
 * and only from writes `checkWrite` passed or keys it read the names of, with their table's key names, within the
 * request's limits, no item twice. `checkLimits` does not check it again: the batch writer and reader check each
 * write or key once, as they marshal it. It is frozen (the record, each table's list or settings, and a get's keys
 * and names), so nothing can be added to it or swapped afterwards. Only the bulk layer marks, so a request a user
 * built is always checked in full.
 */
export const markChecked = (
  operation: keyof typeof checkedBatches,
  requestItems: Record<string, ReadonlyArray<object>> | Record<string, KeysAndAttributes>
): void => {
  for (const table in requestItems) {
    const value: ReadonlyArray<object> | KeysAndAttributes = requestItems[table]!
    if (!Array.isArray(value)) {
      const read = value as KeysAndAttributes
      Object.freeze(read.Keys)
      Object.freeze(read.ExpressionAttributeNames)
    }
    Object.freeze(value)
  }
  checkedBatches[operation].add(Object.freeze(requestItems))
}

/** Whether the bulk layer built and checked `requestItems` for `operation` (`markChecked`); never for a value a user made. */
const isChecked = (operation: keyof typeof checkedBatches, requestItems: unknown): boolean =>
  typeof requestItems === "object" && requestItems !== null && checkedBatches[operation].has(requestItems)

/**
 * `BatchWriteItem`: tables with writes, each write one put or delete (`checkWrite`), at most 25 and 16 MB of items,
 * no item twice, each put holding its table's key where a delete gives it (`putKeys`). Nothing to do for a request
 * the batch writer built of writes it checked (`markChecked`).
 */
export const batchWriteShape = (requestItems: unknown, problems: Problems): void => {
  if (isChecked("BatchWriteItem", requestItems)) return
  const entries: Array<OnItem> = []
  let count = 0
  let bytes = 0
  eachTable(requestItems, "BatchWriteItem", "writes", problems, (table, requests, part) => {
    if (!Array.isArray(requests) || requests.length === 0) return void problems.push({ part, message: "each table of a batch has at least one write" })
    count += requests.length
    for (let index = 0; index < requests.length; index++) {
      const request: unknown = requests[index]
      const checked = checkWrite(table, request, undefined)
      if ("message" in checked) {
        problems.push({ part: `${part}[${index}]${checked.part}`, message: checked.message })
        continue
      }
      bytes += checked.size
      const item = checked.identity === undefined ? (request as { PutRequest: { Item: AttributeMap } }).PutRequest.Item : undefined
      entries.push({ table, identity: checked.identity, item, itemPart: `${part}[${index}].PutRequest.Item`, keyNames: checked.keyNames, part: `${part}[${index}]` })
    }
  })
  if (count > ShapeLimits.batchWriteRequests) {
    problems.push({ part: "RequestItems", message: `${count} write requests; BatchWriteItem takes at most ${ShapeLimits.batchWriteRequests}` })
  }
  if (bytes > WriteLimits.batchWriteBytes) {
    problems.push({ part: "RequestItems", message: `${bytes} bytes of items; BatchWriteItem takes at most ${WriteLimits.batchWriteBytes}` })
  }
  const keys = tableKeys(entries)
  putKeys(entries, keys, problems)
  duplicates(entries, keys, "this write and", problems)
}

/**
 * `BatchGetItem`: tables with keys, at most 100, no key twice. Nothing to do for a request the batch reader built of
 * keys it checked (`markChecked`).
 */
export const batchGetShape = (requestItems: unknown, problems: Problems): void => {
  if (isChecked("BatchGetItem", requestItems)) return
  const entries: Array<OnItem> = []
  let count = 0
  eachTable(requestItems, "BatchGetItem", "keys", problems, (table, request, part) => {
    fieldProblems("BatchGetItem", request, `${part}.`, problems)
    const keys = isRecord(request) ? request["Keys"] : undefined
    if (!Array.isArray(keys) || keys.length === 0) return void problems.push({ part: `${part}.Keys`, message: "each table of a batch has at least one key" })
    count += keys.length
    keys.forEach((key: unknown, index) => {
      const problem = keyProblem(key)
      if (problem !== undefined) problems.push({ part: `${part}.Keys[${index}]${problem.at}`, message: problem.message })
      else entries.push(byKey(table, key as AttributeMap, `${part}.Keys[${index}]`))
    })
  })
  if (count > ShapeLimits.batchGetKeys) problems.push({ part: "RequestItems", message: `${count} keys; BatchGetItem takes at most ${ShapeLimits.batchGetKeys}` })
  duplicates(entries, tableKeys(entries), "this key and", problems)
}

/**
 * A transaction: 1 to 100 entries, each exactly one action of `kinds`, no item twice, at most 4 MB of items, each put
 * holding its table's key where another action gives it (`putKeys`).
 */
export const transactionShape = (operation: CommandName, items: unknown, kinds: ReadonlyArray<string>, problems: Problems): void => {
  if (!Array.isArray(items)) return void problems.push({ part: "TransactItems", message: "expected a list of actions" })
  countProblem(items.length, ShapeLimits.transactionActions, "TransactItems", "action", operation, problems)
  const entries: Array<OnItem> = []
  let bytes = 0
  items.forEach((entry: unknown, index) => {
    const part = `TransactItems[${index}]`
    const present = isRecord(entry) ? kinds.filter((kind) => entry[kind] !== undefined) : []
    if (present.length !== 1) {
      return void problems.push({ part, message: `each entry holds exactly one of ${kinds.join(", ")}${present.length > 1 ? `, not ${present.join(" and ")}` : ""}` })
    }
    const kind = present[0]!
    const body = (entry as Record_)[kind]
    fieldProblems(operation, body, `${part}.${kind}.`, problems)
    if (!isRecord(body)) return
    const table = typeof body["TableName"] === "string" ? body["TableName"] : ""
    if (isRecord(body["Item"])) {
      bytes += itemSize(body["Item"] as AttributeMap)
      entries.push({ table, identity: undefined, item: body["Item"] as AttributeMap, itemPart: `${part}.${kind}.Item`, part })
    } else if (isRecord(body["Key"])) {
      bytes += itemSize(body["Key"] as AttributeMap)
      entries.push(byKey(table, body["Key"] as AttributeMap, part))
    }
  })
  const keys = tableKeys(entries)
  putKeys(entries, keys, problems)
  duplicates(entries, keys, "this action and", problems)
  if (bytes > ShapeLimits.transactionBytes) {
    problems.push({ part: "TransactItems", message: `${bytes} bytes of items and keys; a transaction takes at most ${ShapeLimits.transactionBytes}` })
  }
}

/**
 * How many `?` parameters a PartiQL statement has: outside quoted text and names, `--` comments (to the end of the
 * line) and block comments, from `/*` to the next star-slash (not nested; one left open runs to the end, and DynamoDB
 * refuses the statement).
 */
const placeholderCount = (statement: string): number => {
  let count = 0
  let quote = ""
  for (let i = 0; i < statement.length; i++) {
    const ch = statement[i]!
    if (quote !== "") {
      if (ch === quote) quote = ""
    } else if (ch === "'" || ch === '"') quote = ch
    else if ((ch === "-" || ch === "/") && statement[i + 1] === (ch === "-" ? "-" : "*")) {
      const end = ch === "-" ? statement.indexOf("\n", i) : statement.indexOf("*/", i + 2)
      i = end === -1 ? statement.length : ch === "-" ? end : end + 1
    } else if (ch === "?") count++
  }
  return count
}

/**
 * One PartiQL statement: as many parameters as it has `?` (DynamoDB refuses fewer and more). Its fields are checked
 * by `fieldProblems`, once: by `checkLimits` for `ExecuteStatement`'s, by `statementsShape` for a transaction's.
 */
export const statementShape = (body: unknown, prefix: string, problems: Problems): void => {
  if (!isRecord(body) || typeof body["Statement"] !== "string") return
  const parameters = body["Parameters"]
  const given = Array.isArray(parameters) ? parameters.length : 0
  const wanted = placeholderCount(body["Statement"])
  if (given !== wanted) problems.push({ part: `${prefix}Parameters`, message: `the statement has ${wanted} ? parameters; ${given} given` })
}

/**
 * The statements of `BatchExecuteStatement` or `ExecuteTransaction`: their count and fields, and for a transaction
 * their parameters (`statementShape`). DynamoDB refuses a transaction with a statement short of parameters whole,
 * but answers such a statement of a batch in its own response (a `ValidationError`), running the others: a batch's
 * parameters are not counted. (A batch mixing reads and writes is refused whole, but only its well-formed
 * statements count, which takes a PartiQL parser: that is left to DynamoDB.)
 */
export const statementsShape = (operation: CommandName, field: string, statements: unknown, max: number, problems: Problems): void => {
  if (!Array.isArray(statements)) return void problems.push({ part: field, message: "expected a list of statements" })
  countProblem(statements.length, max, field, "statement", operation, problems)
  statements.forEach((statement: unknown, index) => {
    fieldProblems(operation, statement, `${field}[${index}].`, problems)
    if (operation !== "BatchExecuteStatement") statementShape(statement, `${field}[${index}].`, problems)
  })
}

const keyNames = (schema: unknown): ReadonlyArray<string> =>
  Array.isArray(schema) ? schema.map((element: { AttributeName?: unknown } | undefined) => String(element?.AttributeName)) : []

/**
 * `CreateTable`: every key defined once (and only keys), index counts and names (one per index, API reference,
 * CreateTable: "Must be unique only for this table"), local indexes keyed by the table's partition key and a sort
 * key, projections, billing.
 */
export const createTableShape = (input: Record_, problems: Problems): void => {
  const tableKeys = keyNames(input["KeySchema"])
  if (input["KeySchema"] === undefined) problems.push({ part: "KeySchema", message: "a table needs a key schema" })
  const hashes = Array.isArray(input["KeySchema"]) ? input["KeySchema"].filter((key: { KeyType?: unknown } | undefined) => key?.KeyType === "HASH").length : 0
  if (hashes > 1 || tableKeys.length - hashes > 1) {
    problems.push({ part: "KeySchema", message: "a table's key is one partition key and at most one sort key (multi-attribute keys are for global indexes)" })
  }
  const locals = input["LocalSecondaryIndexes"]
  const globals = input["GlobalSecondaryIndexes"]
  const indexes: Array<[string, unknown]> = []
  if (Array.isArray(locals)) {
    if (locals.length > ShapeLimits.localIndexes) {
      problems.push({ part: "LocalSecondaryIndexes", message: `${locals.length} local indexes; a table has at most ${ShapeLimits.localIndexes}` })
    }
    if (tableKeys.length < 2 && locals.length > 0) {
      problems.push({ part: "LocalSecondaryIndexes", message: "local secondary indexes need a table with a sort key" })
    }
    locals.forEach((index: unknown, i) => {
      indexes.push([`LocalSecondaryIndexes[${i}]`, index])
      if (!isRecord(index)) return
      const schema = index["KeySchema"]
      if (keyNames(schema)[0] !== tableKeys[0]) {
        problems.push({ part: `LocalSecondaryIndexes[${i}].KeySchema`, message: `a local index has the table's partition key (${tableKeys[0]})` })
      } else if (Array.isArray(schema) && (schema.length !== 2 || (schema[1] as { KeyType?: unknown } | undefined)?.KeyType !== "RANGE")) {
        problems.push({ part: `LocalSecondaryIndexes[${i}].KeySchema`, message: "a local index's key is the table's partition key and one sort key" })
      }
    })
  }
  if (Array.isArray(globals)) {
    if (globals.length > ShapeLimits.globalIndexes) {
      problems.push({ part: "GlobalSecondaryIndexes", message: `${globals.length} global indexes; a table has at most ${ShapeLimits.globalIndexes}` })
    }
    globals.forEach((index: unknown, i) => indexes.push([`GlobalSecondaryIndexes[${i}]`, index]))
  }
  const keys = new Set(tableKeys)
  const named = new Map<unknown, string>()
  let projected = 0
  for (const [part, index] of indexes) {
    fieldProblems("CreateTable", index, `${part}.`, problems)
    if (!isRecord(index)) continue
    const earlier = named.get(index["IndexName"])
    if (earlier !== undefined) problems.push({ part: `${part}.IndexName`, message: `${earlier} has this name too: each index of a table has its own` })
    else named.set(index["IndexName"], part)
    for (const name of keyNames(index["KeySchema"])) keys.add(name)
    projected += projectionProblems(index["Projection"], `${part}.Projection`, problems)
  }
  if (projected > ShapeLimits.projectedAttributes) {
    problems.push({ part: "Projection.NonKeyAttributes", message: `${projected} attributes projected by the indexes together; DynamoDB allows ${ShapeLimits.projectedAttributes}` })
  }
  const defined = Array.isArray(input["AttributeDefinitions"])
    ? (input["AttributeDefinitions"] as ReadonlyArray<{ AttributeName?: unknown } | undefined>).map((definition) => String(definition?.AttributeName))
    : []
  const twice = defined.find((name, i) => defined.indexOf(name) !== i)
  if (twice !== undefined) problems.push({ part: "AttributeDefinitions", message: `"${twice}" is defined twice: one definition per attribute` })
  for (const name of keys) {
    if (!defined.includes(name)) problems.push({ part: "AttributeDefinitions", message: `key attribute "${name}" has no definition (AttributeType)` })
  }
  for (const name of new Set(defined)) {
    if (!keys.has(name)) problems.push({ part: "AttributeDefinitions", message: `"${name}" is defined but is no key of the table or an index` })
  }
  const mode = input["BillingMode"] ?? "PROVISIONED"
  billingProblems(input, mode, problems)
  const provisioned = mode === "PROVISIONED"
  if (provisioned && Array.isArray(globals)) {
    globals.forEach((index: unknown, i) => {
      if (isRecord(index) && index["ProvisionedThroughput"] === undefined) {
        problems.push({ part: `GlobalSecondaryIndexes[${i}].ProvisionedThroughput`, message: "provisioned billing needs each global index's read and write capacity" })
      }
    })
  }
}

/**
 * An index's projection (API reference, "Projection"): of type ALL (the default), KEYS_ONLY or INCLUDE, which alone
 * names attributes, at least one. Returns how many it names (DynamoDB counts them across a table's indexes).
 */
const projectionProblems = (value: unknown, part: string, problems: Problems): number => {
  const projection = value as { ProjectionType?: unknown; NonKeyAttributes?: unknown } | undefined
  const type = projection?.ProjectionType ?? "ALL"
  if (type !== "ALL" && type !== "KEYS_ONLY" && type !== "INCLUDE") {
    problems.push({ part: `${part}.ProjectionType`, message: `${JSON.stringify(type)} is not one of ALL, KEYS_ONLY, INCLUDE` })
  }
  const attributes = projection?.NonKeyAttributes
  if (type === "INCLUDE" && (!Array.isArray(attributes) || attributes.length === 0)) {
    problems.push({ part: `${part}.NonKeyAttributes`, message: "an INCLUDE projection names the attributes it includes" })
  } else if (type !== "INCLUDE" && attributes !== undefined) {
    problems.push({ part: `${part}.NonKeyAttributes`, message: "only an INCLUDE projection names attributes" })
  }
  if (!Array.isArray(attributes)) return 0
  const problem = projectedNamesProblem(attributes)
  if (problem !== undefined) problems.push({ part: `${part}.NonKeyAttributes`, message: problem })
  return attributes.length
}

/**
 * The attributes a projection includes (API reference, "Projection", `NonKeyAttributes`: names of 1 to 255
 * characters): each named once (DynamoDB: "Cannot have two attributes with the same name").
 */
const projectedNamesProblem = (names: ReadonlyArray<unknown>): string | undefined => {
  for (let i = 0; i < names.length; i++) {
    const name = names[i]
    if (typeof name !== "string" || name.length < 1 || name.length > NameLimits.keyNameMax) return `a projected attribute name is 1 to ${NameLimits.keyNameMax} characters long, not ${typeof name === "string" ? `of ${name.length}` : `a ${typeof name}`}`
    if (names.indexOf(name) !== i) return `"${name}" is projected twice`
  }
  return undefined
}

/**
 * Billing and capacity together (API reference, CreateTable and UpdateTable, `BillingMode`: `PROVISIONED`, the
 * default of CreateTable, needs `ProvisionedThroughput`; with `PAY_PER_REQUEST` none is given). DynamoDB:
 * "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST".
 */
const billingProblems = (input: Record_, mode: unknown, problems: Problems): void => {
  if (mode === "PROVISIONED" && input["ProvisionedThroughput"] === undefined) {
    problems.push({ part: "ProvisionedThroughput", message: "provisioned billing needs the table's read and write capacity" })
  } else if (mode === "PAY_PER_REQUEST" && input["ProvisionedThroughput"] !== undefined) {
    problems.push({ part: "ProvisionedThroughput", message: "on-demand billing (PAY_PER_REQUEST) takes no read or write capacity" })
  }
}

/**
 * UpdateTable changes DynamoDB takes only one of at once (API reference, UpdateTable: "You can only perform one of
 * the following operations at once"; DynamoDB: "Cannot change IOPS and Streams at the same time"). Index updates
 * are left out: a switch to provisioned billing gives each index's throughput in `GlobalSecondaryIndexUpdates`.
 */
const exclusiveUpdates = ["ProvisionedThroughput", "StreamSpecification"] as const

/** `UpdateTable` with nothing that changes the table (`updateTableChanges`), or with two changes taken one at a time: DynamoDB refuses it. */
export const updateTableShape = (input: Record_, problems: Problems): void => {
  const once = exclusiveUpdates.filter((field) => input[field] !== undefined)
  if (once.length > 1) problems.push({ part: "input", message: `${once.join(" and ")} in one UpdateTable: DynamoDB takes only one of them at once` })
  if (input["BillingMode"] === "PAY_PER_REQUEST") billingProblems(input, "PAY_PER_REQUEST", problems)
  indexUpdateProblems(input["GlobalSecondaryIndexUpdates"], input["AttributeDefinitions"], problems)
  for (const field in input) if (updateTableChanges[field as keyof UpdateTableInput] === true && !isEmptyList(input[field])) return
  problems.push({ part: "input", message: "nothing to change: give billing, stream, deletionProtection, tableClass or another setting" })
}

const isEmptyList = (value: unknown): boolean => value === undefined || (Array.isArray(value) && value.length === 0)

/**
 * Whether each member of UpdateTable changes the table (API reference, UpdateTable): not its name, nor the attribute
 * definitions (they type the key of an index created with them), nor an empty list of updates. A member UpdateTable
 * does not have (`GlobalSecondaryIndexes`) changes nothing either: the SDK does not send it. With no change at all,
 * DynamoDB answers "Nothing to update".
 */
const updateTableChanges: Readonly<Record<keyof UpdateTableInput, boolean>> = {
  TableName: false,
  AttributeDefinitions: false,
  BillingMode: true,
  ProvisionedThroughput: true,
  GlobalSecondaryIndexUpdates: true,
  StreamSpecification: true,
  SSESpecification: true,
  ReplicaUpdates: true,
  TableClass: true,
  DeletionProtectionEnabled: true,
  MultiRegionConsistency: true,
  GlobalTableWitnessUpdates: true,
  OnDemandThroughput: true,
  WarmThroughput: true,
  GlobalTableSettingsReplicationMode: true,
  DisassociationProtectionEnabled: true,
  VectorIndexUpdates: true
}

/**
 * `GlobalSecondaryIndexUpdates` (API reference, UpdateTable and "GlobalSecondaryIndexUpdate"): a list of entries, each exactly one of `Create`, `Update`, `Delete`; one index created or deleted per UpdateTable (DynamoDB:
 * "Only 1 online index can be created or deleted simultaneously per table", a `LimitExceededException`).
 */
const indexUpdateProblems = (updates: unknown, definitions: unknown, problems: Problems): void => {
  if (updates === undefined) return
  const part = "GlobalSecondaryIndexUpdates"
  if (!Array.isArray(updates)) {
    problems.push({ part, message: "index updates are a list of { Create }, { Update } or { Delete }" })
    return
  }
  let structural = 0
  updates.forEach((update: unknown, i) => {
    const actions = isRecord(update) ? (["Create", "Update", "Delete"] as const).filter((action) => update[action] !== undefined) : []
    if (actions.length !== 1) {
      problems.push({ part: `${part}[${i}]`, message: `each index update is exactly one of Create, Update, Delete, not ${actions.length === 0 ? "none" : actions.join(" and ")}` })
      return
    }
    const action = actions[0]!
    if (action !== "Update") structural++
    const body = (update as Record_)[action]
    fieldProblems("UpdateTable", body, `${part}[${i}].${action}.`, problems)
    if (action === "Create" && isRecord(body)) createdIndexProblems(body, definitions, `${part}[${i}].Create`, problems)
    if (structural === 2) problems.push({ part: `${part}[${i}]`, message: "one index created or deleted per UpdateTable: DynamoDB takes one at a time" })
  })
}

/**
 * An index created by UpdateTable: its projection (as CreateTable's), and its key attributes defined in the request's
 * `AttributeDefinitions` (API reference, UpdateTable: "If you are adding a new global secondary index to the table,
 * AttributeDefinitions must include the key element(s) of the new index").
 */
const createdIndexProblems = (index: Record_, definitions: unknown, part: string, problems: Problems): void => {
  projectionProblems(index["Projection"], `${part}.Projection`, problems)
  const defined = Array.isArray(definitions) ? definitions.map((definition: { AttributeName?: unknown } | undefined) => definition?.AttributeName) : []
  const missing = keyNames(index["KeySchema"]).find((name) => !defined.includes(name))
  if (missing !== undefined) problems.push({ part: "AttributeDefinitions", message: `key attribute "${missing}" of the index created has no definition (AttributeType)` })
}

const clauseKeyword = /\b(SET|REMOVE|ADD|DELETE)\b/gi

/** One action of an update expression: its clause (upper case) and its text (`#n0 :v0`, `a.b = :v1`). */
interface UpdateAction {
  readonly clause: string
  readonly text: string
}

/** The actions of an update expression, clause by clause (commas inside function calls kept). */
const updateActions = (expression: string): Array<UpdateAction> => {
  const out: Array<UpdateAction> = []
  const marks = [...expression.matchAll(clauseKeyword)]
  marks.forEach((mark, i) => {
    const clause = mark[0].toUpperCase()
    const body = expression.slice(mark.index + mark[0].length, i + 1 < marks.length ? marks[i + 1]!.index : expression.length)
    let depth = 0
    let start = 0
    for (let j = 0; j <= body.length; j++) {
      const ch = body[j]
      if (ch === "(") depth++
      else if (ch === ")") depth--
      else if ((ch === "," && depth === 0) || j === body.length) {
        out.push({ clause, text: body.slice(start, j) })
        start = j + 1
      }
    }
  })
  return out
}

type Names = Readonly<Record<string, string>> | undefined

/** A path or name with its `#` placeholders resolved. */
const resolve = (text: string, names: Names): string => text.replace(/#[A-Za-z0-9_]+/g, (placeholder) => names?.[placeholder] ?? placeholder)

/** The attribute (first name) each action of an update expression writes to, placeholders resolved. */
const updatedAttributes = (expression: string, names: Names): Array<string> =>
  updateActions(expression).flatMap(({ text }) => {
    const first = /^\s*([^\s.[=]+)/.exec(text)?.[1]
    return first === undefined ? [] : [resolve(first, names)]
  })

/**
 * Whether the expression may name a key attribute, as itself or through a placeholder: when it does not (nearly
 * always), it is not parsed at all.
 */
const mentionsKey = (expression: string, key: Record_, names: Names): boolean => {
  for (const name in key) if (expression.includes(name)) return true
  if (names !== undefined) for (const placeholder in names) if (Object.hasOwn(key, names[placeholder]!) && expression.includes(placeholder)) return true
  return false
}

/**
 * The types each clause's operand may have (API reference, UpdateItem, `UpdateExpression`: `ADD` takes a number or
 * a set, `DELETE` a set).
 */
const operandTypes: Readonly<Record<string, ReadonlyArray<string>>> = { ADD: ["N", "SS", "NS", "BS"], DELETE: ["SS", "NS", "BS"] }

const addOrDelete = /\b(ADD|DELETE)\b/i
const pathAndValue = /^\s*(\S+)\s+(:[A-Za-z0-9_]+)\s*$/
const valuePlaceholder = /:[A-Za-z0-9_]+/g

/**
 * An update DynamoDB refuses whatever the item holds: one that SETs, REMOVEs, ADDs or DELETEs an attribute of the
 * key it was given, an `ADD` of anything but a number or a set, a `DELETE` of anything but a set (each named
 * `UpdateExpression ADD path`), and literal values that with the key already make more than an item's 400 KB: every
 * value a SET writes from (`= :v`, the operands of `list_append`, `if_not_exists` and `+`/`-`, each time it is
 * used) and every value ADDed. DynamoDB counts them all ("Item size to update has exceeded the maximum allowed
 * size"), even an `if_not_exists` operand it does not write: the stored item is not guessed.
 */
export const updateKeyShape = (body: Record_, prefix: string, problems: Problems): void => {
  const expression = body["UpdateExpression"]
  const key = body["Key"]
  const names = body["ExpressionAttributeNames"] as Names
  if (typeof expression !== "string" || !isRecord(key)) return
  if (mentionsKey(expression, key, names)) {
    for (const attribute of updatedAttributes(expression, names)) {
      if (Object.hasOwn(key, attribute)) {
        problems.push({ part: `${prefix}UpdateExpression`, message: `"${attribute}" is part of the key: an update cannot change a key attribute` })
      }
    }
  }
  const values = isRecord(body["ExpressionAttributeValues"]) ? (body["ExpressionAttributeValues"] as AttributeMap) : undefined
  if (values === undefined) return
  const checkOperands = addOrDelete.test(expression)
  // Each value counted once, with the key, is under 400 KB: unless one is used twice, there is nothing to add up.
  const checkSize = itemSize(values) + itemSize(key as AttributeMap) > WriteLimits.itemBytes || (expression.match(valuePlaceholder)?.length ?? 0) > Object.keys(values).length
  if (!checkOperands && !checkSize) return
  let written = itemSize(key as AttributeMap)
  const count = (placeholder: string | undefined): void => {
    const value = placeholder === undefined ? undefined : values[placeholder]
    if (checkSize && value !== undefined) written += valueSize(value)
  }
  for (const { clause, text } of updateActions(expression)) {
    const types = operandTypes[clause]
    if (types !== undefined) {
      const [, path, placeholder] = pathAndValue.exec(text) ?? []
      const value = placeholder === undefined ? undefined : values[placeholder]
      const type = isRecord(value) ? typeOf(value) : undefined
      if (type !== undefined && !types.includes(type)) {
        problems.push({
          part: `${prefix}UpdateExpression ${clause} ${resolve(path!, names)}`,
          message: `${clause} takes ${clause === "ADD" ? "a number or a set" : "a set"}, not a value of type ${type}`
        })
      }
      if (clause === "ADD") count(placeholder)
    } else if (clause === "SET") {
      for (const [placeholder] of text.slice(text.indexOf("=") + 1).matchAll(valuePlaceholder)) count(placeholder)
    }
  }
  if (written > WriteLimits.itemBytes) {
    problems.push({ part: `${prefix}UpdateExpression`, message: `the key and the values the update writes from are ${written} bytes: over DynamoDB's ${WriteLimits.itemBytes} for an item` })
  }
}

/** Keywords and functions of a key condition: no attribute names. */
const keyConditionWords: ReadonlySet<string> = new Set(["and", "between", "begins_with"])

/**
 * A query's key condition: on the partition key and at most the sort key (API reference, Query,
 * `KeyConditionExpression`), on an index's key (up to 4 partition and 4 sort attributes) with `IndexName`; its
 * values key values, and none of its attributes in the filter.
 *
 * @example
 * import { keyConditionShape } from "./requests.js"
 * const problems: Array<{ part: string; message: string }> = []
 * keyConditionShape({ KeyConditionExpression: "id = :a AND b = :b AND c = :c" }, "", problems) // problems[0].part: "KeyConditionExpression"
 */
export const keyConditionShape = (body: Record_, prefix: string, problems: Problems): void => {
  const expression = body["KeyConditionExpression"]
  if (typeof expression !== "string") return
  const names = body["ExpressionAttributeNames"] as Names
  const attributes = new Set<string>()
  for (const [word] of expression.matchAll(/(?<![\w:#])#?[A-Za-z_][A-Za-z0-9_]*/g)) {
    if (!keyConditionWords.has(word.toLowerCase())) attributes.add(resolve(word, names))
  }
  const max = body["IndexName"] === undefined ? KeyLimits.attributes : 8
  if (attributes.size > max) {
    problems.push({ part: `${prefix}KeyConditionExpression`, message: `a key condition on ${attributes.size} attributes (${[...attributes].join(", ")}): the key has at most ${max}` })
  }
  keyConditionValues(expression, body["ExpressionAttributeValues"], `${prefix}KeyConditionExpression`, problems)
  filterOnKey(body["FilterExpression"], attributes, names, `${prefix}FilterExpression`, problems)
}

/** The attributes a filter names at its top level (`#n0`, `a` in `a.b[0]`), not its functions, keywords or values. */
const filterAttributes = /(?<![\w:#.\]])#?[A-Za-z_][A-Za-z0-9_]*(?![\w(]|\s+\()/g
const filterWords: ReadonlySet<string> = new Set(["and", "or", "not", "between", "in"])

/**
 * A query's filter names no attribute of its key condition (API reference, Query, `FilterExpression`: "A filter
 * expression cannot contain partition key or sort key attributes"; DynamoDB: "Filter Expression can only contain
 * non-primary key attributes"). What the key condition compares is the key (of the table, or of the index queried).
 */
const filterOnKey = (filter: unknown, keys: ReadonlySet<string>, names: Names, part: string, problems: Problems): void => {
  if (typeof filter !== "string") return
  for (const [word] of filter.matchAll(filterAttributes)) {
    const attribute = resolve(word, names)
    if (!filterWords.has(word.toLowerCase()) && keys.has(attribute)) {
      return void problems.push({ part, message: `the filter names "${attribute}", a key attribute: compare it in the key condition` })
    }
  }
}

/** The operands of a range comparison (`<`, `<=`, `>`, `>=`, `BETWEEN`, `begins_with`): only a sort key takes one. */
const sortOperands = /(?:[<>]=?\s*(:[A-Za-z0-9_]+))|(?:\bBETWEEN\s+(:[A-Za-z0-9_]+)\s+AND\s+(:[A-Za-z0-9_]+))|(?:\bbegins_with\s*\([^,]*,\s*(:[A-Za-z0-9_]+)\s*\))/gi

/**
 * Each value of a key condition is a key attribute's value (API reference, Query, `KeyConditionExpression`;
 * Developer Guide, "Quotas": partition key 2,048 bytes, sort key 1,024): a non-empty string or binary or a number,
 * of at most 1,024 bytes where only a sort key can be compared (a range comparison), of at most 2,048 elsewhere,
 * and not two over 1,024 (one of them is the sort key's). DynamoDB: "The AttributeValue for a key attribute cannot
 * contain an empty string value", "Aggregated size of all range keys has exceeded the size limit of 1024 bytes".
 */
const keyConditionValues = (expression: string, values: unknown, part: string, problems: Problems): void => {
  if (!isRecord(values)) return
  const sort = new Set<string>()
  for (const match of expression.matchAll(sortOperands)) for (const placeholder of match.slice(1)) if (placeholder !== undefined) sort.add(placeholder)
  let long = 0
  for (const placeholder of new Set(expression.match(valuePlaceholder) ?? [])) {
    const value = values[placeholder]
    if (value === undefined) continue
    const bytes = keyValueBytes(value)
    const max = sort.has(placeholder) ? KeyLimits.sortBytes : KeyLimits.partitionBytes
    const problem =
      typeof bytes === "string"
        ? `${placeholder} ${bytes}`
        : bytes > max
          ? `${placeholder} is ${bytes} bytes: a ${sort.has(placeholder) ? "sort" : "partition"} key value is at most ${max}`
          : bytes > KeyLimits.sortBytes && ++long > 1
            ? `${placeholder} is the second value over ${KeyLimits.sortBytes} bytes: a sort key value is at most ${KeyLimits.sortBytes}`
            : undefined
    if (problem !== undefined) problems.push({ part, message: `a key condition compares key attributes with key values: ${problem}` })
  }
}
