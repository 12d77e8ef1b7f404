/**
 * Which JS values are DynamoDB binaries (`B`): any `ArrayBuffer` view (a `Uint8Array`, a `Buffer`, …), an
 * `ArrayBuffer`, or an object of one of those classes by name (a `Blob`, a value from another realm).
 */

const binaryNames = new Set([
  "ArrayBuffer",
  "Blob",
  "Buffer",
  "DataView",
  "File",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array"
])

/** Whether `value` is a binary DynamoDB stores as `B`. */
export const isBinary = (value: object): boolean => {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true
  const constructor = (value as { constructor?: { name?: unknown } }).constructor
  return constructor !== undefined && constructor !== null && binaryNames.has(constructor.name as string)
}
