/**
 * "Same meaning" for UpdateItem requests: two requests are equivalent when, after every `#name` and `:value`
 * placeholder is replaced by what it stands for, they update the same item with the same actions under the same
 * condition. Placeholder spelling, action order, clause order, parentheses and the order of AND/OR operands do not
 * matter; a placeholder that is defined but unused (DynamoDB refuses those) or used but undefined is a difference.
 *
 * DocumentClient-style requests (dynamodb-toolbox, ElectroDB: values as plain JS) are marshalled first.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { marshall } from "@aws-sdk/util-dynamodb"

type Token =
  | { readonly kind: "name"; readonly text: string }
  | { readonly kind: "value"; readonly text: string }
  | { readonly kind: "word"; readonly text: string }
  | { readonly kind: "number"; readonly text: string }
  | { readonly kind: "punct"; readonly text: string }

const tokenize = (source: string): Array<Token> => {
  const tokens: Array<Token> = []
  const pattern = /\s*(?:(#[A-Za-z0-9_]+)|(:[A-Za-z0-9_]+)|([A-Za-z_][A-Za-z0-9_]*)|(\d+)|(<>|<=|>=|[()[\],.=<>+-]))/y
  let index = 0
  while (index < source.length) {
    if (/^\s*$/.test(source.slice(index))) break
    pattern.lastIndex = index
    const match = pattern.exec(source)
    if (match === null) throw new Error(`cannot read expression at "${source.slice(index)}"`)
    index = pattern.lastIndex
    if (match[1] !== undefined) tokens.push({ kind: "name", text: match[1] })
    else if (match[2] !== undefined) tokens.push({ kind: "value", text: match[2] })
    else if (match[3] !== undefined) tokens.push({ kind: "word", text: match[3] })
    else if (match[4] !== undefined) tokens.push({ kind: "number", text: match[4] })
    else tokens.push({ kind: "punct", text: match[5]! })
  }
  return tokens
}

interface Context {
  readonly names: Record<string, string>
  readonly values: Record<string, string>
  readonly usedNames: Set<string>
  readonly usedValues: Set<string>
  readonly problems: Array<string>
}

class Parser {
  private position = 0
  constructor(
    private readonly tokens: ReadonlyArray<Token>,
    private readonly context: Context
  ) {}

  get done(): boolean {
    return this.position >= this.tokens.length
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset]
  }

  next(): Token {
    const token = this.tokens[this.position++]
    if (token === undefined) throw new Error("unexpected end of expression")
    return token
  }

  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset)
    return token?.kind === "word" && token.text.toUpperCase() === word
  }

  isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset)
    return token?.kind === "punct" && token.text === text
  }

  expectPunct(text: string): void {
    const token = this.next()
    if (token.kind !== "punct" || token.text !== text) throw new Error(`expected "${text}", found "${token.text}"`)
  }

  private segment(): string {
    const token = this.next()
    if (token.kind === "name") {
      this.context.usedNames.add(token.text)
      const name = this.context.names[token.text]
      if (name === undefined) {
        this.context.problems.push(`name placeholder ${token.text} is not defined`)
        return `?${token.text}`
      }
      return JSON.stringify(name)
    }
    if (token.kind === "word") return JSON.stringify(token.text)
    throw new Error(`expected an attribute name, found "${token.text}"`)
  }

  path(): string {
    let path = this.segment()
    for (;;) {
      if (this.isPunct(".")) {
        this.next()
        path += "." + this.segment()
      } else if (this.isPunct("[")) {
        this.next()
        const index = this.next()
        if (index.kind !== "number") throw new Error(`expected a list index, found "${index.text}"`)
        this.expectPunct("]")
        path += `[${Number(index.text)}]`
      } else return path
    }
  }

  value(): string {
    const token = this.next()
    this.context.usedValues.add(token.text)
    const value = this.context.values[token.text]
    if (value === undefined) {
      this.context.problems.push(`value placeholder ${token.text} is not defined`)
      return `?${token.text}`
    }
    return value
  }

  /** A path, a value, or a function call (`size`, `if_not_exists`, `list_append`). */
  operand(): string {
    const token = this.peek()
    if (token === undefined) throw new Error("unexpected end of expression")
    if (token.kind === "value") return this.value()
    if (token.kind === "word" && this.isPunct("(", 1)) return this.call()
    return this.path()
  }

  call(): string {
    const name = this.next().text.toLowerCase()
    this.expectPunct("(")
    const args: Array<string> = []
    if (!this.isPunct(")")) {
      args.push(this.updateValue())
      while (this.isPunct(",")) {
        this.next()
        args.push(this.updateValue())
      }
    }
    this.expectPunct(")")
    return `${name}(${args.join(", ")})`
  }

  /** An update's right-hand side: an operand, `a + b`, `a - b`, possibly parenthesized. */
  updateValue(): string {
    let left: string
    if (this.isPunct("(")) {
      this.next()
      left = this.updateValue()
      this.expectPunct(")")
    } else left = this.operand()
    if (this.isPunct("+") || this.isPunct("-")) {
      const operator = this.next().text
      const right = this.updateValue()
      return operator === "+" ? `(${[left, right].sort().join(" + ")})` : `(${left} - ${right})`
    }
    return left
  }

  condition(): Condition {
    const operands = [this.conjunction()]
    while (this.isWord("OR")) {
      this.next()
      operands.push(this.conjunction())
    }
    return operands.length === 1 ? operands[0]! : { kind: "or", operands }
  }

  private conjunction(): Condition {
    const operands = [this.negation()]
    while (this.isWord("AND")) {
      this.next()
      operands.push(this.negation())
    }
    return operands.length === 1 ? operands[0]! : { kind: "and", operands }
  }

  private negation(): Condition {
    if (this.isWord("NOT")) {
      this.next()
      return { kind: "not", operand: this.negation() }
    }
    return this.primary()
  }

  private primary(): Condition {
    if (this.isPunct("(")) {
      this.next()
      const inner = this.condition()
      this.expectPunct(")")
      return inner
    }
    const token = this.peek()
    if (token?.kind === "word" && this.isPunct("(", 1) && token.text.toLowerCase() !== "size") {
      return { kind: "atom", text: this.call() }
    }
    const left = this.operand()
    if (this.isWord("BETWEEN")) {
      this.next()
      const low = this.operand()
      if (!this.isWord("AND")) throw new Error("expected AND in BETWEEN")
      this.next()
      return { kind: "atom", text: `${left} BETWEEN ${low} AND ${this.operand()}` }
    }
    if (this.isWord("IN")) {
      this.next()
      this.expectPunct("(")
      const options = [this.operand()]
      while (this.isPunct(",")) {
        this.next()
        options.push(this.operand())
      }
      this.expectPunct(")")
      return { kind: "atom", text: `${left} IN (${options.sort().join(", ")})` }
    }
    const operator = this.next()
    if (operator.kind !== "punct" || !["=", "<>", "<", "<=", ">", ">="].includes(operator.text)) {
      throw new Error(`expected a comparator, found "${operator.text}"`)
    }
    const right = this.operand()
    const flipped: Record<string, string> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=" }
    if (operator.text === "=" || operator.text === "<>") {
      return { kind: "atom", text: [left, right].sort().join(` ${operator.text} `) }
    }
    // a < b is b > a: write comparisons with the smaller side first.
    return left <= right
      ? { kind: "atom", text: `${left} ${operator.text} ${right}` }
      : { kind: "atom", text: `${right} ${flipped[operator.text]} ${left}` }
  }
}

type Condition =
  | { readonly kind: "atom"; readonly text: string }
  | { readonly kind: "not"; readonly operand: Condition }
  | { readonly kind: "and" | "or"; readonly operands: ReadonlyArray<Condition> }

/** AND/OR flattened, operands sorted: one string per meaning. */
const printCondition = (condition: Condition): string => {
  switch (condition.kind) {
    case "atom":
      return condition.text
    case "not":
      return `NOT (${printCondition(condition.operand)})`
    default: {
      const flat: Array<string> = []
      for (const operand of condition.operands) {
        if (operand.kind === condition.kind) flat.push(...conjuncts(operand))
        else flat.push(printCondition(operand))
      }
      return flat
        .sort()
        .map((text) => `(${text})`)
        .join(condition.kind === "and" ? " AND " : " OR ")
    }
  }
}

const conjuncts = (condition: Condition): Array<string> =>
  condition.kind === "and" ? condition.operands.flatMap(conjuncts) : [printCondition(condition)]

/** The canonical text of an AttributeValue: keys sorted, sets sorted, numbers normalized. */
const canonicalValue = (value: AttributeValue): string => {
  const v = value as unknown as Record<string, unknown>
  const [type] = Object.keys(v)
  const body = v[type!]
  switch (type) {
    case "N":
      return `N(${normalizeNumber(body as string)})`
    case "NS":
      return `NS(${(body as Array<string>).map(normalizeNumber).sort().join(",")})`
    case "SS":
      return `SS(${[...(body as Array<string>)].map((s) => JSON.stringify(s)).sort().join(",")})`
    case "BS":
      return `BS(${(body as Array<Uint8Array>).map((b) => Buffer.from(b).toString("base64")).sort().join(",")})`
    case "B":
      return `B(${Buffer.from(body as Uint8Array).toString("base64")})`
    case "L":
      return `L[${(body as Array<AttributeValue>).map(canonicalValue).join(",")}]`
    case "M":
      return `M{${Object.entries(body as Record<string, AttributeValue>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => `${JSON.stringify(k)}:${canonicalValue(x)}`)
        .join(",")}}`
    default:
      return `${type}(${JSON.stringify(body)})`
  }
}

const normalizeNumber = (text: string): string => {
  const n = Number(text)
  return Number.isSafeInteger(n) || String(n) === text ? String(n) : text
}

export interface Canonical {
  readonly table: string
  readonly key: string
  /** Actions by clause, each sorted: `SET path = value`, `REMOVE path`, `ADD path value`, `DELETE path value`. */
  readonly actions: ReadonlyArray<string>
  readonly condition: ReadonlyArray<string>
  /** Any other SDK field (ReturnValues, …), as JSON. */
  readonly rest: string
  /** Fields the SDK does not know (it ignores them when sending). */
  readonly foreign: ReadonlyArray<string>
  readonly problems: ReadonlyArray<string>
}

const sdkFields = new Set([
  "TableName", "Key", "AttributeUpdates", "Expected", "ConditionalOperator", "ReturnValues", "ReturnConsumedCapacity",
  "ReturnItemCollectionMetrics", "UpdateExpression", "ConditionExpression", "ExpressionAttributeNames",
  "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure"
])

/** The placeholder-free meaning of an UpdateItem input. */
export const canonicalUpdate = (input: Record<string, unknown>, options: { readonly document: boolean }): Canonical => {
  const toAttributeValue = (value: unknown): AttributeValue =>
    options.document ? (marshall({ v: value }, { removeUndefinedValues: true }).v as AttributeValue) : (value as AttributeValue)
  const rawValues = (input["ExpressionAttributeValues"] ?? {}) as Record<string, unknown>
  const context: Context = {
    names: (input["ExpressionAttributeNames"] ?? {}) as Record<string, string>,
    values: Object.fromEntries(Object.entries(rawValues).map(([k, v]) => [k, canonicalValue(toAttributeValue(v))])),
    usedNames: new Set(),
    usedValues: new Set(),
    problems: []
  }
  const actions: Array<string> = []
  const update = input["UpdateExpression"]
  if (typeof update === "string") {
    const parser = new Parser(tokenize(update), context)
    const seen = new Set<string>()
    while (!parser.done) {
      const clause = parser.next().text.toUpperCase()
      if (!["SET", "REMOVE", "ADD", "DELETE"].includes(clause)) throw new Error(`unknown update clause ${clause}`)
      if (seen.has(clause)) context.problems.push(`clause ${clause} appears twice`)
      seen.add(clause)
      for (;;) {
        const path = parser.path()
        if (clause === "SET") {
          parser.expectPunct("=")
          actions.push(`SET ${path} = ${parser.updateValue()}`)
        } else if (clause === "REMOVE") actions.push(`REMOVE ${path}`)
        else actions.push(`${clause} ${path} ${parser.value()}`)
        if (!parser.isPunct(",")) break
        parser.next()
      }
    }
  }
  let condition: Array<string> = []
  const conditionText = input["ConditionExpression"]
  if (typeof conditionText === "string") {
    const parser = new Parser(tokenize(conditionText), context)
    condition = conjuncts(parser.condition()).sort()
    if (!parser.done) throw new Error(`unread condition text after "${conditionText}"`)
  }
  for (const name of Object.keys(context.names)) {
    if (!context.usedNames.has(name)) context.problems.push(`name placeholder ${name} is never used`)
  }
  for (const value of Object.keys(rawValues)) {
    if (!context.usedValues.has(value)) context.problems.push(`value placeholder ${value} is never used`)
  }
  const key = Object.entries((input["Key"] ?? {}) as Record<string, unknown>)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${canonicalValue(toAttributeValue(v))}`)
    .join(", ")
  const known = new Set(["TableName", "Key", "UpdateExpression", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues"])
  const rest = Object.fromEntries(
    Object.entries(input)
      .filter(([k, v]) => !known.has(k) && sdkFields.has(k) && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
  )
  return {
    table: String(input["TableName"]),
    key,
    actions: actions.sort(),
    condition,
    rest: JSON.stringify(rest),
    foreign: Object.keys(input).filter((k) => !sdkFields.has(k)),
    problems: context.problems
  }
}

export interface Allowances {
  /** SET actions on these top-level attributes are the library's own bookkeeping: left out of the comparison. */
  readonly bookkeeping?: ReadonlyArray<string>
  /** Extra condition conjuncts (canonical text) known to be implied by the others. */
  readonly impliedConditions?: ReadonlyArray<string>
}

export interface Verdict {
  readonly same: boolean
  readonly differences: ReadonlyArray<string>
  /** What was set aside as allowed (documented in the results). */
  readonly allowed: ReadonlyArray<string>
}

/** Compares a request with the reference, after setting aside what `allowances` names. */
export const compare = (reference: Canonical, candidate: Canonical, allowances: Allowances = {}): Verdict => {
  const differences: Array<string> = [...candidate.problems]
  const allowed: Array<string> = candidate.foreign.map((field) => `non-SDK field ${field} (the SDK ignores it)`)
  const bookkeeping = new Set((allowances.bookkeeping ?? []).map((name) => JSON.stringify(name)))
  const actions = candidate.actions.filter((action) => {
    const match = /^SET ("(?:[^"\\]|\\.)*") = /.exec(action)
    if (match !== null && bookkeeping.has(match[1]!) && !reference.actions.includes(action)) {
      allowed.push(action)
      return false
    }
    return true
  })
  const implied = new Set(allowances.impliedConditions ?? [])
  const condition = candidate.condition.filter((c) => {
    if (implied.has(c) && !reference.condition.includes(c)) {
      allowed.push(`condition ${c}`)
      return false
    }
    return true
  })
  if (candidate.table !== reference.table) differences.push(`table ${candidate.table} ≠ ${reference.table}`)
  if (candidate.key !== reference.key) differences.push(`key ${candidate.key} ≠ ${reference.key}`)
  for (const a of actions) if (!reference.actions.includes(a)) differences.push(`extra action ${a}`)
  for (const a of reference.actions) if (!actions.includes(a)) differences.push(`missing action ${a}`)
  for (const c of condition) if (!reference.condition.includes(c)) differences.push(`extra condition ${c}`)
  for (const c of reference.condition) if (!condition.includes(c)) differences.push(`missing condition ${c}`)
  if (candidate.rest !== reference.rest) differences.push(`other fields ${candidate.rest} ≠ ${reference.rest}`)
  return { same: differences.length === 0, differences, allowed }
}
