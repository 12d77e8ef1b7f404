/** What the PartiQL builders share: statements with plain JS parameters, and turning them into SDK statements. */
import type { BatchStatementRequest, ParameterizedStatement } from "@aws-sdk/client-dynamodb"
import type { InputProblem } from "../../InputProblem.js"
import { isOperation } from "../../Operation.js"
import type { StatementInput } from "../../operations/batchExecuteStatement.js"
import { toAttributeValue } from "../values/toAttributeValue.js"

/** The SDK parameters for plain JS ones. */
export const parameters = (values: ReadonlyArray<unknown> | undefined, part = "Parameters") =>
  values === undefined || values.length === 0 ? {} : { Parameters: values.map((value, index) => toAttributeValue(value, `${part}[${index}]`)) }

/** Fields of an `ExecuteStatement` input a batch or transaction statement cannot hold. */
const statementOnly = ["Limit", "NextToken", "ReturnConsumedCapacity"] as const

/** One statement as the SDK's `BatchStatementRequest` (a superset of `ParameterizedStatement`). */
export const toStatement = (
  input: StatementInput,
  index: number,
  part: string
): { readonly statement: BatchStatementRequest; readonly problems: ReadonlyArray<InputProblem> } => {
  if (isOperation(input)) {
    const { ConsistentRead, Parameters, Statement, ReturnValuesOnConditionCheckFailure, ...rest } = input.description
    return {
      statement: {
        Statement,
        ...(Parameters !== undefined && { Parameters }),
        ...(ConsistentRead !== undefined && { ConsistentRead }),
        ...(ReturnValuesOnConditionCheckFailure !== undefined && { ReturnValuesOnConditionCheckFailure })
      },
      problems: [
        ...input.problems.map((problem) => ({ ...problem, part: `${part}[${index}].${problem.part}` })),
        ...statementOnly
          .filter((field) => rest[field] !== undefined)
          .map((field) => ({ part: `${part}[${index}].${field}`, message: `${field} belongs to the whole request, not to one statement` }))
      ]
    }
  }
  if ("statement" in input) {
    return {
      statement: {
        Statement: input.statement,
        ...parameters(input.parameters, `${part}[${index}].Parameters`),
        ...(input.consistent !== undefined && { ConsistentRead: input.consistent }),
        ...(input.returnValuesOnConditionCheckFailure !== undefined && {
          ReturnValuesOnConditionCheckFailure: input.returnValuesOnConditionCheckFailure
        })
      },
      problems: []
    }
  }
  return { statement: input as ParameterizedStatement, problems: [] }
}

/**
 * The statements of a batch or transaction as the SDK's, with their problems: each statement's own, what `check`
 * finds in each, and one when there are more than `max` (`part` is the input field, `operation` the command, for
 * the messages).
 */
export const toStatements = (
  inputs: ReadonlyArray<StatementInput>,
  part: string,
  operation: string,
  max: number,
  check: (statement: BatchStatementRequest, index: number) => InputProblem | undefined = () => undefined
): { readonly statements: Array<BatchStatementRequest>; readonly problems: Array<InputProblem> } => {
  const converted = inputs.map((input, index) => toStatement(input, index, part))
  const problems = converted.flatMap((statement) => statement.problems)
  converted.forEach(({ statement }, index) => {
    const problem = check(statement, index)
    if (problem !== undefined) problems.push(problem)
  })
  if (converted.length > max) {
    problems.push({ part, message: `${converted.length} statements; ${operation} takes at most ${max}` })
  }
  return { statements: converted.map((statement) => statement.statement), problems }
}
