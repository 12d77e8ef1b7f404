import { DynamoDBLocal } from "@dynofunc/testing"
import { streamsSuite } from "./support/streams.js"

streamsSuite("DynamoDB Local", DynamoDBLocal.layer())
