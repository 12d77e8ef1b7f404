/**
 * A JS `Set` as a DynamoDB set: `SS`, `NS` or `BS` by what it holds; refused when it is empty, when it mixes kinds
 * (strings with numbers, …), or when two of its elements are one to DynamoDB (`1` and `1n`, two equal byte arrays).
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { isBinary } from "./binary.js"
import { canonicalNumber, checkedNumberText, NumberValue, numberText } from "./numbers.js"
import { describe, refuse, within } from "./valueError.js"

type SetKind = "string" | "number" | "binary"

const setKind = (element: unknown): SetKind | undefined => {
  switch (typeof element) {
    case "string":
      return "string"
    case "number":
    case "bigint":
      return "number"
    case "object":
      if (element === null) return undefined
      if (element instanceof NumberValue) return "number"
      return isBinary(element) ? "binary" : undefined
    default:
      return undefined
  }
}

const numberElementText = (element: unknown): string =>
  typeof element === "number" ? numberText(element) : checkedNumberText(String(element as bigint | NumberValue))

/** What makes two set elements the same to DynamoDB: a number's value (`1`, `1n`, `1.0`), a binary's bytes. */
const sameness = (kind: SetKind, element: unknown): string =>
  kind === "number" ? canonicalNumber(element as string) : Buffer.from(element as Uint8Array).toString("base64")

/** A JS `Set` as the DynamoDB set of its kind, `undefined` elements left out (a `ValueError` when it cannot be one). */
export const set = (value: ReadonlySet<unknown>): AttributeValue => {
  let kind: SetKind | undefined
  const out: Array<unknown> = []
  // Distinct JS numbers always write distinct decimal values: only bigints, `NumberValue`s and binaries can repeat one.
  let onlyNumbers = true
  let i = 0
  try {
    for (const element of value) {
      if (element !== undefined) {
        if (typeof element !== "number") onlyNumbers = false
        const elementKind = setKind(element)
        if (elementKind === undefined) refuse(`a Set holds only strings, only numbers or only binaries, not ${describe(element)}`)
        if (kind === undefined) kind = elementKind
        else if (kind !== elementKind) refuse(`a Set must hold only strings, only numbers or only binaries; this one mixes ${kind} and ${elementKind}`)
        out.push(kind === "number" ? numberElementText(element) : element)
      }
      i++
    }
  } catch (error) {
    throw within(error, i)
  }
  if (kind === undefined) return refuse(`Pass a non-empty set: DynamoDB does not store empty sets.`)
  if (kind !== "string" && !onlyNumbers) {
    // A JS Set tells `1` from `1n` and two equal byte arrays apart; DynamoDB refuses them as duplicates.
    const seen = new Set<string>()
    for (const element of out) {
      const same = sameness(kind, element)
      if (seen.has(same)) refuse(`a Set holds ${kind === "number" ? `the number ${String(element)}` : "the same bytes"} twice (DynamoDB refuses duplicates)`)
      seen.add(same)
    }
  }
  return kind === "string" ? { SS: out as Array<string> } : kind === "number" ? { NS: out as Array<string> } : { BS: out as Array<Uint8Array> }
}
