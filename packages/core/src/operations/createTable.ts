/**
 * The `createTable` operation builder, re-exported by `dynofunc`.
 *
 * @since 0.1.0
 */
import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb"
import { make, type Operation } from "../Operation.js"
import { create, type CreateOptions, type CreateResult, type KeySpec } from "./create.js"
import { guard } from "../internal/input/guard.js"

function buildCreateTable(tableName: string, hashKey: KeySpec, options?: CreateOptions): Operation<"CreateTable", CreateResult>
function buildCreateTable(input: CreateTableCommandInput): Operation<"CreateTable", CreateResult>
function buildCreateTable(
  target: string | CreateTableCommandInput,
  hashKey?: KeySpec,
  options?: CreateOptions
): Operation<"CreateTable", CreateResult> {
  return typeof target === "string"
    ? create(target, hashKey ?? "", options)
    : make({
        name: "CreateTable",
        description: { ...target },
        decode: (raw) => ({ table: raw.TableDescription, raw })
      })
}

/**
 * Creates a table (`CreateTable`). With a table name first it is `create` (key types default to string, on-demand
 * billing); with the SDK input it sends that input as is. Use `createTableAndWait` to wait until it is active.
 *
 * @example
 * import { createTable } from "dynofunc"
 * createTable("users", "id", { rangeKey: { name: "at", type: "N" } })
 * createTable({
 *   TableName: "users",
 *   KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
 *   AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
 *   BillingMode: "PAY_PER_REQUEST"
 * })
 *
 * @since 0.1.0
 * @category services
 */
export const createTable = guard("CreateTable", buildCreateTable)
