/**
 * The workspace's test runs share one DynamoDB Local (see `DynamoDBLocal.globalSetup`): one JVM start per run rather
 * than one per test file. Listed as `globalSetup` by the projects in `vitest.workspace.ts`.
 */
import * as DynamoDBLocal from "../../src/DynamoDBLocal.js"

export default DynamoDBLocal.globalSetup({ startTimeout: "120 seconds" })
