/**
 * dynofunc: pure DynamoDB operation builders, run as Effects with tagged errors.
 *
 * @example
 * import { Effect } from "effect"
 * import { DynamoClient, attr, execute, update } from "dynofunc"
 *
 * const program = execute(update("users", { id: "u1" }, { name: "Ada" }, { condition: attr("id").exists() }))
 */
export * from "@dynofunc/core"
export * from "./DynamoError.js"
export * as DynamoClient from "./DynamoClient.js"
export type { AnyRequest, Credentials, DynamoClientConfig, DynamoClientService, PlainOutput, Request, TestAnswer, TestHandler, TestHandlers } from "./DynamoClient.js"
export * as HttpClient from "./HttpClient.js"
export * as AwsCredentials from "./AwsCredentials.js"
export * from "./Execute.js"
export * from "./Wait.js"
export * as Retry from "./Retry.js"
export * as BatchWrite from "./BatchWrite.js"
export * as Pages from "./Pages.js"
export type { ItemOf, ItemsOptions, PagesOptions, PaginatedName, ParallelScanOptions, ScanPosition, SegmentPage, SegmentPosition } from "./Pages.js"
export * as Cursor from "./Cursor.js"
export { InvalidCursorError } from "./Cursor.js"
export type { Cursors, KeyedPage } from "./Cursor.js"
export * as BatchGet from "./BatchGet.js"
export * as TypedTable from "./TypedTable.js"
export * as Entity from "./Entity.js"
export type { TypedEntity, TypedPath } from "./Entity.js"
export * from "./EntityError.js"
export * as StreamsClient from "./StreamsClient.js"
export type { AnyStreamsRequest, StreamsClientService, StreamsCommands, StreamsError, StreamsOperation, StreamsOutputOf, StreamsRequest, StreamsTestHandler, StreamsTestHandlers } from "./StreamsClient.js"
export * as ChangeStream from "./ChangeStream.js"
export * as Checkpoint from "./Checkpoint.js"
export * as StreamEvent from "./StreamEvent.js"
export * from "./ChangeStreamError.js"
