/**
 * The corpus of bad inputs (`corpus.ts`): each one fails `execute` with `InvalidInputError` naming its part (each
 * problem once), and the client sees no request at all. Builders and `execute` never throw.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Ref } from "effect"
import { DynamoClient, execute, type AnyOperation, type InputProblem } from "dynofunc"
import { corpus } from "./corpus.js"

/** Runs `op` on a client that counts what it is sent (and answers nothing useful). */
const run = (op: AnyOperation) =>
  Effect.gen(function* () {
    const sent = yield* Ref.make(0)
    const layer = DynamoClient.layerTest(() => Effect.andThen(Ref.update(sent, (n) => n + 1), Effect.succeed({})))
    const error = yield* Effect.flip(execute(op)).pipe(Effect.provide(layer))
    return { error, sent: yield* Ref.get(sent) }
  })

const names = (problems: ReadonlyArray<InputProblem>, part: string): boolean =>
  problems.some((problem) => problem.part === part || problem.part.startsWith(`${part}.`) || problem.part.startsWith(`${part}[`))

describe("bad inputs: a typed error naming the part, nothing sent", () => {
  it("the corpus holds at least 300 bad inputs", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300)
    expect(new Set(corpus.map((entry) => entry.label)).size).toBe(corpus.length)
  })

  // One test per category (a test per entry costs more in the runner than the checks themselves).
  const categories = [...new Set(corpus.map((entry) => entry.category))]
  it.effect.each(categories)("%s", (category) =>
    Effect.gen(function* () {
      const wrong: Array<string> = []
      for (const entry of corpus.filter((candidate) => candidate.category === category)) {
        let op: AnyOperation
        try {
          op = entry.op()
        } catch (error) {
          wrong.push(`${entry.label}: the builder threw ${String(error)}`)
          continue
        }
        const { error, sent } = yield* run(op)
        const problems = error._tag === "InvalidInputError" ? error.problems : []
        if (sent !== 0) wrong.push(`${entry.label}: ${sent} requests sent`)
        else if (error._tag !== "InvalidInputError") wrong.push(`${entry.label}: failed with ${error._tag}`)
        else if (!names(problems, entry.part)) wrong.push(`${entry.label}: ${entry.part} not named in ${JSON.stringify(problems)}`)
        else if (new Set(problems.map((problem: InputProblem) => `${problem.part}\u0000${problem.message}`)).size < problems.length) wrong.push(`${entry.label}: a problem named twice in ${JSON.stringify(problems)}`)
      }
      expect(wrong).toEqual([])
    }))
})
