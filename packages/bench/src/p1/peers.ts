/**
 * P1's request, built by each peer: an UpdateItem on `bench` / { pk: "user#1", sk: "profile" } that
 *
 * - sets `name`, `status` and the nested `address.city`,
 * - increments the counter `visits` by 1 (`ADD`, what every peer's "add" produces),
 * - appends `["new"]` to the list `tags` (`list_append(if_not_exists(tags, []), …)`, what the peers' "append" produces),
 * - under the condition `attribute_exists(pk) AND version = 3`.
 *
 * Every builder returns the request as that library hands it over (`.params()` for dynamodb-toolbox and ElectroDB:
 * DocumentClient input whose values are still plain JS, marshalled later by `@aws-sdk/lib-dynamodb` at send time).
 */
import { marshall } from "@aws-sdk/util-dynamodb"
import {
  AttributePath,
  ExpressionAttributes,
  FunctionExpression,
  serializeConditionExpression,
  UpdateExpression
} from "@aws/dynamodb-expressions"
import { $add, $append, Entity, item, list, map, number, string, Table, UpdateItemCommand } from "dynamodb-toolbox"
import { Entity as ElectroEntity } from "electrodb"
import type { Allowances } from "./meaning.js"

export interface Builder {
  readonly name: string
  readonly build: () => Record<string, unknown>
  /** Values are plain JS (DocumentClient input) rather than AttributeValues. */
  readonly document: boolean
  readonly allowances?: Allowances
  /** What the reader should know about this builder's output. */
  readonly note?: string
}

/** The floor: the request written by hand, as the SDK takes it. */
export const literal: Builder = {
  name: "hand-written literal",
  document: false,
  build: () => ({
    TableName: "bench",
    Key: { pk: { S: "user#1" }, sk: { S: "profile" } },
    UpdateExpression:
      "SET #name = :name, #address.#city = :city, #status = :status, #tags = list_append(if_not_exists(#tags, :empty), :tags) ADD #visits :one",
    ConditionExpression: "attribute_exists(#pk) AND #version = :v",
    ExpressionAttributeNames: {
      "#name": "name",
      "#address": "address",
      "#city": "city",
      "#status": "status",
      "#tags": "tags",
      "#visits": "visits",
      "#pk": "pk",
      "#version": "version"
    },
    ExpressionAttributeValues: {
      ":name": { S: "Ada" },
      ":city": { S: "London" },
      ":status": { S: "active" },
      ":empty": { L: [] },
      ":tags": { L: [{ S: "new" }] },
      ":one": { N: "1" },
      ":v": { N: "3" }
    }
  })
}

const toolboxTable = new Table({
  name: "bench",
  partitionKey: { name: "pk", type: "string" },
  sortKey: { name: "sk", type: "string" }
})

const toolboxEntity = new Entity({
  name: "User",
  table: toolboxTable,
  entityAttribute: false,
  timestamps: false,
  schema: item({
    pk: string().key(),
    sk: string().key(),
    name: string().optional(),
    status: string().optional(),
    address: map({ city: string().optional(), street: string().optional() }).optional(),
    visits: number().optional(),
    tags: list(string()).optional(),
    version: number().optional()
  })
})

/** dynamodb-toolbox v2, its entity attribute and timestamps turned off so it writes nothing of its own. */
export const toolbox: Builder = {
  name: "dynamodb-toolbox v2",
  document: true,
  build: () =>
    toolboxEntity
      .build(UpdateItemCommand)
      .item({
        pk: "user#1",
        sk: "profile",
        name: "Ada",
        address: { city: "London" },
        status: "active",
        visits: $add(1),
        tags: $append(["new"])
      })
      .options({ condition: { and: [{ attr: "pk", exists: true }, { attr: "version", eq: 3 }] } })
      .params() as unknown as Record<string, unknown>
}

const electroEntity = new ElectroEntity(
  {
    model: { entity: "user", version: "1", service: "bench" },
    attributes: {
      id: { type: "string" },
      name: { type: "string" },
      status: { type: "string" },
      address: { type: "map", properties: { city: { type: "string" }, street: { type: "string" } } },
      visits: { type: "number" },
      tags: { type: "list", items: { type: "string" } },
      version: { type: "number" }
    },
    indexes: {
      primary: {
        pk: { field: "pk", composite: ["id"], template: "user#${id}" },
        sk: { field: "sk", composite: [], template: "profile" }
      }
    }
  },
  { table: "bench" }
)

/**
 * ElectroDB 3. `patch` is its update that requires the item to exist (`attribute_exists` of both key attributes;
 * a plain `update` cannot name the key attributes in `where`); it also writes its own bookkeeping attributes
 * (`__edb_e__`, `__edb_v__`) and the key's composite attribute (`id`).
 */
export const electro: Builder = {
  name: "ElectroDB 3",
  document: true,
  allowances: {
    bookkeeping: ["__edb_e__", "__edb_v__", "id"],
    impliedConditions: ['attribute_exists("sk")']
  },
  note: "patch(): also SETs its bookkeeping attributes __edb_e__, __edb_v__, id and checks attribute_exists(sk)",
  build: () =>
    electroEntity
      .patch({ id: "1" })
      .set({ name: "Ada", status: "active" })
      .data((a, o) => {
        o.set(a.address.city, "London")
      })
      .add({ visits: 1 })
      .append({ tags: ["new"] })
      .where((a, o) => o.eq(a.version, 3))
      .params() as Record<string, unknown>
}

const tagsPath = new AttributePath("tags")
const cityPath = new AttributePath("address.city")

/**
 * `@aws/dynamodb-expressions` (the DynamoDB DataMapper's expression library). It cannot nest functions: the
 * `if_not_exists(...)` inside `list_append` is marshalled as a map value, silently: the request it builds means
 * something else (and DynamoDB would refuse it).
 */
export const awsExpressions: Builder = {
  name: "@aws/dynamodb-expressions",
  document: false,
  note: "nests if_not_exists inside list_append as a marshalled map value (a different request)",
  build: () => {
    const attributes = new ExpressionAttributes()
    const update = new UpdateExpression()
    update.set("name", "Ada")
    update.set(cityPath, "London")
    update.set("status", "active")
    update.set("tags", new FunctionExpression("list_append", new FunctionExpression("if_not_exists", tagsPath, []), ["new"]))
    update.add("visits", 1)
    const updateExpression = update.serialize(attributes)
    const conditionExpression = serializeConditionExpression(
      {
        type: "And",
        conditions: [
          new FunctionExpression("attribute_exists", new AttributePath("pk")),
          { type: "Equals", subject: "version", object: 3 }
        ]
      },
      attributes
    )
    return {
      TableName: "bench",
      Key: marshall({ pk: "user#1", sk: "profile" }),
      UpdateExpression: updateExpression,
      ConditionExpression: conditionExpression,
      ExpressionAttributeNames: attributes.names,
      ExpressionAttributeValues: attributes.values
    }
  }
}

export const peers: ReadonlyArray<Builder> = [awsExpressions, toolbox, electro]
