/**
 * Pure property tests of `compile`: placeholders, determinism, no name or value ever spliced into an expression.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { attr, cand, compile, path, rawCondition, Value, type CompiledExpression, type ExpressionInput, type Segment } from "dynofunc"
import { compileInto, compileProjectionInto } from "@dynofunc/core/Expression"
import * as M from "./support/expressionModel.js"

const expressionKeys = ["KeyConditionExpression", "ConditionExpression", "FilterExpression", "UpdateExpression", "ProjectionExpression"] as const

const expressions = (compiled: CompiledExpression): Array<string> =>
  expressionKeys.flatMap((key) => (compiled.fields[key] === undefined ? [] : [compiled.fields[key]]))

const tokens = (texts: ReadonlyArray<string>, pattern: RegExp): Array<string> => texts.flatMap((text) => text.match(pattern) ?? [])

/** The grammar's own tokens; anything left once they are removed was spliced in. */
const grammar =
  /#n\d+|:v\d+|\[\d+\]|\b(?:AND|OR|NOT|BETWEEN|IN|SET|REMOVE|ADD|DELETE|attribute_exists|attribute_not_exists|attribute_type|begins_with|contains|size|if_not_exists|list_append)\b|<>|<=|>=|[=<>(),.+-]|\s+/g

/** Paths over awkward names: reserved words, dots, dashes, unicode, … and list indexes. */
const awkwardPath: fc.Arbitrary<ReadonlyArray<Segment>> = fc.tuple(
  M.attributeName,
  fc.array(fc.oneof(M.attributeName, fc.nat({ max: 20 })), { maxLength: 3 })
).map(([first, rest]) => [first, ...rest])

const toPath = (segments: ReadonlyArray<Segment>) => path(segments[0] as string, ...segments.slice(1))

/** Renames the paths of a condition spec with awkward names, keeping its shape. */
const renamed = (spec: M.CondSpec, rename: (p: ReadonlyArray<Segment>) => ReadonlyArray<Segment>): M.CondSpec => {
  const op = (o: M.OperandSpec): M.OperandSpec => (o.kind === "value" ? o : { ...o, path: rename(o.path) })
  switch (spec.t) {
    case "cmp":
      return { ...spec, left: op(spec.left), right: op(spec.right) }
    case "between":
    case "in":
      return { ...spec, operand: op(spec.operand) }
    case "and":
    case "or":
      return { ...spec, cs: spec.cs.map((c) => renamed(c, rename)) }
    case "not":
      return { ...spec, c: renamed(spec.c, rename) }
    default:
      return { ...spec, path: rename(spec.path) }
  }
}

const input: fc.Arbitrary<ExpressionInput> = fc
  .record({
    names: fc.dictionary(fc.constantFrom(...M.names), M.attributeName, { minKeys: 8, maxKeys: 8 }),
    condition: fc.option(M.condition(), { nil: undefined }),
    filter: fc.option(M.condition(), { nil: undefined }),
    item: M.item,
    projection: fc.option(fc.uniqueArray(M.attributeName, { maxLength: 5 }), { nil: undefined })
  })
  .chain(({ names, condition, filter, item, projection }) =>
    M.actions(Value.toItem(item)).map((actions): ExpressionInput => {
      // The model's attribute names replaced by awkward ones (one to one), so every part holds odd names.
      // (When two model names would get one awkward name, the model's own names are kept.)
      const distinctNames = new Set(Object.values(names)).size === Object.keys(names).length
      const rename = (p: ReadonlyArray<Segment>): ReadonlyArray<Segment> =>
        distinctNames ? [names[p[0] as string] ?? (p[0] as string), ...p.slice(1)] : p
      return {
        condition: condition === undefined ? undefined : M.build(renamed(condition, rename)),
        filter: filter === undefined ? undefined : M.build(renamed(filter, rename)),
        update: M.buildUpdate(actions.map((a) => ({ ...a, path: rename(a.path) }) as M.ActionSpec)),
        projection
      }
    })
  )

describe("compile (properties)", () => {
  it("is deterministic", () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(compile(i)).toEqual(compile(i))
      }),
      { numRuns: 300 }
    )
  })

  it("every placeholder in the expressions is in the maps and every entry of the maps is used; values are never shared", () => {
    fc.assert(
      fc.property(input, (i) => {
        const compiled = compile(i)
        const texts = expressions(compiled)
        const names = compiled.fields.ExpressionAttributeNames ?? {}
        const values = compiled.fields.ExpressionAttributeValues ?? {}
        const nameTokens = new Set(tokens(texts, /#n\d+/g))
        expect([...nameTokens].sort()).toEqual(Object.keys(names).sort())
        const valueTokens = tokens(texts, /:v\d+/g)
        expect([...valueTokens].sort()).toEqual(Object.keys(values).sort()) // each exactly once
        // One placeholder per distinct name.
        expect(new Set(Object.values(names)).size).toBe(Object.keys(names).length)
      }),
      { numRuns: 300 }
    )
  })

  it("no name and no value is ever spliced into an expression", () => {
    fc.assert(
      fc.property(input, (i) => {
        const compiled = compile(i)
        for (const text of expressions(compiled)) expect(text.replace(grammar, "")).toBe("")
      }),
      { numRuns: 300 }
    )
  })

  it("random valid conditions, updates and projections compile without problems", () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(compile(i).problems).toEqual([])
      }),
      { numRuns: 300 }
    )
  })

  it("any path's names are all aliased, and the alias map gives them back", () => {
    fc.assert(
      fc.property(awkwardPath, (segments) => {
        const compiled = compile({ condition: toPath(segments).exists(), projection: [toPath(segments)] })
        expect(compiled.problems).toEqual([])
        const names = compiled.fields.ExpressionAttributeNames ?? {}
        const text = compiled.fields.ProjectionExpression!
        const back = text.replace(/#n\d+/g, (token) => `<${names[token]}>`)
        const expected = segments.map((s, i) => (typeof s === "number" ? `[${s}]` : `${i === 0 ? "" : "."}<${s}>`)).join("")
        expect(back).toBe(expected)
        expect(compiled.fields.ConditionExpression).toBe(`attribute_exists(${text})`)
      }),
      { numRuns: 500 }
    )
  })

  it("a projection alone compiles to the same fields and problems with compileProjectionInto as with compileInto", () => {
    const projection = fc.array(fc.oneof(M.attributeName, awkwardPath.map(toPath), fc.constant(42 as unknown as string)), { maxLength: 6 })
    fc.assert(
      fc.property(projection, (items) => {
        const [whole, alone] = [{}, {}]
        const problems = [compileInto(whole, { projection: items }), compileProjectionInto(alone, items)]
        expect(alone).toEqual(whole)
        expect(problems[1]).toEqual(problems[0])
      }),
      { numRuns: 300 }
    )
  })

  it("update paths overlap exactly when one is a prefix of the other", () => {
    const shortPath = fc
      .tuple(fc.constantFrom("a", "b"), fc.array(fc.oneof(fc.constantFrom("a", "b"), fc.nat({ max: 1 })), { maxLength: 2 }))
      .map(([first, rest]): ReadonlyArray<Segment> => [first, ...rest])
    fc.assert(
      fc.property(shortPath, shortPath, (p, q) => {
        const prefix = (x: ReadonlyArray<Segment>, y: ReadonlyArray<Segment>) => x.every((s, i) => y[i] === s)
        const overlapping = prefix(p, q) || prefix(q, p)
        const problems = compile({ update: [toPath(p).set(1), toPath(q).remove()] }).problems
        expect(problems.length).toBe(overlapping ? 1 : 0)
      }),
      { numRuns: 300 }
    )
  })

  it("caller placeholders are kept as given and never reused", () => {
    const key = (prefix: string) => fc.oneof(fc.nat({ max: 6 }).map((n) => `${prefix}n${n}`), fc.nat({ max: 6 }).map((n) => `${prefix}v${n}`), fc.stringMatching(/^[a-z0-9_]{1,3}$/).filter((s) => s !== "raw").map((s) => prefix + s)) // #raw: the raw condition's own
    fc.assert(
      fc.property(
        fc.dictionary(key("#"), M.attributeName, { maxKeys: 4 }),
        fc.dictionary(key(":"), M.scalarString, { maxKeys: 4 }),
        fc.uniqueArray(fc.constantFrom(...M.names), { minLength: 1, maxLength: 6 }),
        (names, values, attributes) => {
          const raw = Object.keys(names)
          const rawValues: Record<string, AttributeValue> = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { S: v }]))
          const compiled = compile({
            condition: cand(...attributes.map((a, i) => attr(a).equals(i)), rawCondition("attribute_exists(#raw)", { names: { "#raw": "r" } })),
            update: Object.fromEntries(attributes.map((a) => [a, 1])),
            names,
            values: rawValues
          })
          expect(compiled.problems).toEqual([])
          const outNames = compiled.fields.ExpressionAttributeNames ?? {}
          const outValues = compiled.fields.ExpressionAttributeValues ?? {}
          for (const k of raw) expect(outNames[k]).toBe(names[k])
          for (const k of Object.keys(rawValues)) expect(outValues[k]).toEqual(rawValues[k])
          expect(outNames["#raw"]).toBe("r")
          const generated = tokens(expressions(compiled), /#n\d+|:v\d+/g)
          for (const token of generated) expect(raw.includes(token) || token in rawValues).toBe(false)
          expect(Object.keys(outNames)).toHaveLength(raw.length + 1 + attributes.length)
          expect(Object.keys(outValues)).toHaveLength(Object.keys(rawValues).length + attributes.length * 2)
        }
      ),
      { numRuns: 300 }
    )
  })
})
