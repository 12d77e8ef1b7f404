/**
 * dynofunc: pure DynamoDB operation builders, run as Effects with tagged errors.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoClient, attr, execute, update } from "dynofunc"
 *
 * const program = execute(update("users", { id: "u1" }, { name: "Ada" }, { condition: attr("id").exists() }))
 */
export * as Value from "./Value.js"
export type { AttributeMap, Item } from "./Value.js"
export * from "./DynamoError.js"
export * from "./DynamoClient.js"
export * as HttpClient from "./HttpClient.js"
export * from "./Execute.js"
export { isOperation, make as makeOperation, withInput } from "./Operation.js"
export type { AnyOperation, CommandName, Commands, InputOf, NameOf, Operation, OutputOf, ResultOf } from "./Operation.js"
export * from "./operations/index.js"
export { remove as delete } from "./operations/index.js"
export * from "./Table.js"
export { AttributeType, attr, cand, cnot, cor, isCondition, rawCondition } from "./Condition.js"
export type { AttrConstructor, Comparator, Condition, ConditionTag } from "./Condition.js"
export { isPath, path } from "./Path.js"
export type { AttributeTypeCode, Comparable, Path, PathConstructor, Segment, Size, UpdateOperand } from "./Path.js"
export * as Update from "./Update.js"
export type { UpdateAction, UpdateClause, UpdateInput, UpdateKind, UpdateObject } from "./Update.js"
export * as KeyCondition from "./KeyCondition.js"
export type { KeyConditionInput, KeySchema } from "./KeyCondition.js"
export type { ProjectionInput } from "./Projection.js"
export { compile } from "./Expression.js"
export type { CompiledExpression, ExpressionInput } from "./Expression.js"
export * from "./Wait.js"
export * as Retry from "./Retry.js"
export * as BatchWrite from "./BatchWrite.js"
export * as Pages from "./Pages.js"
export type { ItemOf, ItemsOptions, PagesOptions, PaginatedName, ParallelScanOptions, ScanPosition, SegmentPage, SegmentPosition } from "./Pages.js"
export * as Cursor from "./Cursor.js"
export { InvalidCursorError } from "./Cursor.js"
export type { Cursors, KeyedPage } from "./Cursor.js"
