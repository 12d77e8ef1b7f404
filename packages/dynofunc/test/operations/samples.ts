/**
 * One sample call of every DynamoDB command's builder, with the SDK input it must describe. The mapped type makes
 * leaving a command out a type error; `builders.test.ts` also checks the names against the installed SDK.
 */
import {
  attr,
  batchExecuteStatement,
  batchGetItem,
  batchWriteItem,
  cancelBulkOperation,
  createBackup,
  createGlobalTable,
  createTable,
  deleteBackup,
  deleteItem,
  deleteResourcePolicy,
  deleteTable,
  describeBackup,
  describeBulkOperation,
  describeContinuousBackups,
  describeContributorInsights,
  describeEndpoints,
  describeExport,
  describeGlobalTable,
  describeGlobalTableSettings,
  describeImport,
  describeKinesisStreamingDestination,
  describeLimits,
  describeTable,
  describeTableReplicaAutoScaling,
  describeTimeToLive,
  disableKinesisStreamingDestination,
  enableKinesisStreamingDestination,
  executeStatement,
  executeTransaction,
  exportTableToPointInTime,
  getItem,
  getResourcePolicy,
  importTable,
  listBackups,
  listBulkOperations,
  listContributorInsights,
  listExports,
  listGlobalTables,
  listImports,
  listTables,
  listTagsOfResource,
  putItem,
  putResourcePolicy,
  query,
  restoreTableFromBackup,
  restoreTableToPointInTime,
  scan,
  searchVectors,
  startBulkPutItems,
  tagResource,
  transactGetItems,
  transactWriteItems,
  untagResource,
  updateContinuousBackups,
  updateContributorInsights,
  updateGlobalTable,
  updateGlobalTableSettings,
  updateItem,
  updateKinesisStreamingDestination,
  updateTable,
  updateTableReplicaAutoScaling,
  updateTimeToLive,
  type CommandName,
  type InputOf,
  type Operation
} from "dynofunc"

export const tableArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/users"
export const backupArn = `${tableArn}/backup/01700000000000-abcdefgh`
export const exportArn = `${tableArn}/export/01700000000000-abcdefgh`
export const importArn = `${tableArn}/import/01700000000000-abcdefgh`
export const streamArn = "arn:aws:kinesis:eu-west-1:123456789012:stream/changes"
export const bulkArn = `${tableArn}/bulk-operation/01700000000000-abcdefgh`

const s3 = { S3Bucket: "bucket", S3KeyPrefix: "prefix" }
/** An ImportTable input, fresh per call: one for the builder, one to compare its description with. */
const importInput = () => ({
  S3BucketSource: s3,
  InputFormat: "CSV" as const,
  TableCreationParameters: {
    TableName: "users",
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" as const }],
    AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" as const }],
    BillingMode: "PAY_PER_REQUEST" as const
  }
})
const bulkIn = { S3Bucket: "in", InputFormat: "DYNAMODB_JSON" as const }
const bulkOut = { S3Bucket: "out", OutputType: ["ERROR" as const] }

/** A sample of each command: the operation a builder made, and the SDK input it must hold. */
export type Samples = { readonly [Name in CommandName]: { readonly op: Operation<Name, unknown>; readonly description: InputOf<Name> } }

const sample = <Name extends CommandName>(op: Operation<Name, unknown>, description: InputOf<Name>) => ({ op, description })

export const samples: Samples = {
  BatchExecuteStatement: sample(
    batchExecuteStatement([{ statement: `SELECT * FROM "users" WHERE id = ?`, parameters: ["u1"] }]),
    { Statements: [{ Statement: `SELECT * FROM "users" WHERE id = ?`, Parameters: [{ S: "u1" }] }] }
  ),
  BatchGetItem: sample(batchGetItem({ users: [{ id: "u1" }] }), { RequestItems: { users: { Keys: [{ id: { S: "u1" } }] } } }),
  BatchWriteItem: sample(batchWriteItem({ users: [{ put: { id: "u1" } }, { delete: { id: "u2" } }] }), {
    RequestItems: { users: [{ PutRequest: { Item: { id: { S: "u1" } } } }, { DeleteRequest: { Key: { id: { S: "u2" } } } }] }
  }),
  CancelBulkOperation: sample(cancelBulkOperation(bulkArn), { BulkOperationArn: bulkArn }),
  CreateBackup: sample(createBackup("users", "nightly"), { TableName: "users", BackupName: "nightly" }),
  CreateGlobalTable: sample(createGlobalTable("users", ["eu-west-1"]), { GlobalTableName: "users", ReplicationGroup: [{ RegionName: "eu-west-1" }] }),
  CreateTable: sample(createTable("users", "id"), {
    TableName: "users",
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
    BillingMode: "PAY_PER_REQUEST"
  }),
  DeleteBackup: sample(deleteBackup(backupArn), { BackupArn: backupArn }),
  DeleteItem: sample(deleteItem("users", { id: "u1" }), { TableName: "users", Key: { id: { S: "u1" } } }),
  DeleteResourcePolicy: sample(deleteResourcePolicy(tableArn), { ResourceArn: tableArn }),
  DeleteTable: sample(deleteTable("users"), { TableName: "users" }),
  DescribeBackup: sample(describeBackup(backupArn), { BackupArn: backupArn }),
  DescribeBulkOperation: sample(describeBulkOperation(bulkArn), { BulkOperationArn: bulkArn }),
  DescribeContinuousBackups: sample(describeContinuousBackups("users"), { TableName: "users" }),
  DescribeContributorInsights: sample(describeContributorInsights("users"), { TableName: "users" }),
  DescribeEndpoints: sample(describeEndpoints(), {}),
  DescribeExport: sample(describeExport(exportArn), { ExportArn: exportArn }),
  DescribeGlobalTable: sample(describeGlobalTable("users"), { GlobalTableName: "users" }),
  DescribeGlobalTableSettings: sample(describeGlobalTableSettings("users"), { GlobalTableName: "users" }),
  DescribeImport: sample(describeImport(importArn), { ImportArn: importArn }),
  DescribeKinesisStreamingDestination: sample(describeKinesisStreamingDestination("users"), { TableName: "users" }),
  DescribeLimits: sample(describeLimits(), {}),
  DescribeTable: sample(describeTable("users"), { TableName: "users" }),
  DescribeTableReplicaAutoScaling: sample(describeTableReplicaAutoScaling("users"), { TableName: "users" }),
  DescribeTimeToLive: sample(describeTimeToLive("users"), { TableName: "users" }),
  DisableKinesisStreamingDestination: sample(disableKinesisStreamingDestination("users", streamArn), { TableName: "users", StreamArn: streamArn }),
  EnableKinesisStreamingDestination: sample(enableKinesisStreamingDestination("users", streamArn), { TableName: "users", StreamArn: streamArn }),
  ExecuteStatement: sample(executeStatement(`SELECT * FROM "users" WHERE id = ?`, ["u1"]), {
    Statement: `SELECT * FROM "users" WHERE id = ?`,
    Parameters: [{ S: "u1" }]
  }),
  ExecuteTransaction: sample(executeTransaction([{ statement: `DELETE FROM "users" WHERE id = ?`, parameters: ["u1"] }]), {
    TransactStatements: [{ Statement: `DELETE FROM "users" WHERE id = ?`, Parameters: [{ S: "u1" }] }]
  }),
  ExportTableToPointInTime: sample(exportTableToPointInTime({ TableArn: tableArn, S3Bucket: "bucket" }), { TableArn: tableArn, S3Bucket: "bucket" }),
  GetItem: sample(getItem("users", { id: "u1" }), { TableName: "users", Key: { id: { S: "u1" } } }),
  GetResourcePolicy: sample(getResourcePolicy(tableArn), { ResourceArn: tableArn }),
  ImportTable: sample(importTable(importInput()), importInput()),
  ListBackups: sample(listBackups({ TableName: "users" }), { TableName: "users" }),
  ListBulkOperations: sample(listBulkOperations(), {}),
  ListContributorInsights: sample(listContributorInsights({ TableName: "users" }), { TableName: "users" }),
  ListExports: sample(listExports({ TableArn: tableArn }), { TableArn: tableArn }),
  ListGlobalTables: sample(listGlobalTables(), {}),
  ListImports: sample(listImports({ TableArn: tableArn }), { TableArn: tableArn }),
  ListTables: sample(listTables({ Limit: 10 }), { Limit: 10 }),
  ListTagsOfResource: sample(listTagsOfResource(tableArn), { ResourceArn: tableArn }),
  PutItem: sample(putItem("users", { id: "u1", n: 1 }), { TableName: "users", Item: { id: { S: "u1" }, n: { N: "1" } } }),
  PutResourcePolicy: sample(putResourcePolicy(tableArn, { Version: "2012-10-17" }), { ResourceArn: tableArn, Policy: `{"Version":"2012-10-17"}` }),
  Query: sample(query("users", attr("id").equals("u1")), {
    TableName: "users",
    KeyConditionExpression: "#n0 = :v0",
    ExpressionAttributeNames: { "#n0": "id" },
    ExpressionAttributeValues: { ":v0": { S: "u1" } }
  }),
  RestoreTableFromBackup: sample(restoreTableFromBackup(backupArn, "users-restored"), { BackupArn: backupArn, TargetTableName: "users-restored" }),
  RestoreTableToPointInTime: sample(
    restoreTableToPointInTime({ SourceTableName: "users", TargetTableName: "users-restored", UseLatestRestorableTime: true }),
    { SourceTableName: "users", TargetTableName: "users-restored", UseLatestRestorableTime: true }
  ),
  Scan: sample(scan("users", { limit: 5 }), { TableName: "users", Limit: 5 }),
  SearchVectors: sample(searchVectors({ TableName: "docs", IndexName: "by-vector", SearchVector: [{ N: "0.5" }], TopK: 3 }), {
    TableName: "docs",
    IndexName: "by-vector",
    SearchVector: [{ N: "0.5" }],
    TopK: 3
  }),
  StartBulkPutItems: sample(
    startBulkPutItems({ TableName: "users", InputS3Configuration: bulkIn, OutputS3Configuration: bulkOut }),
    { TableName: "users", InputS3Configuration: bulkIn, OutputS3Configuration: bulkOut }
  ),
  TagResource: sample(tagResource(tableArn, { team: "growth" }), { ResourceArn: tableArn, Tags: [{ Key: "team", Value: "growth" }] }),
  TransactGetItems: sample(transactGetItems([getItem("users", { id: "u1" })]), {
    TransactItems: [{ Get: { TableName: "users", Key: { id: { S: "u1" } } } }]
  }),
  TransactWriteItems: sample(transactWriteItems([deleteItem("users", { id: "u1" })]), {
    TransactItems: [{ Delete: { TableName: "users", Key: { id: { S: "u1" } } } }]
  }),
  UntagResource: sample(untagResource(tableArn, ["team"]), { ResourceArn: tableArn, TagKeys: ["team"] }),
  UpdateContinuousBackups: sample(updateContinuousBackups("users", true), {
    TableName: "users",
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
  }),
  UpdateContributorInsights: sample(updateContributorInsights("users", false), { TableName: "users", ContributorInsightsAction: "DISABLE" }),
  UpdateGlobalTable: sample(updateGlobalTable({ GlobalTableName: "users", ReplicaUpdates: [{ Delete: { RegionName: "us-east-1" } }] }), {
    GlobalTableName: "users",
    ReplicaUpdates: [{ Delete: { RegionName: "us-east-1" } }]
  }),
  UpdateGlobalTableSettings: sample(updateGlobalTableSettings({ GlobalTableName: "users", GlobalTableBillingMode: "PAY_PER_REQUEST" }), {
    GlobalTableName: "users",
    GlobalTableBillingMode: "PAY_PER_REQUEST"
  }),
  UpdateItem: sample(updateItem("users", { id: "u1" }, { name: "Ada" }), {
    TableName: "users",
    Key: { id: { S: "u1" } },
    UpdateExpression: "SET #n0 = :v0",
    ExpressionAttributeNames: { "#n0": "name" },
    ExpressionAttributeValues: { ":v0": { S: "Ada" } }
  }),
  UpdateKinesisStreamingDestination: sample(
    updateKinesisStreamingDestination({
      TableName: "users",
      StreamArn: streamArn,
      UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: "MICROSECOND" }
    }),
    { TableName: "users", StreamArn: streamArn, UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: "MICROSECOND" } }
  ),
  UpdateTable: sample(updateTable("users", { stream: false }), { TableName: "users", StreamSpecification: { StreamEnabled: false } }),
  UpdateTableReplicaAutoScaling: sample(updateTableReplicaAutoScaling({ TableName: "users" }), { TableName: "users" }),
  UpdateTimeToLive: sample(updateTimeToLive("users", "expiresAt", true), {
    TableName: "users",
    TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true }
  })
}
