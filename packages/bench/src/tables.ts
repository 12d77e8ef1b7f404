/** The tables the benchmarks on DynamoDB Local write into and read from. */
import { CreateTableCommand, type DynamoDBClient, waitUntilTableExists } from "@aws-sdk/client-dynamodb"

/**
 * Creates the on-demand table `name` keyed by the string attributes `keys` (partition key first, then the sort key if
 * any) and waits until it is active.
 *
 * @example
 * await createTable(client, "p4-0", ["pk"])
 */
export const createTable = async (client: DynamoDBClient, name: string, keys: readonly [string] | readonly [string, string]): Promise<void> => {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: keys.map((key) => ({ AttributeName: key, AttributeType: "S" })),
      KeySchema: keys.map((key, i) => ({ AttributeName: key, KeyType: i === 0 ? "HASH" : "RANGE" }))
    })
  )
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: name })
}
