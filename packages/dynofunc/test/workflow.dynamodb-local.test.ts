import { DynamoDBLocal } from "@dynofunc/testing"
import { workflowSuite } from "./support/workflow.js"

workflowSuite("DynamoDB Local", DynamoDBLocal.layer())
