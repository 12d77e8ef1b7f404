/**
 * The `create` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { AttributeDefinition, CreateTableCommandOutput, KeySchemaElement, Projection, ProvisionedThroughput, ScalarAttributeType, StreamViewType, TableDescription } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../InputProblem.js"
import type { EscapeHatch } from "../internal/builders/build.js"
import { guard, refuseArgument } from "../internal/input/guard.js"
import { make, type Operation } from "../Operation.js"

/**
 * A key attribute: its name, and its type (`S` string, the default; `N` number; `B` binary).
 *
 * @since 0.1.0
 * @category models
 */
export type KeySpec = string | { readonly name: string; readonly type?: ScalarAttributeType | undefined }

/**
 * Which attributes an index holds besides the keys: all, keys only, or the keys and the named ones.
 *
 * @since 0.1.0
 * @category models
 */
export type IndexProjection = "ALL" | "KEYS_ONLY" | { readonly include: ReadonlyArray<string> }

/**
 * Provisioned read and write capacity units.
 *
 * @since 0.1.0
 * @category models
 */
export interface Throughput {
  readonly read: number
  readonly write: number
}

/**
 * A global secondary index: its own partition key, optional sort key and projection. Either key may be a list of
 * up to 4 attributes (DynamoDB's multi-attribute keys): the index is then keyed on those attributes together.
 *
 * @since 0.1.0
 * @category models
 */
export interface GlobalIndexSpec {
  readonly name: string
  readonly hashKey: KeySpec | ReadonlyArray<KeySpec>
  readonly rangeKey?: KeySpec | ReadonlyArray<KeySpec> | undefined
  /** Default `ALL`. */
  readonly projection?: IndexProjection | undefined
  /** With provisioned billing; defaults to the table's. */
  readonly throughput?: Throughput | undefined
}

/**
 * A local secondary index: the table's partition key with another sort key.
 *
 * @since 0.1.0
 * @category models
 */
export interface LocalIndexSpec {
  readonly name: string
  readonly rangeKey: KeySpec
  /** Default `ALL`. */
  readonly projection?: IndexProjection | undefined
}

/**
 * Options of `create`.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateOptions extends EscapeHatch<"CreateTable"> {
  /** The sort key, for a composite primary key. */
  readonly rangeKey?: KeySpec | undefined
  readonly globalIndexes?: ReadonlyArray<GlobalIndexSpec> | undefined
  readonly localIndexes?: ReadonlyArray<LocalIndexSpec> | undefined
  /** On-demand (the default) or provisioned capacity. */
  readonly billing?: "PAY_PER_REQUEST" | Throughput | undefined
  /** Turn DynamoDB Streams on with this view of changed items. */
  readonly stream?: StreamViewType | undefined
  readonly tags?: Readonly<Record<string, string>> | undefined
  readonly deletionProtection?: boolean | undefined
}

/**
 * What `create` succeeds with: the new table's description and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export interface CreateResult {
  readonly table: TableDescription | undefined
  readonly raw: CreateTableCommandOutput
}

const keyName = (spec: KeySpec): string =>
  typeof spec === "string"
    ? spec
    : typeof spec === "object" && spec !== null && typeof spec.name === "string"
      ? spec.name
      : refuseArgument("KeySchema", `a key is an attribute name or { name, type }, not ${spec === null ? "null" : typeof spec}`)
const keyType = (spec: KeySpec): ScalarAttributeType => (typeof spec === "string" ? "S" : (spec.type ?? "S"))

/** The key attributes a spec lists: one, several (a multi-attribute key), or none. */
const keyList = (spec: KeySpec | ReadonlyArray<KeySpec> | undefined): ReadonlyArray<KeySpec> =>
  spec === undefined ? [] : Array.isArray(spec) ? (spec as ReadonlyArray<KeySpec>) : [spec as KeySpec]

const keySchema = (hashKey: KeySpec | ReadonlyArray<KeySpec>, rangeKey: KeySpec | ReadonlyArray<KeySpec> | undefined): Array<KeySchemaElement> => [
  ...keyList(hashKey).map((key) => ({ AttributeName: keyName(key), KeyType: "HASH" as const })),
  ...keyList(rangeKey).map((key) => ({ AttributeName: keyName(key), KeyType: "RANGE" as const }))
]

/** A multi-attribute key holds 1 to 4 partition attributes and 0 to 4 sort attributes, each named once. */
const globalKeyProblems = (index: GlobalIndexSpec): Array<InputProblem> => {
  const hash = keyList(index.hashKey)
  const range = keyList(index.rangeKey)
  const names = [...hash, ...range].map(keyName)
  const part = `GlobalSecondaryIndexes[${index.name}].KeySchema`
  return [
    ...(hash.length === 0 || hash.length > 4 ? [{ part, message: `a partition key has 1 to 4 attributes; got ${hash.length}` }] : []),
    ...(range.length > 4 ? [{ part, message: `a sort key has at most 4 attributes; got ${range.length}` }] : []),
    ...names
      .filter((name, i) => names.indexOf(name) !== i)
      .map((name) => ({ part, message: `key attribute "${name}" appears twice in the key` }))
  ]
}

const projection = (spec: IndexProjection | undefined): Projection =>
  spec === undefined || spec === "ALL"
    ? { ProjectionType: "ALL" }
    : spec === "KEYS_ONLY"
      ? { ProjectionType: "KEYS_ONLY" }
      : typeof spec === "object" && spec !== null && Array.isArray(spec.include)
        ? { ProjectionType: "INCLUDE", NonKeyAttributes: [...spec.include] }
        : refuseArgument("Projection", `a projection is "ALL", "KEYS_ONLY" or { include: [names] }, not ${JSON.stringify(spec)}`)

const throughput = (units: Throughput): ProvisionedThroughput => ({
  ReadCapacityUnits: units.read,
  WriteCapacityUnits: units.write
})

/** One definition per key attribute of the table and its indexes; a name given two types is a problem. */
const attributeDefinitions = (keys: ReadonlyArray<KeySpec>, problems: Array<InputProblem>): Array<AttributeDefinition> => {
  const types = new Map<string, ScalarAttributeType>()
  for (const key of keys) {
    const seen = types.get(keyName(key))
    if (seen !== undefined && seen !== keyType(key)) {
      problems.push({ part: "AttributeDefinitions", message: `key attribute "${keyName(key)}" is given as both ${seen} and ${keyType(key)}` })
    }
    if (seen === undefined) types.set(keyName(key), keyType(key))
  }
  return [...types].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }))
}

const duplicateIndexProblems = (names: ReadonlyArray<string>): Array<InputProblem> =>
  names
    .filter((name, index) => names.indexOf(name) !== index)
    .map((name) => ({ part: "IndexName", message: `index "${name}" is defined twice` }))

/**
 * Creates a table (`CreateTable`): a partition key, optionally a sort key, global and local secondary indexes (a
 * global index's keys may list up to 4 attributes each), on-demand billing unless provisioned throughput is given.
 * Key types default to string.
 *
 * @example
 * import { create } from "dynofunc"
 * create("users", "id", {
 *   globalIndexes: [{ name: "by-email", hashKey: "email", projection: "KEYS_ONLY" }]
 * })
 * create("events", { name: "device", type: "S" }, { rangeKey: { name: "at", type: "N" }, billing: { read: 5, write: 5 } })
 * // A multi-attribute GSI key: KeySchema [tournament HASH, region HASH, round RANGE, bracket RANGE].
 * create("matches", "id", {
 *   globalIndexes: [{ name: "by-region", hashKey: ["tournament", "region"], rangeKey: ["round", "bracket"] }]
 * })
 *
 * @since 0.1.0
 * @category services
 */
export const create = guard("CreateTable", (tableName: string, hashKey: KeySpec, options: CreateOptions = {}): Operation<"CreateTable", CreateResult> => {
  const globalIndexes = options.globalIndexes ?? []
  const localIndexes = options.localIndexes ?? []
  const provisioned = options.billing === undefined || options.billing === "PAY_PER_REQUEST" ? undefined : options.billing
  const problems: Array<InputProblem> = []
  const definitions = attributeDefinitions(
    [
      hashKey,
      ...(options.rangeKey === undefined ? [] : [options.rangeKey]),
      ...globalIndexes.flatMap((index) => [...keyList(index.hashKey), ...keyList(index.rangeKey)]),
      ...localIndexes.map((index) => index.rangeKey)
    ],
    problems
  )
  if (localIndexes.length > 0 && options.rangeKey === undefined) {
    problems.push({ part: "LocalSecondaryIndexes", message: "local secondary indexes need a table with a sort key (rangeKey)" })
  }
  problems.push(...globalIndexes.flatMap(globalKeyProblems))
  problems.push(...duplicateIndexProblems([...globalIndexes, ...localIndexes].map((index) => index.name)))
  return make({
    name: "CreateTable",
    description: {
      TableName: tableName,
      KeySchema: keySchema(hashKey, options.rangeKey),
      AttributeDefinitions: definitions,
      ...(provisioned === undefined
        ? { BillingMode: "PAY_PER_REQUEST" as const }
        : { BillingMode: "PROVISIONED" as const, ProvisionedThroughput: throughput(provisioned) }),
      ...(globalIndexes.length > 0 && {
        GlobalSecondaryIndexes: globalIndexes.map((index) => ({
          IndexName: index.name,
          KeySchema: keySchema(index.hashKey, index.rangeKey),
          Projection: projection(index.projection),
          ...(provisioned !== undefined && { ProvisionedThroughput: throughput(index.throughput ?? provisioned) })
        }))
      }),
      ...(localIndexes.length > 0 && {
        LocalSecondaryIndexes: localIndexes.map((index) => ({
          IndexName: index.name,
          KeySchema: keySchema(hashKey, index.rangeKey),
          Projection: projection(index.projection)
        }))
      }),
      ...(options.stream !== undefined && { StreamSpecification: { StreamEnabled: true, StreamViewType: options.stream } }),
      ...(options.tags !== undefined && { Tags: Object.entries(options.tags).map(([Key, Value]) => ({ Key, Value })) }),
      ...(options.deletionProtection !== undefined && { DeletionProtectionEnabled: options.deletionProtection }),
      ...options.input
    },
    decode: (raw) => ({ table: raw.TableDescription, raw }),
    problems
  })
})
