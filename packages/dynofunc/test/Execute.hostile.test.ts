/**
 * Broken and hostile answers: responses DynamoDB could not have sent, errors of every odd shape, handlers that
 * throw, die or never answer. Each case asserts the typed error `execute` fails with — never a defect, never a throw.
 */
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Layer, Option, Schedule } from "effect"
import * as A from "#adapter"
import * as T from "#test-effect"
import {
  DynamoClient,
  MalformedResponseError,
  Retry,
  TransactionCanceledError,
  batchExecuteStatement,
  batchGetItem,
  batchWriteItem,
  describeTable,
  execute,
  executeStatement,
  executeTransaction,
  find,
  add,
  query,
  scan,
  transactGetItems,
  transactWriteItems,
  update,
  type AnyOperation,
  type DynamoError
} from "dynofunc"

const ops = {
  find: find("users", { id: "u1" }),
  query: query("users", { id: "u1" } as never),
  scan: scan("users"),
  batchGet: batchGetItem({ users: [{ id: "u1" }] }),
  batchWrite: batchWriteItem({ users: [{ put: { id: "u1" } }] }),
  transactGet: transactGetItems([find("users", { id: "u1" })]),
  statement: executeStatement("SELECT * FROM users"),
  transaction: executeTransaction([{ statement: "SELECT * FROM users" }] as never),
  batchStatement: batchExecuteStatement([{ statement: "SELECT * FROM users" }] as never),
  update: update("users", { id: "u1" }, { n: 1 }, { returnValues: "ALL_NEW" }),
  put: add("users", { id: "u1" }),
  transactWrite: transactWriteItems([add("users", { id: "u1" })]),
  describe: describeTable("users")
} satisfies Record<string, AnyOperation>

type Expected = { readonly _tag: DynamoError["_tag"]; readonly problem?: string; readonly [field: string]: unknown }

/** A client that answers with exactly `answer` (no marshalling, unlike `layerTest`). */
const raw = (answer: Effect.Effect<unknown, unknown>) => Layer.succeed(DynamoClient.DynamoClient, { sdk: undefined, send: () => answer as Effect.Effect<never, unknown> })

/** What `op` fails with on `layer`, tried once; the failure must be a typed failure, not a defect. */
const failure = (op: AnyOperation, layer: Layer.Layer<DynamoClient.DynamoClient>) =>
  Effect.gen(function* () {
    const exit = yield* (execute(op) as Effect.Effect<unknown, DynamoError, DynamoClient.DynamoClient>).pipe(
      Effect.provide(layer),
      Effect.provideService(Retry.Policy, Schedule.recurs(0)),
      Effect.exit
    )
    expect(Exit.isFailure(exit)).toBe(true)
    if (Exit.isSuccess(exit)) throw new Error("succeeded")
    expect(Option.isSome(A.failureOption(exit.cause))).toBe(true)
    return Cause.squash(exit.cause) as DynamoError
  })

const check = (error: DynamoError, expected: Expected) => {
  const { problem, ...fields } = expected
  expect(error).toMatchObject(fields)
  if (problem !== undefined) expect((error as MalformedResponseError).problem).toContain(problem)
}

const malformed = (problem: string): Expected => ({ _tag: "MalformedResponseError", problem })

/** Responses DynamoDB could not have sent, by operation. */
const responses: ReadonlyArray<readonly [label: string, op: AnyOperation, output: unknown, expected: Expected]> = [
  ["output null", ops.find, null, malformed("the response: not an object but null")],
  ["output a string", ops.find, "ok", malformed("not an object but a string")],
  ["output a number", ops.find, 42, malformed("not an object but a number")],
  ["output undefined", ops.describe, undefined, malformed("not an object but a undefined")],
  ["Item a string", ops.find, { Item: "x" }, malformed("Item: not a map of attributes but a string")],
  ["Item a list", ops.find, { Item: [] }, malformed("Item: not a map of attributes but a list")],
  ["Item null", ops.find, { Item: null }, malformed("Item: not a map of attributes but null")],
  ["an attribute value {}", ops.find, { Item: { a: {} } }, malformed("Item.a: an attribute value with no type")],
  ["an attribute value { Z }", ops.find, { Item: { a: { Z: "1" } } }, malformed("Item.a: an attribute value of no DynamoDB type (Z)")],
  ["an attribute value null", ops.find, { Item: { a: null } }, malformed("Item.a: not an attribute value but null")],
  ["an attribute value a string", ops.find, { Item: { a: "plain" } }, malformed("Item.a: not an attribute value but a string")],
  ["L not a list", ops.find, { Item: { a: { L: "abc" } } }, malformed("Item.a: L is not a list but a string")],
  ["L a number", ops.find, { Item: { a: { L: 3 } } }, malformed("Item.a: L is not a list but a number")],
  ["L holding null", ops.find, { Item: { a: { L: [null] } } }, malformed("Item.a[0]: not an attribute value but null")],
  ["M a list", ops.find, { Item: { a: { M: [] } } }, malformed("Item.a: not a map of attributes but a list")],
  ["S a number", ops.find, { Item: { a: { S: 5 } } }, malformed("Item.a: S is not a string but a number")],
  ["N not a number", ops.find, { Item: { a: { N: "abc" } } }, malformed("Item.a: N is not a number")],
  ["N a JS number", ops.find, { Item: { a: { N: 5 } } }, malformed("Item.a: N is not a number's text but a number")],
  ["N NaN", ops.find, { Item: { a: { N: "NaN" } } }, malformed("Item.a: N is not a number")],
  ["N Infinity", ops.find, { Item: { a: { N: "Infinity" } } }, malformed("Item.a: N is not a number")],
  ["N empty", ops.find, { Item: { a: { N: "" } } }, malformed("Item.a: N is not a number")],
  ["BOOL a string", ops.find, { Item: { a: { BOOL: "true" } } }, malformed("Item.a: BOOL is not a boolean but a string")],
  ["NULL false", ops.find, { Item: { a: { NULL: false } } }, malformed("Item.a: NULL is not true")],
  ["B a string", ops.find, { Item: { a: { B: "AAAA" } } }, malformed("Item.a: B is not binary but a string")],
  ["SS a string", ops.find, { Item: { a: { SS: "a" } } }, malformed("Item.a: SS is not a list but a string")],
  ["SS holding a number", ops.find, { Item: { a: { SS: ["a", 1] } } }, malformed("Item.a: SS[1] is not a string but a number")],
  ["NS holding no number", ops.find, { Item: { a: { NS: ["1", "x"] } } }, malformed("Item.a: N is not a number")],
  ["BS holding a string", ops.find, { Item: { a: { BS: ["x"] } } }, malformed("Item.a: BS[0] is not binary but a string")],
  ["deep in maps and lists", ops.find, { Item: { a: { M: { b: { L: [{ S: "x" }, { M: { c: { Q: 1 } } }] } } } } }, malformed("Item.a.b[1].c: an attribute value of no DynamoDB type (Q)")],
  ["a long unknown type key", ops.find, { Item: { a: { "secret value here": 1 } } }, malformed("no DynamoDB type (an unknown key)")],
  ["Items a string", ops.query, { Items: "x" }, malformed("Items: not a list but a string")],
  ["Items an object", ops.scan, { Items: {} }, malformed("Items: not a list but an object")],
  ["Items [null]", ops.query, { Items: [null] }, malformed("Items[0]: not an object but null")],
  ["Items [1]", ops.scan, { Items: [1] }, malformed("Items[0]: not an object but a number")],
  ["Items with a typeless value", ops.query, { Items: [{ a: { S: "x" } }, { a: {} }] }, malformed("Items[1].a: an attribute value with no type")],
  ["Count a string", ops.query, { Items: [], Count: "3" }, malformed("Count: not a count but a string")],
  ["Count negative", ops.scan, { Items: [], Count: -1 }, malformed("Count: not a count")],
  ["ScannedCount fractional", ops.scan, { Items: [], ScannedCount: 1.5 }, malformed("ScannedCount: not a count")],
  ["LastEvaluatedKey a list", ops.query, { Items: [], LastEvaluatedKey: [] }, malformed("LastEvaluatedKey: not a map of attributes but a list")],
  ["batch Responses a list", ops.batchGet, { Responses: [] }, malformed("Responses: not a map but a list")],
  ["batch Responses of a table a string", ops.batchGet, { Responses: { users: "x" } }, malformed("Responses.users: not a list but a string")],
  ["batch Responses [null]", ops.batchGet, { Responses: { users: [null] } }, malformed("Responses.users[0]: not an object but null")],
  ["batch UnprocessedKeys.Keys a string", ops.batchGet, { UnprocessedKeys: { users: { Keys: "x" } } }, malformed("UnprocessedKeys.users.Keys: not a list")],
  ["batch UnprocessedKeys of a table null", ops.batchGet, { UnprocessedKeys: { users: null } }, { _tag: "MalformedResponseError" }],
  ["UnprocessedItems with an empty request", ops.batchWrite, { UnprocessedItems: { users: [{}] } }, malformed("UnprocessedItems.users[0]: neither a PutRequest")],
  ["UnprocessedItems with a number item", ops.batchWrite, { UnprocessedItems: { users: [{ PutRequest: { Item: 5 } }] } }, malformed("UnprocessedItems.users[0].PutRequest.Item: not a map")],
  ["UnprocessedItems a string", ops.batchWrite, { UnprocessedItems: "x" }, malformed("UnprocessedItems: not a map but a string")],
  ["transact Responses a string", ops.transactGet, { Responses: "x" }, malformed("Responses: not a list but a string")],
  ["transact Responses [null]", ops.transactGet, { Responses: [null] }, malformed("Responses[0]: not an object but null")],
  ["transact Responses with a bad item", ops.transactGet, { Responses: [{ Item: { a: { Z: 1 } } }] }, malformed("Responses[0].Item.a: an attribute value of no DynamoDB type (Z)")],
  ["statement Items with L a number", ops.statement, { Items: [{ a: { L: 1 } }] }, malformed("Items[0].a: L is not a list")],
  ["statement LastEvaluatedKey a string", ops.statement, { Items: [], LastEvaluatedKey: "k" }, malformed("LastEvaluatedKey: not a map")],
  ["transaction Responses a number", ops.transaction, { Responses: 5 }, malformed("Responses: not a list but a number")],
  ["batch statement Error.Item a list", ops.batchStatement, { Responses: [{ Error: { Code: "X", Item: [] } }] }, malformed("Responses[0].Error.Item: not a map")],
  ["update Attributes a string", ops.update, { Attributes: "x" }, malformed("Attributes: not a map of attributes but a string")],
  ["update Attributes with a typeless value", ops.update, { Attributes: { a: {} } }, malformed("Attributes.a: an attribute value with no type")],
  ["an output whose getter throws", ops.find, { get Item() { throw new Error("boom") } }, malformed("does not have the shape of a GetItem output (Error while reading it)")]
]

const awsError = (name: unknown, extra: Record<string, unknown> = {}) => ({ name, message: `${String(name)} happened`, $fault: "client", $metadata: { httpStatusCode: 400, requestId: "R1" }, ...extra })

const throwingProxy = new Proxy({}, { get: () => { throw new Error("no reading") } })

/** Errors of every shape a client may fail with. */
const failures: ReadonlyArray<readonly [label: string, op: AnyOperation, error: unknown, expected: Expected]> = [
  ["CCF with Item a string", ops.put, awsError("ConditionalCheckFailedException", { Item: "x" }), malformed("Item: not a map")],
  ["CCF with a typeless value", ops.put, awsError("ConditionalCheckFailedException", { Item: { a: { Z: 1 } } }), { ...malformed("Item.a: an attribute value of no DynamoDB type"), requestId: "R1" }],
  ["cancellation reasons a string", ops.transactWrite, awsError("TransactionCanceledException", { CancellationReasons: "x" }), malformed("CancellationReasons: not a list")],
  ["cancellation reasons [null]", ops.transactWrite, awsError("TransactionCanceledException", { CancellationReasons: [null] }), malformed("CancellationReasons[0]: not an object")],
  ["a cancellation reason with a bad item", ops.transactWrite, awsError("TransactionCanceledException", { CancellationReasons: [{ Code: "ConditionalCheckFailed", Item: { a: {} } }] }), malformed("CancellationReasons[0].Item.a")],
  ["no $fault: ResourceNotFoundException", ops.find, { name: "ResourceNotFoundException", message: "gone" }, { _tag: "ResourceNotFoundError", code: "ResourceNotFoundException" }],
  ["no $fault: ThrottlingException", ops.find, { name: "ThrottlingException", message: "slow" }, { _tag: "ThrottlingError" }],
  ["no $fault: ValidationException", ops.find, { name: "ValidationException", message: "bad" }, { _tag: "ValidationError" }],
  ["no $fault: an unknown …Exception", ops.find, { name: "BrandNewException", message: "new" }, { _tag: "UnknownAwsError", code: "BrandNewException" }],
  ["no $fault: DynamoDB Local's DuplicateItem", ops.statement, { name: "DuplicateItem", message: "dup", $metadata: {} }, { _tag: "DuplicateItemError", code: "DuplicateItem" }],
  ["name constructor", ops.find, awsError("constructor"), { _tag: "UnknownAwsError", code: "constructor" }],
  ["name __proto__", ops.find, awsError("__proto__"), { _tag: "UnknownAwsError", code: "__proto__" }],
  ["name toString without $fault", ops.find, { name: "toString", message: "x" }, { _tag: "TransportError", reason: "Other" }],
  ["name hasOwnProperty", ops.find, awsError("hasOwnProperty"), { _tag: "UnknownAwsError", code: "hasOwnProperty" }],
  ["name a number", ops.find, awsError(42), { _tag: "TransportError", reason: "Other" }],
  ["name empty", ops.find, awsError(""), { _tag: "TransportError" }],
  ["name a symbol", ops.find, awsError(Symbol("s")), { _tag: "TransportError" }],
  ["name Error with a 503", ops.find, { name: "Error", $fault: "server", message: "", $metadata: { httpStatusCode: 503 } }, { _tag: "TransportError", reason: "BadGateway", statusCode: 503 }],
  ["$metadata a string", ops.find, { ...awsError("ValidationException"), $metadata: "x" }, { _tag: "ValidationError", requestId: undefined }],
  ["requestId a number", ops.find, { ...awsError("ValidationException"), $metadata: { requestId: 7, httpStatusCode: "400" } }, { _tag: "ValidationError", requestId: undefined, statusCode: undefined }],
  ["a string", ops.find, "boom", { _tag: "TransportError", reason: "Other", message: "boom" }],
  ["a number", ops.find, 42, { _tag: "TransportError", message: "42" }],
  ["null", ops.find, null, { _tag: "TransportError", message: "null" }],
  ["undefined", ops.find, undefined, { _tag: "TransportError" }],
  ["a symbol", ops.find, Symbol("why"), { _tag: "TransportError", message: "Symbol(why)" }],
  ["a function", ops.find, () => 1, { _tag: "TransportError" }],
  ["a bigint", ops.find, 10n, { _tag: "TransportError", message: "10" }],
  ["an Error", ops.find, new Error("plain"), { _tag: "TransportError", reason: "Other", message: "plain" }],
  ["a TypeError", ops.find, new TypeError("bad type"), { _tag: "TransportError", reason: "Other" }],
  ["Effect's TimeoutException", ops.find, T.timeoutError(), { _tag: "TransportError", reason: "Timeout" }],
  ["a tagged TimeoutException look-alike", ops.find, { _tag: "TimeoutException" }, { _tag: "TransportError", reason: "Timeout" }],
  ["NoSuchElementException", ops.find, T.noSuchElementError(), { _tag: "TransportError", reason: "Other" }],
  ["someone else's ThrottlingError tag", ops.find, { _tag: "ThrottlingError", message: "not ours" }, { _tag: "TransportError", reason: "Other" }],
  ["someone else's ResourceNotFoundError tag", ops.find, { _tag: "ResourceNotFoundError", message: "not ours" }, { _tag: "TransportError", reason: "Other" }],
  ["a proxy that throws when read", ops.find, throwingProxy, { _tag: "TransportError", reason: "Other" }],
  ["a message getter that throws", ops.find, { name: "ValidationException", get message() { throw new Error("x") } }, { _tag: "TransportError" }],
  ["dynofunc's TransactionCanceledError for GetItem", ops.find, new TransactionCanceledError({ code: "TransactionCanceledException", message: "no", reasons: [] }), { _tag: "UnknownAwsError", code: "TransactionCanceledException" }],
  ["dynofunc's MalformedResponseError", ops.find, new MalformedResponseError({ operation: "GetItem", problem: "p", message: "m" }), { _tag: "MalformedResponseError", problem: "p" }],
  ["an AggregateError of refused connections", ops.find, new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })], "all failed"), { _tag: "TransportError", reason: "ConnectionRefused" }]
]

describe("responses DynamoDB could not have sent", () => {
  it.effect.each(responses)("%s", ([, op, output, expected]) =>
    Effect.map(failure(op, raw(Effect.succeed(output))), (error) => check(error, expected)))
})

describe("errors of every shape", () => {
  it.effect.each(failures)("%s", ([, op, error, expected]) =>
    Effect.map(failure(op, raw(Effect.fail(error))), (got) => check(got, expected)))
})

describe("handler faults", () => {
  it.effect("a layerTest handler that throws fails with a TransportError", () =>
    Effect.map(failure(ops.find, DynamoClient.layerTest(() => { throw new Error("handler bug") })), (error) =>
      check(error, { _tag: "TransportError", reason: "Other", message: "handler bug" })))

  it.effect("a layerTest handler that throws an AWS-shaped error fails with its tag", () =>
    Effect.map(failure(ops.put, DynamoClient.layerTest(() => { throw { name: "ConditionalCheckFailedException", message: "no" } })), (error) =>
      check(error, { _tag: "ConditionalCheckFailedError" })))

  it.effect("a layerTest handler that dies fails with a TransportError", () =>
    Effect.map(failure(ops.find, DynamoClient.layerTest(() => Effect.die(new Error("died")))), (error) =>
      check(error, { _tag: "TransportError", message: "died" })))

  it.effect("a custom client that dies fails with a typed error", () =>
    Effect.map(failure(ops.find, raw(Effect.die("gone"))), (error) => check(error, { _tag: "TransportError", message: "gone" })))

  it.effect("a layerTest handler that answers with no Effect: its answer is taken as is", () =>
    Effect.gen(function* () {
      const result = yield* execute(ops.find).pipe(Effect.provide(DynamoClient.layerTest((() => ({ Item: { id: "u1" } })) as never)))
      expect(result.item).toEqual({ id: "u1" })
    }))

  it.effect("a layerTest handler's plain item is marshalled, not a defect", () =>
    Effect.gen(function* () {
      const result = yield* execute(ops.query).pipe(
        Effect.provide(DynamoClient.layerTest({ Query: () => Effect.succeed({ Items: [{ id: "u1", n: 2, tags: new Set(["a"]) }], Count: 1 }) }))
      )
      expect(result.items).toEqual([{ id: "u1", n: 2, tags: new Set(["a"]) }])
    }))

  it.effect("an operation with no handler in the record fails with UnknownOperationError", () =>
    Effect.map(failure(ops.scan, DynamoClient.layerTest({ Query: () => Effect.succeed({}) })), (error) =>
      check(error, { _tag: "UnknownOperationError", code: "UnknownOperationException" })))

  it.live("a handler that never answers, bounded by Effect.timeout inside the client, fails with TransportError(Timeout)", () =>
    Effect.map(failure(ops.find, DynamoClient.layerTest(() => Effect.never.pipe(Effect.timeout("20 millis")))), (error) =>
      check(error, { _tag: "TransportError", reason: "Timeout" })))

  it.live("a handler that never answers, bounded by Effect.timeout on execute, fails with Effect's TimeoutException", () =>
    Effect.gen(function* () {
      const error = yield* execute(ops.find).pipe(Effect.provide(DynamoClient.layerTest(() => Effect.never)), Effect.timeout("20 millis"), Effect.flip)
      expect(error._tag).toBe(T.timeoutError()._tag)
    }))

  it.effect("execute never throws, even given something that is no operation", () =>
    Effect.gen(function* () {
      for (const notAnOperation of [undefined, null, 42, "GetItem", {}, { problems: null }]) {
        const error = yield* failure(notAnOperation as never, raw(Effect.succeed({})))
        expect(error._tag).toBe("InvalidInputError")
      }
    }))
})

it("the corpus holds at least 50 broken responses and faults", () => {
  expect(responses.length + failures.length).toBeGreaterThanOrEqual(50)
})
