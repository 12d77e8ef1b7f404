/**
 * Every way a DynamoDB call can fail, as tagged errors you match with `Effect.catchTag`.
 *
 * Each error the SDK models becomes a class whose tag is the AWS name with `Error` in place of `Exception`
 * (`ConditionalCheckFailedException` → `ConditionalCheckFailedError`). Beside them: the server's
 * `ValidationError`, `UnknownOperationError`, authentication and authorization failures, transport failures, an
 * `UnknownAwsError` that keeps any other AWS code, and `InvalidInputError` for requests dynofunc refuses to send.
 *
 * @example
 * import { Effect } from "effect"
 * import { attr, execute, update } from "dynofunc"
 * execute(update("users", { id: "u1" }, { name: "Ada" }, { condition: attr("id").exists() })).pipe(
 *   Effect.catchTag("ConditionalCheckFailedError", (error) => Effect.succeed(error.item))
 * )
 *
 * @since 0.1.0
 */
import { Data } from "effect"
import type { CancellationReason } from "@aws-sdk/client-dynamodb"
import type { Item } from "@dynofunc/core/Value"
import type { InputProblem } from "@dynofunc/core/InputProblem"


/**
 * What every error DynamoDB answered carries: the AWS code and message, the request id and the SDK's error.
 *
 * @since 0.1.0
 * @category models
 */
export interface AwsErrorFields {
  /** The AWS error code as the service sent it, e.g. `ResourceNotFoundException`. */
  readonly code: string
  readonly message: string
  /** The AWS request id, for support tickets and logs; absent when no response came back. */
  readonly requestId?: string | undefined
  /** The HTTP status code of the response. */
  readonly statusCode?: number | undefined
  /** The SDK's original error. */
  readonly cause?: unknown
}

/**
 * A backup is being created for the table: try again later.
 *
 * @since 0.1.0
 * @category errors
 */
export class BackupInUseError extends Data.TaggedError("BackupInUseError")<AwsErrorFields> {}
/**
 * No backup with that ARN.
 *
 * @since 0.1.0
 * @category errors
 */
export class BackupNotFoundError extends Data.TaggedError("BackupNotFoundError")<AwsErrorFields> {}
/**
 * The request's condition was false. `item` is the item as it was, when the request asked for it with
 * `ReturnValuesOnConditionCheckFailure: "ALL_OLD"`.
 *
 * @example
 * import { execute, update, attr } from "dynofunc"
 * import { Effect } from "effect"
 * execute(update("users", { id: "u1" }, { version: 4 }, {
 *   condition: attr("version").equals(3),
 *   returnValuesOnConditionCheckFailure: "ALL_OLD"
 * })).pipe(Effect.catchTag("ConditionalCheckFailedError", (error) => Effect.succeed(error.item?.["version"])))
 *
 * @since 0.1.0
 * @category errors
 */
export class ConditionalCheckFailedError extends Data.TaggedError("ConditionalCheckFailedError")<
  AwsErrorFields & { readonly item?: Item | undefined }
> {}
/**
 * Point-in-time recovery is not available for the table yet.
 *
 * @since 0.1.0
 * @category errors
 */
export class ContinuousBackupsUnavailableError extends Data.TaggedError("ContinuousBackupsUnavailableError")<AwsErrorFields> {}
/**
 * An item with that primary key already exists (PartiQL INSERT).
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateItemError extends Data.TaggedError("DuplicateItemError")<AwsErrorFields> {}
/**
 * Another export with the same client token is running.
 *
 * @since 0.1.0
 * @category errors
 */
export class ExportConflictError extends Data.TaggedError("ExportConflictError")<AwsErrorFields> {}
/**
 * No export with that ARN.
 *
 * @since 0.1.0
 * @category errors
 */
export class ExportNotFoundError extends Data.TaggedError("ExportNotFoundError")<AwsErrorFields> {}
/**
 * A global table with that name already exists.
 *
 * @since 0.1.0
 * @category errors
 */
export class GlobalTableAlreadyExistsError extends Data.TaggedError("GlobalTableAlreadyExistsError")<AwsErrorFields> {}
/**
 * No global table with that name.
 *
 * @since 0.1.0
 * @category errors
 */
export class GlobalTableNotFoundError extends Data.TaggedError("GlobalTableNotFoundError")<AwsErrorFields> {}
/**
 * The client token was reused with a different request.
 *
 * @since 0.1.0
 * @category errors
 */
export class IdempotentParameterMismatchError extends Data.TaggedError("IdempotentParameterMismatchError")<AwsErrorFields> {}
/**
 * Another import with the same client token is running.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportConflictError extends Data.TaggedError("ImportConflictError")<AwsErrorFields> {}
/**
 * No import with that ARN.
 *
 * @since 0.1.0
 * @category errors
 */
export class ImportNotFoundError extends Data.TaggedError("ImportNotFoundError")<AwsErrorFields> {}
/**
 * No index with that name on the table.
 *
 * @since 0.1.0
 * @category errors
 */
export class IndexNotFoundError extends Data.TaggedError("IndexNotFoundError")<AwsErrorFields> {}
/**
 * DynamoDB failed on its side: retrying may help.
 *
 * @since 0.1.0
 * @category errors
 */
export class InternalServerError extends Data.TaggedError("InternalServerError")<AwsErrorFields> {}
/**
 * The endpoint is not valid for this request.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidEndpointError extends Data.TaggedError("InvalidEndpointError")<AwsErrorFields> {}
/**
 * The export time is outside the point-in-time recovery window.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidExportTimeError extends Data.TaggedError("InvalidExportTimeError")<AwsErrorFields> {}
/**
 * The restore time is outside the point-in-time recovery window.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidRestoreTimeError extends Data.TaggedError("InvalidRestoreTimeError")<AwsErrorFields> {}
/**
 * An item collection of a table with a local secondary index exceeded 10 GB.
 *
 * @since 0.1.0
 * @category errors
 */
export class ItemCollectionSizeLimitExceededError extends Data.TaggedError("ItemCollectionSizeLimitExceededError")<AwsErrorFields> {}
/**
 * Too many concurrent control-plane operations, or an account limit was reached.
 *
 * @since 0.1.0
 * @category errors
 */
export class LimitExceededError extends Data.TaggedError("LimitExceededError")<AwsErrorFields> {}
/**
 * Point-in-time recovery is not enabled for the table.
 *
 * @since 0.1.0
 * @category errors
 */
export class PointInTimeRecoveryUnavailableError extends Data.TaggedError("PointInTimeRecoveryUnavailableError")<AwsErrorFields> {}
/**
 * No resource policy on that resource (or not the expected revision).
 *
 * @since 0.1.0
 * @category errors
 */
export class PolicyNotFoundError extends Data.TaggedError("PolicyNotFoundError")<AwsErrorFields> {}
/**
 * The request rate exceeds the table's provisioned throughput.
 *
 * @since 0.1.0
 * @category errors
 */
export class ProvisionedThroughputExceededError extends Data.TaggedError("ProvisionedThroughputExceededError")<AwsErrorFields> {}
/**
 * The replica already exists.
 *
 * @since 0.1.0
 * @category errors
 */
export class ReplicaAlreadyExistsError extends Data.TaggedError("ReplicaAlreadyExistsError")<AwsErrorFields> {}
/**
 * No replica in that region.
 *
 * @since 0.1.0
 * @category errors
 */
export class ReplicaNotFoundError extends Data.TaggedError("ReplicaNotFoundError")<AwsErrorFields> {}
/**
 * A write conflicted with a replicated write of a multi-region strongly consistent table.
 *
 * @since 0.1.0
 * @category errors
 */
export class ReplicatedWriteConflictError extends Data.TaggedError("ReplicatedWriteConflictError")<AwsErrorFields> {}
/**
 * The account's request rate for the table is over its limit.
 *
 * @since 0.1.0
 * @category errors
 */
export class RequestLimitExceededError extends Data.TaggedError("RequestLimitExceededError")<AwsErrorFields> {}
/**
 * The resource is being created, updated or deleted, or already exists.
 *
 * @since 0.1.0
 * @category errors
 */
export class ResourceInUseError extends Data.TaggedError("ResourceInUseError")<AwsErrorFields> {}
/**
 * No table, index or resource by that name (or it is not active yet).
 *
 * @example
 * import { execute, find } from "dynofunc"
 * import { Effect } from "effect"
 * execute(find("users", { id: "u1" })).pipe(Effect.catchTag("ResourceNotFoundError", () => Effect.succeed(undefined)))
 *
 * @since 0.1.0
 * @category errors
 */
export class ResourceNotFoundError extends Data.TaggedError("ResourceNotFoundError")<AwsErrorFields> {}
/**
 * A table with that name already exists (restore, import).
 *
 * @since 0.1.0
 * @category errors
 */
export class TableAlreadyExistsError extends Data.TaggedError("TableAlreadyExistsError")<AwsErrorFields> {}
/**
 * The table is being restored or backed up.
 *
 * @since 0.1.0
 * @category errors
 */
export class TableInUseError extends Data.TaggedError("TableInUseError")<AwsErrorFields> {}
/**
 * No table with that name (backups, global tables).
 *
 * @since 0.1.0
 * @category errors
 */
export class TableNotFoundError extends Data.TaggedError("TableNotFoundError")<AwsErrorFields> {}
/**
 * DynamoDB Streams: the shard iterator is more than 15 minutes old. `ChangeStream` asks for a new one after the last
 * record it read.
 *
 * @since 0.1.0
 * @category errors
 */
export class ExpiredIteratorError extends Data.TaggedError("ExpiredIteratorError")<AwsErrorFields> {}
/**
 * DynamoDB Streams: the records asked for are past the stream's 24-hour retention (trimmed), or the iterator points
 * into a shard whose records are gone.
 *
 * @since 0.1.0
 * @category errors
 */
export class TrimmedDataAccessError extends Data.TaggedError("TrimmedDataAccessError")<AwsErrorFields> {}
/**
 * The request was throttled.
 *
 * @since 0.1.0
 * @category errors
 */
export class ThrottlingError extends Data.TaggedError("ThrottlingError")<AwsErrorFields> {}
/**
 * A transaction was cancelled. `reasons` holds one entry per action, in the order they were given: the code
 * (`None` where that action was fine), the message, and the item when `ALL_OLD` was asked for.
 *
 * @example
 * import { execute, transactWriteItems, add, update, attr } from "dynofunc"
 * import { Effect } from "effect"
 * execute(transactWriteItems([add("a", { id: "1" }), update("b", { id: "2" }, { n: 1 }, { condition: attr("id").exists() })])).pipe(
 *   Effect.catchTag("TransactionCanceledError", (error) => Effect.succeed(error.reasons.map((reason) => reason.code)))
 * ) // ["None", "ConditionalCheckFailed"]
 *
 * @since 0.1.0
 * @category errors
 */
export class TransactionCanceledError extends Data.TaggedError("TransactionCanceledError")<
  AwsErrorFields & { readonly reasons: ReadonlyArray<TransactionCancellationReason> }
> {}
/**
 * Another transaction touched the same item.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransactionConflictError extends Data.TaggedError("TransactionConflictError")<AwsErrorFields> {}
/**
 * A transaction with the same client token is still in progress.
 *
 * @since 0.1.0
 * @category errors
 */
export class TransactionInProgressError extends Data.TaggedError("TransactionInProgressError")<AwsErrorFields> {}

/**
 * Why one action of a cancelled transaction failed.
 *
 * @since 0.1.0
 * @category models
 */
export interface TransactionCancellationReason {
  /** `None`, `ConditionalCheckFailed`, `ItemCollectionSizeLimitExceeded`, `TransactionConflict`, … */
  readonly code: string
  readonly message?: string | undefined
  /** The item as it was, when the action asked for `ALL_OLD` on condition failure. */
  readonly item?: Item | undefined
  readonly raw: CancellationReason
}

/**
 * DynamoDB rejected the request as malformed (`ValidationException`): a bad expression, key, or value.
 *
 * @since 0.1.0
 * @category errors
 */
export class ValidationError extends Data.TaggedError("ValidationError")<AwsErrorFields> {}
/**
 * The engine does not implement the operation (`UnknownOperationException`), e.g. tags on DynamoDB Local.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownOperationError extends Data.TaggedError("UnknownOperationError")<AwsErrorFields> {}
/**
 * The credentials were missing, unknown, expired or badly signed.
 *
 * @since 0.1.0
 * @category errors
 */
export class AuthenticationError extends Data.TaggedError("AuthenticationError")<AwsErrorFields> {}
/**
 * The credentials are valid but not allowed to do this.
 *
 * @since 0.1.0
 * @category errors
 */
export class AccessDeniedError extends Data.TaggedError("AccessDeniedError")<AwsErrorFields> {}
/**
 * An AWS error dynofunc does not model for this operation: the code, message and request id are kept.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownAwsError extends Data.TaggedError("UnknownAwsError")<AwsErrorFields> {}

/**
 * The request never got an answer from DynamoDB: connection refused or reset, a timeout, a bad gateway, an answer
 * damaged on the way (`ChecksumMismatch`: its body failed DynamoDB's `x-amz-crc32`), or a response that was not
 * DynamoDB's.
 *
 * @example
 * import { execute, find } from "dynofunc"
 * import { Effect, Schedule } from "effect"
 * execute(find("users", { id: "u1" })).pipe(
 *   Effect.retry({ while: (error) => error._tag === "TransportError", schedule: Schedule.exponential("100 millis"), times: 3 })
 * )
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Data.TaggedError("TransportError")<{
  readonly reason: "ConnectionRefused" | "ConnectionReset" | "Timeout" | "BadGateway" | "ChecksumMismatch" | "Other"
  readonly message: string
  readonly statusCode?: number | undefined
  readonly cause?: unknown
}> {}


/**
 * dynofunc refused to send the request: it breaks a DynamoDB limit or rule that would fail on the server anyway
 * (a 4 KB expression, 101 operands for `IN`, a bad key condition, the same path updated twice, a value DynamoDB
 * cannot store, …). Nothing was sent.
 *
 * @example
 * import { execute, add } from "dynofunc"
 * import { Effect } from "effect"
 * execute(add("users", { id: "u1", tags: new Set() })).pipe(
 *   Effect.catchTag("InvalidInputError", (error) => Effect.succeed(error.problems)) // [{ part: "Item.tags", message: "Pass a non-empty set…" }]
 * )
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidInputError extends Data.TaggedError("InvalidInputError")<{
  readonly operation: string
  readonly problems: ReadonlyArray<InputProblem>
  readonly message: string
}> {}

/**
 * DynamoDB answered with something it could not have sent: an output that is not an object, an `Item` that is not a
 * map, an attribute value of no DynamoDB type (`{}`, `{ Z: … }`), an `L` that is not a list, `Items: [null]`,
 * cancellation reasons that are not a list, … (a broken proxy, a buggy custom `DynamoClient`, a test handler). The
 * request may have taken effect. `problem` names where the response went wrong (`Item.tags[2]: …`) and what was
 * wrong, never the values it held.
 *
 * @example
 * import { execute, find } from "dynofunc"
 * import { Effect } from "effect"
 * execute(find("users", { id: "u1" })).pipe(
 *   Effect.catchTag("MalformedResponseError", (error) => Effect.logError(error.problem))
 * )
 *
 * @since 0.1.0
 * @category errors
 */
export class MalformedResponseError extends Data.TaggedError("MalformedResponseError")<{
  readonly operation: string
  /** Where the response went wrong and how, e.g. `Items[3].tags: L is not a list`. */
  readonly problem: string
  readonly message: string
  /** The AWS request id, when the response carried one. */
  readonly requestId?: string | undefined
}> {}

/**
 * The errors every operation can meet, whatever it is.
 *
 * @since 0.1.0
 * @category errors
 */
export type CommonError =
  | ValidationError
  | UnknownOperationError
  | AuthenticationError
  | AccessDeniedError
  | TransportError
  | UnknownAwsError
  | InvalidInputError
  | MalformedResponseError

/**
 * Every error the SDK models for DynamoDB, by tag.
 *
 * @since 0.1.0
 * @category models
 */
export interface ModelledErrorByTag {
  readonly BackupInUseError: BackupInUseError
  readonly BackupNotFoundError: BackupNotFoundError
  readonly ConditionalCheckFailedError: ConditionalCheckFailedError
  readonly ContinuousBackupsUnavailableError: ContinuousBackupsUnavailableError
  readonly DuplicateItemError: DuplicateItemError
  readonly ExportConflictError: ExportConflictError
  readonly ExportNotFoundError: ExportNotFoundError
  readonly GlobalTableAlreadyExistsError: GlobalTableAlreadyExistsError
  readonly GlobalTableNotFoundError: GlobalTableNotFoundError
  readonly IdempotentParameterMismatchError: IdempotentParameterMismatchError
  readonly ImportConflictError: ImportConflictError
  readonly ImportNotFoundError: ImportNotFoundError
  readonly IndexNotFoundError: IndexNotFoundError
  readonly InternalServerError: InternalServerError
  readonly InvalidEndpointError: InvalidEndpointError
  readonly InvalidExportTimeError: InvalidExportTimeError
  readonly InvalidRestoreTimeError: InvalidRestoreTimeError
  readonly ItemCollectionSizeLimitExceededError: ItemCollectionSizeLimitExceededError
  readonly LimitExceededError: LimitExceededError
  readonly PointInTimeRecoveryUnavailableError: PointInTimeRecoveryUnavailableError
  readonly PolicyNotFoundError: PolicyNotFoundError
  readonly ProvisionedThroughputExceededError: ProvisionedThroughputExceededError
  readonly ReplicaAlreadyExistsError: ReplicaAlreadyExistsError
  readonly ReplicaNotFoundError: ReplicaNotFoundError
  readonly ReplicatedWriteConflictError: ReplicatedWriteConflictError
  readonly RequestLimitExceededError: RequestLimitExceededError
  readonly ResourceInUseError: ResourceInUseError
  readonly ResourceNotFoundError: ResourceNotFoundError
  readonly TableAlreadyExistsError: TableAlreadyExistsError
  readonly TableInUseError: TableInUseError
  readonly TableNotFoundError: TableNotFoundError
  readonly ThrottlingError: ThrottlingError
  readonly TransactionCanceledError: TransactionCanceledError
  readonly TransactionConflictError: TransactionConflictError
  readonly TransactionInProgressError: TransactionInProgressError
}

/**
 * The errors only the DynamoDB Streams API models (its other errors are DynamoDB's), by tag.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamsErrorByTag {
  readonly ExpiredIteratorError: ExpiredIteratorError
  readonly TrimmedDataAccessError: TrimmedDataAccessError
}

/**
 * Any error the SDK models for DynamoDB.
 *
 * @since 0.1.0
 * @category errors
 */
export type ModelledError = ModelledErrorByTag[keyof ModelledErrorByTag]

/**
 * Any error dynofunc produces.
 *
 * @since 0.1.0
 * @category errors
 */
export type DynamoError = ModelledError | StreamsErrorByTag[keyof StreamsErrorByTag] | CommonError
