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
 */
import { Data } from "effect"
import type { CancellationReason } from "@aws-sdk/client-dynamodb"
import type { Item } from "./Value.js"

/** What every error DynamoDB answered carries: the AWS code and message, the request id and the SDK's error. */
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
 * The base of the errors the SDK models for DynamoDB: one class per AWS error, all carrying `AwsErrorFields`.
 *
 * @example
 * class ResourceNotFoundError extends AwsError("ResourceNotFoundError") {}
 */
const AwsError = <const Tag extends string>(tag: Tag) => Data.TaggedError(tag)<AwsErrorFields>

/** A backup is being created for the table: try again later. */
export class BackupInUseError extends AwsError("BackupInUseError") {}
/** No backup with that ARN. */
export class BackupNotFoundError extends AwsError("BackupNotFoundError") {}
/**
 * The request's condition was false. `item` is the item as it was, when the request asked for it with
 * `ReturnValuesOnConditionCheckFailure: "ALL_OLD"`.
 */
export class ConditionalCheckFailedError extends Data.TaggedError("ConditionalCheckFailedError")<
  AwsErrorFields & { readonly item?: Item | undefined }
> {}
/** Point-in-time recovery is not available for the table yet. */
export class ContinuousBackupsUnavailableError extends AwsError("ContinuousBackupsUnavailableError") {}
/** An item with that primary key already exists (PartiQL INSERT). */
export class DuplicateItemError extends AwsError("DuplicateItemError") {}
/** Another export with the same client token is running. */
export class ExportConflictError extends AwsError("ExportConflictError") {}
/** No export with that ARN. */
export class ExportNotFoundError extends AwsError("ExportNotFoundError") {}
/** A global table with that name already exists. */
export class GlobalTableAlreadyExistsError extends AwsError("GlobalTableAlreadyExistsError") {}
/** No global table with that name. */
export class GlobalTableNotFoundError extends AwsError("GlobalTableNotFoundError") {}
/** The client token was reused with a different request. */
export class IdempotentParameterMismatchError extends AwsError("IdempotentParameterMismatchError") {}
/** Another import with the same client token is running. */
export class ImportConflictError extends AwsError("ImportConflictError") {}
/** No import with that ARN. */
export class ImportNotFoundError extends AwsError("ImportNotFoundError") {}
/** No index with that name on the table. */
export class IndexNotFoundError extends AwsError("IndexNotFoundError") {}
/** DynamoDB failed on its side: retrying may help. */
export class InternalServerError extends AwsError("InternalServerError") {}
/** The endpoint is not valid for this request. */
export class InvalidEndpointError extends AwsError("InvalidEndpointError") {}
/** The export time is outside the point-in-time recovery window. */
export class InvalidExportTimeError extends AwsError("InvalidExportTimeError") {}
/** The restore time is outside the point-in-time recovery window. */
export class InvalidRestoreTimeError extends AwsError("InvalidRestoreTimeError") {}
/** An item collection of a table with a local secondary index exceeded 10 GB. */
export class ItemCollectionSizeLimitExceededError extends AwsError("ItemCollectionSizeLimitExceededError") {}
/** Too many concurrent control-plane operations, or an account limit was reached. */
export class LimitExceededError extends AwsError("LimitExceededError") {}
/** Point-in-time recovery is not enabled for the table. */
export class PointInTimeRecoveryUnavailableError extends AwsError("PointInTimeRecoveryUnavailableError") {}
/** No resource policy on that resource (or not the expected revision). */
export class PolicyNotFoundError extends AwsError("PolicyNotFoundError") {}
/** The request rate exceeds the table's provisioned throughput. */
export class ProvisionedThroughputExceededError extends AwsError("ProvisionedThroughputExceededError") {}
/** The replica already exists. */
export class ReplicaAlreadyExistsError extends AwsError("ReplicaAlreadyExistsError") {}
/** No replica in that region. */
export class ReplicaNotFoundError extends AwsError("ReplicaNotFoundError") {}
/** A write conflicted with a replicated write of a multi-region strongly consistent table. */
export class ReplicatedWriteConflictError extends AwsError("ReplicatedWriteConflictError") {}
/** The account's request rate for the table is over its limit. */
export class RequestLimitExceededError extends AwsError("RequestLimitExceededError") {}
/** The resource is being created, updated or deleted, or already exists. */
export class ResourceInUseError extends AwsError("ResourceInUseError") {}
/** No table, index or resource by that name (or it is not active yet). */
export class ResourceNotFoundError extends AwsError("ResourceNotFoundError") {}
/** A table with that name already exists (restore, import). */
export class TableAlreadyExistsError extends AwsError("TableAlreadyExistsError") {}
/** The table is being restored or backed up. */
export class TableInUseError extends AwsError("TableInUseError") {}
/** No table with that name (backups, global tables). */
export class TableNotFoundError extends AwsError("TableNotFoundError") {}
/** The request was throttled. */
export class ThrottlingError extends AwsError("ThrottlingError") {}
/**
 * A transaction was cancelled. `reasons` holds one entry per action, in the order they were given: the code
 * (`None` where that action was fine), the message, and the item when `ALL_OLD` was asked for.
 */
export class TransactionCanceledError extends Data.TaggedError("TransactionCanceledError")<
  AwsErrorFields & { readonly reasons: ReadonlyArray<TransactionCancellationReason> }
> {}
/** Another transaction touched the same item. */
export class TransactionConflictError extends AwsError("TransactionConflictError") {}
/** A transaction with the same client token is still in progress. */
export class TransactionInProgressError extends AwsError("TransactionInProgressError") {}

/** Why one action of a cancelled transaction failed. */
export interface TransactionCancellationReason {
  /** `None`, `ConditionalCheckFailed`, `ItemCollectionSizeLimitExceeded`, `TransactionConflict`, … */
  readonly code: string
  readonly message?: string | undefined
  /** The item as it was, when the action asked for `ALL_OLD` on condition failure. */
  readonly item?: Item | undefined
  readonly raw: CancellationReason
}

/** DynamoDB rejected the request as malformed (`ValidationException`): a bad expression, key, or value. */
export class ValidationError extends AwsError("ValidationError") {}
/** The engine does not implement the operation (`UnknownOperationException`), e.g. tags on DynamoDB Local. */
export class UnknownOperationError extends AwsError("UnknownOperationError") {}
/** The credentials were missing, unknown, expired or badly signed. */
export class AuthenticationError extends AwsError("AuthenticationError") {}
/** The credentials are valid but not allowed to do this. */
export class AccessDeniedError extends AwsError("AccessDeniedError") {}
/** An AWS error dynofunc does not model for this operation: the code, message and request id are kept. */
export class UnknownAwsError extends AwsError("UnknownAwsError") {}

/**
 * The request never got an answer from DynamoDB: connection refused or reset, a timeout, a bad gateway, or a
 * response that was not DynamoDB's.
 */
export class TransportError extends Data.TaggedError("TransportError")<{
  readonly reason: "ConnectionRefused" | "ConnectionReset" | "Timeout" | "BadGateway" | "Other"
  readonly message: string
  readonly statusCode?: number | undefined
  readonly cause?: unknown
}> {}

/** One thing wrong with a request, found before sending it. */
export interface InputProblem {
  /** What is wrong, in words. */
  readonly message: string
  /** Where: the part of the request (`UpdateExpression`, `Key`, `Item`, `RequestItems`, …). */
  readonly part: string
}

/**
 * dynofunc refused to send the request: it breaks a DynamoDB limit or rule that would fail on the server anyway
 * (a 4 KB expression, 101 operands for `IN`, a bad key condition, the same path updated twice, …).
 * Nothing was sent.
 */
export class InvalidInputError extends Data.TaggedError("InvalidInputError")<{
  readonly operation: string
  readonly problems: ReadonlyArray<InputProblem>
  readonly message: string
}> {}

/** The errors every operation can meet, whatever it is. */
export type CommonError =
  | ValidationError
  | UnknownOperationError
  | AuthenticationError
  | AccessDeniedError
  | TransportError
  | UnknownAwsError
  | InvalidInputError

/** Every error the SDK models for DynamoDB, by tag. */
export type ModelledError =
  | BackupInUseError
  | BackupNotFoundError
  | ConditionalCheckFailedError
  | ContinuousBackupsUnavailableError
  | DuplicateItemError
  | ExportConflictError
  | ExportNotFoundError
  | GlobalTableAlreadyExistsError
  | GlobalTableNotFoundError
  | IdempotentParameterMismatchError
  | ImportConflictError
  | ImportNotFoundError
  | IndexNotFoundError
  | InternalServerError
  | InvalidEndpointError
  | InvalidExportTimeError
  | InvalidRestoreTimeError
  | ItemCollectionSizeLimitExceededError
  | LimitExceededError
  | PointInTimeRecoveryUnavailableError
  | PolicyNotFoundError
  | ProvisionedThroughputExceededError
  | ReplicaAlreadyExistsError
  | ReplicaNotFoundError
  | ReplicatedWriteConflictError
  | RequestLimitExceededError
  | ResourceInUseError
  | ResourceNotFoundError
  | TableAlreadyExistsError
  | TableInUseError
  | TableNotFoundError
  | ThrottlingError
  | TransactionCanceledError
  | TransactionConflictError
  | TransactionInProgressError

/** Any error dynofunc produces. */
export type DynamoError = ModelledError | CommonError
