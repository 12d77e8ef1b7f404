/**
 * A reference model of DynamoDB's expression semantics, for differential tests: random condition trees and update
 * actions as plain data ("specs"), what dynofunc builds from them, and what DynamoDB should answer, computed here
 * on `AttributeValue`s.
 *
 * The generators only produce expressions DynamoDB accepts (e.g. `<` only against N/S/B values, BETWEEN bounds in
 * order, `begins_with` with a string or binary), so any `ValidationException` is a bug in dynofunc.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import fc from "fast-check"
import { attr, cand, cnot, cor, path, type AttributeTypeCode, type Condition, type Path, type Segment, type UpdateClause, Value } from "dynofunc"

export type AV = AttributeValue
export type AVMap = Record<string, AV>

// ---------------------------------------------------------------------------------------------------------------
// Values

const strings = ["", "a", "ab", "abc", "b", "ba", "B", "é", "😀", "\uffff"]
const numbers = [-2, -1, 0, 1, 1.5, 2, 10]
const binaries = [[], [0], [0, 1], [1], [255], [1, 0]].map((bytes) => new Uint8Array(bytes))

export const scalarString = fc.constantFrom(...strings)
export const scalarNumber = fc.constantFrom(...numbers)
export const scalarBinary = fc.constantFrom(...binaries)

const nonEmptySet = <A>(arb: fc.Arbitrary<A>, key: (a: A) => string) =>
  fc.uniqueArray(arb, { minLength: 1, maxLength: 3, selector: key }).map((xs) => new Set(xs))

const binaryKey = (b: Uint8Array) => Array.from(b).join(",")

export const stringSet = nonEmptySet(scalarString, (s) => s)
export const numberSet = nonEmptySet(scalarNumber, (n) => String(n))
export const binarySet = nonEmptySet(scalarBinary, binaryKey)

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  scalarString,
  scalarNumber,
  scalarBinary,
  fc.boolean(),
  fc.constant(null)
)

/** Map keys used inside `m`, and by nested paths. */
export const mapKeys = ["a", "x", "b.c"] as const

/** Any value, containers one level deep. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: stringSet },
  { weight: 1, arbitrary: numberSet },
  { weight: 1, arbitrary: binarySet },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...mapKeys), scalar, { maxKeys: 3 }) }
)

/** A value DynamoDB can order (`<`, BETWEEN): N, S or B. */
export const orderedValue: fc.Arbitrary<unknown> = fc.oneof(scalarString, scalarNumber, scalarBinary)

// ---------------------------------------------------------------------------------------------------------------
// Items

/** Top-level attributes of test items (besides the key `pk`/`sk`); odd names on purpose. */
export const names = ["a", "b", "b.c", "size", "x y", "ü", "m", "l"] as const

/** An item (without its key): each attribute present or not; `m` tends to be a map and `l` a list. */
export const item: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    a: anyValue,
    b: anyValue,
    "b.c": anyValue,
    size: anyValue,
    "x y": anyValue,
    ü: anyValue,
    m: fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...mapKeys), anyValue, { maxKeys: 3 }) },
      { weight: 1, arbitrary: anyValue }
    ),
    l: fc.oneof({ weight: 4, arbitrary: fc.array(anyValue, { maxLength: 4 }) }, { weight: 1, arbitrary: anyValue })
  },
  { requiredKeys: [] }
)

/** Paths conditions read: top-level attributes, map keys, list elements (present or not). */
export const conditionPath: fc.Arbitrary<ReadonlyArray<Segment>> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...names).map((n): ReadonlyArray<Segment> => [n]) },
  { weight: 1, arbitrary: fc.constantFrom(...mapKeys).map((k): ReadonlyArray<Segment> => ["m", k]) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }).map((i): ReadonlyArray<Segment> => ["l", i]) }
)

// ---------------------------------------------------------------------------------------------------------------
// Condition specs

export type OperandSpec =
  | { readonly kind: "path"; readonly path: ReadonlyArray<Segment> }
  | { readonly kind: "size"; readonly path: ReadonlyArray<Segment> }
  | { readonly kind: "value"; readonly value: unknown }

export type CondSpec =
  | { readonly t: "cmp"; readonly op: "=" | "<>" | "<" | "<=" | ">" | ">="; readonly left: OperandSpec; readonly right: OperandSpec }
  | { readonly t: "between"; readonly operand: OperandSpec; readonly low: unknown; readonly high: unknown }
  | { readonly t: "in"; readonly operand: OperandSpec; readonly list: ReadonlyArray<unknown> }
  | { readonly t: "begins"; readonly path: ReadonlyArray<Segment>; readonly prefix: unknown }
  | { readonly t: "contains"; readonly path: ReadonlyArray<Segment>; readonly operand: unknown }
  | { readonly t: "exists"; readonly path: ReadonlyArray<Segment> }
  | { readonly t: "notExists"; readonly path: ReadonlyArray<Segment> }
  | { readonly t: "type"; readonly path: ReadonlyArray<Segment>; readonly type: AttributeTypeCode }
  | { readonly t: "and"; readonly cs: ReadonlyArray<CondSpec> }
  | { readonly t: "or"; readonly cs: ReadonlyArray<CondSpec> }
  | { readonly t: "not"; readonly c: CondSpec }

const pathOperand = conditionPath.map((p): OperandSpec => ({ kind: "path", path: p }))
const sizeOperand = conditionPath.map((p): OperandSpec => ({ kind: "size", path: p }))
const valueOperand = (arb: fc.Arbitrary<unknown>) => arb.map((value): OperandSpec => ({ kind: "value", value }))

const samePath = (a: OperandSpec, b: OperandSpec) =>
  a.kind === b.kind && a.kind !== "value" && b.kind !== "value" && JSON.stringify(a.path) === JSON.stringify(b.path)

const compareSize = (left: OperandSpec, op: "=" | "<>" | "<" | "<=" | ">" | ">=", right: OperandSpec, swap: boolean): CondSpec =>
  swap ? { t: "cmp", op: flip(op), left: right, right: left } : { t: "cmp", op, left, right }

const flip = (op: "=" | "<>" | "<" | "<=" | ">" | ">="): "=" | "<>" | "<" | "<=" | ">" | ">=" =>
  op === "<" ? ">" : op === ">" ? "<" : op === "<=" ? ">=" : op === ">=" ? "<=" : op

const equality = fc.constantFrom("=" as const, "<>" as const)
const ordering = fc.constantFrom("<" as const, "<=" as const, ">" as const, ">=" as const)

const sizeValue = fc.integer({ min: 0, max: 4 })

const leaf: fc.Arbitrary<CondSpec> = fc.oneof(
  // path = / <> any value, either side
  fc.tuple(pathOperand, equality, valueOperand(anyValue), fc.boolean()).map(([l, op, r, s]) => compareSize(l, op, r, s)),
  // path < value (ordered types), either side
  fc.tuple(pathOperand, ordering, valueOperand(orderedValue), fc.boolean()).map(([l, op, r, s]) => compareSize(l, op, r, s)),
  // path op path, size op size
  // path op path, size op size (DynamoDB refuses an operand compared with itself)
  fc
    .tuple(pathOperand, fc.oneof(equality, ordering), pathOperand)
    .filter(([l, , r]) => !samePath(l, r))
    .map(([l, op, r]): CondSpec => ({ t: "cmp", op, left: l, right: r })),
  fc
    .tuple(sizeOperand, fc.oneof(equality, ordering), fc.oneof(sizeOperand, valueOperand(sizeValue)), fc.boolean())
    .filter(([l, , r]) => !samePath(l, r))
    .map(([l, op, r, s]) => compareSize(l, op, r, s)),
  // BETWEEN with ordered bounds of one type
  fc
    .tuple(
      fc.oneof(pathOperand, sizeOperand),
      fc.oneof(fc.tuple(scalarString, scalarString), fc.tuple(scalarNumber, scalarNumber), fc.tuple(scalarBinary, scalarBinary))
    )
    .map(([operand, [x, y]]): CondSpec => {
      const [low, high] = compareValues(Value.toAttributeValue(x), Value.toAttributeValue(y))! <= 0 ? [x, y] : [y, x]
      return operand.kind === "size"
        ? { t: "between", operand, low: typeof low === "number" ? Math.min(4, Math.abs(Math.trunc(low))) : 0, high: 4 }
        : { t: "between", operand, low, high }
    }),
  fc.tuple(fc.oneof(pathOperand, sizeOperand), fc.array(anyValue, { minLength: 1, maxLength: 5 })).map(
    ([operand, list]): CondSpec => ({ t: "in", operand, list })
  ),
  fc.tuple(conditionPath, fc.oneof(scalarString, scalarBinary)).map(([p, prefix]): CondSpec => ({ t: "begins", path: p, prefix })),
  fc.tuple(conditionPath, fc.oneof(scalarString, scalarNumber, scalarBinary)).map(([p, operand]): CondSpec => ({ t: "contains", path: p, operand })),
  conditionPath.map((p): CondSpec => ({ t: "exists", path: p })),
  conditionPath.map((p): CondSpec => ({ t: "notExists", path: p })),
  fc
    .tuple(conditionPath, fc.constantFrom<AttributeTypeCode>("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"))
    .map(([p, type]): CondSpec => ({ t: "type", path: p, type }))
)

/** A random condition tree, nested up to `depth`. */
export const condition = (depth = 4): fc.Arbitrary<CondSpec> =>
  fc.letrec<{ c: CondSpec }>((tie) => ({
    c: fc.oneof(
      { depthSize: "small", maxDepth: depth, withCrossShrink: true },
      { weight: 3, arbitrary: leaf },
      { weight: 1, arbitrary: fc.array(tie("c"), { minLength: 1, maxLength: 3 }).map((cs): CondSpec => ({ t: "and", cs })) },
      { weight: 1, arbitrary: fc.array(tie("c"), { minLength: 1, maxLength: 3 }).map((cs): CondSpec => ({ t: "or", cs })) },
      { weight: 1, arbitrary: tie("c").map((c): CondSpec => ({ t: "not", c })) }
    )
  })).c

const toPath = (segments: ReadonlyArray<Segment>): Path => path(segments[0] as string, ...segments.slice(1))

const operand = (o: OperandSpec): unknown => (o.kind === "value" ? o.value : o.kind === "path" ? toPath(o.path) : toPath(o.path).size())

const comparable = (o: OperandSpec) => {
  if (o.kind === "value") throw new Error("a value cannot start a comparison")
  return o.kind === "path" ? toPath(o.path) : toPath(o.path).size()
}

/** What dynofunc builds from a spec (using every style: `attr`, `path`, `cand`/`cor`/`cnot` and the methods). */
export const build = (spec: CondSpec): Condition => {
  switch (spec.t) {
    case "cmp": {
      if (spec.left.kind === "value") return build({ t: "cmp", op: flip(spec.op), left: spec.right, right: spec.left })
      const left = comparable(spec.left)
      const right = operand(spec.right)
      switch (spec.op) {
        case "=":
          return left.equals(right)
        case "<>":
          return left.notEquals(right)
        case "<":
          return left.lt(right)
        case "<=":
          return left.lte(right)
        case ">":
          return left.gt(right)
        case ">=":
          return left.gte(right)
      }
      break
    }
    case "between":
      return comparable(spec.operand).between(spec.low, spec.high)
    case "in":
      return comparable(spec.operand).in(spec.list)
    case "begins":
      return toPath(spec.path).beginsWith(spec.prefix)
    case "contains":
      return toPath(spec.path).contains(spec.operand)
    case "exists":
      return spec.path.length === 1 ? attr(spec.path[0] as string).exists() : toPath(spec.path).exists()
    case "notExists":
      return toPath(spec.path).notExists()
    case "type":
      return toPath(spec.path).type(spec.type)
    case "and":
      return spec.cs.length === 2 ? build(spec.cs[0]!).and(build(spec.cs[1]!)) : cand(...spec.cs.map(build))
    case "or":
      return cor(...spec.cs.map(build))
    case "not":
      return cnot(build(spec.c))
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reference semantics

/** The value at `segments` of `item`, or `undefined`. */
export const resolve = (item: AVMap | undefined, segments: ReadonlyArray<Segment>): AV | undefined => {
  if (item === undefined) return undefined
  let current: AV | undefined = item[segments[0] as string]
  for (let i = 1; i < segments.length && current !== undefined; i++) {
    const s = segments[i]!
    if (typeof s === "number") current = current.L !== undefined ? current.L[s] : undefined
    else current = current.M !== undefined ? current.M[s] : undefined
  }
  return current
}

export const typeOf = (v: AV): AttributeTypeCode => Object.keys(v).find((k) => (v as unknown as Record<string, unknown>)[k] !== undefined) as AttributeTypeCode

const bytesCompare = (a: Uint8Array, b: Uint8Array): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

const utf8 = (s: string) => new TextEncoder().encode(s)

/** Order of two values of one orderable type (N, S, B), or `undefined` when they cannot be ordered. */
export const compareValues = (a: AV, b: AV): number | undefined => {
  if (a.N !== undefined && b.N !== undefined) return Number(a.N) - Number(b.N)
  if (a.S !== undefined && b.S !== undefined) return bytesCompare(utf8(a.S), utf8(b.S))
  if (a.B !== undefined && b.B !== undefined) return bytesCompare(a.B, b.B)
  return undefined
}

const sameSet = <A>(xs: ReadonlyArray<A>, ys: ReadonlyArray<A>, eq: (x: A, y: A) => boolean) =>
  xs.length === ys.length && xs.every((x) => ys.some((y) => eq(x, y)))

/** DynamoDB equality: same type and same value (numbers numerically, sets unordered). */
export const equal = (a: AV, b: AV): boolean => {
  const t = typeOf(a)
  if (t !== typeOf(b)) return false
  switch (t) {
    case "S":
      return a.S === b.S
    case "N":
      return Number(a.N) === Number(b.N)
    case "B":
      return bytesCompare(a.B!, b.B!) === 0
    case "BOOL":
      return a.BOOL === b.BOOL
    case "NULL":
      return true
    case "SS":
      return sameSet(a.SS!, b.SS!, (x, y) => x === y)
    case "NS":
      return sameSet(a.NS!, b.NS!, (x, y) => Number(x) === Number(y))
    case "BS":
      return sameSet(a.BS!, b.BS!, (x, y) => bytesCompare(x, y) === 0)
    case "L":
      return a.L!.length === b.L!.length && a.L!.every((x, i) => equal(x, b.L![i]!))
    case "M": {
      const ka = Object.keys(a.M!)
      return ka.length === Object.keys(b.M!).length && ka.every((k) => b.M![k] !== undefined && equal(a.M![k]!, b.M![k]!))
    }
  }
}

const size = (v: AV): number | undefined => {
  // DynamoDB Local counts UTF-16 code units ("😀" is 2), not code points nor UTF-8 bytes.
  if (v.S !== undefined) return v.S.length
  if (v.B !== undefined) return v.B.length
  if (v.SS !== undefined) return v.SS.length
  if (v.NS !== undefined) return v.NS.length
  if (v.BS !== undefined) return v.BS.length
  if (v.L !== undefined) return v.L.length
  if (v.M !== undefined) return Object.keys(v.M).length
  return undefined
}

const resolveOperand = (item: AVMap | undefined, o: OperandSpec): AV | undefined => {
  if (o.kind === "value") return Value.toAttributeValue(o.value)
  const v = resolve(item, o.path)
  if (o.kind === "path" || v === undefined) return v
  const n = size(v)
  return n === undefined ? undefined : { N: String(n) }
}

/** Whether `spec` holds for `item` (`undefined`: the item does not exist). */
export const evaluate = (spec: CondSpec, item: AVMap | undefined): boolean => {
  switch (spec.t) {
    case "cmp": {
      const a = resolveOperand(item, spec.left)
      const b = resolveOperand(item, spec.right)
      // `<>` is exactly NOT `=`: true when either side is missing (or has no size).
      if (spec.op === "<>") return a === undefined || b === undefined || !equal(a, b)
      if (a === undefined || b === undefined) return false
      if (spec.op === "=") return equal(a, b)
      const c = compareValues(a, b)
      if (c === undefined) return false
      return spec.op === "<" ? c < 0 : spec.op === "<=" ? c <= 0 : spec.op === ">" ? c > 0 : c >= 0
    }
    case "between": {
      const a = resolveOperand(item, spec.operand)
      if (a === undefined) return false
      const lo = compareValues(a, Value.toAttributeValue(spec.low))
      const hi = compareValues(a, Value.toAttributeValue(spec.high))
      return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0
    }
    case "in": {
      const a = resolveOperand(item, spec.operand)
      return a !== undefined && spec.list.some((v) => equal(a, Value.toAttributeValue(v)))
    }
    case "begins": {
      const a = resolve(item, spec.path)
      const p = Value.toAttributeValue(spec.prefix)
      if (a?.S !== undefined && p.S !== undefined) return a.S.startsWith(p.S)
      if (a?.B !== undefined && p.B !== undefined) return a.B.length >= p.B.length && bytesCompare(a.B.subarray(0, p.B.length), p.B) === 0
      return false
    }
    case "contains": {
      const a = resolve(item, spec.path)
      const v = Value.toAttributeValue(spec.operand)
      if (a === undefined) return false
      if (a.S !== undefined) return v.S !== undefined && a.S.includes(v.S)
      if (a.B !== undefined) return v.B !== undefined && Buffer.from(a.B).includes(Buffer.from(v.B))
      if (a.SS !== undefined) return v.S !== undefined && a.SS.includes(v.S)
      if (a.NS !== undefined) return v.N !== undefined && a.NS.some((n) => Number(n) === Number(v.N))
      if (a.BS !== undefined) return v.B !== undefined && a.BS.some((b) => bytesCompare(b, v.B!) === 0)
      if (a.L !== undefined) return a.L.some((x) => equal(x, v))
      return false
    }
    case "exists":
      return resolve(item, spec.path) !== undefined
    case "notExists":
      return resolve(item, spec.path) === undefined
    case "type": {
      const a = resolve(item, spec.path)
      return a !== undefined && typeOf(a) === spec.type
    }
    case "and":
      return spec.cs.every((c) => evaluate(c, item))
    case "or":
      return spec.cs.some((c) => evaluate(c, item))
    case "not":
      return !evaluate(spec.c, item)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Update specs

export type ActionSpec =
  | { readonly k: "set"; readonly path: ReadonlyArray<Segment>; readonly value: unknown }
  | { readonly k: "remove"; readonly path: ReadonlyArray<Segment> }
  | { readonly k: "increment" | "decrement"; readonly path: ReadonlyArray<Segment>; readonly by: number }
  | { readonly k: "append" | "prepend"; readonly path: ReadonlyArray<Segment>; readonly elements: ReadonlyArray<unknown> }
  | { readonly k: "add"; readonly path: ReadonlyArray<Segment>; readonly value: number | Set<unknown> }
  | { readonly k: "delete"; readonly path: ReadonlyArray<Segment>; readonly value: Set<unknown> }
  | { readonly k: "ifNotExists"; readonly path: ReadonlyArray<Segment>; readonly value: unknown }
  | { readonly k: "copy"; readonly path: ReadonlyArray<Segment>; readonly from: string }
  | { readonly k: "plus" | "minus"; readonly path: ReadonlyArray<Segment>; readonly from: string; readonly by: number }

const setKind = (v: AV | undefined): "SS" | "NS" | "BS" | undefined =>
  v?.SS !== undefined ? "SS" : v?.NS !== undefined ? "NS" : v?.BS !== undefined ? "BS" : undefined

const setOf = (kind: "SS" | "NS" | "BS"): fc.Arbitrary<Set<unknown>> =>
  (kind === "SS" ? stringSet : kind === "NS" ? numberSet : binarySet) as fc.Arbitrary<Set<unknown>>

/** The actions DynamoDB can apply to `current` (the value at the target, maybe missing). */
const actionsFor = (target: ReadonlyArray<Segment>, current: AV | undefined, sources: ReadonlyArray<string>, old: AVMap) => {
  const options: Array<fc.Arbitrary<ActionSpec>> = [
    anyValue.map((value): ActionSpec => ({ k: "set", path: target, value })),
    fc.constant<ActionSpec>({ k: "remove", path: target }),
    anyValue.map((value): ActionSpec => ({ k: "ifNotExists", path: target, value }))
  ]
  if (current === undefined || current.N !== undefined) {
    options.push(
      fc
        .tuple(fc.constantFrom("increment" as const, "decrement" as const), fc.integer({ min: 1, max: 5 }))
        .map(([k, by]): ActionSpec => ({ k, path: target, by }))
    )
    options.push(fc.integer({ min: -3, max: 3 }).map((value): ActionSpec => ({ k: "add", path: target, value })))
  }
  if (current === undefined || current.L !== undefined) {
    options.push(
      fc
        .tuple(fc.constantFrom("append" as const, "prepend" as const), fc.array(anyValue, { minLength: 1, maxLength: 3 }))
        .map(([k, elements]): ActionSpec => ({ k, path: target, elements }))
    )
  }
  const kind = setKind(current)
  if (current === undefined || kind !== undefined) {
    const kinds = kind !== undefined ? [kind] : (["SS", "NS", "BS"] as const)
    options.push(
      fc
        .constantFrom(...kinds)
        .chain((k) => setOf(k))
        .map((value): ActionSpec => ({ k: "add", path: target, value }))
    )
    if (kind !== undefined) options.push(setOf(kind).map((value): ActionSpec => ({ k: "delete", path: target, value })))
  }
  const present = sources.filter((s) => old[s] !== undefined)
  if (present.length > 0) options.push(fc.constantFrom(...present).map((from): ActionSpec => ({ k: "copy", path: target, from })))
  const numeric = sources.filter((s) => old[s]?.N !== undefined)
  if (numeric.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...numeric), fc.constantFrom("plus" as const, "minus" as const), fc.integer({ min: 0, max: 3 }))
        .map(([from, k, by]): ActionSpec => ({ k, path: target, from, by }))
    )
  }
  return fc.oneof(...options)
}

/**
 * Random non-overlapping actions for `old` (an item as `AttributeValue`s): some top-level attributes, some keys of
 * `m` when it is a map, one element of `l` when it is a list; sources of copies are attributes left untouched.
 */
export const actions = (old: AVMap): fc.Arbitrary<ReadonlyArray<ActionSpec>> =>
  fc
    .record({
      top: fc.subarray(names.filter((n) => n !== "m" && n !== "l") as Array<string>, { minLength: 0 }),
      m: old["m"]?.M !== undefined ? fc.subarray([...mapKeys] as Array<string>) : fc.constant<Array<string>>([]),
      mWhole: fc.boolean(),
      l: old["l"]?.L !== undefined ? fc.option(fc.integer({ min: 0, max: old["l"].L.length + 1 }), { nil: undefined }) : fc.constant(undefined),
      lWhole: fc.boolean()
    })
    .chain(({ top, m, mWhole, l, lWhole }) => {
      const targets: Array<ReadonlyArray<Segment>> = top.map((n) => [n])
      if (m.length > 0) targets.push(...m.map((k): ReadonlyArray<Segment> => ["m", k]))
      else if (mWhole) targets.push(["m"])
      if (l !== undefined) targets.push(["l", l])
      else if (lWhole) targets.push(["l"])
      const touched = new Set(targets.map((t) => t[0] as string))
      const sources = names.filter((n) => !touched.has(n))
      if (targets.length === 0) targets.push(["a"])
      return fc.tuple(...targets.map((t) => actionsFor(t, resolve(old, t), sources, old)))
    })

/** What dynofunc builds from actions: top-level ones in a plain object (helpers), nested ones tied to paths. */
export const buildUpdate = (specs: ReadonlyArray<ActionSpec>): Array<Record<string, unknown> | UpdateClause> => {
  const object: Record<string, unknown> = {}
  const clauses: Array<UpdateClause> = []
  for (const spec of specs) {
    const p = toPath(spec.path)
    const top = spec.path.length === 1 ? (spec.path[0] as string) : undefined
    // defineProperty, so a random name like `__proto__` becomes a key, not the object's prototype.
    const put = (helper: unknown, clause: () => UpdateClause) =>
      top !== undefined && clauses.length % 2 === 0
        ? Object.defineProperty(object, top, { value: helper, enumerable: true, configurable: true, writable: true })
        : clauses.push(clause())
    switch (spec.k) {
      case "set":
        put(spec.value, () => p.set(spec.value))
        break
      case "remove":
        put(attr.remove(), () => p.remove())
        break
      case "increment":
        put(attr.increment(spec.by), () => p.increment(spec.by))
        break
      case "decrement":
        put(attr.decrement(spec.by), () => p.decrement(spec.by))
        break
      case "append":
        put(attr.append(spec.elements), () => p.append(spec.elements))
        break
      case "prepend":
        put(attr.prepend(spec.elements), () => p.prepend(spec.elements))
        break
      case "add":
        put(attr.add(spec.value), () => p.add(spec.value))
        break
      case "delete":
        put(attr.delete(spec.value), () => p.delete(spec.value))
        break
      case "ifNotExists":
        put(attr.ifNotExists(spec.value), () => p.setIfNotExists(spec.value))
        break
      case "copy":
        put(attr(spec.from), () => p.set(attr(spec.from)))
        break
      case "plus":
        put(attr(spec.from).plus(spec.by), () => p.set(attr(spec.from).plus(spec.by)))
        break
      case "minus":
        put(attr(spec.from).minus(spec.by), () => p.set(attr(spec.from).minus(spec.by)))
        break
    }
  }
  return [object, ...clauses]
}

const num = (v: AV | undefined) => (v?.N !== undefined ? Number(v.N) : 0)

const setValues = (v: AV): Array<AV> =>
  v.SS !== undefined ? v.SS.map((S) => ({ S })) : v.NS !== undefined ? v.NS.map((N) => ({ N })) : v.BS!.map((B) => ({ B }))

const fromSetValues = (kind: "SS" | "NS" | "BS", xs: Array<AV>): AV | undefined =>
  xs.length === 0
    ? undefined
    : kind === "SS"
      ? { SS: xs.map((x) => x.S!) }
      : kind === "NS"
        ? { NS: xs.map((x) => x.N!) }
        : { BS: xs.map((x) => x.B!) }

/** The item after DynamoDB applies `specs` to `old` (all operands read from `old`). */
export const apply = (old: AVMap, specs: ReadonlyArray<ActionSpec>): AVMap => {
  const next: AVMap = structuredClone(old)
  for (const spec of specs) {
    const current = resolve(old, spec.path)
    let value: AV | undefined | "remove"
    switch (spec.k) {
      case "set":
        value = Value.toAttributeValue(spec.value)
        break
      case "remove":
        value = "remove"
        break
      case "increment":
        value = { N: String(num(current) + spec.by) }
        break
      case "decrement":
        value = { N: String(num(current) - spec.by) }
        break
      case "append":
        value = { L: [...(current?.L ?? []), ...Value.toAttributeValue(spec.elements).L!] }
        break
      case "prepend":
        value = { L: [...Value.toAttributeValue(spec.elements).L!, ...(current?.L ?? [])] }
        break
      case "add":
        if (typeof spec.value === "number") value = { N: String(num(current) + spec.value) }
        else {
          const added = Value.toAttributeValue(spec.value)
          const kind = setKind(added)!
          const xs = current === undefined ? [] : setValues(current)
          for (const x of setValues(added)) if (!xs.some((y) => equal(x, y))) xs.push(x)
          value = fromSetValues(kind, xs)!
        }
        break
      case "delete": {
        if (current === undefined) continue
        const removed = setValues(Value.toAttributeValue(spec.value))
        value = fromSetValues(setKind(current)!, setValues(current).filter((x) => !removed.some((y) => equal(x, y)))) ?? "remove"
        break
      }
      case "ifNotExists":
        value = current ?? Value.toAttributeValue(spec.value)
        break
      case "copy":
        value = old[spec.from]!
        break
      case "plus":
        value = { N: String(num(old[spec.from]) + spec.by) }
        break
      case "minus":
        value = { N: String(num(old[spec.from]) - spec.by) }
        break
    }
    write(next, spec.path, value)
  }
  return next
}

const write = (item: AVMap, segments: ReadonlyArray<Segment>, value: AV | "remove"): void => {
  const first = segments[0] as string
  if (segments.length === 1) {
    if (value === "remove") delete item[first]
    else item[first] = value
    return
  }
  const parent = item[first]!
  const key = segments[1]!
  if (typeof key === "number") {
    const list = parent.L!
    if (value === "remove") {
      if (key < list.length) list.splice(key, 1)
    } else if (key < list.length) list[key] = value
    else list.push(value)
  } else {
    const map = parent.M!
    if (value === "remove") delete map[key]
    else map[key] = value
  }
}

/** An item with numbers and sets in one canonical form, to compare items as DynamoDB returns them. */
export const canonical = (item: AVMap): unknown =>
  Object.fromEntries(Object.keys(item).sort().map((k) => [k, canonicalValue(item[k]!)]))

const canonicalValue = (av: AV): unknown => {
  if (av.N !== undefined) return { N: String(Number(av.N)) }
  if (av.B !== undefined) return { B: Array.from(av.B) }
  if (av.SS !== undefined) return { SS: [...av.SS].sort() }
  if (av.NS !== undefined) return { NS: av.NS.map((n) => Number(n)).sort((a, b) => a - b) }
  if (av.BS !== undefined) return { BS: av.BS.map((b) => Array.from(b).join(",")).sort() }
  if (av.L !== undefined) return { L: av.L.map(canonicalValue) }
  if (av.M !== undefined) return { M: canonical(av.M) }
  return av
}

// ---------------------------------------------------------------------------------------------------------------
// Attribute names

/** Words DynamoDB reserves (a sample), in several cases. */
export const reservedWords = ["ABORT", "ADD", "AND", "BETWEEN", "BY", "COUNT", "DATA", "DATE", "DELETE", "IN", "KEY", "NAME", "NOT", "OR", "ORDER", "REMOVE", "SELECT", "SET", "SIZE", "STATUS", "TABLE", "TIMESTAMP", "TYPE", "USER", "VALUE", "YEAR", "name", "status", "year", "size", "Type"]

/** Attribute names of every awkward kind: reserved words, dots, dashes, spaces, brackets, unicode, emoji. */
export const attributeName: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(...reservedWords),
    fc.constantFrom("a.b", "a-b", "a b", "a[0]", "#a", ":a", "$", "a.b.c", "-", ".", "..", "[", "]", "日本語", "ünïcødé", "🙂👍", "e\u0301", "tab\there", "\"q\"", "'", "\\"),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
    fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }),
    fc.tuple(fc.constantFrom(...reservedWords), fc.constantFrom(".", "-", " ", "[1]", "."), fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 })).map(([a, b, c]) => a + b + c)
  )
  .filter((n) => n !== "pk" && n !== "sk")
