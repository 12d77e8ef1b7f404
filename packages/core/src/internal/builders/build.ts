/**
 * What the item and table builders share: compiling their expressions into the description, the escape hatch,
 * and decoding optional items.
 */
import type { ItemCollectionMetrics } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../../InputProblem.js"
import type { AttributeMap, Item } from "../../Value.js"
import { guard } from "../input/guard.js"
import { readList, readOptionalItem, readOptionalKey, readRecord } from "../values/responses.js"
import type { Condition } from "../../Condition.js"
import { compileInto, type ExpressionInput, type MutableFields } from "../../Expression.js"
import type { CommandName, InputOf, Operation, OutputOf } from "../../Operation.js"
import { construct, type InputCheck } from "./construct.js"
import { putItemChecks } from "../input/limits.js"

/** The decoded item in the response's field `field`, or `undefined` when DynamoDB sent none. */
export const optionalItem: (attributes: AttributeMap | undefined, field: string) => Item | undefined = readOptionalItem

/** The key in the response's field `field` (`LastEvaluatedKey`), or `undefined`: a `MalformedValue` for one that is no key. */
export const optionalKey: (attributes: AttributeMap | undefined, field: string) => Item | undefined = readOptionalKey

/** The item collection metrics of one write, refused when their key is none DynamoDB could have sent. */
export const checkWriteMetrics = (raw: { readonly ItemCollectionMetrics?: ItemCollectionMetrics | undefined }): void => {
  readOptionalKey(raw.ItemCollectionMetrics?.ItemCollectionKey, "ItemCollectionMetrics.ItemCollectionKey")
}

/** The item collection metrics of a batch or transaction (per table), refused when a key is none DynamoDB could have sent. */
export const checkBatchMetrics = (raw: { readonly ItemCollectionMetrics?: Record<string, ReadonlyArray<ItemCollectionMetrics>> | undefined }): void => {
  readRecord(raw.ItemCollectionMetrics, "ItemCollectionMetrics", (list) =>
    readList(list, "", (metrics) => readOptionalKey(metrics.ItemCollectionKey, "ItemCollectionKey")))
}

/** Options every builder takes: any SDK input field, merged over what the builder produced. */
export interface EscapeHatch<Name extends CommandName> {
  /** SDK input fields to set as they are, over what dynofunc built (e.g. `ReturnConsumedCapacity`). */
  readonly input?: Partial<InputOf<Name>> | undefined
}

/** Raw placeholders for hand-written expression parts; dynofunc keeps them and never reuses their names. */
export interface RawPlaceholders {
  /** `#name` → attribute name, for placeholders written by hand in `input` expressions. */
  readonly names?: Readonly<Record<string, string>> | undefined
  /** `:value` → AttributeValue, for placeholders written by hand in `input` expressions. */
  readonly values?: ExpressionInput["values"]
}

/** What a write returns, and what a failed condition puts on its error. */
export interface ReturnOptions<Values extends string> {
  /** Which attributes come back in the result's `attributes`. */
  readonly returnValues?: Values | undefined
  /** `ALL_OLD` puts the current item on the `ConditionalCheckFailedError` when the condition fails. */
  readonly returnValuesOnConditionCheckFailure?: "NONE" | "ALL_OLD" | undefined
}

/**
 * Sets the SDK fields for `ReturnOptions` that were given on `description` (a builder's own fresh object: plain
 * assignments, because object spreads cost microseconds on the request-building path).
 */
export const setReturnFields = <Values extends string>(
  description: { ReturnValues?: Values | undefined; ReturnValuesOnConditionCheckFailure?: "NONE" | "ALL_OLD" | undefined },
  options: ReturnOptions<Values>
): void => {
  if (options.returnValues !== undefined) description.ReturnValues = options.returnValues
  if (options.returnValuesOnConditionCheckFailure !== undefined) {
    description.ReturnValuesOnConditionCheckFailure = options.returnValuesOnConditionCheckFailure
  }
}

/**
 * An operation whose description is `base` (the builder's own fresh object, completed in place), then `expressions`
 * compiled into it by `compile` (`compileInto`, or `compileProjectionInto` for a read with a projection only), then the
 * caller's `input` fields; the expressions' problems travel with it, and `check` (its command's, from
 * `input/limits.ts`) is run on it before it is sent.
 */
export const operation = <Name extends CommandName, Result, Expressions>(
  name: Name,
  check: InputCheck,
  base: InputOf<Name>,
  compile: (target: MutableFields, expressions: Expressions) => ReadonlyArray<InputProblem>,
  expressions: Expressions,
  input: Partial<InputOf<Name>> | undefined,
  decode: (output: OutputOf<Name>) => Result
): Operation<Name, Result> => {
  const problems = compile(base as MutableFields, expressions)
  if (input !== undefined) Object.assign(base, input)
  return construct({ name, description: base, decode, problems }, check)
}

/** The item writes: `PutItem`, `UpdateItem` and `DeleteItem`. */
type WriteName = "PutItem" | "UpdateItem" | "DeleteItem"

/** What a write succeeds with: the attributes `returnValues` asked for, and the SDK output. */
export interface WriteResult<Raw> {
  readonly attributes: Item | undefined
  readonly raw: Raw
}

/** The options every item write takes. */
export interface WriteOptions<Name extends WriteName, Values extends string> extends EscapeHatch<Name>, RawPlaceholders, ReturnOptions<Values> {
  /** Write only if this holds. */
  readonly condition?: Condition | undefined
}

/**
 * An item write: `base` completed with the return options, the condition (and `update` for `UpdateItem`) and the
 * caller's `input`; it succeeds with the returned attributes as plain JS.
 */
export const writeOperation = <Name extends WriteName, Values extends string>(
  name: Name,
  check: InputCheck,
  base: InputOf<Name>,
  options: WriteOptions<Name, Values>,
  update?: ExpressionInput["update"]
): Operation<Name, WriteResult<OutputOf<Name>>> => {
  setReturnFields(base as Parameters<typeof setReturnFields<Values>>[0], options)
  return operation(
    name,
    check,
    base,
    compileInto,
    { update, condition: options.condition, names: options.names, values: options.values },
    options.input,
    decodeWrite
  )
}

/**
 * A `PutItem` of an item already marshalled (and so already checked): what `add` builds after marshalling, and
 * what an entity's `put` builds from the item its codec wrote.
 */
export const putItem = /* @__PURE__ */ guard("PutItem", (tableName: string, item: AttributeMap, options: WriteOptions<"PutItem", "NONE" | "ALL_OLD">) =>
  writeOperation("PutItem", putItemChecks, { TableName: tableName, Item: item }, options))

/** The friendly result of a write (one function for every write, rather than a closure per operation). */
export const decodeWrite = <Raw extends { readonly Attributes?: AttributeMap | undefined; readonly ItemCollectionMetrics?: ItemCollectionMetrics | undefined }>(
  raw: Raw
): WriteResult<Raw> => {
  checkWriteMetrics(raw)
  return { attributes: optionalItem(raw.Attributes, "Attributes"), raw }
}

/** The friendly result of a single-item read: the item as plain JS (or `undefined`), and the SDK output. */
export const decodeItem = <Raw extends { readonly Item?: AttributeMap | undefined }>(raw: Raw) => ({
  item: optionalItem(raw.Item, "Item"),
  raw
})
