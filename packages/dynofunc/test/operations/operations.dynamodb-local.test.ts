import { layer } from "@effect/vitest"
import { DynamoDBLocal } from "@dynofunc/testing"
import { engineScenarios } from "./scenarios.js"

layer(DynamoDBLocal.layer({}, { maxAttempts: 1 }), { timeout: "120 seconds", excludeTestServices: true })("operations on DynamoDB Local", (it) => {
  for (const [title, scenario] of engineScenarios("DynamoDB Local")) it.effect(title, () => scenario)
})
