import { DynamoDBLocal } from "@dynofunc/testing"
import { bulkSuite } from "../support/bulk.js"

bulkSuite("DynamoDB Local", DynamoDBLocal.layer())
