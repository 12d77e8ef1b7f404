/**
 * Turns whatever a DynamoDB call failed with (an SDK service exception, a Node network error, an HTTP response that
 * was not DynamoDB's, or an error a test handler produced) into one `DynamoError`.
 */
import type { CancellationReason } from "@aws-sdk/client-dynamodb"
import * as E from "../DynamoError.js"
import { fromItem, type AttributeMap } from "../Value.js"

type AwsErrorClass = new (fields: E.AwsErrorFields) => E.DynamoError

/** Every error the SDK models, by the AWS name the service sends. */
const modelled: Record<string, AwsErrorClass> = {
  BackupInUseException: E.BackupInUseError,
  BackupNotFoundException: E.BackupNotFoundError,
  ConditionalCheckFailedException: E.ConditionalCheckFailedError,
  ContinuousBackupsUnavailableException: E.ContinuousBackupsUnavailableError,
  DuplicateItemException: E.DuplicateItemError,
  ExportConflictException: E.ExportConflictError,
  ExportNotFoundException: E.ExportNotFoundError,
  GlobalTableAlreadyExistsException: E.GlobalTableAlreadyExistsError,
  GlobalTableNotFoundException: E.GlobalTableNotFoundError,
  IdempotentParameterMismatchException: E.IdempotentParameterMismatchError,
  ImportConflictException: E.ImportConflictError,
  ImportNotFoundException: E.ImportNotFoundError,
  IndexNotFoundException: E.IndexNotFoundError,
  InternalServerError: E.InternalServerError,
  InvalidEndpointException: E.InvalidEndpointError,
  InvalidExportTimeException: E.InvalidExportTimeError,
  InvalidRestoreTimeException: E.InvalidRestoreTimeError,
  ItemCollectionSizeLimitExceededException: E.ItemCollectionSizeLimitExceededError,
  LimitExceededException: E.LimitExceededError,
  PointInTimeRecoveryUnavailableException: E.PointInTimeRecoveryUnavailableError,
  PolicyNotFoundException: E.PolicyNotFoundError,
  ProvisionedThroughputExceededException: E.ProvisionedThroughputExceededError,
  ReplicaAlreadyExistsException: E.ReplicaAlreadyExistsError,
  ReplicaNotFoundException: E.ReplicaNotFoundError,
  ReplicatedWriteConflictException: E.ReplicatedWriteConflictError,
  RequestLimitExceeded: E.RequestLimitExceededError,
  ResourceInUseException: E.ResourceInUseError,
  ResourceNotFoundException: E.ResourceNotFoundError,
  TableAlreadyExistsException: E.TableAlreadyExistsError,
  TableInUseException: E.TableInUseError,
  TableNotFoundException: E.TableNotFoundError,
  ThrottlingException: E.ThrottlingError,
  TransactionCanceledException: E.TransactionCanceledError as unknown as AwsErrorClass,
  TransactionConflictException: E.TransactionConflictError,
  TransactionInProgressException: E.TransactionInProgressError
}

/** The AWS names every modelled error class stands for (checked against the SDK by a test). */
export const modelledAwsNames: ReadonlyArray<string> = Object.keys(modelled)

/** Errors any operation can meet, by AWS code. */
const common: Record<string, AwsErrorClass> = {
  ValidationException: E.ValidationError,
  UnknownOperationException: E.UnknownOperationError,
  UnrecognizedClientException: E.AuthenticationError,
  MissingAuthenticationToken: E.AuthenticationError,
  MissingAuthenticationTokenException: E.AuthenticationError,
  InvalidSignatureException: E.AuthenticationError,
  IncompleteSignatureException: E.AuthenticationError,
  ExpiredTokenException: E.AuthenticationError,
  InvalidClientTokenId: E.AuthenticationError,
  SignatureDoesNotMatch: E.AuthenticationError,
  AccessDeniedException: E.AccessDeniedError,
  NotAuthorized: E.AccessDeniedError
}

const networkCodes: Record<string, E.TransportError["reason"]> = {
  ECONNREFUSED: "ConnectionRefused",
  ECONNRESET: "ConnectionReset",
  EPIPE: "ConnectionReset",
  ENOTFOUND: "ConnectionRefused",
  EAI_AGAIN: "ConnectionRefused",
  EHOSTUNREACH: "ConnectionRefused",
  ETIMEDOUT: "Timeout",
  ESOCKETTIMEDOUT: "Timeout",
  TimeoutError: "Timeout",
  RequestTimeout: "Timeout",
  RequestTimeoutException: "Timeout"
}

interface RawError {
  readonly name?: unknown
  readonly code?: unknown
  readonly message?: unknown
  readonly $fault?: unknown
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string }
  readonly $response?: { readonly statusCode?: number }
  readonly Item?: AttributeMap
  readonly CancellationReasons?: ReadonlyArray<CancellationReason>
  readonly cause?: unknown
}

/**
 * The AWS code, with DynamoDB Local's short spellings (`DuplicateItem` for `DuplicateItemException`) read as
 * DynamoDB's own.
 */
const modelledName = (code: string): string =>
  !code.endsWith("Exception") && `${code}Exception` in modelled ? `${code}Exception` : code

const isTagged = (error: unknown): error is E.DynamoError =>
  typeof error === "object" && error !== null && "_tag" in error && typeof error._tag === "string"

const messageOf = (raw: RawError): string =>
  typeof raw.message === "string" && raw.message !== "" ? raw.message : String(raw.name ?? "Unknown error")

/** The network code of an error or any error it wraps (`AggregateError`s included). */
const networkReason = (raw: RawError, depth = 0): E.TransportError["reason"] | undefined => {
  if (depth > 4) return undefined
  for (const key of [raw.code, raw.name]) {
    if (typeof key === "string" && key in networkCodes) return networkCodes[key]
  }
  const nested = (raw as { errors?: ReadonlyArray<RawError> }).errors ?? []
  for (const inner of [raw.cause as RawError | undefined, ...nested]) {
    if (typeof inner === "object" && inner !== null) {
      const found = networkReason(inner, depth + 1)
      if (found) return found
    }
  }
  return undefined
}

const reasonsOf = (raw: RawError): ReadonlyArray<E.TransactionCancellationReason> =>
  (raw.CancellationReasons ?? []).map((reason) => ({
    code: reason.Code ?? "None",
    message: reason.Message,
    item: reason.Item ? fromItem(reason.Item) : undefined,
    raw: reason
  }))

/**
 * The `DynamoError` for `cause`. An AWS error that `operation` does not declare (`declared` holds the AWS names it
 * does) becomes an `UnknownAwsError` keeping its code, so the error type of each operation stays truthful.
 */
export const toDynamoError = (cause: unknown, declared: ReadonlyArray<string>): E.DynamoError => {
  if (isTagged(cause)) return cause
  const raw: RawError = typeof cause === "object" && cause !== null ? cause : { message: String(cause) }
  const message = messageOf(raw)
  const statusCode = raw.$metadata?.httpStatusCode ?? raw.$response?.statusCode
  const isAwsAnswer = raw.$fault !== undefined && typeof raw.name === "string"
  const network = networkReason(raw)
  if (network !== undefined && !isAwsAnswer) {
    return new E.TransportError({ reason: network, message, statusCode, cause })
  }
  const code = typeof raw.name === "string" ? raw.name : "Unknown"
  if (!isAwsAnswer || code === "Unknown" || (code === "Error" && statusCode !== undefined)) {
    const reason = statusCode !== undefined && statusCode >= 502 && statusCode <= 504 ? "BadGateway" : "Other"
    return new E.TransportError({ reason, message, statusCode, cause })
  }
  const fields: E.AwsErrorFields = { code, message, requestId: raw.$metadata?.requestId, statusCode, cause }
  const name = modelledName(code)
  const modelledClass = declared.includes(name) ? modelled[name] : undefined
  if (name === "ConditionalCheckFailedException" && modelledClass) {
    return new E.ConditionalCheckFailedError({ ...fields, item: raw.Item ? fromItem(raw.Item) : undefined })
  }
  if (name === "TransactionCanceledException" && modelledClass) {
    return new E.TransactionCanceledError({ ...fields, reasons: reasonsOf(raw) })
  }
  const errorClass = modelledClass ?? common[code] ?? E.UnknownAwsError
  return new errorClass(fields)
}
