/** A single-table model for the typed-table tests: organisations and their users, a GSI by email. */
import { Schema } from "effect"
import { Entity, TypedTable } from "dynofunc"
import { SetOf } from "#test-effect"

export const app = TypedTable.make({
  name: "typed-app",
  partitionKey: "pk",
  sortKey: "sk",
  indexes: { gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" } }
})

export const Org = Entity.make({
  table: app,
  name: "Org",
  schema: Schema.Struct({ org: Schema.String, title: Schema.String }),
  primary: { partition: { prefix: "ORG", fields: ["org"] }, sort: { prefix: "ORG", fields: [] } }
})

export const User = Entity.make({
  table: app,
  name: "User",
  schema: Schema.Struct({
    org: Schema.String,
    id: Schema.String,
    email: Schema.String,
    team: Schema.String,
    visits: Schema.Number,
    roles: Schema.Array(Schema.String),
    tags: SetOf(Schema.String),
    nickname: Schema.optional(Schema.String),
    profile: Schema.Struct({ city: Schema.String, zip: Schema.Number })
  }),
  primary: { partition: { prefix: "ORG", fields: ["org"] }, sort: { prefix: "USER", fields: ["id"] } },
  indexes: { gsi1: { partition: { prefix: "TEAM", fields: ["org", "team"] }, sort: { prefix: "EMAIL", fields: ["email"] } } }
})

export const ada = {
  org: "acme",
  id: "u1",
  email: "ada@acme.org",
  team: "core",
  visits: 1,
  roles: ["dev"],
  tags: new Set(["beta"]),
  profile: { city: "London", zip: 1 }
}
