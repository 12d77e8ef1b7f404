import { DynamoDBLocal } from "@dynofunc/testing"
import { differentialSuite } from "./differential.js"

differentialSuite("DynamoDB Local", DynamoDBLocal.make())
