import { DynamoDBLocal } from "@dynofunc/testing"
import { typedSuite } from "./engineSuite.js"

typedSuite("DynamoDB Local", DynamoDBLocal.layer(), { transactions: true })
