/** Checks of the numbers the streams take (`maxPages`, `buffer`, `segments`, …) before anything is sent. */
import type { InputProblem } from "@dynofunc/core/InputProblem"
import { InvalidInputError } from "../../DynamoError.js"

/** One number to check: its name, its value (absent is fine), and the least it may be. */
export interface Bound {
  readonly part: string
  readonly value: number | undefined
  readonly min: number
  readonly max?: number | undefined
}

/** The problems of `bounds`: each present value must be a whole number in `[min, max]`. */
export const checkBounds = (bounds: ReadonlyArray<Bound>): Array<InputProblem> =>
  bounds.flatMap(({ part, value, min, max = Number.MAX_SAFE_INTEGER }) =>
    value === undefined || (Number.isInteger(value) && value >= min && value <= max)
      ? []
      : [{ part, message: `must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? "" : ` to ${max}`}, got ${String(value)}` }]
  )

/** The error for `problems` found in the options of a stream over `operation`: nothing was sent. */
export const invalidOptions = (operation: string, problems: ReadonlyArray<InputProblem>): InvalidInputError =>
  new InvalidInputError({
    operation,
    problems,
    message: `${operation} not sent: ${problems.map((p) => `${p.part}: ${p.message}`).join("; ")}`
  })
