/**
 * Key values around DynamoDB's byte limits, counted in UTF-8 bytes: a partition key value of at most 2,048 bytes
 * and a sort key value of at most 1,024 are sent, one byte more is refused naming the attribute (or the key
 * condition comparing it), whatever mix of one- to four-byte characters makes the string.
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { find, query, attr } from "dynofunc"
import { checkLimits } from "@dynofunc/core/internal/input/limits"

/** One character of each UTF-8 width: 1, 2, 3 and 4 bytes. */
const characters = ["a", "é", "€", "😀"] as const

/** A string of `bytes` UTF-8 bytes or one to three more, from the chosen characters. */
const ofBytes = (choice: ReadonlyArray<number>, bytes: number): string => {
  let out = ""
  let i = 0
  while (Buffer.byteLength(out, "utf8") < bytes) out += characters[choice[i++ % choice.length]!]
  return out
}

const problemsOf = (key: Record<string, unknown>) => {
  const op = find("users", key)
  return [...op.problems, ...checkLimits(op.name, op.description)]
}

describe("key values around the byte limits", () => {
  it("a key attribute is refused exactly when over 2,048 bytes, or both over 1,024", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 900, max: 2200 }), fc.integer({ min: 1, max: 1100 }), (choice, bytes, sortBytes) => {
        const id = ofBytes(choice, bytes)
        const sk = ofBytes(choice, sortBytes)
        const size = Buffer.byteLength(id, "utf8")
        const sortSize = Buffer.byteLength(sk, "utf8")
        expect(problemsOf({ id }).length > 0).toBe(size > 2048)
        const refused = size > 2048 || sortSize > 2048 || (size > 1024 && sortSize > 1024)
        expect(problemsOf({ id, sk }).length > 0).toBe(refused)
        for (const problem of problemsOf({ id, sk })) expect(["Key.id", "Key.sk"]).toContain(problem.part)
      }),
      { numRuns: 300 }
    )
  })

  it("a key condition value is refused exactly when over 1,024 bytes under a range comparison, over 2,048 under =, or the second over 1,024", () => {
    const comparisons = ["title < :t", "title <= :t", "title > :t", "title >= :t", "title BETWEEN :s AND :t", "begins_with(title, :t)", "title = :t"]
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 900, max: 2200 }), fc.integer({ min: 900, max: 2200 }), fc.constantFrom(...comparisons), (choice, bytes, sortBytes, comparison) => {
        const author = ofBytes(choice, bytes)
        const title = ofBytes(choice, sortBytes)
        const op = query({ TableName: "threads", KeyConditionExpression: `author = :a AND ${comparison}`, ExpressionAttributeValues: { ":a": { S: author }, ":s": { S: "a" }, ":t": { S: title } } })
        const problems = checkLimits(op.name, op.description)
        const size = Buffer.byteLength(author, "utf8")
        const sortSize = Buffer.byteLength(title, "utf8")
        const range = !comparison.startsWith("title =")
        expect(problems.length > 0).toBe(size > 2048 || sortSize > (range ? 1024 : 2048) || (size > 1024 && sortSize > 1024))
        for (const problem of problems) expect(problem.part).toBe("KeyConditionExpression")
      }),
      { numRuns: 300 }
    )
  })

  it("a start key must not be empty, and holds only strings, numbers and binaries", () => {
    const start = (startKey: Record<string, unknown>) => {
      const op = query("users", attr("id").equals("u1"), { startKey })
      return [...op.problems, ...checkLimits(op.name, op.description)].map((problem) => problem.part)
    }
    expect(start({})).toEqual(["ExclusiveStartKey"])
    expect(start({ id: "u1", at: null })).toEqual(["ExclusiveStartKey.at"])
    expect(start({ id: "u1", at: 1 })).toEqual([])
  })
})
