/** The tables the benchmarks on DynamoDB Local write into and read from. */
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  type DynamoDBClient,
  type StreamViewType,
  waitUntilTableExists,
  type WriteRequest
} from "@aws-sdk/client-dynamodb"

/**
 * Creates the on-demand table `name` keyed by the string attributes `keys` (partition key first, then the sort key if
 * any), with a stream of `stream` when given, waits until it is active, and answers its stream's ARN (if any).
 *
 * @example
 * await createTable(client, "p4-0", ["pk"])
 * const arn = await createTable(client, "p9", ["pk"], "NEW_AND_OLD_IMAGES")
 */
export const createTable = async (
  client: DynamoDBClient,
  name: string,
  keys: readonly [string] | readonly [string, string],
  stream?: StreamViewType
): Promise<string | undefined> => {
  const created = await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: keys.map((key) => ({ AttributeName: key, AttributeType: "S" })),
      KeySchema: keys.map((key, i) => ({ AttributeName: key, KeyType: i === 0 ? "HASH" : "RANGE" })),
      ...(stream !== undefined && { StreamSpecification: { StreamEnabled: true, StreamViewType: stream } })
    })
  )
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: name })
  return created.TableDescription?.LatestStreamArn
}

/**
 * Writes items `item(0)` … `item(count - 1)` into `table` with raw `BatchWriteItemCommand`s of 25 from 8 workers,
 * resending the unprocessed ones: the benchmarks' loading, not measured.
 *
 * @example
 * await writeAll(client, "p5-scan", 100_000, (i) => ({ pk: { S: `user#${i}` } }))
 */
export const writeAll = async (client: DynamoDBClient, table: string, count: number, item: (i: number) => Record<string, AttributeValue>): Promise<void> => {
  let next = 0
  const worker = async () => {
    while (next < count) {
      const from = next
      next = Math.min(count, next + 25)
      let pending: Array<WriteRequest> = Array.from({ length: next - from }, (_, k) => ({ PutRequest: { Item: item(from + k) } }))
      while (pending.length > 0) {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }))
        pending = out.UnprocessedItems?.[table] ?? []
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
}
