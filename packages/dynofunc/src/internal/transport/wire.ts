/**
 * DynamoDB's JSON 1.0 wire format, read and written as the SDK does: what its serde does beyond `JSON.stringify` /
 * `JSON.parse`. Binary attribute values (`B`, `BS`) travel as base64 and are `Uint8Array`s in inputs and outputs;
 * timestamps travel as epoch seconds and are `Date`s in outputs (`CreationDateTime`, …); outputs hold only the
 * members the SDK's model knows; every output carries `$metadata`; errors are SDK-shaped, so the one error mapping
 * (`toDynamoError`) serves both transports.
 */
import { zlib } from "../builtins.js"
import type { EndpointOptions } from "./endpoint.js"
import { errors, outputs, type Ref, type Shape, shapes } from "./shapes.generated.js"

/** Base64 as DynamoDB (and the SDK's reader) has it: the standard alphabet, padded. */
const base64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * The bytes of base64 `text`; text that is not base64 as DynamoDB sends it stays text (anything else as it is), for
 * the unmarshaller to say where it is (`Buffer.from` would skip the characters it does not know and give other bytes).
 *
 * @example
 * import { fromBase64 } from "./wire.js"
 * fromBase64("AQ==") // Uint8Array [1]
 * fromBase64("AQ") // "AQ"
 */
export const fromBase64 = (text: unknown): unknown => {
  if (typeof text !== "string" || text.length % 4 !== 0 || !base64.test(text)) return text
  const buffer = Buffer.from(text, "base64")
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

/**
 * An AttributeValue as the SDK reads it, converted in place: bytes from base64, lists and maps read likewise. Maps
 * are assigned in place (their keys are own properties already), so an attribute named `__proto__` stays one.
 */
export const readAttribute = (value: unknown): unknown => {
  if (typeof value !== "object" || value === null) return value
  const av = value as { B?: unknown; BS?: unknown; L?: unknown; M?: unknown }
  if (typeof av.B === "string") av.B = fromBase64(av.B)
  else if (Array.isArray(av.BS)) av.BS = av.BS.map(fromBase64)
  else if (Array.isArray(av.L)) av.L = av.L.map(readAttribute)
  else if (typeof av.M === "object" && av.M !== null) {
    const map = av.M as Record<string, unknown>
    for (const key in map) map[key] = readAttribute(map[key])
  }
  return av
}

/**
 * `value` read as the SDK reads shape `ref` (`shapes.generated.ts`): members the SDK's model does not know are
 * dropped, as are `null` members; timestamps become `Date`s; AttributeValues are read by `readAttribute`.
 */
const read = (value: unknown, ref: Ref): unknown => {
  if (ref === 0 || typeof value !== "object" || value === null) {
    return ref === 1 && typeof value === "number" ? new Date(Math.round(value * 1000)) : value
  }
  if (ref === 2) return readAttribute(value)
  const shape = shapes[ref - 3] as Shape
  if (Array.isArray(shape)) {
    const [kind, element] = shape as readonly ["L" | "M", Ref]
    if (kind === "L") return Array.isArray(value) ? value.map((item) => read(item, element)) : value
    const map = value as Record<string, unknown>
    for (const key in map) map[key] = read(map[key], element)
    return map
  }
  const source = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const member in shape) {
    const field = source[member]
    if (field !== undefined && field !== null) out[member] = read(field, (shape as Record<string, Ref>)[member] as Ref)
  }
  return out
}

/**
 * The output of `operation` as the SDK returns it (an empty body is `{}`), without `$metadata`.
 *
 * @example
 * import { readOutput } from "./wire.js"
 * readOutput("GetItem", '{"Item":{"id":{"B":"AQ=="}}}') // { Item: { id: { B: Uint8Array [1] } } }
 */
export const readOutput = (operation: string, text: string): Record<string, unknown> => {
  const body: unknown = text === "" ? {} : JSON.parse(text)
  // An output without members may come back as any JSON (dynalite answers TagResource with `""`): the SDK reads `{}`.
  return typeof body === "object" && body !== null ? (read(body, outputs[operation] ?? 0) as Record<string, unknown>) : {}
}

/**
 * What differs between the JSON services the lean client speaks to (DynamoDB, DynamoDB Streams): the target prefix
 * of `X-Amz-Target`, the default endpoint of a region, and how an output is read.
 */
export interface Protocol {
  readonly target: string
  readonly endpoint: (region: string, options: EndpointOptions) => string
  readonly readOutput: (operation: string, text: string) => Record<string, unknown>
}

// `Date` members are written by `toJSON` before a replacer sees them: the replacer reads the original on the holder.
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key]
  if (original instanceof Uint8Array) return Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString("base64")
  if (original instanceof Date) return original.getTime() / 1000
  return value
}

/** Whether an input holds a value JSON cannot write as DynamoDB wants it (bytes, dates). */
const needsReplacer = (value: unknown): boolean => {
  if (typeof value !== "object" || value === null) return false
  if (value instanceof Uint8Array || value instanceof Date) return true
  if (Array.isArray(value)) return value.some(needsReplacer)
  for (const key in value) if (needsReplacer((value as Record<string, unknown>)[key])) return true
  return false
}

/**
 * A request body: the SDK input as JSON, bytes as base64 and dates as epoch seconds.
 *
 * @example
 * import { writeBody } from "./wire.js"
 * writeBody({ TableName: "users", Key: { id: { B: new Uint8Array([1]) } } }) // '{"TableName":"users","Key":{"id":{"B":"AQ=="}}}'
 */
export const writeBody = (input: unknown): string =>
  // V8's fast JSON path is lost with a replacer: look first (a walk costs less than the slow path).
  needsReplacer(input) ? JSON.stringify(input, replacer) : JSON.stringify(input)

/** What the SDK puts on every output and error: `$metadata`. */
export interface ResponseMetadata {
  readonly httpStatusCode: number
  readonly requestId: string | undefined
  readonly extendedRequestId: undefined
  readonly cfId: undefined
  readonly attempts: number
  readonly totalRetryDelay: number
}

/** `$metadata` of an answer with `status` and request id `requestId`, sent once. */
export const metadata = (status: number, requestId: string | undefined): ResponseMetadata => ({
  httpStatusCode: status,
  requestId,
  extendedRequestId: undefined,
  cfId: undefined,
  attempts: 1,
  totalRetryDelay: 0
})

/**
 * An error DynamoDB answered, shaped as the SDK's service exceptions are: `name` is the AWS code, with `$fault`,
 * `$metadata`, `message` and the body's other members (`Item`, `CancellationReasons`, …).
 */
export class ServiceError extends Error {
  readonly $fault: "client" | "server"
  readonly $metadata: ResponseMetadata
  constructor(code: string, message: string, $metadata: ResponseMetadata, members: Record<string, unknown>) {
    super(message)
    Object.assign(this, members)
    this.name = code
    this.$fault = $metadata.httpStatusCode >= 500 ? "server" : "client"
    this.$metadata = $metadata
  }
}

/** The AWS code of an error answer, as the SDK reads it: `__type` (or the error type header) after `#`, before `:`. */
const errorCode = (typeHeader: string | undefined, body: Record<string, unknown>): string => {
  const raw = typeHeader ?? body["__type"] ?? body["code"] ?? body["Code"]
  if (typeof raw !== "string" || raw === "") return "Unknown"
  const plain = raw.split(":")[0] ?? raw
  return plain.slice(plain.lastIndexOf("#") + 1)
}

/**
 * The SDK-shaped error for an answer with an error status. A body that is not JSON (a proxy's HTML page) gives code
 * `Unknown`, which the error mapping reads as a transport failure (`BadGateway` for 502–504).
 */
export const serviceError = (
  status: number,
  requestId: string | undefined,
  typeHeader: string | undefined,
  text: string
): ServiceError => {
  let body: Record<string, unknown> = {}
  let unreadable = ""
  try {
    if (text !== "") body = JSON.parse(text) as Record<string, unknown>
  } catch (error) {
    unreadable = ` (${error instanceof Error ? error.message : String(error)})`
  }
  const code = errorCode(typeHeader, body)
  const { __type: _type, message, Message, ...members } = read(body, errors[code] ?? 0) as Record<string, unknown>
  const said =
    typeof message === "string" ? message
    : typeof Message === "string" ? Message
    : code === "Unknown" ? `HTTP ${status}: the answer is not DynamoDB's JSON${unreadable}`
    : code
  return new ServiceError(code, said, metadata(status, requestId), members)
}

/** The body failed the `x-amz-crc32` check: it was damaged on the way. */
export class Crc32MismatchError extends Error {
  readonly $metadata: ResponseMetadata
  constructor($metadata: ResponseMetadata, expected: number, actual: number) {
    super(`the response body's CRC32 is ${actual}, DynamoDB sent ${expected} (x-amz-crc32): the response was damaged on the way`)
    this.name = "Crc32MismatchError"
    this.$metadata = $metadata
  }
}

const crcTable = /* @__PURE__ */ (() => {
  const table = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  return table
})()

const crc32InJs = (bytes: Uint8Array): number => {
  let crc = -1
  for (let i = 0; i < bytes.length; i++) crc = (crc >>> 8) ^ (crcTable[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0)
  return (crc ^ -1) >>> 0
}

/**
 * CRC32 (IEEE) of `bytes`: Node's own where it has one (20.15+, 22.2+), else a table in JS.
 *
 * @example
 * import { crc32 } from "./wire.js"
 * crc32(Buffer.from("{}")) // 2745614147
 */
export const crc32 = (bytes: Uint8Array): number => (chosenCrc32 ??= (zlib() as { crc32?: typeof crc32InJs }).crc32 ?? crc32InJs)(bytes)

/** `node:zlib`'s `crc32`, or the table in JS, chosen on the first check (loading `node:zlib` then, not at import). */
let chosenCrc32: ((bytes: Uint8Array) => number) | undefined
