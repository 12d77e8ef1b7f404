/**
 * The paginated DynamoDB commands, and how each goes from one page to the next: the output field holding the
 * position after a page (`next`), the input field that takes it back (`start`), and the output field holding the
 * page's items. The SDK's own paginators cover seven of them; `ListBackups`, `ListGlobalTables`,
 * `ListTagsOfResource` and `ExecuteStatement` page the same way without one.
 */
import { Effect, Option, type Stream } from "effect"
import { Outcome, paginate } from "#adapter"
import type { DynamoClient } from "../../DynamoClient.js"
import { type ErrorOf, execute } from "../../Execute.js"
import { type CommandName, type InputOf, make, type Operation, type OutputOf } from "@dynofunc/core/Operation"
import type { PageFailure, PageOf, PaginatedName } from "../../Pages.js"

interface Spec<Name extends CommandName> {
  readonly next: keyof OutputOf<Name> & string
  readonly start: keyof InputOf<Name> & string
  readonly items: keyof OutputOf<Name> & string
}

const byKey = { next: "LastEvaluatedKey", start: "ExclusiveStartKey", items: "Items" } as const
const byToken = <Items extends string>(items: Items) => ({ next: "NextToken", start: "NextToken", items }) as const

export const paginated = {
  Query: byKey,
  Scan: byKey,
  ExecuteStatement: byToken("Items"),
  ListTables: { next: "LastEvaluatedTableName", start: "ExclusiveStartTableName", items: "TableNames" },
  ListBackups: { next: "LastEvaluatedBackupArn", start: "ExclusiveStartBackupArn", items: "BackupSummaries" },
  ListGlobalTables: { next: "LastEvaluatedGlobalTableName", start: "ExclusiveStartGlobalTableName", items: "GlobalTables" },
  ListExports: byToken("ExportSummaries"),
  ListImports: byToken("ImportSummaryList"),
  ListContributorInsights: byToken("ContributorInsightsSummaries"),
  ListBulkOperations: byToken("BulkOperationsSummaryList"),
  ListTagsOfResource: byToken("Tags")
} as const satisfies { readonly [Name in CommandName]?: Spec<Name> }

/** The position after a page, as the SDK output spells it (a key, a token or a name); `undefined` after the last. */
export type Token = unknown

/** One page as the stream sees it: the operation's own result (a typed one's decoded page), its items, and the position after it. */
export interface Step<Result> {
  readonly result: PageOf<Result>
  readonly items: ReadonlyArray<unknown>
  readonly next: Token
}

/**
 * `op` reading from `start` (as given when `undefined`), its result kept with the items and the position after it;
 * a typed operation's page that does not decode is the outcome's failure.
 */
export const stepOf = <Name extends PaginatedName, Result>(
  op: Operation<Name, Result>,
  start: Token
): Operation<Name, Outcome.Outcome<Step<Result>, PageFailure<Result>>> => {
  const spec: { readonly [Field in keyof Spec<PaginatedName>]: string } = paginated[op.name]
  return make({
    ...op,
    description: start === undefined ? op.description : { ...op.description, [spec.start]: start },
    decode: (raw) => {
      const result = op.decode(raw)
      const page = (Outcome.isOutcome(result) ? result : Outcome.succeed(result)) as Outcome.Outcome<PageOf<Result>, PageFailure<Result>>
      const fields = raw as unknown as Record<string, unknown>
      return Outcome.map(page, (result) => {
        const friendly = (result as { readonly items?: unknown } | undefined)?.items
        return {
          result,
          items: Array.isArray(friendly) ? friendly : ((fields[spec.items] as ReadonlyArray<unknown> | undefined) ?? []),
          next: isPosition(fields[spec.next]) ? fields[spec.next] : undefined
        }
      })
    }
  })
}

/** DynamoDB may send an empty `LastEvaluatedKey` on the last page: that is no position. */
const isPosition = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== "" && !(typeof value === "object" && Object.keys(value).length === 0)

/** Every page of `op` from `start`, one request at a time, each through `execute`; a typed page that does not decode fails the stream. */
export const steps = <Name extends PaginatedName, Result>(
  op: Operation<Name, Result>,
  start: Token
): Stream.Stream<Step<Result>, ErrorOf<Name> | PageFailure<Result>, DynamoClient> =>
  paginate(start, (position: Token) =>
    Effect.flatMap(execute(stepOf(op, position)), (decoded) =>
      Outcome.fromOutcome(Outcome.map(decoded, (step) => [step, step.next === undefined ? Option.none() : Option.some(step.next)] as const))
    )
  )

