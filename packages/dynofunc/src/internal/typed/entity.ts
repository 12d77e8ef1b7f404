/**
 * The runtime of an entity: its compiled codec and keys, and the builders that turn typed items, keys, updates and
 * queries into the plain operations (`add`, `find`, `update`, `remove`, `query`, `scan`, `transactWriteItems`).
 * Types live in `Entity.ts`; here everything is plain records.
 */
import type { UpdateItemCommandOutput } from "@aws-sdk/client-dynamodb"
import { Clock, Effect } from "effect"
import { Outcome } from "#adapter"
import type { SchemaFailure } from "#schema"
import { attr, cand, type Condition } from "@dynofunc/core/Condition"
import * as CompositeKey from "@dynofunc/core/CompositeKey"
import type * as BatchWrite from "../../BatchWrite.js"
import { ItemDecodeError, ItemEncodeError } from "../../EntityError.js"
import type { Path, Segment } from "@dynofunc/core/Path"
import { path as makePath } from "@dynofunc/core/Path"
import type { AnyOperation, CommandName, Operation } from "@dynofunc/core/Operation"
import { make as makeOperation } from "@dynofunc/core/Operation"
import { execute } from "../../Execute.js"
import { add } from "@dynofunc/core/operations/add"
import { putItem } from "@dynofunc/core/internal/builders/build"
import { pageOf } from "@dynofunc/core/internal/builders/read"
import { find } from "@dynofunc/core/operations/find"
import { query } from "@dynofunc/core/operations/query"
import { remove } from "@dynofunc/core/operations/remove"
import { scan } from "@dynofunc/core/operations/scan"
import { transactWriteItems } from "@dynofunc/core/operations/transactWriteItems"
import { update } from "@dynofunc/core/operations/update"
import { decodeWrite } from "@dynofunc/core/internal/builders/build"
import type { EntityConfig, KeyDef, KeyPart } from "../../Entity.js"
import * as Update from "@dynofunc/core/Update"
import type { InputProblem } from "@dynofunc/core/InputProblem"
import type { InvalidInputError } from "../../DynamoError.js"
import { invalidOptions as invalidInput } from "../bulk/options.js"
import type { AttributeMap, Item } from "@dynofunc/core/Value"
import { ActionId, isAction, operandShape, toUpdate } from "./actions.js"
import * as Codec from "./codec.js"
import { type Checker, elements, Fail } from "./schema/types.js"
import { withMeta, type Meta } from "./run.js"
import { show } from "./show.js"

/** A composed key on one index, resolved to the table's attribute names. */
interface ResolvedKey {
  readonly index: string
  readonly def: KeyDef
  readonly partitionAttribute: string
  readonly sortAttribute: string | undefined
}

type Decoded = Outcome.Outcome<unknown, ItemDecodeError>

/** Plain options of the typed builders (`Entity.ts` types them). */
export interface Options {
  readonly condition?: Condition | undefined
  readonly filter?: Condition | undefined
  readonly projection?: ReadonlyArray<string> | undefined
  readonly consistent?: boolean | undefined
  readonly limit?: number | undefined
  readonly order?: "asc" | "desc" | undefined
  readonly startKey?: Item | undefined
  readonly expectedVersion?: number | undefined
  readonly now?: Date | undefined
  /** The stored values of unique fields, as far as known (a field listed with `undefined`: the item has none). */
  readonly previous?: Readonly<Record<string, unknown>> | undefined
  readonly onInvalid?: "fail" | "skip" | undefined
}

export const make = (config: EntityConfig) => {
  const table = config.table
  const tableName = table.name
  const entityName = config.name
  const codec = Codec.make(config.schema)
  const primaryFields = new Set([...config.primary.partition.fields, ...(config.primary.sort?.fields ?? [])])
  const resolve = (index: string, def: KeyDef): ResolvedKey => {
    const attributes = table.keys[index]
    return { index, def, partitionAttribute: attributes?.partition[0] ?? "", sortAttribute: attributes?.sort[0] }
  }
  const primary = resolve("primary", config.primary)
  const indexes = Object.entries(config.indexes ?? {}).flatMap(([index, def]) => (def === undefined ? [] : [resolve(index, def)]))
  const keyAttributes = table.keys.primary!

  const encodeFailure = (part: string, cause: SchemaFailure): ItemEncodeError =>
    new ItemEncodeError({ table: tableName, entity: entityName, part, cause, message: `${entityName}: ${Codec.format(cause)}` })

  /** An operation that is never sent: it carries the encoding failure as a problem and in its meta. */
  const refused = <Name extends CommandName, Result>(op: Operation<Name, Result>, error: ItemEncodeError): Operation<Name, Result> =>
    withMeta(makeOperation({ ...op, problems: [...op.problems, { part: error.part, message: error.message }] }), {
      table: tableName,
      entity: entityName,
      encodeError: error
    })

  /** The composed value of one key part from `values` (domain values), or a problem, or `undefined` when a field is missing. */
  const composePart = (part: KeyPart, values: Readonly<Record<string, unknown>>): CompositeKey.Composed | undefined => {
    const fields = part.fields
    const parts = new Array<unknown>(fields.length)
    for (let i = 0; i < fields.length; i++) {
      const value = values[fields[i]!]
      if (value === undefined) return undefined
      parts[i] = value
    }
    return CompositeKey.compose(part.prefix ?? "", parts)
  }

  const primarySides: ReadonlyArray<readonly [KeyPart | undefined, string]> = [
    [config.primary.partition, primary.partitionAttribute],
    ...(primary.sortAttribute === undefined ? [] : [[config.primary.sort, primary.sortAttribute] as const])
  ]

  /** The table key of an item or key object (domain values), with its problems. */
  const primaryKey = (values: Readonly<Record<string, unknown>>, problems: Array<InputProblem>): Record<string, string> => {
    const key: Record<string, string> = {}
    for (let i = 0; i < primarySides.length; i++) {
      const part = primarySides[i]![0]
      const attribute = primarySides[i]![1]
      const composed = part === undefined ? CompositeKey.compose(entityName, []) : composePart(part, values)
      if (composed === undefined) {
        const missing = part!.fields.filter((field) => values[field] === undefined)
        problems.push({ part: "Key", message: `${entityName}: the key needs ${list(missing)}` })
      } else if (composed.problem !== undefined) problems.push({ part: "Key", message: `${entityName}: ${composed.problem}` })
      else key[attribute] = composed.key
    }
    return key
  }

  /** The index key attributes an item has (an index whose fields are not all present is left out: sparse). */
  const indexKeys = (values: Readonly<Record<string, unknown>>, out: Record<string, unknown>, problems: Array<InputProblem>): void => {
    for (const index of indexes) {
      const partition = composePart(index.def.partition, values)
      const sort = index.def.sort === undefined ? undefined : composePart(index.def.sort, values)
      if (partition === undefined || (index.def.sort !== undefined && sort === undefined)) continue
      for (const [composed, attribute] of [[partition, index.partitionAttribute], [sort, index.sortAttribute]] as const) {
        if (composed === undefined || attribute === undefined) continue
        if (composed.problem !== undefined) problems.push({ part: `Index[${index.index}]`, message: `${entityName}: ${composed.problem}` })
        else out[attribute] = composed.key
      }
    }
  }

  const decodeItem = (item: Item, decode: Checker<SchemaFailure>): Decoded => {
    const decoded = decode(item)
    return decoded.ok ? Outcome.succeed(decoded.value) : Outcome.fail(decodeFailure(item, decoded.error))
  }

  const decodeFailure = (item: Item, cause: SchemaFailure): ItemDecodeError => {
    const key: Record<string, unknown> = {}
    for (const name of [...keyAttributes.partition, ...keyAttributes.sort]) key[name] = item[name]
    return new ItemDecodeError({
      table: tableName,
      entity: entityName,
      key,
      item,
      cause,
      message: `${entityName} ${show(key)} does not match its Schema: ${Codec.format(cause)}`
    })
  }

  /** An item as DynamoDB sent it, read in one pass (`Fail`: see `Codec.readItem`). */
  const readItem = codec.readItem as (item: unknown) => unknown

  /**
   * The result of a single-item read or write: the item DynamoDB sent (`sent`) read in one pass by `reader`, or
   * (that fails, or none is given) the plain result's item (`plain` unmarshals it, and says what is malformed)
   * decoded by `decoder`.
   */
  const oneItem = <Raw>(
    sent: AttributeMap | undefined,
    raw: Raw,
    plain: () => Item | undefined,
    decoder: Checker<SchemaFailure>,
    reader: (item: unknown) => unknown = readItem
  ) => {
    const read = sent === undefined ? Fail : reader(sent)
    if (read !== Fail) return Outcome.succeed({ item: read, raw })
    const item = plain()
    return item === undefined ? Outcome.succeed({ item: undefined, raw }) : Outcome.map(decodeItem(item, decoder), (decoded) => ({ item: decoded, raw }))
  }

  /** The item with its managed fields (timestamps, version) filled in. */
  const managed = (item: Readonly<Record<string, unknown>>, options: Options): Readonly<Record<string, unknown>> => {
    if (config.timestamps === undefined && config.version === undefined) return item
    const full: Record<string, unknown> = { ...item }
    const now = timeOf(options)
    const createdAt = config.timestamps?.createdAt
    const updatedAt = config.timestamps?.updatedAt
    if (createdAt !== undefined && full[createdAt] === undefined) full[createdAt] = now
    if (updatedAt !== undefined) full[updatedAt] = now
    if (config.version !== undefined) full[config.version] = (options.expectedVersion ?? 0) + 1
    return full
  }

  /** The version condition of a versioned write: the expected version, or (none expected) no such item yet. */
  const versionCondition = (options: Options): Condition | undefined =>
    config.version === undefined
      ? undefined
      : options.expectedVersion === undefined
        ? attr(keyAttributes.partition[0]!).notExists()
        : attr(config.version).equals(options.expectedVersion)

  const both = (a: Condition | undefined, b: Condition | undefined): Condition | undefined =>
    a === undefined ? b : b === undefined ? a : cand(a, b)

  /** The sentinel of `field = value`: its composed key, or the problem composing it. */
  const sentinelOf = (field: string, value: unknown) => CompositeKey.compose("_unique", [entityName, field, value])

  const sentinelKey = (field: string, value: unknown, problems: Array<InputProblem>): Record<string, string> => {
    const composed = sentinelOf(field, value)
    if (composed.problem !== undefined) problems.push({ part: "Item", message: `${entityName}.${field}: ${composed.problem}` })
    const key: Record<string, string> = {}
    for (const name of [...keyAttributes.partition, ...keyAttributes.sort]) key[name] = composed.key ?? ""
    return key
  }

  /** Whether two values of unique `field` are one value (one sentinel); `undefined` is no value. */
  const sameUnique = (field: string, a: unknown, b: unknown): boolean =>
    a === undefined || b === undefined ? a === b : sentinelOf(field, a).key === sentinelOf(field, b).key

  /** The sentinel item of `field = value`, put only if no item holds that value yet. */
  const putSentinel = (field: string, value: unknown, problems: Array<InputProblem>) =>
    add(tableName, { ...sentinelKey(field, value, problems), [table.entityAttribute]: `_unique:${entityName}.${field}` }, {
      condition: attr(keyAttributes.partition[0]!).notExists()
    })

  /**
   * The sentinel moves of a write that sets unique fields from `previous` to `next` (`undefined`: none), as
   * transaction actions after the item's own; `guards` name the action of each put. The item's own action is
   * conditioned on `held`: every one of these fields still holds its previous value, so that no concurrent write
   * moved one in between (a value written again unchanged too: its sentinel must still be there). `conflict` (with
   * the item's key, `Meta.conflict`) tells such a concurrent write from the item's other conditions failing.
   */
  const sentinelMoves = (
    fields: ReadonlyArray<string>,
    previous: Readonly<Record<string, unknown>>,
    next: Readonly<Record<string, unknown>>,
    problems: Array<InputProblem>
  ) => {
    if (fields.length === 0) return noMoves
    const actions: Array<Operation<"PutItem", unknown> | Operation<"DeleteItem", unknown>> = []
    const guards: Array<{ readonly field: string; readonly value: unknown; readonly action: number }> = []
    const held: Array<Condition> = []
    const expected: Record<string, unknown> = {}
    for (const field of fields) {
      const [before, after] = [previous[field], next[field]]
      expected[field] = before
      held.push(before === undefined ? attr(field).notExists() : typedPath([field]).equals(before))
      if (sameUnique(field, before, after)) continue
      if (before !== undefined) actions.push(remove(tableName, sentinelKey(field, before, problems)))
      if (after !== undefined) {
        actions.push(putSentinel(field, after, problems))
        guards.push({ field, value: after, action: actions.length })
      }
    }
    const conflict: Omit<NonNullable<Meta["conflict"]>, "key"> = {
      expected,
      changed: (stored) => {
        if (stored === undefined) return fields.some((field) => expected[field] !== undefined)
        const decoded = codec.decodeProjection(fields)(stored)
        return !decoded.ok || fields.some((field) => !sameUnique(field, expected[field], (decoded.value as Record<string, unknown>)[field]))
      }
    }
    return { actions, guards, held: held.length === 0 ? undefined : cand(...held), conflict }
  }

  /**
   * The meta of a write of the item at `key`: the version it checks, the sentinels its `moves` put and the unique
   * values they keep (to tell a conflict), and what `settle` gets first.
   */
  const writeMeta = (
    key: Readonly<Record<string, unknown>>,
    moves: ReturnType<typeof sentinelMoves>,
    version: Meta["version"],
    settle: Meta["settle"]
  ): Meta => ({
    table: tableName,
    entity: entityName,
    version,
    unique: moves.guards,
    conflict: moves.conflict === undefined ? undefined : { key, ...moves.conflict },
    settle
  })

  /**
   * What `TypedTable.execute` settles before sending a write built without all it needs: the time of its
   * timestamps (with `stamped`: Effect's `Clock`, unless `now` was given) and the stored values of the unique
   * fields in `unread` (one consistent read). `rebuild` builds the write again with them.
   */
  const settle = (
    key: Record<string, string>,
    unread: ReadonlyArray<string>,
    options: Options,
    stamped: boolean,
    rebuild: (settled: Options) => AnyOperation
  ): Meta["settle"] => {
    const stamp = stamped && config.timestamps !== undefined && options.now === undefined
    if (!stamp && unread.length === 0) return undefined
    return () =>
      Effect.gen(function* () {
        const now = stamp ? new Date(yield* Clock.currentTimeMillis) : options.now
        const previous = unread.length === 0 ? options.previous : { ...options.previous, ...(yield* readStored(key, unread)) }
        return rebuild({ ...options, now, previous })
      })
  }

  /** The stored values of `fields` (each listed, `undefined` when the item or the field is absent), decoded. */
  const readStored = (key: Record<string, string>, fields: ReadonlyArray<string>) =>
    Effect.flatMap(execute(find(tableName, key, { consistent: true, projection: fields })), ({ item }) => {
      const stored = noneStored(fields)
      return item === undefined
        ? Effect.succeed(stored)
        : Effect.map(Outcome.fromOutcome(decodeItem(item, codec.decodeProjection(fields))), (decoded) => ({ ...stored, ...(decoded as object) }))
    })

  /** The unique fields a write changes whose stored values it does not know (from `previous`). */
  const unknownPrevious = (fields: ReadonlyArray<string>, options: Options, problems: Array<InputProblem>): ReadonlyArray<string> => {
    const unread = fields.filter((field) => options.previous === undefined || !(field in options.previous))
    if (unread.length > 0) {
      problems.push({
        part: "previous",
        message: `${entityName}: moving the unique sentinels of ${list(unread)} needs their stored values: give them as \`previous\`, or run the write with TypedTable.execute (which reads them first)`
      })
    }
    return unread
  }

  /** The attributes an item's entity adds to it, composed from the item: its tag, its table key, its index keys. */
  const managedAttributes = (full: Readonly<Record<string, unknown>>, problems: Array<InputProblem>) => {
    const key = primaryKey(full, problems)
    const attributes: Record<string, string> = { [table.entityAttribute]: entityName }
    for (const name in key) attributes[name] = key[name]!
    indexKeys(full, attributes, problems)
    return { key, attributes }
  }

  /** The item as stored (encoded, with its tag and keys; empty when it does not encode), its key and the encoding. */
  const storedItem = (full: Readonly<Record<string, unknown>>, problems: Array<InputProblem>) => {
    const { key, attributes } = managedAttributes(full, problems)
    const encoded = codec.encodeItem(full)
    // The encoder's result is a fresh object (compiled or Schema's): the keys and tag go straight into it.
    const stored: Record<string, unknown> = encoded.ok ? encoded.value : {}
    Object.assign(stored, attributes)
    return { key, stored, encoded }
  }

  /**
   * The `PutItem` of an item: written in one pass by the codec (its managed attributes added as strings), or, when
   * that fails, encoded and marshalled apart, which says what is wrong (and never sends it). `returnOld`: the stored
   * item comes back when the condition fails (`ALL_OLD`, to tell a unique conflict).
   */
  const putOperation = (full: Readonly<Record<string, unknown>>, condition: Condition | undefined, returnOld: boolean, problems: Array<InputProblem>) => {
    const options = returnOld ? { condition, returnValuesOnConditionCheckFailure: "ALL_OLD" as const } : { condition }
    const written = codec.writeItem(full)
    if (written !== undefined) {
      const { key, attributes } = managedAttributes(full, problems)
      for (const name in attributes) written[name] = { S: attributes[name]! }
      return { key, op: putItem(tableName, written, options), encodeError: undefined }
    }
    const { key, stored, encoded } = storedItem(full, problems)
    return { key, op: add(tableName, stored, options), encodeError: encoded.ok ? undefined : encodeFailure("Item", encoded.error) }
  }

  const put = (item: Readonly<Record<string, unknown>>, options: Options = {}): AnyOperation => {
    const full = managed(item, options)
    const problems: Array<InputProblem> = []
    const condition = both(options.condition, versionCondition(options))
    const decode = (raw: unknown) => Outcome.succeed({ item: full, raw })
    const unique = config.unique ?? noFields
    // A versioned put without `expectedVersion` writes a new item (its condition: none stored): no values to read.
    const known = unique.length > 0 && config.version !== undefined && options.expectedVersion === undefined ? { ...options, previous: noneStored(unique) } : options
    const unread = unique.length === 0 ? noFields : unknownPrevious(unique, known, problems)
    const moves = sentinelMoves(unique, known.previous ?? {}, full, problems)
    const { key, op: putItem_, encodeError } = putOperation(full, both(condition, moves.held), moves.conflict !== undefined, problems)
    // No unique value changes (or none declared): the put alone, conditioned on the stored values it keeps.
    const plain = moves.actions.length === 0 ? putItem_ : transactWriteItems([putItem_, ...moves.actions])
    const op = withMeta(
      makeOperation({ ...(plain as Operation<"PutItem", unknown>), decode, problems: [...plain.problems, ...problems] }),
      writeMeta(
        key,
        moves,
        config.version === undefined ? undefined : { key, expected: options.expectedVersion },
        config.timestamps === undefined && unread.length === 0 ? undefined : settle(key, unread, known, true, (settled) => put(item, settled))
      )
    )
    return encodeError === undefined ? op : refused(op, encodeError)
  }

  const get = (keyValues: Readonly<Record<string, unknown>>, options: Options = {}) => {
    const problems: Array<InputProblem> = []
    const key = primaryKey(keyValues, problems)
    const projection = options.projection
    const decoder = projection === undefined ? codec.decodeItem : codec.decodeProjection(projection)
    const reader = projection === undefined ? readItem : (codec.readProjection(projection) as (item: unknown) => unknown)
    const op = find(tableName, key, { consistent: options.consistent, projection })
    return makeOperation({
      ...op,
      problems: [...op.problems, ...problems],
      decode: (raw) => oneItem(raw.Item, raw, () => op.decode(raw).item, decoder, reader)
    })
  }

  /**
   * The value of top-level `field` for the plain update: written in one pass (an `AttributeValue` the builder takes
   * as it is), else encoded (the builder marshals it, and names what DynamoDB cannot hold), else `Fail`.
   */
  const updateValue = (field: string, value: unknown): unknown => {
    const written = codec.fieldWriter(field)(value)
    return written === Fail ? codec.fieldEncoder(field)(value) : attr.value(written)
  }

  /** Why `value` of top-level `field` does not encode (its encoder gave `Fail`, so `encodeField` fails too). */
  const updateEncodeError = (field: string, value: unknown): ItemEncodeError => {
    const encoded = codec.encodeField([field], value)
    if (encoded.ok) throw new Error(`${entityName}.${field}: its encoder failed but Schema's did not`)
    return encodeFailure("UpdateExpression", encoded.error)
  }
  const stamps = [[config.timestamps?.updatedAt, false], [config.timestamps?.createdAt, true]] as const

  /** The plain update for typed `changes`, GSI keys recomputed; or the encoding failure. */
  const updateAttributes = (
    keyValues: Readonly<Record<string, unknown>>,
    changes: Readonly<Record<string, unknown>>,
    options: Options,
    problems: Array<InputProblem>
  ): Outcome.Outcome<Record<string, unknown>, ItemEncodeError> => {
    const plain: Record<string, unknown> = {}
    for (const field in changes) {
      const value = changes[field]
      if (value === undefined) continue
      if (primaryFields.has(field)) {
        problems.push({ part: "UpdateExpression", message: `${entityName}.${field} is part of the primary key and cannot change (delete and put instead)` })
        continue
      }
      if (isAction(value)) {
        const kind = value[ActionId]
        if (operandShape(kind) === "none") plain[field] = toUpdate(kind, value.operand)
        else {
          const operand = kind === "add" || kind === "delete" ? new Set(value.operand as Iterable<unknown>) : value.operand
          const encoded = updateValue(field, operand)
          if (encoded === Fail) return Outcome.fail(updateEncodeError(field, operand))
          plain[field] = toUpdate(kind, encoded)
        }
      } else {
        const encoded = updateValue(field, value)
        if (encoded === Fail) return Outcome.fail(updateEncodeError(field, value))
        plain[field] = encoded
      }
    }
    if (config.timestamps !== undefined) {
      const now = timeOf(options)
      for (const [field, onlyWhenMissing] of stamps) {
        if (field === undefined) continue
        const encoded = updateValue(field, now)
        if (encoded === Fail) return Outcome.fail(updateEncodeError(field, now))
        plain[field] = onlyWhenMissing ? Update.ifNotExists(encoded) : encoded
      }
    }
    if (config.version !== undefined) plain[config.version] = Update.increment(1)
    recomputeIndexKeys(keyValues, changes, plain, problems)
    return Outcome.succeed(plain)
  }

  /** Sets (or removes, or keeps) the index keys composed from fields the update changes (the key's fields are known too). */
  const recomputeIndexKeys = (
    keyValues: Readonly<Record<string, unknown>>,
    changes: Readonly<Record<string, unknown>>,
    plain: Record<string, unknown>,
    problems: Array<InputProblem>
  ): void => {
    if (indexes.length === 0) return
    const known: Record<string, unknown> = {}
    for (const field of primaryFields) known[field] = keyValues[field]
    for (const field in changes) if (changes[field] !== undefined && !isAction(changes[field])) known[field] = changes[field]
    for (const index of indexes) {
      const sides = [[index.def.partition, index.partitionAttribute], [index.def.sort, index.sortAttribute]] as const
      for (const [part, attribute] of sides) {
        if (part === undefined || attribute === undefined) continue
        const touched = part.fields.filter((field) => changes[field] !== undefined)
        if (touched.length === 0) continue
        const missing = part.fields.filter((field) => known[field] === undefined)
        if (missing.length === 0) {
          const composed = composePart(part, known)!
          if (composed.problem !== undefined) problems.push({ part: `Index[${index.index}]`, message: `${entityName}: ${composed.problem}` })
          else plain[attribute] = composed.key
          continue
        }
        const policy = index.def.onMissing ?? "fail"
        if (policy === "sparse") {
          plain[index.partitionAttribute] = Update.remove()
          if (index.sortAttribute !== undefined) plain[index.sortAttribute] = Update.remove()
        } else if (policy === "fail") {
          problems.push({
            part: `Index[${index.index}]`,
            message: `${entityName}: index "${index.index}" key "${attribute}" is composed of ${list(part.fields)}; the update changes ${list(touched)} but does not give ${list(missing)} (give them all, or set onMissing: "sparse" or "keep" on the index)`
          })
        }
      }
    }
  }

  /** The condition of every update: the item exists (an update never creates one). */
  const itemExists = attr(keyAttributes.partition[0]!).exists()

  /** The result of an update returning `ALL_NEW`: the new item, decoded (one function, not a closure per update). */
  const decodeUpdated = (raw: UpdateItemCommandOutput) => oneItem(raw.Attributes, raw, () => decodeWrite(raw).attributes, codec.decodeItem)

  /** The meta of an update that needs nothing settled, checks no version and moves no sentinel: the same for all. */
  const plainUpdateMeta: Meta = { table: tableName, entity: entityName, version: undefined, unique: noMoves.guards, settle: undefined }

  const updateItem = (
    keyValues: Readonly<Record<string, unknown>>,
    changes: Readonly<Record<string, unknown>>,
    options: Options = {}
  ): AnyOperation => {
    const problems: Array<InputProblem> = []
    const key = primaryKey(keyValues, problems)
    const attributes = updateAttributes(keyValues, changes, options, problems)
    const versioned = config.version !== undefined && options.expectedVersion !== undefined ? attr(config.version).equals(options.expectedVersion) : undefined
    const condition = both(both(itemExists, versioned), options.condition)
    const moving = config.unique === undefined ? noFields : config.unique.filter((field) => changes[field] !== undefined)
    for (const field of moving) {
      const change = changes[field]
      if (isAction(change) && change[ActionId] !== "remove") {
        problems.push({ part: "UpdateExpression", message: `${entityName}.${field} is unique: set it or remove it (its sentinel moves with the value)` })
      }
    }
    const unread = moving.length === 0 ? noFields : unknownPrevious(moving, options, problems)
    const moves =
      moving.length === 0
        ? noMoves
        : sentinelMoves(moving, options.previous ?? {}, Object.fromEntries(moving.map((field) => [field, isAction(changes[field]) ? undefined : changes[field]])), problems)
    const plainAttributes = Outcome.isSuccess(attributes) ? Outcome.successOf(attributes) : {}
    const stamp = config.timestamps !== undefined && options.now === undefined
    const meta: Meta =
      moves === noMoves && versioned === undefined && !stamp && unread.length === 0
        ? plainUpdateMeta
        : writeMeta(
            key,
            moves,
            versioned === undefined ? undefined : { key, expected: options.expectedVersion },
            settle(key, unread, options, true, (settled) => updateItem(keyValues, changes, settled))
          )
    // No sentinel moves (unique values set unchanged, if any): the update alone, conditioned on them. The stored
    // item comes back when a condition on unique values fails (`ALL_OLD`, to tell a unique conflict).
    const alone = moves.actions.length === 0
    const condition_ = both(condition, moves.held)
    const updateOptions =
      moves.conflict === undefined
        ? { condition: condition_, returnValues: alone ? ("ALL_NEW" as const) : undefined }
        : { condition: condition_, returnValues: alone ? ("ALL_NEW" as const) : undefined, returnValuesOnConditionCheckFailure: "ALL_OLD" as const }
    // The plain operation is this call's own: it becomes the typed one in place (its decode, the entity's problems).
    const typed: Mutable<AnyOperation> = alone
      ? update(tableName, key, plainAttributes, updateOptions)
      : transactWriteItems([update(tableName, key, plainAttributes, updateOptions), ...moves.actions])
    // A transaction gives no item back.
    typed.decode = alone ? decodeUpdated : noItem
    if (Outcome.isFailure(attributes)) typed.problems = problems
    else if (problems.length > 0) typed.problems = [...typed.problems, ...problems]
    withMeta(typed, meta)
    return Outcome.isFailure(attributes) ? refused(typed, Outcome.failureOf(attributes)) : typed
  }

  const deleteItem = (
    keyValues: Readonly<Record<string, unknown>>,
    options: Options = {}
  ): AnyOperation => {
    const problems: Array<InputProblem> = []
    const key = primaryKey(keyValues, problems)
    const versioned = config.version !== undefined && options.expectedVersion !== undefined ? attr(config.version).equals(options.expectedVersion) : undefined
    const unique = config.unique ?? []
    const unread = unknownPrevious(unique, options, problems)
    const moves = sentinelMoves(unique, options.previous ?? {}, {}, problems)
    // Nothing stored to remove (the item, or each of its unique values, absent): a plain delete, still conditioned on
    // the unique values being absent, so that an item written in between is not deleted away from its sentinels.
    const condition = both(both(versioned, options.condition), moves.held)
    const held = moves.conflict === undefined ? { condition } : { condition, returnValuesOnConditionCheckFailure: "ALL_OLD" as const }
    const plain = moves.actions.length === 0 ? remove(tableName, key, held) : transactWriteItems([remove(tableName, key, held), ...moves.actions])
    const typed = makeOperation({
      ...(plain as Operation<"DeleteItem", unknown>),
      problems: [...plain.problems, ...problems],
      decode: (raw: unknown) => Outcome.succeed({ raw })
    })
    return withMeta(
      typed,
      writeMeta(
        key,
        moves,
        versioned === undefined ? undefined : { key, expected: options.expectedVersion },
        settle(key, unread, options, false, (settled) => deleteItem(keyValues, settled))
      )
    )
  }

  /**
   * The plain batch write of a typed one (`put`: the item at `now`, encoded; `delete`: its key), or why it cannot be
   * sent. A batch write holds no condition: an entity with unique fields or a version is refused (its sentinels
   * and its lock would be skipped).
   */
  const batchWrite = (
    write: { readonly put: Readonly<Record<string, unknown>> } | { readonly delete: Readonly<Record<string, unknown>> },
    now: Date
  ): Outcome.Outcome<BatchWrite.Write, ItemEncodeError | InvalidInputError> => {
    const problems: Array<InputProblem> = []
    if ((config.unique ?? []).length > 0 || config.version !== undefined) {
      problems.push({ part: "Entity", message: `${entityName} has unique fields or a version: a batch write cannot hold their conditions (use put and delete)` })
    }
    let plain: BatchWrite.Write
    if ("put" in write) {
      const { stored, encoded } = storedItem(managed(write.put, { now }), problems)
      if (!encoded.ok) return Outcome.fail(encodeFailure("Item", encoded.error))
      plain = { table: tableName, put: stored as Item }
    } else plain = { table: tableName, delete: primaryKey(write.delete, problems) }
    return problems.length === 0 ? Outcome.succeed(plain) : Outcome.fail(invalidInput("BatchWriteItem", problems))
  }

  /** Decodes a page of items of this entity (skipping or failing on bad ones). */
  const decodePage = (items: ReadonlyArray<Item>, options: Options) => {
    const decoded: Array<unknown> = []
    const invalid: Array<ItemDecodeError> = []
    for (const item of items) {
      const result = decodeItem(item, codec.decodeItem)
      if (Outcome.isSuccess(result)) decoded.push(Outcome.successOf(result))
      else if (options.onInvalid === "skip") invalid.push(Outcome.failureOf(result))
      else return Outcome.fail(Outcome.failureOf(result))
    }
    return Outcome.succeed({ items: decoded, invalid })
  }

  /** The key condition on `index` for `values`: every partition field, then the sort fields given (a prefix: begins_with). */
  const keyCondition = (
    index: string,
    values: Readonly<Record<string, unknown>>,
    problems: Array<InputProblem>,
    partitionOnly = false
  ): Condition | Record<string, unknown> => {
    const def = index === "primary" ? config.primary : config.indexes?.[index]
    const attributes = table.keys[index]
    if (attributes === undefined) {
      problems.push({ part: "IndexName", message: `table "${tableName}" has no index "${index}"` })
      return {}
    }
    if (def === undefined) {
      // A multi-attribute index: its key attributes are the entity's own fields.
      const key: Record<string, unknown> = {}
      for (const name of partitionOnly ? attributes.partition : [...attributes.partition, ...attributes.sort]) {
        if (values[name] === undefined) continue
        const encoded = codec.encodeField([name], values[name])
        key[name] = encoded.ok ? encoded.value : values[name]
      }
      return key
    }
    const resolved = resolve(index, def)
    const partition = composePart(def.partition, values)
    if (partition === undefined || partition.problem !== undefined) {
      problems.push({ part: "KeyConditionExpression", message: `${entityName}: ${partition?.problem ?? `the partition key needs ${list(def.partition.fields.filter((f) => values[f] === undefined))}`}` })
      return {}
    }
    const conditions: Array<Condition> = [attr(resolved.partitionAttribute).equals(partition.key)]
    const sortAttribute = resolved.sortAttribute
    if (sortAttribute !== undefined && !partitionOnly) {
      const sort = def.sort ?? { prefix: entityName, fields: [] }
      const given: Array<unknown> = []
      for (const field of sort.fields) {
        if (values[field] === undefined) break
        given.push(values[field])
      }
      const composed = CompositeKey.compose(sort.prefix ?? "", given)
      if (composed.problem !== undefined) problems.push({ part: "KeyConditionExpression", message: `${entityName}: ${composed.problem}` })
      else if (given.length === sort.fields.length) conditions.push(attr(sortAttribute).equals(composed.key))
      else if (composed.key !== "") conditions.push(attr(sortAttribute).beginsWith(composed.key + "#"))
    }
    return cand(...conditions)
  }

  const ofThisEntity = (filter: Condition | undefined): Condition => both(attr(table.entityAttribute).equals(entityName), filter)!

  const readOperation = <Name extends "Query" | "Scan">(
    op: Operation<Name, { readonly items: ReadonlyArray<Item>; readonly lastKey: Item | undefined; readonly count: number }>,
    problems: ReadonlyArray<InputProblem>,
    options: Options
  ) =>
    makeOperation({
      ...op,
      problems: [...op.problems, ...problems],
      decode: (raw) => {
        // Every item read in one pass; the two passes when one fails (they say why, or skip it).
        const items = Array.isArray(raw.Items) ? elements(raw.Items, () => readItem) : Fail
        if (items !== Fail) {
          const page = pageOf(raw, items)
          return Outcome.succeed({ items, invalid: noInvalid, lastKey: page.lastKey, count: page.count, raw })
        }
        const page = op.decode(raw)
        return Outcome.map(decodePage(page.items, options), (decoded) => ({ ...decoded, lastKey: page.lastKey, count: page.count, raw }))
      }
    })

  const queryItems = (index: string, values: Readonly<Record<string, unknown>>, options: Options = {}) => {
    const problems: Array<InputProblem> = []
    const keyCondition_ = keyCondition(index, values, problems)
    const op = query(tableName, keyCondition_, {
      ...(index !== "primary" && { index }),
      keySchema: table.keys[index],
      filter: ofThisEntity(options.filter),
      limit: options.limit,
      order: options.order,
      startKey: options.startKey,
      consistent: options.consistent
    })
    return readOperation(op, problems, options)
  }

  const scanItems = (options: Options = {}) =>
    readOperation(scan(tableName, { filter: ofThisEntity(options.filter), limit: options.limit, startKey: options.startKey, consistent: options.consistent }), [], options)

  /** A typed path: the plain path, with values encoded by the field's Schema before they are compared. */
  const typedPath = (segments: ReadonlyArray<Segment>) => {
    const plain: Path = makePath(segments[0] as string, ...segments.slice(1))
    const names = segments.filter((segment): segment is string => typeof segment === "string")
    const encoder = codec.fieldEncoder(names)
    // A value that does not encode is compared as given (the server decides).
    const encode = (value: unknown): unknown => {
      const encoded = encoder(value)
      return encoded === Fail ? value : encoded
    }
    return {
      path: plain,
      equals: (value: unknown) => plain.equals(encode(value)),
      notEquals: (value: unknown) => plain.notEquals(encode(value)),
      lt: (value: unknown) => plain.lt(encode(value)),
      lte: (value: unknown) => plain.lte(encode(value)),
      gt: (value: unknown) => plain.gt(encode(value)),
      gte: (value: unknown) => plain.gte(encode(value)),
      between: (low: unknown, high: unknown) => plain.between(encode(low), encode(high)),
      in: (values: ReadonlyArray<unknown>) => plain.in(values.map(encode)),
      beginsWith: (prefix: string) => plain.beginsWith(prefix),
      contains: (operand: unknown) => plain.contains(operand),
      exists: () => plain.exists(),
      notExists: () => plain.notExists(),
      size: () => plain.size()
    }
  }

  const attributes = new Map<string, ReturnType<typeof typedPath>>()

  /** Decodes an item of this entity read by a collection query. */
  const decodeOne = (item: Item) => decodeItem(item, codec.decodeItem)

  const runtime = {
    name: entityName,
    table,
    schema: config.schema,
    config,
    put,
    get,
    update: updateItem,
    delete: deleteItem,
    query: queryItems,
    scan: scanItems,
    keyCondition,
    decodeOne,
    readItem,
    batchWrite,
    batchPut: (item: Readonly<Record<string, unknown>>) => ({ entity: entityName, put: item, runtime }),
    batchDelete: (key: Readonly<Record<string, unknown>>) => ({ entity: entityName, delete: key, runtime }),
    attr: (name: string) => {
      // A typed path is immutable: one per attribute name (conditions are often built on every call).
      let known = attributes.get(name)
      if (known === undefined) attributes.set(name, (known = typedPath([name])))
      return known
    },
    path: (...segments: ReadonlyArray<Segment>) => typedPath(segments)
  }
  return runtime
}

export type Runtime = ReturnType<typeof make>

/** The time of a write: `now` as given, else the wall clock (`TypedTable.execute` builds the write again with Effect's `Clock`). */
const timeOf = (options: Options): Date => options.now ?? new Date()

const noFields: ReadonlyArray<string> = []

/** The skipped items of a page read in one pass: none. */
const noInvalid: ReadonlyArray<ItemDecodeError> = []

/** The result of a write that gives no item back (a transaction). */
const noItem = (raw: unknown) => Outcome.succeed({ item: undefined, raw })

/** An operation built here and not yet returned, completed in place. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Every one of `fields` known to hold no stored value (a new item). */
const noneStored = (fields: ReadonlyArray<string>): Readonly<Record<string, unknown>> => Object.fromEntries(fields.map((field) => [field, undefined]))

/** The sentinel moves of a write that changes no unique field. */
const noMoves = { actions: [], guards: [], held: undefined, conflict: undefined } as const

const list = (names: ReadonlyArray<string>): string => names.map((name) => `"${name}"`).join(", ")
