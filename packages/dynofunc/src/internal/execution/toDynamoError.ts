/**
 * Turns whatever a DynamoDB call failed with (an SDK service exception, a Node network error, an HTTP response that
 * was not DynamoDB's, or an error a test handler produced) into one `DynamoError`.
 */
import type { CancellationReason } from "@aws-sdk/client-dynamodb"
import * as E from "../../DynamoError.js"
import type { AttributeMap } from "@dynofunc/core/Value"
import { kindOf, MalformedValue } from "@dynofunc/core/internal/values/malformed"
import { readList, readOptionalItem } from "@dynofunc/core/internal/values/responses"

type AwsErrorClass = new (fields: E.AwsErrorFields) => E.DynamoError

/** Every error the SDK models, by the AWS name the service sends (read with `has`: no prototype keys). */
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

/** The errors only the DynamoDB Streams API models, by AWS name (its others are DynamoDB's). */
const streamsOnly: Record<string, AwsErrorClass> = {
  ExpiredIteratorException: E.ExpiredIteratorError,
  TrimmedDataAccessException: E.TrimmedDataAccessError
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
  RequestTimeoutException: "Timeout",
  // undici's (`HttpClient.undiciPool(() => import("undici"))`, the SDK's `@smithy/undici-http-handler`): the other side closed, timeouts.
  UND_ERR_SOCKET: "ConnectionReset",
  UND_ERR_CONNECT_TIMEOUT: "Timeout",
  UND_ERR_HEADERS_TIMEOUT: "Timeout",
  UND_ERR_BODY_TIMEOUT: "Timeout",
  // The lean transport's `x-amz-crc32` check (`internal/transport/wire.ts`): a damaged answer, transient.
  Crc32MismatchError: "ChecksumMismatch"
}

interface RawError {
  readonly name?: unknown
  readonly code?: unknown
  readonly message?: unknown
  readonly $fault?: unknown
  readonly $metadata?: unknown
  readonly $response?: unknown
  readonly Item?: AttributeMap
  readonly CancellationReasons?: ReadonlyArray<CancellationReason>
  readonly cause?: unknown
  readonly errors?: unknown
}

const has = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key)

/**
 * The AWS code, with DynamoDB Local's short spellings (`DuplicateItem` for `DuplicateItemException`) read as
 * DynamoDB's own.
 */
const modelledName = (code: string): string =>
  !code.endsWith("Exception") && has(modelled, `${code}Exception`) ? `${code}Exception` : code

/** dynofunc's own error classes: only their instances pass through as they are. */
const ownClasses: ReadonlySet<unknown> = new Set(Object.values(E).filter((value) => typeof value === "function"))

/** The AWS name of each modelled error class. */
const awsNameOf: ReadonlyMap<unknown, string> = new Map(Object.entries({ ...modelled, ...streamsOnly }).map(([name, errorClass]) => [errorClass, name]))

const isOwn = (error: unknown): error is E.DynamoError =>
  typeof error === "object" && error !== null && ownClasses.has(error.constructor)

const stringOr = (value: unknown, fallback: string): string => (typeof value === "string" && value !== "" ? value : fallback)

const metadataOf = (raw: RawError): { readonly requestId: string | undefined; readonly statusCode: number | undefined } => {
  const metadata = typeof raw.$metadata === "object" && raw.$metadata !== null ? (raw.$metadata as Record<string, unknown>) : {}
  const response = typeof raw.$response === "object" && raw.$response !== null ? (raw.$response as Record<string, unknown>) : {}
  const status = metadata["httpStatusCode"] ?? response["statusCode"]
  return {
    requestId: typeof metadata["requestId"] === "string" ? metadata["requestId"] : undefined,
    statusCode: typeof status === "number" ? status : undefined
  }
}

/** The network code of an error or any error it wraps (`AggregateError`s included). */
const networkReason = (raw: RawError, depth = 0): E.TransportError["reason"] | undefined => {
  if (depth > 4) return undefined
  for (const key of [raw.code, raw.name]) {
    if (typeof key === "string" && has(networkCodes, key)) return networkCodes[key]
  }
  const nested = Array.isArray(raw.errors) ? (raw.errors as ReadonlyArray<unknown>) : []
  for (const inner of [raw.cause, ...nested]) {
    if (typeof inner === "object" && inner !== null) {
      const found = networkReason(inner, depth + 1)
      if (found) return found
    }
  }
  return undefined
}

/** Whether `name` is an AWS error code: one dynofunc knows, or any `…Exception` that is not a network error. */
const isAwsName = (name: string): boolean =>
  has(modelled, modelledName(name)) || has(common, name) || (name.endsWith("Exception") && !has(networkCodes, name))

/** Fields copied onto the scrubbed copy of a cause: what says what happened, never the request, response or item. */
const metadataFields = ["httpStatusCode", "requestId", "extendedRequestId", "cfId", "attempts", "totalRetryDelay"] as const

/**
 * A copy of `cause` fit to keep on an error: its name, message, code, `$fault`, `$metadata` (status and request
 * ids), stack and scrubbed `cause`/`errors` — without the HTTP response and its request (headers, signature, session
 * token), the item, or anything else it held.
 */
export const scrubbed = (cause: unknown, depth = 0): unknown => {
  if (typeof cause !== "object" || cause === null) return typeof cause === "function" || typeof cause === "symbol" ? String(cause) : cause
  const raw = cause as RawError & { readonly stack?: unknown }
  const copy = new Error(stringOr(raw.message, ""))
  copy.name = stringOr(raw.name, "Error")
  if (typeof raw.stack === "string") copy.stack = raw.stack
  else delete copy.stack
  const fields: Record<string, unknown> = {}
  if (typeof raw.code === "string" || typeof raw.code === "number") fields["code"] = raw.code
  if (typeof raw.$fault === "string") fields["$fault"] = raw.$fault
  if (typeof raw.$metadata === "object" && raw.$metadata !== null) {
    const metadata: Record<string, unknown> = {}
    for (const field of metadataFields) {
      const value = (raw.$metadata as Record<string, unknown>)[field]
      if (typeof value === "string" || typeof value === "number") metadata[field] = value
    }
    fields["$metadata"] = metadata
  }
  if (depth < 4 && raw.cause !== undefined) fields["cause"] = scrubbed(raw.cause, depth + 1)
  if (depth < 4 && Array.isArray(raw.errors)) fields["errors"] = (raw.errors as ReadonlyArray<unknown>).slice(0, 10).map((inner) => scrubbed(inner, depth + 1))
  return Object.assign(copy, fields)
}

const reasonsOf = (raw: RawError): ReadonlyArray<E.TransactionCancellationReason> =>
  readList(raw.CancellationReasons, "CancellationReasons", (reason) => ({
    code: stringOr(reason.Code, "None"),
    message: typeof reason.Message === "string" ? reason.Message : undefined,
    item: readOptionalItem(reason.Item, "Item"),
    raw: reason
  }))

/** The request id of a response or an error (`$metadata.requestId`), if it has one that can be read. */
export const requestIdOf = (value: unknown): string | undefined => {
  try {
    return typeof value === "object" && value !== null ? metadataOf(value).requestId : undefined
  } catch {
    return undefined
  }
}

/**
 * The `MalformedResponseError` for an error `decode` threw while reading `operation`'s response: where and what, for
 * a `MalformedValue`; only the kind of error otherwise (its message might quote a value).
 */
export const malformedResponse = (operation: string, error: unknown, requestId?: string | undefined): E.MalformedResponseError => {
  const problem =
    error instanceof MalformedValue
      ? `${error.where === "" ? "the response" : error.where}: ${error.what}`
      : `the response does not have the shape of a ${operation} output (${error instanceof Error ? error.name : kindOf(error)} while reading it)`
  return new E.MalformedResponseError({ operation, problem, message: `${operation}: malformed response: ${problem}`, requestId })
}

/** A modelled dynofunc error that `operation` does not declare, as the `UnknownAwsError` keeping its code. */
const undeclared = (error: E.DynamoError, declared: ReadonlyArray<string>): E.DynamoError => {
  const awsName = awsNameOf.get(error.constructor)
  if (awsName === undefined || declared.includes(awsName)) return error
  const fields = error as unknown as E.AwsErrorFields
  return new E.UnknownAwsError({ code: fields.code, message: fields.message, requestId: fields.requestId, statusCode: fields.statusCode, cause: fields.cause })
}

const fromRaw = (cause: unknown, declared: ReadonlyArray<string>): E.DynamoError => {
  if (isOwn(cause)) return undeclared(cause, declared)
  const raw: RawError = typeof cause === "object" && cause !== null ? cause : { message: String(cause) }
  const name = typeof raw.name === "string" ? raw.name : undefined
  const tag = (raw as { readonly _tag?: unknown })._tag
  const message = stringOr(raw.message, name ?? (typeof tag === "string" ? tag : "Unknown error"))
  const { requestId, statusCode } = metadataOf(raw)
  // The SDK's reader threw on an answer (an SDK client without dynofunc's protocol, reading `{ L: [null] }` or bytes
  // that are not base64): a response DynamoDB could not have sent, whose place the SDK does not say (its message may
  // quote a value: left out).
  if (name === "TypeError" && raw.$response !== undefined && raw.$fault === undefined) {
    throw new MalformedValue("the SDK's own reader failed on it (a TypeError): build the SDK client with `protocol` from `dynofunc/sdk` to be told where")
  }
  // `Unknown` is the code of an error answer that was not DynamoDB's JSON (a proxy's page): a transport failure. A
  // tagged value (an Effect error: `NoSuchElementException`) is an AWS answer only with a `$fault`.
  const isAwsAnswer =
    name !== undefined && name !== "Error" && name !== "Unknown" && name !== "" &&
    (raw.$fault !== undefined || (tag === undefined && isAwsName(name)))
  const network = tag === "TimeoutException" ? "Timeout" : networkReason(raw)
  if (!isAwsAnswer || network !== undefined && raw.$fault === undefined) {
    const reason = network ?? (statusCode !== undefined && statusCode >= 502 && statusCode <= 504 ? "BadGateway" : "Other")
    return new E.TransportError({ reason, message, statusCode, cause: scrubbed(cause) })
  }
  const fields: E.AwsErrorFields = { code: name, message, requestId, statusCode, cause: scrubbed(cause) }
  const awsName = modelledName(name)
  const modelledClass = !declared.includes(awsName) ? undefined : has(modelled, awsName) ? modelled[awsName] : has(streamsOnly, awsName) ? streamsOnly[awsName] : undefined
  if (awsName === "ConditionalCheckFailedException" && modelledClass) {
    return new E.ConditionalCheckFailedError({ ...fields, item: readOptionalItem(raw.Item, "Item") })
  }
  if (awsName === "TransactionCanceledException" && modelledClass) {
    return new E.TransactionCanceledError({ ...fields, reasons: reasonsOf(raw) })
  }
  const errorClass = modelledClass ?? (has(common, name) ? common[name] : undefined) ?? E.UnknownAwsError
  return new errorClass(fields)
}

/**
 * The `DynamoError` for whatever `operation`'s client failed with. dynofunc's own errors pass through (a modelled
 * one that `operation` does not declare becomes an `UnknownAwsError`, keeping its code); an AWS-shaped error (known by
 * its `name`, with or without `$fault`) becomes its class, or an `UnknownAwsError` when `operation` does not declare
 * it (`declared` holds the AWS names it does), so the error type of each operation stays truthful; anything else —
 * network errors, other tagged values (`TimeoutException` from an `Effect.timeout` inside a client), strings, `null`,
 * objects that throw when read — becomes a `TransportError`. An error carrying a malformed item or cancellation
 * reasons becomes a `MalformedResponseError`. The SDK error kept as `cause` is `scrubbed`.
 */
export const toDynamoError = (cause: unknown, operation: string, declared: ReadonlyArray<string>): E.DynamoError => {
  try {
    return fromRaw(cause, declared)
  } catch (error) {
    if (error instanceof MalformedValue) return malformedResponse(operation, error, requestIdOf(cause))
    return new E.TransportError({ reason: "Other", message: `${operation} failed with a value that could not be read (${error instanceof Error ? error.name : kindOf(error)})` })
  }
}
