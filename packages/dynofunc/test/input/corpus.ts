/**
 * The corpus of bad inputs: each entry builds an operation DynamoDB would refuse (or would store wrongly), and names
 * the part of the request `InvalidInputError` must point at. `input.test.ts` runs every entry through `execute`
 * with a client that counts requests; `input.dynamodb-local.test.ts` sends the `judged` ones to DynamoDB Local
 * itself, whose refusal is the reference.
 */
import {
  Value,
  add,
  attr,
  batchExecuteStatement,
  batchGetItem,
  batchWriteItem,
  conditionCheck,
  create,
  createTable,
  describe as describeTable,
  deleteTable,
  describeTimeToLive,
  executeStatement,
  executeTransaction,
  find,
  getItem,
  path,
  putItem,
  query,
  remove,
  listTagsOfResource,
  scan,
  tagResource,
  transactGetItems,
  transactWriteItems,
  update,
  untagResource,
  updateItem,
  updateTimeToLive,
  updateTable,
  type AnyOperation
} from "dynofunc"

/** One bad input: what it is, the operation, and the part named (exactly, or as the start of a longer path). */
export interface BadInput {
  readonly category: string
  readonly label: string
  readonly op: () => AnyOperation
  readonly part: string
  /** Also sent as is to DynamoDB Local by `input.dynamodb-local.test.ts`, which must refuse it too. */
  readonly judged?: boolean
  /** DynamoDB refuses it but DynamoDB Local does not (listed in DIFFERENCES.md): the test checks it still does not. */
  readonly lenient?: boolean
}

const times = <A>(n: number, f: (i: number) => A): Array<A> => Array.from({ length: n }, (_, i) => f(i))

/** 2,050 UTF-8 bytes in 1,025 characters: over the partition key's 2,048 only when counted in bytes. */
const overPartition = "é".repeat(1025)

const circular = (): unknown => {
  const value: Record<string, unknown> = { name: "loop" }
  value["self"] = { back: value }
  return value
}

const nested = (levels: number): unknown => {
  let value: unknown = "leaf"
  for (let i = 0; i < levels; i++) value = { a: value }
  return value
}

class Empty {}

/** Values DynamoDB cannot store exactly, each refused wherever it is. */
const badValues: ReadonlyArray<readonly [string, () => unknown]> = [
  ["a function", () => () => 1],
  ["a symbol", () => Symbol("s")],
  ["a Promise", () => Promise.resolve(1)],
  ["a RegExp", () => /x/],
  ["an Error", () => new Error("e")],
  ["a TypeError", () => new TypeError("e")],
  ["a WeakMap", () => new WeakMap()],
  ["a WeakSet", () => new WeakSet()],
  ["a Date", () => new Date(0)],
  ["an empty class instance", () => new Empty()],
  ["a URL (no own properties)", () => new URL("https://example.com")],
  ["NaN", () => Number.NaN],
  ["Infinity", () => Number.POSITIVE_INFINITY],
  ["-Infinity", () => Number.NEGATIVE_INFINITY],
  ["2^53", () => 2 ** 53],
  ["1e-131", () => 1e-131],
  ["the smallest double", () => Number.MIN_VALUE],
  ["a bigint of 39 digits", () => 10n ** 38n + 1n],
  ["a bigint of 1e126", () => 10n ** 126n],
  ["a negative bigint of 39 digits", () => -(10n ** 38n) - 1n],
  ["a NumberValue of 1e126", () => Value.NumberValue.from("1e126")],
  ["a NumberValue of -1e126", () => Value.NumberValue.from("-1e126")],
  ["a NumberValue of 1e-131", () => Value.NumberValue.from("1e-131")],
  ["a NumberValue of 39 digits", () => Value.NumberValue.from("1".repeat(39))],
  ["a NumberValue that is no number", () => Value.NumberValue.from("12abc")],
  ["an empty set", () => new Set()],
  ["a set of undefined", () => new Set([undefined])],
  ["a set holding 1 and 1n", () => new Set([1, 1n])],
  ["a set holding 1 and NumberValue 1.0", () => new Set([1, Value.NumberValue.from("1.0")])],
  ["a set holding the same bytes twice", () => new Set([new Uint8Array([1]), new Uint8Array([1])])],
  ["a set mixing strings and numbers", () => new Set(["a", 1])],
  ["a set of objects", () => new Set([{}])],
  ["a set holding NaN", () => new Set([1, Number.NaN])],
  ["a set holding a 39-digit bigint", () => new Set([10n ** 38n + 1n])],
  ["a circular object", circular],
  ["maps nested 33 levels", () => nested(33)],
  ["lists nested 40 levels", () => times(40, () => 0).reduce<unknown>((inner) => [inner], "leaf")],
  ["an empty attribute name", () => ({ "": 1 })],
  ["an attribute name over 64 KB", () => ({ ["a".repeat(65536)]: 1 })],
  ["an attribute name over 64 KB holding a string", () => ({ ["a".repeat(65536)]: "a" })],
  ["a Map with a number key", () => new Map([[1, "a"]])],
  ["a Map with an empty key", () => new Map([["", "a"]])]
]

/** Where a bad value can be: the operation holding it, and the part that must be named. */
const placements: ReadonlyArray<readonly [string, (value: unknown) => AnyOperation, string]> = [
  ["in an added item", (v) => add("users", { id: "u1", profile: { tags: ["a", v] } }), "Item.profile.tags[1]"],
  ["in an update value", (v) => update("users", { id: "u1" }, { profile: { tags: ["a", v] } }), "UpdateExpression.profile.tags[1]"],
  ["in an update on a path", (v) => update("users", { id: "u1" }, [path("profile", "tags").set(["a", v])]), "UpdateExpression.profile.tags[1]"],
  ["in a key", (v) => find("users", { id: v }), "Key.id"],
  ["in a batch put", (v) => batchWriteItem({ users: [{ put: { id: "u1" } }, { put: { id: "u2", v } }] }), "RequestItems.users[1].PutRequest.Item.v"],
  ["in a transaction put", (v) => transactWriteItems([add("users", { id: "u1" }), add("users", { id: "u2", at: v })]), "TransactItems[1].Put.Item.at"],
  ["in a PartiQL parameter", (v) => executeStatement(`INSERT INTO "users" VALUE {'id': ?, 'v': ?}`, ["u1", v]), "Parameters[1]"],
  ["in a start key", (v) => query("users", attr("id").equals("u1"), { startKey: { id: "u1", at: v } }), "ExclusiveStartKey.at"],
  ["in a condition value", (v) => remove("users", { id: "u1" }, { condition: attr("a").equals(v) }), "ConditionExpression"],
  ["in a batch key", (v) => batchGetItem({ users: [{ id: "u1" }, { id: v }] }), "RequestItems.users.Keys[1].id"],
  ["in a condition check key", (v) => transactWriteItems([conditionCheck("users", { id: v }, attr("id").exists())]), "TransactItems[0].ConditionCheck.Key.id"],
  ["in a batch statement parameter", (v) => batchExecuteStatement([{ statement: `SELECT * FROM "users" WHERE id = ?`, parameters: [v] }]), "Statements[0].Parameters[0]"]
]

const valueEntries: Array<BadInput> = badValues.flatMap(([value, make]) =>
  placements.map(([where, build, part]): BadInput => ({ category: "values", label: `${value} ${where}`, op: () => build(make()), part }))
)

const tableNames: ReadonlyArray<readonly [string, unknown]> = [
  ["a number", 5],
  ["null", null],
  ["an object", { name: "users" }],
  ["2 characters", "ab"],
  ["256 characters", "t".repeat(256)],
  ["a space", "my table"],
  ["a slash", "users/2"],
  ["non-ASCII letters", "üsers"],
  ["the empty string", ""]
]

const byTable: ReadonlyArray<readonly [string, (table: never) => AnyOperation]> = [
  ["find", (t) => find(t, { id: "u1" })],
  ["add", (t) => add(t, { id: "u1" })],
  ["update", (t) => update(t, { id: "u1" }, { n: 1 })],
  ["remove", (t) => remove(t, { id: "u1" })],
  ["query", (t) => query(t, attr("id").equals("u1"))],
  ["scan", (t) => scan(t)],
  ["describe", (t) => describeTable(t)],
  ["deleteTable", (t) => deleteTable(t)],
  ["describeTimeToLive", (t) => describeTimeToLive(t)]
]

const nameEntries: Array<BadInput> = tableNames.flatMap(([what, name]) =>
  byTable.map(([builder, build]): BadInput => ({
    category: "table names",
    label: `${builder} on a table name that is ${what}`,
    op: () => build(name as never),
    part: "TableName",
    judged: typeof name === "string"
  }))
)

const bad = (value: unknown): never => value as never

const optionEntries: Array<BadInput> = [
  ...["ASC", "DESC", "ascending", "descending", "up", ""].map((order): BadInput => ({
    category: "options",
    label: `query order ${JSON.stringify(order)}`,
    op: () => query("users", attr("id").equals("u1"), { order: bad(order) }),
    part: "order"
  })),
  ...[0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, "10", 2 ** 53].flatMap((limit): Array<BadInput> => [
    { category: "options", label: `query limit ${String(limit)}`, op: () => query("users", attr("id").equals("u1"), { limit: bad(limit) }), part: "Limit", ...(limit === 2.5 ? { lenient: true } : { judged: limit === 0 || limit === -1 }) },
    { category: "options", label: `scan limit ${String(limit)}`, op: () => scan("users", { limit: bad(limit) }), part: "Limit", ...(limit === 2.5 ? { lenient: true } : { judged: limit === 0 }) },
    { category: "options", label: `executeStatement limit ${String(limit)}`, op: () => executeStatement(`SELECT * FROM "users"`, [], { limit: bad(limit) }), part: "Limit" }
  ]),
  ...["all", "COUNT ", "count", "SPECIFIC"].flatMap((select): Array<BadInput> => [
    { category: "options", label: `query select ${select}`, op: () => query("users", attr("id").equals("u1"), { select: bad(select) }), part: "Select" },
    { category: "options", label: `scan select ${select}`, op: () => scan("users", { select: bad(select) }), part: "Select", judged: true }
  ]),
  ...["ALL", "NEW", "all_new"].map((value): BadInput => ({ category: "options", label: `update returnValues ${value}`, op: () => update("users", { id: "u1" }, { n: 1 }, { returnValues: bad(value) }), part: "ReturnValues" })),
  ...["ALL_NEW", "UPDATED_NEW", "UPDATED_OLD"].flatMap((value): Array<BadInput> => [
    { category: "options", label: `add returnValues ${value}`, op: () => add("users", { id: "u1" }, { returnValues: bad(value) }), part: "ReturnValues", judged: true },
    { category: "options", label: `remove returnValues ${value}`, op: () => remove("users", { id: "u1" }, { returnValues: bad(value) }), part: "ReturnValues", judged: true }
  ]),
  ...["ALL_NEW", "all_old"].map((value): BadInput => ({ category: "options", label: `returnValuesOnConditionCheckFailure ${value}`, op: () => update("users", { id: "u1" }, { n: 1 }, { returnValuesOnConditionCheckFailure: bad(value) }), part: "ReturnValuesOnConditionCheckFailure" })),
  { category: "options", label: "ReturnConsumedCapacity ALL", op: () => find("users", { id: "u1" }, { input: { ReturnConsumedCapacity: bad("ALL") } }), part: "ReturnConsumedCapacity" },
  { category: "options", label: "ReturnItemCollectionMetrics ALL", op: () => add("users", { id: "u1" }, { input: { ReturnItemCollectionMetrics: bad("ALL") } }), part: "ReturnItemCollectionMetrics" },
  ...["yes", 1, null].flatMap((consistent): Array<BadInput> => [
    { category: "options", label: `find consistent ${String(consistent)}`, op: () => find("users", { id: "u1" }, { consistent: bad(consistent) }), part: "ConsistentRead" },
    { category: "options", label: `scan consistent ${String(consistent)}`, op: () => scan("users", { consistent: bad(consistent) }), part: "ConsistentRead" }
  ]),
  ...[
    [2, 2],
    [3, 2],
    [-1, 2],
    [0, 0],
    [0, 1_000_001],
    [0.5, 2],
    [0, 2.5]
  ].map(([segment, of]): BadInput => ({ category: "options", label: `scan segment ${segment} of ${of}`, op: () => scan("users", { segment: { segment: segment!, of: of! } }), part: segment! >= 0 && Number.isInteger(segment) && of! >= 1 && of! <= 1_000_000 && Number.isInteger(of) ? "Segment" : Number.isInteger(segment) && segment! >= 0 ? "TotalSegments" : "Segment", judged: segment === 2 || of === 1_000_001 })),
  { category: "options", label: "scan segment without a total", op: () => scan({ TableName: "users", Segment: 0 }), part: "Segment" },
  ...["ab", "by name", 5, "i".repeat(256)].flatMap((index): Array<BadInput> => [
    { category: "options", label: `query index ${String(index).slice(0, 10)}`, op: () => query("users", attr("id").equals("u1"), { index: bad(index) }), part: "IndexName" },
    { category: "options", label: `scan index ${String(index).slice(0, 10)}`, op: () => scan("users", { index: bad(index) }), part: "IndexName" }
  ]),
  { category: "options", label: "append(undefined)", op: () => update("users", { id: "u1" }, { log: attr.append(undefined) }), part: "UpdateExpression.log" },
  { category: "options", label: "prepend(undefined)", op: () => update("users", { id: "u1" }, { log: attr.prepend(undefined) }), part: "UpdateExpression.log" },
  { category: "options", label: "set(undefined) on a path", op: () => update("users", { id: "u1" }, [path("a", "b").set(undefined)]), part: "UpdateExpression.a.b" },
  { category: "options", label: "add(undefined)", op: () => update("users", { id: "u1" }, { n: attr.add(undefined) }), part: "UpdateExpression.n" },
  { category: "options", label: "ifNotExists(undefined)", op: () => update("users", { id: "u1" }, { n: attr.ifNotExists(undefined) }), part: "UpdateExpression.n" },
  { category: "options", label: "IN with 101 operands", op: () => scan("users", { filter: attr("n").in(times(101, (i) => i)) }), part: "FilterExpression" }
]

const keyEntries: Array<BadInput> = [
  { category: "keys", label: "an empty string key", op: () => find("users", { id: "" }), part: "Key", judged: true },
  { category: "keys", label: "an empty binary key", op: () => remove("users", { id: new Uint8Array() }), part: "Key" },
  { category: "keys", label: "an empty key", op: () => find("users", {}), part: "Key" },
  { category: "keys", label: "a key that is no object", op: () => find("users", bad("u1")), part: "Key" },
  { category: "keys", label: "a key that is null", op: () => update("users", bad(null), { n: 1 }), part: "Key" },
  { category: "keys", label: "an empty key in getItem's SDK form", op: () => getItem({ TableName: "users", Key: { id: { S: "" } } }), part: "Key" },
  { category: "keys", label: "update sets the key", op: () => update("users", { id: "u1" }, { id: "u2" }), part: "UpdateExpression", judged: true },
  { category: "keys", label: "update removes the key", op: () => update("users", { id: "u1" }, { id: attr.remove() }), part: "UpdateExpression", judged: true },
  { category: "keys", label: "update adds to the key", op: () => update("users", { id: "u1" }, { id: attr.add(1) }), part: "UpdateExpression" },
  { category: "keys", label: "update sets the sort key on a path", op: () => update("posts", { author: "ada", at: 1 }, [path("at").set(2)]), part: "UpdateExpression" },
  { category: "keys", label: "update sets the key among others", op: () => update("users", { id: "u1" }, { a: 1, b: 2, id: "x" }), part: "UpdateExpression" },
  { category: "keys", label: "update sets the key in its SDK form", op: () => updateItem({ TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: "SET id = :v", ExpressionAttributeValues: { ":v": { S: "x" } } }), part: "UpdateExpression", judged: true },
  { category: "keys", label: "update sets the key through a raw name", op: () => updateItem({ TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: "SET a = :v, #k = :v", ExpressionAttributeNames: { "#k": "id" }, ExpressionAttributeValues: { ":v": { S: "x" } } }), part: "UpdateExpression", judged: true },
  { category: "keys", label: "update sets the key with a condition that fails", op: () => update("users", { id: "never-stored" }, { id: "u2" }, { condition: attr("id").exists() }), part: "UpdateExpression", lenient: true },
  { category: "keys", label: "a transaction update sets the key", op: () => transactWriteItems([update("users", { id: "u1" }, { id: "u2" })]), part: "TransactItems[0].Update.UpdateExpression", judged: true }
]

const puts = (n: number, size = 0) => times(n, (i) => ({ put: { id: `u${i}`, blob: "x".repeat(size) } }))

const batchEntries: Array<BadInput> = [
  { category: "batches", label: "an empty batch write", op: () => batchWriteItem({}), part: "RequestItems", judged: true },
  { category: "batches", label: "a table with no writes", op: () => batchWriteItem({ users: [] }), part: "RequestItems.users", judged: true },
  { category: "batches", label: "26 writes", op: () => batchWriteItem({ users: puts(26) }), part: "RequestItems", judged: true },
  { category: "batches", label: "26 writes over two tables", op: () => batchWriteItem({ users: puts(13), posts: puts(13) }), part: "RequestItems" },
  { category: "batches", label: "two deletes of one key", op: () => batchWriteItem({ users: [{ delete: { id: "u1" } }, { delete: { id: "u1" } }] }), part: "RequestItems.users[1]", judged: true },
  { category: "batches", label: "a put and a delete of one key", op: () => batchWriteItem({ users: [{ delete: { id: "u1" } }, { put: { id: "u1", n: 1 } }] }), part: "RequestItems.users[1]", judged: true },
  { category: "batches", label: "the same item put twice", op: () => batchWriteItem({ users: [{ put: { id: "u1", n: 1 } }, { put: { id: "u1", n: 1 } }] }), part: "RequestItems.users[1]", judged: true },
  { category: "batches", label: "two deletes of one number key written differently", op: () => batchWriteItem({ RequestItems: { users: [{ DeleteRequest: { Key: { n: { N: "1" } } } }, { DeleteRequest: { Key: { n: { N: "1.0" } } } }] } }), part: "RequestItems.users[1]" },
  { category: "batches", label: "a write with a put and a delete", op: () => batchWriteItem({ RequestItems: { users: [{ PutRequest: { Item: { id: { S: "u1" } } }, DeleteRequest: { Key: { id: { S: "u1" } } } }] } }), part: "RequestItems.users[0]" },
  { category: "batches", label: "a write with neither", op: () => batchWriteItem({ RequestItems: { users: [{}] } }), part: "RequestItems.users[0]" },
  { category: "batches", label: "a batch on a bad table name", op: () => batchWriteItem({ "my users": puts(1) }), part: "RequestItems.my users" },
  { category: "batches", label: "a delete with an empty key", op: () => batchWriteItem({ users: [{ delete: { id: "" } }] }), part: "RequestItems.users[0].DeleteRequest.Key" },
  { category: "batches", label: "an item over 400 KB in a batch", op: () => batchWriteItem({ users: puts(1, 401 * 1024) }), part: "RequestItems.users[0].PutRequest.Item" },
  { category: "batches", label: "an empty batch read", op: () => batchGetItem({}), part: "RequestItems" },
  { category: "batches", label: "a table with no keys", op: () => batchGetItem({ users: [] }), part: "RequestItems.users.Keys", judged: true },
  { category: "batches", label: "101 keys", op: () => batchGetItem({ users: times(101, (i) => ({ id: `u${i}` })) }), part: "RequestItems" },
  { category: "batches", label: "one key twice", op: () => batchGetItem({ users: [{ id: "u1" }, { id: "u2" }, { id: "u1" }] }), part: "RequestItems.users.Keys[2]", judged: true },
  { category: "batches", label: "a batch read not consistent by a boolean", op: () => batchGetItem({ users: { keys: [{ id: "u1" }], consistent: bad("yes") } }), part: "RequestItems.users.ConsistentRead" }
]

const items = (n: number) => times(n, (i) => add("users", { id: `u${i}` }))

const transactionEntries: Array<BadInput> = [
  { category: "transactions", label: "an empty write transaction", op: () => transactWriteItems([]), part: "TransactItems", judged: true },
  { category: "transactions", label: "101 actions", op: () => transactWriteItems(items(101)), part: "TransactItems" },
  { category: "transactions", label: "an undefined action", op: () => transactWriteItems([bad(undefined)]), part: "TransactItems[0]" },
  { category: "transactions", label: "a number as an action", op: () => transactWriteItems([add("users", { id: "u1" }), bad(5)]), part: "TransactItems[1]" },
  { category: "transactions", label: "null as an action", op: () => transactWriteItems([bad(null)]), part: "TransactItems[0]" },
  { category: "transactions", label: "an add and a remove of one item", op: () => transactWriteItems([add("users", { id: "u1", n: 1 }), remove("users", { id: "u1" })]), part: "TransactItems[1]", judged: true },
  { category: "transactions", label: "two updates of one item", op: () => transactWriteItems([update("users", { id: "u1" }, { a: 1 }), update("users", { id: "u1" }, { b: 1 })]), part: "TransactItems[1]", judged: true },
  { category: "transactions", label: "an update and a check of one item", op: () => transactWriteItems([update("users", { id: "u1" }, { a: 1 }), conditionCheck("users", { id: "u1" }, attr("a").exists())]), part: "TransactItems[1]", judged: true },
  { category: "transactions", label: "an SDK entry with two actions", op: () => transactWriteItems([{ Put: { TableName: "users", Item: { id: { S: "u1" } } }, Delete: { TableName: "users", Key: { id: { S: "u2" } } } }]), part: "TransactItems[0]" },
  { category: "transactions", label: "an SDK entry with no action", op: () => transactWriteItems([{}]), part: "TransactItems[0]" },
  { category: "transactions", label: "a transaction over 4 MB", op: () => transactWriteItems(times(11, (i) => add("users", { id: `u${i}`, blob: "x".repeat(399 * 1024) }))), part: "TransactItems" },
  { category: "transactions", label: "a read in a write transaction", op: () => transactWriteItems([bad(find("users", { id: "u1" }))]), part: "TransactItems[0]" },
  { category: "transactions", label: "an empty read transaction", op: () => transactGetItems([]), part: "TransactItems", judged: true },
  { category: "transactions", label: "101 reads", op: () => transactGetItems(times(101, (i) => find("users", { id: `u${i}` }))), part: "TransactItems" },
  { category: "transactions", label: "one item read twice", op: () => transactGetItems([find("users", { id: "u1" }), find("users", { id: "u1" })]), part: "TransactItems[1]", judged: true },
  { category: "transactions", label: "a write in a read transaction", op: () => transactGetItems([bad(add("users", { id: "u1" }))]), part: "TransactItems[0]" },
  { category: "transactions", label: "a bad table name in a transaction", op: () => transactWriteItems([add("ab", { id: "u1" })]), part: "TransactItems[0].Put.TableName" }
]

/** The key of table users (`id`) as another entry gives it, so each put on users must hold a valid `id`. */
const checked = conditionCheck("users", { id: "u1" }, attr("id").exists())

const putKeyEntries: Array<BadInput> = [
  ...[["an empty string", ""], ["2,049 bytes", "x".repeat(2049)], ["2,050 bytes in 1,025 characters", overPartition], ["a map", { a: 1 }]].flatMap(([what, id]): Array<BadInput> => [
    { category: "put keys", label: `a transaction put of a key attribute of ${String(what)}`, op: () => transactWriteItems([checked, add("users", { id, n: 1 })]), part: "TransactItems[1].Put.Item.id", judged: true },
    { category: "put keys", label: `a batch put of a key attribute of ${String(what)}`, op: () => batchWriteItem({ users: [{ delete: { id: "u1" } }, { put: { id, n: 1 } }] }), part: "RequestItems.users[1].PutRequest.Item.id", judged: true }
  ]),
  { category: "put keys", label: "a transaction put without the key", op: () => transactWriteItems([update("users", { id: "u1" }, { n: 1 }), add("users", { n: 1 })]), part: "TransactItems[1].Put.Item", judged: true },
  { category: "put keys", label: "a batch put without the key", op: () => batchWriteItem({ users: [{ delete: { id: "u1" } }, { put: { n: 1 } }] }), part: "RequestItems.users[1].PutRequest.Item", judged: true },
  { category: "put keys", label: "a transaction put of two key attributes over 1,024 bytes", op: () => transactWriteItems([conditionCheck("threads", { author: "a", title: "b" }, attr("author").exists()), add("threads", { author: "x".repeat(1025), title: "y".repeat(1025) })]), part: "TransactItems[1].Put.Item", judged: true }
]

/** A query of table threads (`author`, then `title`, both strings) with a raw key condition and its values. */
const threads = (condition: string, values: Record<string, string>) =>
  query({ TableName: "threads", KeyConditionExpression: condition, ExpressionAttributeValues: Object.fromEntries(Object.entries(values).map(([placeholder, value]) => [placeholder, { S: value }])) })

/** 1,026 UTF-8 bytes in 513 characters: over a sort key's 1,024 only when counted in bytes. */
const overSort = "é".repeat(513)

const keyConditionEntries: Array<BadInput> = [
  ...[["an empty string", ""], ["an empty binary", new Uint8Array()], ["a map", { a: 1 }], ["a list", ["a"]], ["null", null]].map(([what, value]): BadInput => ({
    category: "key conditions", label: `a key condition value of ${String(what)}`, op: () => query("users", attr("id").equals(value)), part: "KeyConditionExpression", judged: true
  })),
  ...["title < :t", "title <= :t", "title > :t", "title >= :t", "title BETWEEN :s AND :t", "begins_with(title, :t)"].map((sort): BadInput => ({
    category: "key conditions", label: `a sort key value of 1,026 bytes in ${sort}`, op: () => threads(`author = :a AND ${sort}`, { ":a": "a", ":s": "a", ":t": overSort }), part: "KeyConditionExpression", judged: true
  })),
  { category: "key conditions", label: "two key condition values over 1,024 bytes", op: () => threads("author = :a AND title = :t", { ":a": "x".repeat(1025), ":t": "y".repeat(1025) }), part: "KeyConditionExpression", judged: true },
  { category: "key conditions", label: "a filter on the key condition's attribute", op: () => query("users", attr("id").equals("u1"), { filter: attr("id").exists() }), part: "FilterExpression", judged: true },
  { category: "key conditions", label: "a filter on the sort key of the key condition", op: () => query({ TableName: "threads", KeyConditionExpression: "author = :a AND #t > :t", FilterExpression: "size(#t) > :n", ExpressionAttributeNames: { "#t": "title" }, ExpressionAttributeValues: { ":a": { S: "a" }, ":t": { S: "b" }, ":n": { N: "1" } } }), part: "FilterExpression", judged: true },
  { category: "key conditions", label: "a key condition value over 2,048 bytes", op: () => query("users", attr("id").equals("x".repeat(2049))), part: "KeyConditionExpression", lenient: true }
]

const statementEntries: Array<BadInput> = [
  { category: "PartiQL", label: "a statement over 8 KB", op: () => executeStatement(`SELECT * FROM "users" WHERE id = '${"x".repeat(8192)}'`), part: "Statement" },
  { category: "PartiQL", label: "an empty statement", op: () => executeStatement(""), part: "Statement" },
  { category: "PartiQL", label: "a statement that is no string", op: () => executeStatement({ Statement: bad(5) }), part: "Statement" },
  { category: "PartiQL", label: "fewer parameters than ?", op: () => executeStatement(`SELECT * FROM "users" WHERE id = ? AND n = ?`, ["u1"]), part: "Parameters", judged: true },
  { category: "PartiQL", label: "no parameters for a ?", op: () => executeStatement(`SELECT * FROM "users" WHERE id = ?`), part: "Parameters", judged: true },
  { category: "PartiQL", label: "an empty batch of statements", op: () => batchExecuteStatement([]), part: "Statements", judged: true },
  { category: "PartiQL", label: "26 statements in a batch", op: () => batchExecuteStatement(times(26, (i) => ({ statement: `SELECT * FROM "users" WHERE id = ?`, parameters: [`u${i}`] }))), part: "Statements" },
  { category: "PartiQL", label: "fewer parameters than ? outside a block comment", op: () => executeStatement(`SELECT * FROM "users" WHERE id = ? /* ? */ AND n = ?`, ["u1"]), part: "Parameters", judged: true },
  { category: "PartiQL", label: "a transaction statement short of parameters", op: () => executeTransaction([{ statement: `UPDATE "users" SET n = ? WHERE id = ?`, parameters: [1] }]), part: "TransactStatements[0].Parameters", judged: true },
  { category: "PartiQL", label: "an empty PartiQL transaction", op: () => executeTransaction([]), part: "TransactStatements" },
  { category: "PartiQL", label: "101 statements in a transaction", op: () => executeTransaction(times(101, (i) => ({ statement: `UPDATE "users" SET n = 1 WHERE id = ?`, parameters: [`u${i}`] }))), part: "TransactStatements" },
  { category: "PartiQL", label: "a transaction statement over 8 KB", op: () => executeTransaction([{ statement: `UPDATE "users" SET n = '${"x".repeat(8192)}' WHERE id = 'u1'` }]), part: "TransactStatements[0].Statement" }
]

const index = (i: number, projection?: unknown) => ({ name: `by-g${i}`, hashKey: `g${i}`, ...(projection !== undefined && { projection: bad(projection) }) })
const local = (i: number) => ({ name: `by-l${i}`, rangeKey: `l${i}` })
const include = (n: number, offset = 0) => ({ include: times(n, (i) => `x${i + offset}`) })

/** A table keyed by `id` (a string), and one with an index on `g`, as SDK input; a capacity of 1 and 1. */
const keyed = (name: string) => ({ TableName: name, KeySchema: [{ AttributeName: "id", KeyType: "HASH" as const }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" as const }] })
const byG = (name: string) => ({ ...keyed(name), AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" as const }, { AttributeName: "g", AttributeType: "S" as const }] })
/** A table keyed by `id` and `sk` (on demand), whose local indexes sort by `l` or `m`. */
const sorted = (name: string) => ({
  TableName: name,
  BillingMode: "PAY_PER_REQUEST" as const,
  KeySchema: [{ AttributeName: "id", KeyType: "HASH" as const }, { AttributeName: "sk", KeyType: "RANGE" as const }],
  AttributeDefinitions: ["id", "sk", "l", "m"].map((AttributeName) => ({ AttributeName, AttributeType: "S" as const }))
})
/** Key schemas no local index has: it has the table's partition key and one sort key. */
const localKeys: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, "HASH" | "RANGE"]>]> = [
  ["only the partition key", [["id", "HASH"]]],
  ["two sort keys", [["id", "HASH"], ["l", "RANGE"], ["m", "RANGE"]]],
  ["two partition keys", [["id", "HASH"], ["l", "HASH"], ["m", "RANGE"]]]
]
const capacity = { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }
const createG = { IndexName: "by-g", KeySchema: [{ AttributeName: "g", KeyType: "HASH" as const }], Projection: { ProjectionType: "ALL" as const } }

const tableEntries: Array<BadInput> = [
  { category: "tables", label: "create with an undefined key", op: () => create("users", bad(undefined)), part: "KeySchema" },
  { category: "tables", label: "create with a null key", op: () => create("users", bad(null)), part: "KeySchema" },
  { category: "tables", label: "create with a number key", op: () => create("users", bad(5)), part: "KeySchema" },
  { category: "tables", label: "create with a key named by a number", op: () => create("users", bad({ name: 5 })), part: "KeySchema" },
  { category: "tables", label: "create with an empty key name", op: () => create("users", ""), part: "KeySchema" },
  { category: "tables", label: "create with a 256-character key name", op: () => create("users", "k".repeat(256)), part: "KeySchema", judged: true },
  { category: "tables", label: "create with key type X", op: () => create("users", bad({ name: "id", type: "X" })), part: "AttributeDefinitions" },
  { category: "tables", label: "create with key type string", op: () => create("users", bad({ name: "id", type: "string" })), part: "AttributeDefinitions" },
  { category: "tables", label: "create with the same hash and range key", op: () => create("users", "id", { rangeKey: "id" }), part: "KeySchema" },
  { category: "tables", label: "create with 6 local indexes", op: () => create("users", "id", { rangeKey: "sk", localIndexes: times(6, local) }), part: "LocalSecondaryIndexes", judged: true },
  { category: "tables", label: "create with local indexes and no sort key", op: () => create("users", "id", { localIndexes: [local(0)] }), part: "LocalSecondaryIndexes" },
  { category: "tables", label: "create with 21 global indexes", op: () => create("users", "id", { globalIndexes: times(21, (i) => index(i)) }), part: "GlobalSecondaryIndexes", judged: true },
  { category: "tables", label: "create projecting 101 attributes", op: () => create("users", "id", { globalIndexes: [index(0, include(50)), index(1, include(51, 50))] }), part: "Projection.NonKeyAttributes", judged: true },
  { category: "tables", label: "create projecting 120 attributes, some twice", op: () => create("users", "id", { globalIndexes: [index(0, include(60)), index(1, include(60))] }), part: "Projection.NonKeyAttributes", judged: true },
  { category: "tables", label: "create with projection all", op: () => create("users", "id", { globalIndexes: [index(0, "all")] }), part: "Projection" },
  { category: "tables", label: "create with an empty INCLUDE", op: () => create("users", "id", { globalIndexes: [index(0, { include: [] })] }), part: "GlobalSecondaryIndexes[0].Projection.NonKeyAttributes" },
  { category: "tables", label: "create with a bad index name", op: () => create("users", "id", { globalIndexes: [{ name: "g", hashKey: "g" }] }), part: "GlobalSecondaryIndexes[0].IndexName" },
  { category: "tables", label: "create with an index defined twice", op: () => create("users", "id", { globalIndexes: [index(0), index(0)] }), part: "IndexName" },
  { category: "tables", label: "create with capacity 0", op: () => create("users", "id", { billing: { read: 0, write: 1 } }), part: "ProvisionedThroughput", judged: true },
  { category: "tables", label: "create with capacity 1.5", op: () => create("users", "id", { billing: { read: 1.5, write: 1 } }), part: "ProvisionedThroughput" },
  { category: "tables", label: "create with negative capacity", op: () => create("users", "id", { billing: { read: 1, write: -5 } }), part: "ProvisionedThroughput" },
  { category: "tables", label: "create with billing on-demand spelt wrong", op: () => createTable({ TableName: "users", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], BillingMode: bad("ON_DEMAND") }), part: "BillingMode" },
  { category: "tables", label: "create provisioned without throughput", op: () => createTable({ TableName: "users", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], BillingMode: "PROVISIONED" }), part: "ProvisionedThroughput" },
  { category: "tables", label: "create with key type PRIMARY", op: () => createTable({ TableName: "users", KeySchema: [{ AttributeName: "id", KeyType: bad("PRIMARY") }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }] }), part: "KeySchema" },
  { category: "tables", label: "create with the sort key first", op: () => createTable({ TableName: "users", KeySchema: [{ AttributeName: "id", KeyType: "RANGE" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }] }), part: "KeySchema" },
  { category: "tables", label: "create with a definition of no key", op: () => createTable({ TableName: "users", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }, { AttributeName: "zz", AttributeType: "S" }], BillingMode: "PAY_PER_REQUEST" }), part: "AttributeDefinitions", judged: true },
  { category: "tables", label: "create with a key not defined", op: () => createTable({ TableName: "users", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [], BillingMode: "PAY_PER_REQUEST" }), part: "AttributeDefinitions" },
  { category: "tables", label: "create with stream view ALL", op: () => create("users", "id", { stream: bad("ALL") }), part: "StreamSpecification" },
  { category: "tables", label: "create with deletion protection yes", op: () => create("users", "id", { deletionProtection: bad("yes") }), part: "DeletionProtectionEnabled" },
  { category: "tables", label: "create with a 2-character table name", op: () => create("ab", "id"), part: "TableName", judged: true },
  { category: "tables", label: "create with an ARN for a name", op: () => create("arn:aws:dynamodb:eu-west-1:1:table/users", "id"), part: "TableName" },
  { category: "tables", label: "updateTable with nothing to change", op: () => updateTable("users", {}), part: "input", judged: true },
  { category: "tables", label: "updateTable with no changes at all", op: () => updateTable("users"), part: "input" },
  { category: "tables", label: "updateTable of capacity and stream at once", op: () => updateTable("users", { billing: { read: 1, write: 1 }, stream: "NEW_IMAGE" }), part: "input", judged: true },
  { category: "tables", label: "updateTable with capacity 0", op: () => updateTable("users", { billing: { read: 0, write: 0 } }), part: "ProvisionedThroughput" },
  { category: "tables", label: "updateTable with stream view NEW", op: () => updateTable("users", { stream: bad("NEW") }), part: "StreamSpecification" },
  { category: "tables", label: "updateTable with table class COLD", op: () => updateTable("users", { tableClass: bad("COLD") }), part: "TableClass" },
  { category: "tables", label: "updateTable with deletion protection 1", op: () => updateTable("users", { deletionProtection: bad(1) }), part: "DeletionProtectionEnabled" },
  { category: "tables", label: "updateTable with billing PROVISIONAL", op: () => updateTable({ TableName: "users", BillingMode: bad("PROVISIONAL") }), part: "BillingMode" },
  ...localKeys.map(([what, schema]): BadInput => ({
    category: "tables", label: `create with a local index keyed by ${what}`, op: () => createTable({ ...sorted("local-key"), LocalSecondaryIndexes: [{ IndexName: "by-l", KeySchema: schema.map(([AttributeName, KeyType]) => ({ AttributeName, KeyType })), Projection: { ProjectionType: "ALL" } }] }), part: "LocalSecondaryIndexes[0].KeySchema", judged: true
  })),
  { category: "tables", label: "create with a local and a global index of one name", op: () => createTable({ ...sorted("one-name"), LocalSecondaryIndexes: [{ IndexName: "by-g", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }, { AttributeName: "l", KeyType: "RANGE" }], Projection: { ProjectionType: "ALL" } }], GlobalSecondaryIndexes: [{ ...createG, KeySchema: [{ AttributeName: "l", KeyType: "HASH" }] }] }), part: "GlobalSecondaryIndexes[0].IndexName", judged: true },
  { category: "tables", label: "create with two global indexes of one name in the SDK form", op: () => createTable({ ...byG("two-names"), BillingMode: "PAY_PER_REQUEST", GlobalSecondaryIndexes: [createG, { ...createG, Projection: { ProjectionType: "KEYS_ONLY" } }] }), part: "GlobalSecondaryIndexes[1].IndexName", judged: true },
  { category: "tables", label: "create with an attribute defined twice", op: () => createTable({ ...keyed("defined-twice"), BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }, { AttributeName: "id", AttributeType: "N" }] }), part: "AttributeDefinitions", judged: true },
  { category: "tables", label: "create projecting one attribute twice", op: () => createTable({ ...byG("projected-twice"), BillingMode: "PAY_PER_REQUEST", GlobalSecondaryIndexes: [{ ...createG, Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["a", "a"] } }] }), part: "GlobalSecondaryIndexes[0].Projection.NonKeyAttributes", judged: true },
  { category: "tables", label: "create projecting an attribute named by 256 characters", op: () => createTable({ ...byG("projected-long"), BillingMode: "PAY_PER_REQUEST", GlobalSecondaryIndexes: [{ ...createG, Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["a".repeat(256)] } }] }), part: "GlobalSecondaryIndexes[0].Projection.NonKeyAttributes", judged: true },
  { category: "tables", label: "create provisioned with a global index of no capacity", op: () => createTable({ ...byG("no-index-capacity"), ProvisionedThroughput: capacity, GlobalSecondaryIndexes: [{ IndexName: "by-g", KeySchema: [{ AttributeName: "g", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } }] }), part: "GlobalSecondaryIndexes[0].ProvisionedThroughput", judged: true },
  { category: "tables", label: "create on demand with a capacity", op: () => createTable({ ...keyed("on-demand-capacity"), BillingMode: "PAY_PER_REQUEST", ProvisionedThroughput: capacity }), part: "ProvisionedThroughput", lenient: true },
  { category: "tables", label: "create with a disabled stream of a view type", op: () => createTable({ ...keyed("stream-off"), BillingMode: "PAY_PER_REQUEST", StreamSpecification: { StreamEnabled: false, StreamViewType: "KEYS_ONLY" } }), part: "StreamSpecification", judged: true },
  { category: "tables", label: "create with a stream enabled by a string", op: () => create("users", "id", { input: { StreamSpecification: { StreamEnabled: bad("yes") } } }), part: "StreamSpecification" },
  { category: "tables", label: "create with encryption enabled by a string", op: () => createTable({ ...keyed("sse-yes"), BillingMode: "PAY_PER_REQUEST", SSESpecification: { Enabled: bad("yes") } }), part: "SSESpecification.Enabled", lenient: true },
  { category: "tables", label: "create with encryption of type RSA", op: () => createTable({ ...keyed("sse-rsa"), BillingMode: "PAY_PER_REQUEST", SSESpecification: { Enabled: true, SSEType: bad("RSA") } }), part: "SSESpecification.SSEType", lenient: true },
  { category: "tables", label: "create with encryption that is no object", op: () => create("users", "id", { input: { SSESpecification: bad("KMS") } }), part: "SSESpecification" },
  { category: "tables", label: "updateTable with encryption enabled by a number", op: () => updateTable("users", { input: { SSESpecification: { Enabled: bad(1) } } }), part: "SSESpecification.Enabled" },
  { category: "tables", label: "updateTable on demand with a capacity", op: () => updateTable({ TableName: "users", BillingMode: "PAY_PER_REQUEST", ProvisionedThroughput: capacity }), part: "ProvisionedThroughput" },
  { category: "tables", label: "updateTable of attribute definitions only", op: () => updateTable({ TableName: "users", AttributeDefinitions: [{ AttributeName: "g", AttributeType: "S" }] }), part: "input", judged: true },
  { category: "tables", label: "updateTable of an empty list of index updates", op: () => updateTable({ TableName: "users", GlobalSecondaryIndexUpdates: [] }), part: "input", judged: true },
  { category: "tables", label: "updateTable of global indexes, no member of UpdateTable", op: () => updateTable(bad({ TableName: "users", GlobalSecondaryIndexes: [] })), part: "input", judged: true },
  { category: "tables", label: "updateTable with an empty index update", op: () => updateTable({ TableName: "users", GlobalSecondaryIndexUpdates: [{}] }), part: "GlobalSecondaryIndexUpdates[0]", judged: true },
  { category: "tables", label: "updateTable with index updates not in a list", op: () => updateTable(bad({ TableName: "users", GlobalSecondaryIndexUpdates: { Delete: { IndexName: "by-g" } } })), part: "GlobalSecondaryIndexUpdates" },
  { category: "tables", label: "updateTable with an index update of a bad index name", op: () => updateTable({ TableName: "users", GlobalSecondaryIndexUpdates: [{ Update: { IndexName: "ab", ProvisionedThroughput: capacity } }] }), part: "GlobalSecondaryIndexUpdates[0].Update.IndexName", judged: true },
  { category: "tables", label: "updateTable with an index created and deleted in one update", op: () => updateTable({ TableName: "users", AttributeDefinitions: [{ AttributeName: "g", AttributeType: "S" }], GlobalSecondaryIndexUpdates: [{ Create: createG, Delete: { IndexName: "by-x" } }] }), part: "GlobalSecondaryIndexUpdates[0]", lenient: true },
  { category: "tables", label: "updateTable creating an index with no attribute definitions", op: () => updateTable({ TableName: "users", GlobalSecondaryIndexUpdates: [{ Create: createG }] }), part: "AttributeDefinitions", judged: true },
  { category: "tables", label: "updateTable creating an index whose key is not defined", op: () => updateTable({ TableName: "users", AttributeDefinitions: [{ AttributeName: "h", AttributeType: "S" }], GlobalSecondaryIndexUpdates: [{ Create: createG }] }), part: "AttributeDefinitions", judged: true },
  ...[
    ["an INCLUDE of no attributes", { ProjectionType: "INCLUDE" as const }, "NonKeyAttributes"],
    ["KEYS_ONLY naming attributes", { ProjectionType: "KEYS_ONLY" as const, NonKeyAttributes: ["a"] }, "NonKeyAttributes"],
    ["a projection type SOME", { ProjectionType: bad("SOME") }, "ProjectionType"]
  ].map(([what, projection, field]): BadInput => ({
    category: "tables", label: `updateTable creating an index of ${String(what)}`, op: () => updateTable({ TableName: "users", AttributeDefinitions: [{ AttributeName: "g", AttributeType: "S" }], GlobalSecondaryIndexUpdates: [{ Create: { ...createG, Projection: bad(projection) } }] }), part: `GlobalSecondaryIndexUpdates[0].Create.Projection.${String(field)}`, judged: true
  })),
  { category: "tables", label: "updateTable creating two indexes", op: () => updateTable({ TableName: "users", AttributeDefinitions: [{ AttributeName: "g", AttributeType: "S" }, { AttributeName: "h", AttributeType: "S" }], GlobalSecondaryIndexUpdates: [{ Create: createG }, { Create: { ...createG, IndexName: "by-h", KeySchema: [{ AttributeName: "h", KeyType: "HASH" }] } }] }), part: "GlobalSecondaryIndexUpdates[1]", lenient: true },
  { category: "tables", label: "putItem SDK form without an item", op: () => putItem(bad({ TableName: "users" })), part: "Item" }
]


class Point {
  constructor(readonly x = 1) {}
}

/** Values that are no string, number or binary: never a key attribute, wherever a key goes. */
const neverKeys: ReadonlyArray<readonly [string, () => unknown]> = [
  ["null", () => null],
  ["a map", () => ({ a: 1 })],
  ["a list", () => ["a"]],
  ["a string set", () => new Set(["a"])],
  ["a boolean", () => true],
  ["a class instance", () => new Point()]
]

/** Where a key goes: the operation holding `key` as the key of table users (`id`), and the part naming it. */
const keyPlacements: ReadonlyArray<readonly [string, (key: Record<string, unknown>) => AnyOperation, string]> = [
  ["find", (k) => find("users", k), "Key"],
  ["remove", (k) => remove("users", k), "Key"],
  ["update", (k) => update("users", k, { n: 1 }), "Key"],
  ["a condition check", (k) => transactWriteItems([conditionCheck("users", k, attr("n").exists())]), "TransactItems[0].ConditionCheck.Key"],
  ["a transaction read", (k) => transactGetItems([find("users", k)]), "TransactItems[0].Get.Key"],
  ["a batch read", (k) => batchGetItem({ users: [k] }), "RequestItems.users.Keys[0]"],
  ["a batch delete", (k) => batchWriteItem({ users: [{ delete: k }] }), "RequestItems.users[0].DeleteRequest.Key"],
  ["a query start key", (k) => query("users", attr("id").equals("u1"), { startKey: k }), "ExclusiveStartKey"],
  ["a scan start key", (k) => scan("users", { startKey: k }), "ExclusiveStartKey"]
]

const neverKeyEntries: Array<BadInput> = keyPlacements.flatMap(([where, build, part]): Array<BadInput> => [
  ...neverKeys.map(([what, make]): BadInput => ({ category: "never keys", label: `${what} as a key attribute in ${where}`, op: () => build({ id: make() }), part: `${part}.id`, judged: true })),
  { category: "never keys", label: `three attributes in ${where}`, op: () => build({ id: "u1", a: "x", b: "y" }), part, judged: true },
  { category: "never keys", label: `a key attribute of 2,050 bytes in ${where}`, op: () => build({ id: overPartition }), part: `${part}.id`, ...(where === "a scan start key" ? { lenient: true } : { judged: true }) },
  { category: "never keys", label: `two key attributes over 1,024 bytes in ${where}`, op: () => build({ id: "x".repeat(1025), sk: "y".repeat(1025) }), part: `${part}.sk`, judged: true }
])

const sdkUpdate = (expression: string, value: unknown) =>
  updateItem({ TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: expression, ExpressionAttributeNames: { "#a": "a" }, ExpressionAttributeValues: { ":v": bad(value) } })

const operandEntries: Array<BadInput> = [
  ...[["a boolean", true], ["a map", { a: 1 }], ["null", null]].map(([what, value]): BadInput => ({
    category: "update operands", label: `ADD of ${String(what)}`, op: () => update("users", { id: "u1" }, { n: attr.add(value) }), part: "UpdateExpression ADD n", judged: true
  })),
  ...[["a number", 1], ["a boolean", false], ["a map", { a: 1 }]].map(([what, value]): BadInput => ({
    category: "update operands", label: `DELETE of ${String(what)}`, op: () => update("users", { id: "u1" }, { tags: attr.delete(value) }), part: "UpdateExpression DELETE tags", judged: true
  })),
  { category: "update operands", label: "ADD of a string in the SDK form", op: () => sdkUpdate("ADD #a :v", { S: "x" }), part: "UpdateExpression ADD a", judged: true },
  { category: "update operands", label: "DELETE of a string in the SDK form", op: () => sdkUpdate("SET b = :v DELETE #a :v", { S: "x" }), part: "UpdateExpression DELETE a", judged: true },
  { category: "update operands", label: "ADD of a list in a transaction", op: () => transactWriteItems([sdkUpdate("ADD #a :v", { L: [] })]), part: "TransactItems[0].Update.UpdateExpression ADD a", judged: true },
  { category: "update operands", label: "an update setting 450 KB", op: () => update("users", { id: "u1" }, { a: "x".repeat(300 * 1024), b: "y".repeat(150 * 1024) }), part: "UpdateExpression", judged: true },
  { category: "update operands", label: "an update setting one value over 400 KB", op: () => update("users", { id: "u1" }, { a: "x".repeat(401 * 1024) }), part: "UpdateExpression", judged: true },
  { category: "update operands", label: "an update appending 2 x 250 KB", op: () => update("users", { id: "u1" }, { a: attr.append(["x".repeat(250 * 1024)]), b: attr.prepend(["y".repeat(250 * 1024)]) }), part: "UpdateExpression", judged: true },
  { category: "update operands", label: "an update if-not-exists of 401 KB", op: () => update("users", { id: "u1" }, { a: attr.ifNotExists("x".repeat(401 * 1024)) }), part: "UpdateExpression", judged: true },
  { category: "update operands", label: "an update adding a set of 401 KB", op: () => update("users", { id: "u1" }, { tags: attr.add(new Set(["x".repeat(401 * 1024)])) }), part: "UpdateExpression", judged: true },
  { category: "update operands", label: "an update setting one 250 KB value twice", op: () => sdkUpdate("SET #a = :v, b = :v", { S: "x".repeat(250 * 1024) }), part: "UpdateExpression", judged: true },
  { category: "update operands", label: "an update of list_append(if_not_exists(…), …) over 400 KB", op: () => updateItem({ TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: "SET l = list_append(if_not_exists(l, :v), :w)", ExpressionAttributeValues: { ":v": { L: [{ S: "x".repeat(250 * 1024) }] }, ":w": { L: [{ S: "y".repeat(250 * 1024) }] } } }), part: "UpdateExpression", judged: true },
  { category: "update operands", label: "an update of an attribute named by 65,536 bytes", op: () => update("users", { id: "u1" }, { ["a".repeat(65536)]: 1 }), part: "ExpressionAttributeNames", judged: true },
  { category: "update operands", label: "a name of 65,538 UTF-8 bytes in the SDK form", op: () => updateItem({ TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: "SET #a = :v", ExpressionAttributeNames: { "#a": "é".repeat(32769) }, ExpressionAttributeValues: { ":v": { N: "1" } } }), part: "ExpressionAttributeNames.#a", judged: true },
  { category: "update operands", label: "an empty attribute name", op: () => updateItem({ TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: "SET #a = :v", ExpressionAttributeNames: { "#a": "" }, ExpressionAttributeValues: { ":v": { N: "1" } } }), part: "ExpressionAttributeNames.#a", judged: true },
  { category: "update operands", label: "an empty map of names", op: () => getItem({ TableName: "users", Key: { id: { S: "u1" } }, ExpressionAttributeNames: {} }), part: "ExpressionAttributeNames", judged: true },
  { category: "update operands", label: "an empty map of values", op: () => updateItem({ TableName: "users", Key: { id: { S: "u1" } }, UpdateExpression: "SET a = b", ExpressionAttributeValues: {} }), part: "ExpressionAttributeValues", judged: true },
  { category: "update operands", label: "a condition check with nothing to check", op: () => transactWriteItems([conditionCheck("users", { id: "u1" }, bad(undefined))]), part: "TransactItems[0].ConditionCheck.ConditionExpression", judged: true },
  { category: "update operands", label: "a transaction update with no update", op: () => transactWriteItems([bad({ Update: { TableName: "users", Key: { id: { S: "u1" } } } })]), part: "TransactItems[0].Update.UpdateExpression", lenient: true },
  { category: "update operands", label: "a query with no key condition", op: () => query("users", bad(undefined)), part: "KeyConditionExpression", judged: true },
  { category: "update operands", label: "a query with an empty key condition", op: () => query({ TableName: "users", KeyConditionExpression: "" }), part: "KeyConditionExpression", judged: true },
  { category: "update operands", label: "an empty filter", op: () => scan({ TableName: "users", FilterExpression: " " }), part: "FilterExpression", judged: true },
  { category: "update operands", label: "a key condition on three attributes", op: () => query({ TableName: "users", KeyConditionExpression: "id = :a AND #b = :b AND c = :c", ExpressionAttributeNames: { "#b": "b" }, ExpressionAttributeValues: { ":a": { S: "u1" }, ":b": { S: "x" }, ":c": { S: "y" } } }), part: "KeyConditionExpression", judged: true },
  { category: "update operands", label: "query Select COUNT with a projection", op: () => query("users", attr("id").equals("u1"), { select: "COUNT", projection: ["a"] }), part: "Select", judged: true },
  { category: "update operands", label: "scan Select COUNT with a projection", op: () => scan("users", { select: "COUNT", projection: ["a"] }), part: "Select", judged: true },
  { category: "update operands", label: "scan Select ALL_ATTRIBUTES with a projection", op: () => scan("users", { select: "ALL_ATTRIBUTES", projection: ["a"] }), part: "Select", judged: true },
  { category: "update operands", label: "query Select SPECIFIC_ATTRIBUTES without a projection", op: () => query("users", attr("id").equals("u1"), { select: "SPECIFIC_ATTRIBUTES" }), part: "Select", judged: true },
  { category: "update operands", label: "scan Select SPECIFIC_ATTRIBUTES with an empty projection", op: () => scan("users", { select: "SPECIFIC_ATTRIBUTES", projection: [] }), part: "Select", judged: true },
  { category: "update operands", label: "scan Select ALL_PROJECTED_ATTRIBUTES without an index", op: () => scan("users", { select: "ALL_PROJECTED_ATTRIBUTES" }), part: "Select", judged: true }
]

const arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"

const tagged = (tags: ReadonlyArray<{ Key: unknown; Value: unknown }>) =>
  createTable({ TableName: "tagged", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], BillingMode: "PAY_PER_REQUEST", Tags: bad(tags) })

const limitEntries: Array<BadInput> = [
  ...["", "t".repeat(37)].map((token): BadInput => ({
    category: "option limits", label: `a client request token of ${token.length} characters`, op: () => transactWriteItems([add("users", { id: "u1" })], { clientRequestToken: token }), part: "ClientRequestToken", ...(token === "" ? { lenient: true } : { judged: true })
  })),
  { category: "option limits", label: "a PartiQL transaction token of 37 characters", op: () => executeTransaction({ TransactStatements: [{ Statement: `SELECT * FROM "users" WHERE id = 'u1'` }], ClientRequestToken: "t".repeat(37) }), part: "ClientRequestToken", lenient: true },
  { category: "option limits", label: "more parameters than ?", op: () => executeStatement(`SELECT * FROM "users" WHERE id = ?`, ["u1", "u2"]), part: "Parameters", lenient: true },
  { category: "option limits", label: "a ? inside a string literal", op: () => executeStatement(`SELECT * FROM "users" WHERE id = 'it''s ?'`, ["u1"]), part: "Parameters", lenient: true },
  { category: "option limits", label: "a ? inside a quoted name", op: () => executeStatement(`SELECT * FROM "users" WHERE "a?" = 'x'`, ["u1"]), part: "Parameters", lenient: true },
  { category: "option limits", label: "an empty list of parameters", op: () => executeStatement({ Statement: `SELECT * FROM "users"`, Parameters: [] }), part: "Parameters" },
  { category: "option limits", label: "a ? inside a block comment", op: () => executeStatement(`SELECT * FROM "users" WHERE id = 'u1' /* ? */`, ["u1"]), part: "Parameters", lenient: true },
  { category: "option limits", label: "a batch write of a string", op: () => batchWriteItem({ RequestItems: { users: bad("x") } }), part: "RequestItems.users", lenient: true },
  { category: "option limits", label: "a batch write of a list", op: () => batchWriteItem({ RequestItems: bad([[{ PutRequest: { Item: { id: { S: "u1" } } } }]]) }), part: "RequestItems" },
  { category: "option limits", label: "a batch read of a list", op: () => batchGetItem({ RequestItems: { users: bad([{ id: { S: "u1" } }]) } }), part: "RequestItems" },
  { category: "option limits", label: "a batch read of keys not in a list", op: () => batchGetItem({ RequestItems: { users: { Keys: bad({ id: { S: "u1" } }) } } }), part: "RequestItems.users.Keys", lenient: true },
  { category: "option limits", label: "create with key type BOOL", op: () => createTable({ TableName: "booleans", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: bad("BOOL") }], BillingMode: "PAY_PER_REQUEST" }), part: "AttributeDefinitions", judged: true },
  { category: "option limits", label: "create with 51 tags", op: () => create("tagged", "id", { tags: Object.fromEntries(times(51, (i) => [`k${i}`, "v"])) }), part: "Tags" },
  { category: "option limits", label: "create with an empty tag key", op: () => create("tagged", "id", { tags: { "": "v" } }), part: "Tags[0]" },
  { category: "option limits", label: "create with a tag key of the reserved aws: prefix", op: () => create("tagged", "id", { tags: { "aws:team": "v" } }), part: "Tags[0]" },
  { category: "option limits", label: "create with a tag key of 129 characters", op: () => create("tagged", "id", { tags: { ["k".repeat(129)]: "v" } }), part: "Tags[0]" },
  { category: "option limits", label: "create with a tag value of 257 characters", op: () => tagged([{ Key: "k", Value: "v".repeat(257) }]), part: "Tags[0]" },
  { category: "option limits", label: "create with a tag of no value", op: () => tagged([{ Key: "k", Value: undefined }]), part: "Tags[0]" },
  ...[["#", "a key with #"], ["k!", "a key with !"], ["a\u0000b", "a key with a NUL"], ["emoji 😀", "a key with an emoji"]].map(([key, what]): BadInput => ({
    category: "option limits", label: `tagResource with ${what}`, op: () => tagResource(arn, { [key!]: "v" }), part: "Tags[0]"
  })),
  { category: "option limits", label: "tagResource with a value holding <", op: () => tagResource(arn, { team: "<growth>" }), part: "Tags[0]" },
  { category: "option limits", label: "tagResource with a value of 257 characters", op: () => tagResource(arn, { team: "v".repeat(257) }), part: "Tags[0]" },
  { category: "option limits", label: "tagResource with 51 tags", op: () => tagResource(arn, Object.fromEntries(times(51, (i) => [`k${i}`, "v"]))), part: "Tags" },
  { category: "option limits", label: "tagResource with an aws: key", op: () => tagResource(arn, { "AWS:team": "v" }), part: "Tags[0]" },
  { category: "option limits", label: "tagResource on an empty ARN", op: () => tagResource("", { team: "v" }), part: "ResourceArn" },
  { category: "option limits", label: "tagResource on an ARN of 1,284 characters", op: () => tagResource(`${arn}${"x".repeat(1284 - arn.length)}`, { team: "v" }), part: "ResourceArn" },
  { category: "option limits", label: "tagResource with no tags", op: () => tagResource(bad({ ResourceArn: arn })), part: "Tags" },
  ...[["", "an empty key"], ["k".repeat(129), "a key of 129 characters"], ["aws:team", "an aws: key"], ["a*b", "a key with *"]].map(([key, what]): BadInput => ({
    category: "option limits", label: `untagResource of ${what}`, op: () => untagResource(arn, ["team", key!]), part: "TagKeys[1]"
  })),
  { category: "option limits", label: "untagResource of keys not in a list", op: () => untagResource(bad({ ResourceArn: arn, TagKeys: "team" })), part: "TagKeys" },
  { category: "option limits", label: "listTagsOfResource on an empty ARN", op: () => listTagsOfResource(""), part: "ResourceArn" },
  { category: "option limits", label: "listTagsOfResource with no ARN", op: () => listTagsOfResource(bad({})), part: "ResourceArn" },
  { category: "option limits", label: "a time to live on an empty attribute name", op: () => updateTimeToLive("users", "", true), part: "TimeToLiveSpecification", judged: true },
  { category: "option limits", label: "a time to live on a 256-character name", op: () => updateTimeToLive("users", "t".repeat(256), true), part: "TimeToLiveSpecification", judged: true },
  { category: "option limits", label: "a time to live not enabled by a boolean", op: () => updateTimeToLive("users", "ttl", bad("yes")), part: "TimeToLiveSpecification", lenient: true },
  { category: "option limits", label: "a time to live on an empty attribute name of a missing table", op: () => updateTimeToLive("missing", "", true), part: "TimeToLiveSpecification", lenient: true },
  { category: "option limits", label: "a time to live with no specification", op: () => updateTimeToLive({ TableName: "users" } as never), part: "TimeToLiveSpecification" }
]

/** Every bad input. */
export const corpus: ReadonlyArray<BadInput> = [
  ...valueEntries,
  ...nameEntries,
  ...optionEntries,
  ...keyEntries,
  ...batchEntries,
  ...transactionEntries,
  ...putKeyEntries,
  ...keyConditionEntries,
  ...statementEntries,
  ...tableEntries,
  ...neverKeyEntries,
  ...operandEntries,
  ...limitEntries
]
