/**
 * A differential fuzz against DynamoDB Local: fast-check builds operations from every builder with arguments that
 * are valid, at DynamoDB's limits, or hostile, and each one is run with `execute` on DynamoDB Local.
 *
 * - No builder throws and `execute` never dies: every outcome is a value or a typed failure.
 * - When dynofunc refuses before sending (`InvalidInputError`) from a description (the checks `execute` runs), the
 *   description is sent as it is, bypassing them: DynamoDB Local must refuse it too (`ValidationException`, or a
 *   transaction cancelled for a `ValidationError`), unless it is one of the differences listed in `DIFFERENCES.md`,
 *   where dynofunc follows DynamoDB. A refusal by the builder itself (a value with no DynamoDB form: `NaN`, a
 *   function, an empty set, an order of `"ASC"`) has no request to compare and is only checked to be typed.
 * - When dynofunc sends it, DynamoDB Local must not answer with a validation error.
 *
 * Runs: `DYNOFUNC_FUZZ_RUNS` per builder (300 by default, a fixed seed: `DYNOFUNC_FC_SEED` explores others).
 */
import { expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Option, Schedule } from "effect"
import { readFileSync } from "node:fs"
import fc from "fast-check"
import {
  DynamoClient,
  Retry,
  Value,
  add,
  attr,
  batchExecuteStatement,
  batchGetItem,
  batchWriteItem,
  conditionCheck,
  create,
  deleteTable,
  describe as describeTable,
  describeTimeToLive,
  execute,
  executeStatement,
  executeTransaction,
  find,
  isOperation,
  listTagsOfResource,
  query,
  remove,
  scan,
  tagResource,
  transactGetItems,
  transactWriteItems,
  untagResource,
  update,
  updateTable,
  updateTimeToLive,
  type AnyOperation,
  type BatchExecuteResult,
  type Condition,
  type InputProblem
} from "dynofunc"
import { DynamoDBLocal } from "@dynofunc/testing"
import * as A from "#adapter"

const runs = Number(process.env["DYNOFUNC_FUZZ_RUNS"] ?? 300)
const seed = Number(process.env["DYNOFUNC_FC_SEED"] ?? 20)

const bad = (value: unknown): never => value as never

// ---- values: valid, at the limits, hostile ----

const limitStrings = ["", "x".repeat(1024), "x".repeat(1025), "é".repeat(1024), "x".repeat(2048), "x".repeat(2049)]
const limitNumbers = [0, -0, 1e-130, 1e-131, 9.999e125, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 10n ** 38n - 1n, 10n ** 38n]
class Point {
  readonly x = 1
}
const hostile = (): ReadonlyArray<unknown> => [() => 1, Symbol("s"), new Date(0), new Point(), new Set(), new Set([1, 1n]), new Map([[1, "a"]]), Value.NumberValue.from("1e126"), Value.NumberValue.from("12abc"), Promise.resolve(1)]

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 6 }), weight: 4 },
  { arbitrary: fc.constantFrom(...limitStrings), weight: 1 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 3 },
  { arbitrary: fc.constantFrom(...limitNumbers), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
  { arbitrary: fc.uint8Array({ maxLength: 3 }), weight: 1 },
  { arbitrary: fc.constantFrom(...hostile()), weight: 1 }
)

const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: scalar, weight: 6 },
    { arbitrary: fc.array(tie("value"), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.dictionary(fc.constantFrom("a", "b", "n", ""), tie("value"), { maxKeys: 2 }), weight: 1 },
    { arbitrary: fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 3 }).map((members) => new Set(members)), weight: 1 },
    { arbitrary: fc.uniqueArray(fc.integer({ min: -5, max: 5 }), { maxLength: 3 }).map((members) => new Set(members)), weight: 1 }
  )
})).value

const name = fc.constantFrom("a", "b", "n", "tags", "id", "at", "")

/** Two tables: `users` (`id`, a string) and `posts` (`author`, a string, `at`, a number); and bad names. */
const table = fc.oneof({ arbitrary: fc.constantFrom("users", "posts"), weight: 8 }, { arbitrary: fc.constantFrom("ab", "t".repeat(256), "a b", "", bad(5)), weight: 1 })

const keyValue = fc.oneof({ arbitrary: fc.string({ minLength: 1, maxLength: 6 }), weight: 6 }, { arbitrary: scalar, weight: 2 }, { arbitrary: value, weight: 1 })
const key: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { arbitrary: keyValue.map((id) => ({ id })), weight: 3 },
  { arbitrary: fc.record({ author: keyValue, at: fc.oneof(fc.integer(), scalar) }), weight: 3 },
  { arbitrary: fc.dictionary(fc.constantFrom("id", "author", "at", "x"), keyValue, { maxKeys: 3 }), weight: 1 }
)
/** A table and a key: mostly a key of that table's schema (what dynofunc cannot know is left rare), sometimes any. */
const tableKey: fc.Arbitrary<readonly [string, Record<string, unknown>]> = fc.oneof(
  { arbitrary: keyValue.map((id) => ["users", { id }] as const), weight: 4 },
  { arbitrary: fc.tuple(keyValue, fc.oneof({ arbitrary: fc.integer(), weight: 4 }, { arbitrary: scalar, weight: 1 })).map(([author, at]) => ["posts", { author, at }] as const), weight: 4 },
  { arbitrary: fc.tuple(table, key), weight: 1 }
)
const tableItem = fc.tuple(tableKey, fc.dictionary(name, value, { maxKeys: 3 })).map(([[t, k], rest]) => [t, { ...rest, ...k }] as const)
const item = tableItem.map(([, i]) => i)

const condition: fc.Arbitrary<Condition | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.tuple(name, value).map(([n, v]) => attr(n).equals(v)),
  name.map((n) => attr(n).exists()),
  name.map((n) => attr(n).notExists()),
  fc.tuple(name, value).map(([n, v]) => attr(n).beginsWith(v)),
  fc.tuple(name, value, value).map(([n, low, high]) => attr(n).between(low, high)),
  fc.tuple(name, fc.array(value, { maxLength: 4 })).map(([n, vs]) => attr(n).in(vs))
)

const large = "x".repeat(210 * 1024)
const change = fc.oneof(
  value,
  value.map((v) => attr.add(v)),
  value.map((v) => attr.delete(v)),
  value.map((v) => attr.append(v)),
  value.map((v) => attr.ifNotExists(v)),
  fc.constant(attr.remove()),
  fc.constant(attr.increment()),
  // Two of these are over an item's 400 KB, whatever the item holds.
  fc.constantFrom(large, attr.append([large]), attr.ifNotExists(large), attr.add(new Set([large])))
)
const changes = fc.dictionary(name, change, { maxKeys: 3 })

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 })
const limit = optional(fc.constantFrom(1, 10, 0, -1, 2.5))
const projection = optional(fc.array(name, { maxLength: 2 }))
const select = optional(fc.constantFrom("ALL_ATTRIBUTES", "COUNT", "SPECIFIC_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", bad("all")))
const returnValues = optional(fc.constantFrom("NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW", bad("NEW")))
/**
 * A client request token of 1, 36, 37 or 0 characters, each one new: DynamoDB keeps a token for 10 minutes and
 * answers one used again for another request with `IdempotentParameterMismatchException` (state, not input).
 */
let tokens = 0
const token = optional(fc.constantFrom(1, 36, 37, 0)).map((length) => {
  if (length === undefined) return undefined
  const fresh = (tokens++).toString(36)
  return length === 1 ? "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[tokens % 62]! : fresh.padStart(length, "t").slice(-length)
})
/** PartiQL statements, each with its number of `?` placeholders (none inside quotes or comments). */
const statements: ReadonlyMap<string, number> = new Map([
  [`SELECT * FROM "users" WHERE id = ?`, 1],
  [`SELECT * FROM "users" WHERE id = 'u1'`, 0],
  [`SELECT * FROM "posts" WHERE author = ? AND "at" = ?`, 2],
  [`INSERT INTO "users" VALUE {'id': ?, 'n': ?}`, 2],
  [`UPDATE "users" SET n = ? WHERE id = ?`, 2],
  [`DELETE FROM "users" WHERE id = ?`, 1],
  [`SELECT * FROM "users" WHERE id = 'it''s ?'`, 0],
  [`SELECT * FROM "users" WHERE id = ? -- a comment ?`, 1],
  [`SELECT * FROM "users" WHERE id = ? /* a comment ? */`, 1],
  [`SELECT * FROM "users" /* ? */ WHERE id = 'u1' /* ?`, 0],
  [`SELECT * FROM "users" /* ?\n ? */ WHERE id = ? AND n = ?`, 2],
  [`SELEC * FROM users`, 0],
  ["", 0]
])
const statement = fc.constantFrom(...statements.keys())
const parameters = fc.array(fc.oneof({ arbitrary: fc.string({ minLength: 1, maxLength: 4 }), weight: 3 }, { arbitrary: scalar, weight: 1 }), { maxLength: 3 })

/** Tables the fuzz may describe, update and delete (never `users` or `posts`, which the others need); and bad names. */
const badTableNames = fc.constantFrom("ab", "t".repeat(256), "fuzz c")
const scratch = fc.oneof({ arbitrary: fc.constantFrom("fuzz-a", "fuzz-b"), weight: 2 }, { arbitrary: badTableNames, weight: 3 })
/**
 * A new table name for each table the fuzz creates: DynamoDB Local answers a CreateTable for a table that exists
 * with `ResourceInUseException` before it checks the rest of the input, which would then go unjudged.
 */
let created = 0
const newTable = fc.oneof({ arbitrary: fc.constant(null).map(() => `fuzz-new-${created++}`), weight: 2 }, { arbitrary: badTableNames, weight: 1 })
const keySpec = fc.oneof(fc.constantFrom("id", "k", ""), fc.record({ name: fc.constantFrom("id", "k"), type: fc.constantFrom("S", "N", "B", bad("BOOL")) }))
const tagKey = fc.constantFrom("team", "", "aws:x", "k".repeat(128), "k".repeat(129), "Équipe :/=+-@_.", "a#b", "東京")
const tags = optional(fc.dictionary(tagKey, fc.constantFrom("v", "", "v".repeat(257), "<v>", "ü 1"), { maxKeys: 3 }))
const resourceArn = fc.constantFrom("arn:aws:dynamodb:ddblocal:000000000000:table/users", "", "x".repeat(1284))

/** SDK members of CreateTable/UpdateTable with the API reference's rules (billing, streams, encryption, indexes). */
const throughputInput = { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }
const globalIndex = (name: string, more: object = {}) => ({ IndexName: name, KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" }, ...more })
const tableInput = fc.constantFrom<Record<string, unknown>>(
  { BillingMode: "PAY_PER_REQUEST", ProvisionedThroughput: throughputInput },
  { BillingMode: undefined },
  { StreamSpecification: { StreamEnabled: true } },
  { StreamSpecification: { StreamEnabled: false, StreamViewType: "KEYS_ONLY" } },
  { SSESpecification: { Enabled: true, SSEType: "AES256" } },
  { SSESpecification: { Enabled: true, SSEType: "RSA" } },
  { SSESpecification: { Enabled: "yes" } },
  { TableClass: "STANDARD_INFREQUENT_ACCESS" },
  { TableClass: "COLD" },
  { GlobalSecondaryIndexes: [globalIndex("by-id")] },
  { GlobalSecondaryIndexes: [globalIndex("ab")] },
  { GlobalSecondaryIndexes: [globalIndex("by-id", { Projection: { ProjectionType: "KEYS_ONLY", NonKeyAttributes: ["a"] } })] },
  { BillingMode: "PROVISIONED", ProvisionedThroughput: throughputInput, GlobalSecondaryIndexes: [globalIndex("by-id")] },
  { BillingMode: "PROVISIONED", ProvisionedThroughput: throughputInput, GlobalSecondaryIndexes: [globalIndex("by-id", { ProvisionedThroughput: throughputInput })] }
)
const indexCreate = (name: string, key: string) => ({ Create: { IndexName: name, KeySchema: [{ AttributeName: key, KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } } })
const indexUpdates = fc.constantFrom<Record<string, unknown>>(
  { GlobalSecondaryIndexUpdates: [] },
  { GlobalSecondaryIndexUpdates: [{}] },
  { GlobalSecondaryIndexUpdates: [indexCreate("by-g", "g")] },
  { AttributeDefinitions: [{ AttributeName: "g", AttributeType: "S" }], GlobalSecondaryIndexUpdates: [{ Create: { ...indexCreate("by-g", "g").Create, Projection: { ProjectionType: "INCLUDE" } } }] },
  { AttributeDefinitions: [{ AttributeName: "g", AttributeType: "S" }, { AttributeName: "h", AttributeType: "S" }], GlobalSecondaryIndexUpdates: [indexCreate("by-g", "g"), indexCreate("by-h", "h")] },
  { AttributeDefinitions: [{ AttributeName: "g", AttributeType: "S" }], GlobalSecondaryIndexUpdates: [{ ...indexCreate("by-g", "g"), Delete: { IndexName: "by-x" } }] }
)

/** `[[table, key], ...rest]` as the builder's arguments `[table, key, ...rest]`. */
const flat = <Rest extends ReadonlyArray<unknown>>(arbitrary: fc.Arbitrary<readonly [readonly [string, Record<string, unknown>], ...Rest]>) =>
  arbitrary.map(([[t, k], ...rest]) => [t, k, ...rest])

type Builder = readonly [string, fc.Arbitrary<ReadonlyArray<unknown>>, (...args: never) => AnyOperation]

const write = fc.oneof(
  fc.tuple(tableItem, condition).map(([[t, i], c]) => add(t, i, c === undefined ? {} : { condition: c })),
  fc.tuple(tableKey, changes, condition).map(([[t, k], ch, c]) => update(t, k, ch, c === undefined ? {} : { condition: c })),
  fc.tuple(tableKey, condition).map(([[t, k], c]) => remove(t, k, c === undefined ? {} : { condition: c })),
  fc.tuple(tableKey, condition).map(([[t, k], c]) => conditionCheck(t, k, bad(c)))
)

/** Every builder, the arbitrary of its arguments, and the builder. */
const builders: ReadonlyArray<Builder> = [
  ["find", flat(fc.tuple(tableKey, fc.record({ consistent: optional(fc.boolean()), projection }, { requiredKeys: [] }))), find],
  ["add", flat(fc.tuple(tableItem, fc.record({ condition, returnValues }, { requiredKeys: [] }))), add],
  ["update", flat(fc.tuple(tableKey, changes, fc.record({ condition, returnValues }, { requiredKeys: [] }))), update],
  ["remove", flat(fc.tuple(tableKey, fc.record({ condition, returnValues }, { requiredKeys: [] }))), remove],
  [
    "query",
    fc.tuple(table, fc.oneof(fc.tuple(name, keyValue).map(([n, v]) => attr(n).equals(v)), fc.tuple(keyValue, keyValue).map(([a, b]) => attr("author").equals(a).and(attr("at").between(b, b)))), fc.record({ limit, select, projection, filter: condition, startKey: optional(key), order: optional(fc.constantFrom("asc", "desc", bad("ASC"))), index: optional(fc.constantFrom("missing", "ab")) }, { requiredKeys: [] })),
    query
  ],
  ["scan", fc.tuple(table, fc.record({ limit, select, projection, filter: condition, startKey: optional(key), segment: optional(fc.record({ segment: fc.constantFrom(0, 1, 2, -1), of: fc.constantFrom(1, 2, 1_000_000, 1_000_001) })) }, { requiredKeys: [] })), scan],
  ["batchGetItem", fc.dictionary(table, fc.array(key, { maxLength: 3 }), { maxKeys: 2 }).map((r) => [r]), batchGetItem],
  ["batchWriteItem", fc.dictionary(table, fc.array(fc.oneof(item.map((put) => ({ put })), key.map((del) => ({ delete: del }))), { maxLength: 3 }), { maxKeys: 2 }).map((r) => [r]), batchWriteItem],
  ["transactWriteItems", fc.tuple(fc.array(write, { maxLength: 3 }), fc.record({ clientRequestToken: token }, { requiredKeys: [] })), transactWriteItems],
  ["transactGetItems", fc.tuple(fc.array(tableKey.map(([t, k]) => find(t, k)), { maxLength: 3 })), transactGetItems],
  ["executeStatement", fc.tuple(statement, parameters, fc.record({ limit, consistent: optional(fc.boolean()) }, { requiredKeys: [] })), executeStatement],
  ["batchExecuteStatement", fc.tuple(fc.array(fc.record({ statement, parameters }), { maxLength: 3 })), batchExecuteStatement],
  ["executeTransaction", fc.tuple(fc.array(fc.record({ statement, parameters }), { maxLength: 3 }), fc.record({ clientRequestToken: token }, { requiredKeys: [] })), executeTransaction],
  ["create", fc.tuple(newTable, keySpec, fc.record({ rangeKey: optional(keySpec), billing: optional(fc.oneof(fc.constant("PAY_PER_REQUEST" as const), fc.record({ read: fc.constantFrom(1, 0), write: fc.constantFrom(1, 5) }))), stream: optional(fc.constantFrom("NEW_IMAGE", "KEYS_ONLY", bad("ALL"))), deletionProtection: optional(fc.boolean()), input: optional(tableInput) }, { requiredKeys: [] })), create],
  ["updateTable", fc.tuple(scratch, fc.record({ billing: optional(fc.oneof(fc.constant("PAY_PER_REQUEST" as const), fc.record({ read: fc.constantFrom(1, 0), write: fc.constantFrom(1, 2) }))), stream: optional(fc.constantFrom("NEW_IMAGE", false, bad("NEW"))), deletionProtection: optional(fc.boolean()), input: optional(fc.oneof(tableInput, indexUpdates)) }, { requiredKeys: [] })), updateTable],
  ["deleteTable", fc.tuple(scratch), deleteTable],
  ["describe", fc.tuple(fc.oneof(scratch, table)), describeTable],
  ["describeTimeToLive", fc.tuple(fc.oneof(scratch, table)), describeTimeToLive],
  ["updateTimeToLive", fc.tuple(scratch, fc.constantFrom("ttl", "", "t".repeat(255), "t".repeat(256)), fc.oneof(fc.boolean(), fc.constant(bad("yes")))), updateTimeToLive],
  ["tagResource", fc.tuple(resourceArn, tags.map((t) => t ?? {})), tagResource],
  ["untagResource", fc.tuple(resourceArn, fc.array(tagKey, { maxLength: 3 })), untagResource],
  ["listTagsOfResource", fc.tuple(resourceArn), listTagsOfResource]
]

// ---- verdicts ----

/** DynamoDB Local's answer, as a validation refusal or not: an SDK error's name, or a typed error's tag. */
type Answer = { readonly refused: boolean; readonly what: string }

const answerOf = (error: unknown): Answer => {
  const e = error as { name?: unknown; _tag?: unknown; message?: unknown; CancellationReasons?: ReadonlyArray<{ Code?: string; Message?: string }>; reasons?: ReadonlyArray<{ code: string; message?: string | undefined }> }
  const name = String(e._tag ?? e.name)
  const reasons = [...(e.CancellationReasons ?? []).map((reason) => ({ code: reason.Code, message: reason.Message })), ...(e.reasons ?? [])]
  const codes = reasons.map((reason) => `${reason.code}${reason.message === undefined ? "" : ` (${reason.message})`}`)
  // DynamoDB Local refuses a transaction's bad input as a cancellation with no reasons (the message says why).
  const refused = /^Validation(Exception|Error)$/.test(name) || reasons.some((reason) => reason.code === "ValidationError") || (/^TransactionCanceled/.test(name) && codes.length === 0)
  return { refused, what: `${name}${codes.length > 0 ? ` [${codes.join(", ")}]` : ""}: ${String(e.message).slice(0, 160)}` }
}

/**
 * DynamoDB's refusals no check before sending can make: they need the table's key schema or its state (which
 * dynofunc does not fetch), or a PartiQL parser (dynofunc counts a statement's placeholders, it does not parse it).
 */
const outOfReach: ReadonlyArray<RegExp> = [
  /number of conditions on the keys is invalid/,
  /Type mismatch for (key|attribute to update)/,
  /required keys was not given a value/,
  /Key attribute's data type should match/,
  /Exclusive Start Key must have same size/,
  /Invalid attribute value type/,
  /Query key condition not supported/,
  /Query condition missed key schema element/,
  /Condition parameter type does not match schema type/,
  /does not have the specified index/,
  /protected against deletion/,
  /already has an enabled stream|has no stream to disable/,
  /TimeToLive is already (enabled|disabled)|TimeToLive is active on a different AttributeName/,
  /requested throughput value equals the current value/,
  // A scan's start key is checked against the table's key schema and, in a parallel scan, the segment's hash range.
  /provided starting key is invalid/,
  /Exclusive start key must lie within the segment/,
  // A query's start key is checked against its key condition: which attribute is the partition key, and the sort
  // key's order, are the key schema's.
  /provided starting key does not match the range key predicate/,
  /Statement wasn't well formed/,
  // Only a batch's well-formed statements count as reads or writes.
  /Read and write requests together in the same batch/,
  /does not support both read and write operations in the same request/,
  /must specify the primary key in the where clause/
]

/**
 * DynamoDB Local answers "Nothing to update" to an UpdateTable whose only changes are ones it does not make (a table
 * class, encryption, on-demand or warm throughput): DynamoDB makes them, or answers so when the table already has
 * that setting (its state). The changes DynamoDB Local makes, an empty list of them being none.
 */
const madeByLocal = new Set(["BillingMode", "ProvisionedThroughput", "GlobalSecondaryIndexUpdates", "StreamSpecification", "DeletionProtectionEnabled"])
const notMadeByLocal = (op: AnyOperation, answer: Answer): boolean =>
  op.name === "UpdateTable" &&
  /Nothing to update/.test(answer.what) &&
  Object.entries(op.description as object).every(([field, v]: [string, unknown]) => !madeByLocal.has(field) || v === undefined || (Array.isArray(v) && v.length === 0))

/**
 * A query's filter on a key attribute its key condition does not name (the sort key it leaves out): which attributes
 * are keys is the key schema's. A filter on one the key condition names is refused before sending.
 */
const filterOnUnnamedKey = (op: AnyOperation, answer: Answer): boolean => {
  const [, key] = /non-primary key attributes: Primary key attribute: (\S+)/.exec(answer.what) ?? []
  if (key === undefined || op.name !== "Query") return false
  const { KeyConditionExpression = "", ExpressionAttributeNames = {} } = op.description as { KeyConditionExpression?: string; ExpressionAttributeNames?: Record<string, string> }
  const named = KeyConditionExpression.replace(/#\w+/g, (placeholder) => ExpressionAttributeNames[placeholder] ?? placeholder)
  return !named.split(/[^\w]+/).includes(key)
}

/** A key value DynamoDB refuses (empty, too long): the key's. */
const keyValueRefusals: ReadonlyArray<RegExp> = [/key attribute cannot contain an empty string/, /Hash primary key values must be under 2048 bytes/, /Aggregated size of all range keys/]

/** The same for PartiQL, whose key values are in its parameters (which are keys, only a parser of the statement knows). */
const outOfReachInPartiQL: ReadonlyArray<RegExp> = [...keyValueRefusals, /Key value must be of type/, /Provided list of item keys contains duplicates/, /cannot include multiple operations on one item/]

/**
 * Whether the request puts an item in a table whose key no entry of it gives (a `Key` of that table): which of the
 * item's attributes are key attributes is the table's key schema, so a key value refused there is out of reach.
 * Where another entry gives the key, dynofunc checks the put's key values (`putKeys` in `requests.ts`).
 */
const putsOfUnknownKey = (op: AnyOperation): boolean => {
  const description = op.description as { TransactItems?: ReadonlyArray<Record<string, { TableName?: string; Key?: unknown } | undefined>>; RequestItems?: Record<string, ReadonlyArray<{ PutRequest?: unknown; DeleteRequest?: unknown }>> }
  if (op.name === "PutItem") return true
  const puts: Array<string> = []
  const keyed = new Set<string>()
  if (op.name === "TransactWriteItems") {
    for (const entry of description.TransactItems ?? []) {
      for (const kind in entry) {
        const table = entry[kind]?.TableName ?? ""
        if (kind === "Put") puts.push(table)
        else if (entry[kind]?.Key !== undefined) keyed.add(table)
      }
    }
  } else if (op.name === "BatchWriteItem") {
    for (const [table, writes] of Object.entries(description.RequestItems ?? {})) {
      if (writes.some((write) => write.PutRequest !== undefined)) puts.push(table)
      if (writes.some((write) => write.DeleteRequest !== undefined)) keyed.add(table)
    }
  }
  return puts.some((table) => !keyed.has(table))
}
const partiQL = new Set(["ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction"])

/**
 * BatchExecuteStatement answers each statement apart: a statement with fewer parameters than its `?` (DynamoDB
 * refuses more too, DynamoDB Local runs it: DIFFERENCES.md) is a `ValidationError` in its own response (that its
 * parameters do not match, or another fault DynamoDB finds first), and the others run. dynofunc sends such a batch, and the statement's error comes back in `responses`.
 */
const statementAnswers = (op: AnyOperation, result: BatchExecuteResult): ReadonlyArray<string> => {
  const sent = (op.description as { Statements?: ReadonlyArray<{ Statement?: string; Parameters?: ReadonlyArray<unknown> }> }).Statements ?? []
  return sent.flatMap((one, index) => {
    const short = (one.Parameters?.length ?? 0) < (statements.get(one.Statement ?? "") ?? 0)
    const error = result.responses[index]?.error
    const answered = short ? error?.code === "ValidationError" : !/Number of parameters/.test(error?.message ?? "")
    return answered ? [] : [`statement ${index} is ${short ? "" : "not "}short of parameters, and its response is ${JSON.stringify(error ?? "no error")}`]
  })
}

/** Whether a parameters problem says more were given than the statement has `?`. */
const moreThanWanted = (message: string): boolean => {
  const [, wanted, given] = /has (\d+) \? parameters; (\d+) given/.exec(message) ?? []
  return Number(given) > Number(wanted)
}

/**
 * The differences of `DIFFERENCES.md` (each names the start of its row there): a problem dynofunc refuses that
 * DynamoDB Local accepts, or answers otherwise, where DynamoDB's documentation says it refuses. A refusal is
 * excused when each of its problems is covered.
 */
const differences: ReadonlyArray<{ readonly row: string; readonly covers: (problem: InputProblem, op: AnyOperation, answer: Answer) => boolean }> = [
  { row: "`ExclusiveStartKey` of a `Scan`", covers: (problem, op) => op.name === "Scan" && problem.part.startsWith("ExclusiveStartKey") },
  { row: "`ClientRequestToken: \"\"`", covers: (problem) => problem.part === "ClientRequestToken" },
  { row: "PartiQL `Parameters` more than", covers: (problem) => /Parameters$/.test(problem.part) && moreThanWanted(problem.message) },
  // Accepted, and run: a PartiQL UPDATE of no item fails its condition.
  { row: "a `Limit` that is no whole number", covers: (problem, _, answer) => problem.part.endsWith("Limit") && (answer.what === "accepted" || answer.what.startsWith("ConditionalCheckFailed")) },
  { row: "a member of the wrong type", covers: (problem, _, answer) => answer.what.startsWith("InternalFailure") || (answer.what === "accepted" && /is not true or false/.test(problem.message)) },
  { row: "a `Query` key condition value over 2,048 bytes", covers: (problem, op, answer) => op.name === "Query" && problem.part === "KeyConditionExpression" && /a partition key value is at most/.test(problem.message) && answer.what === "accepted" },
  { row: "a bad input on a table that does not exist", covers: (_, __, answer) => answer.what.startsWith("ResourceNotFoundException") },
  { row: "an update of a key attribute", covers: (problem, _, answer) => /ConditionalCheckFailed/.test(answer.what) && /part of the key/.test(problem.message) },
  { row: "`ProvisionedThroughput` with `BillingMode: PAY_PER_REQUEST`", covers: (problem, _, answer) => problem.part === "ProvisionedThroughput" && /PAY_PER_REQUEST/.test(problem.message) && answer.what === "accepted" },
  { row: "an `SSEType` or `TableClass` of no such value", covers: (problem, _, answer) => /^(SSESpecification|TableClass)/.test(problem.part) && answer.what === "accepted" },
  { row: "two index creations or deletions in one `UpdateTable`", covers: (_, op, answer) => answer.what.startsWith("LimitExceededException") && "GlobalSecondaryIndexUpdates" in (op.description as object) }
]

/** DynamoDB Local does not implement these (`UnknownOperationException`): nothing to compare, only no defect. */
const unsupported = new Set(["TagResource", "UntagResource", "ListTagsOfResource"])

/** The arguments, operations shown by their description, long strings by their start and length. */
const show = (args: ReadonlyArray<unknown>): string =>
  JSON.stringify(args, (_, v: unknown) => (isOperation(v) ? v.description : typeof v === "bigint" ? `${v}n` : v instanceof Set ? [...(v as Set<unknown>)] : typeof v === "string" && v.length > 100 ? `${v.slice(0, 5)}…(${v.length} characters)` : v)).slice(0, 1000)

/** The disagreements of one case, as sentences (none when dynofunc and DynamoDB Local agree). */
const judge = (builder: (...args: never) => AnyOperation, label: string, args: ReadonlyArray<unknown>) =>
  Effect.gen(function* () {
    let op: AnyOperation
    try {
      op = (builder as (...xs: ReadonlyArray<unknown>) => AnyOperation)(...args)
    } catch (error) {
      return [`${label} ${show(args)}: the builder threw ${String(error)}`]
    }
    const exit = yield* Effect.exit(execute(op) as Effect.Effect<unknown, unknown, DynamoClient.DynamoClient>)
    const unreachable = (answer: Answer) =>
      notMadeByLocal(op, answer) ||
      filterOnUnnamedKey(op, answer) ||
      [...outOfReach, ...(partiQL.has(op.name) ? outOfReachInPartiQL : []), ...(putsOfUnknownKey(op) ? keyValueRefusals : [])].some((pattern) => pattern.test(answer.what))
    if (Exit.isSuccess(exit)) {
      const answers = op.name === "BatchExecuteStatement" ? statementAnswers(op, exit.value as BatchExecuteResult) : []
      return answers.map((answer) => `${label} ${show(args)}: sent, and ${answer}`)
    }
    const failure = A.failureOption(exit.cause)
    if (Option.isNone(failure)) return [`${label} ${show(args)}: died with ${String(Cause.squash(exit.cause))}`]
    const error = failure.value as { _tag?: string; problems?: ReadonlyArray<InputProblem> }
    if (unsupported.has(op.name)) return []
    if (error._tag !== "InvalidInputError") {
      const answer = answerOf(error)
      return answer.refused && !unreachable(answer) ? [`${label} ${show(args)}: sent, and DynamoDB Local refused it (${answer.what})`] : []
    }
    // Refused by the builder: there is no request to compare with.
    if (op.problems.length > 0) return []
    const problems = error.problems ?? []
    // A batch whose statements DynamoDB Local answers each with an error is still accepted: not a refusal.
    const raw = yield* Effect.flatMap(DynamoClient.DynamoClient, (client) => client.send({ operation: op.name, input: op.description } as never)).pipe(
      Effect.as<Answer>({ refused: false, what: "accepted" }),
      A.catchAll((cause) => Effect.succeed(answerOf(cause)))
    )
    if (raw.refused) return []
    if (problems.every((problem) => differences.some((difference) => difference.covers(problem, op, raw)))) return []
    return [`${label} ${show(args)}: refused (${JSON.stringify(problems).slice(0, 300)}), and DynamoDB Local answered ${raw.what}`]
  })

it("each difference the fuzz allows is a row of DIFFERENCES.md", () => {
  const listed = readFileSync(new URL("./DIFFERENCES.md", import.meta.url), "utf8")
  for (const difference of differences) expect(listed).toContain(`| ${difference.row}`)
})

it.layer(DynamoDBLocal.layer(), { timeout: 300_000 })("dynofunc refuses exactly what DynamoDB Local refuses", (it) => {
  it.effect("the tables", () =>
    Effect.gen(function* () {
      yield* execute(create("users", "id"))
      yield* execute(create("posts", "author", { rangeKey: { name: "at", type: "N" } }))
      for (const name of ["fuzz-a", "fuzz-b"]) yield* execute(create(name, "id"))
    }))

  it.effect.each(builders.map((builder, index) => [builder[0], index] as const))("%s", ([label, index]) =>
    Effect.gen(function* () {
      const builder = builders[index]!
      const cases = fc.sample(builder[1], { numRuns: runs, seed: seed + index })
      const wrong: Array<string> = []
      for (const args of cases) wrong.push(...(yield* judge(builder[2], label, args)))
      expect(wrong, label).toEqual([])
    }).pipe(Effect.provideService(Retry.Policy, Schedule.recurs(0))))
})
