/**
 * Which operations each embedded engine supports: the integration tests run a scenario for each of these and
 * check that every other operation answers `UnknownOperationException` (`UnknownOperationError`).
 * docs/operations.md shows the same table; `docs.test.ts` keeps the two in step.
 */
import type { CommandName } from "dynofunc"

export type Engine = "DynamoDB Local" | "dynalite"

const items: ReadonlyArray<CommandName> = [
  "PutItem",
  "GetItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "Scan",
  "BatchGetItem",
  "BatchWriteItem",
  "CreateTable",
  "DescribeTable",
  "UpdateTable",
  "DeleteTable",
  "ListTables",
  "DescribeTimeToLive"
]

export const supported: { readonly [E in Engine]: ReadonlyArray<CommandName> } = {
  "DynamoDB Local": [
    ...items,
    "UpdateTimeToLive",
    "TransactWriteItems",
    "TransactGetItems",
    "ExecuteStatement",
    "BatchExecuteStatement",
    "ExecuteTransaction",
    "DescribeLimits"
  ],
  dynalite: [...items, "TagResource", "UntagResource", "ListTagsOfResource"]
}
