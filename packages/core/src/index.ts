/**
 * @dynofunc/core: everything of dynofunc that needs no Effect at run time — attribute values, paths, the
 * condition/update/key-condition/projection grammar and its compiler, every DynamoDB operation as a pure description,
 * DynamoDB's limits, tables and composite keys. It imports nothing from `effect` (the build refuses it). Users import
 * these from `dynofunc`, which re-exports all of it next to the Effect shell.
 *
 * @example
 * import { update } from "@dynofunc/core"
 * update("users", { id: "u1" }, { name: "Ada" }).description.UpdateExpression // "SET #n0 = :v0"
 */
export type { InputProblem } from "./InputProblem.js"
export * as Value from "./Value.js"
export type { AttributeMap, Item } from "./Value.js"
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
export * as CompositeKey from "./CompositeKey.js"
export * as ChangeRecord from "./ChangeRecord.js"
