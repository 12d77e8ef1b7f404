/**
 * The `updateTable` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { StreamViewType, TableClass, TableDescription, UpdateTableCommandInput, UpdateTableCommandOutput } from "@aws-sdk/client-dynamodb"
import type { EscapeHatch } from "../internal/builders/build.js"
import { friendly } from "../internal/builders/passThrough.js"
import type { Throughput } from "./create.js"

/**
 * What `updateTable` changes; leave out what stays as it is.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateTableChanges extends EscapeHatch<"UpdateTable"> {
  /** Switch to on-demand, or to (or between) provisioned capacities. */
  readonly billing?: "PAY_PER_REQUEST" | Throughput | undefined
  /** Turn DynamoDB Streams on with this view of changed items, or off with `false`. */
  readonly stream?: StreamViewType | false | undefined
  readonly deletionProtection?: boolean | undefined
  readonly tableClass?: TableClass | undefined
}

/**
 * What `updateTable` succeeds with: the table's description as the update starts, and the SDK output.
 *
 * @since 0.1.0
 * @category models
 */
export interface UpdateTableResult {
  readonly table: TableDescription | undefined
  readonly raw: UpdateTableCommandOutput
}

const description = (tableName: string, changes: UpdateTableChanges = {}): UpdateTableCommandInput => ({
  TableName: tableName,
  ...(changes.billing === "PAY_PER_REQUEST" && { BillingMode: "PAY_PER_REQUEST" as const }),
  ...(typeof changes.billing === "object" && {
    BillingMode: "PROVISIONED" as const,
    ProvisionedThroughput: { ReadCapacityUnits: changes.billing.read, WriteCapacityUnits: changes.billing.write }
  }),
  ...(changes.stream === false && { StreamSpecification: { StreamEnabled: false } }),
  ...(typeof changes.stream === "string" && { StreamSpecification: { StreamEnabled: true, StreamViewType: changes.stream } }),
  ...(changes.deletionProtection !== undefined && { DeletionProtectionEnabled: changes.deletionProtection }),
  ...(changes.tableClass !== undefined && { TableClass: changes.tableClass }),
  ...changes.input
})

/**
 * Changes a table's settings (`UpdateTable`): billing, streams, deletion protection, table class; anything else
 * (indexes, replicas, warm throughput) through `input` or the SDK input. Use `updateTableAndWait` to wait until
 * the table is active again.
 *
 * @example
 * import { updateTable } from "dynofunc"
 * updateTable("users", { stream: "NEW_AND_OLD_IMAGES", deletionProtection: true })
 * // { TableName: "users", StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
 * //   DeletionProtectionEnabled: true }
 * updateTable({ TableName: "users", GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: "by-email" } }] })
 *
 * @since 0.1.0
 * @category services
 */
export const updateTable = /* @__PURE__ */ friendly(
  "UpdateTable",
  description,
  (raw): UpdateTableResult => ({ table: raw.TableDescription, raw })
)
