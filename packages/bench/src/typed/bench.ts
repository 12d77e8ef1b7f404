/**
 * Typed tables. P6T: encode+marshal and unmarshal+decode of P6's 1,000 items through an `Entity` vs
 * `Schema.encodeSync` + `marshall` and `unmarshall` + `Schema.decodeUnknownSync` on the same Schema. P1T: P1's
 * UpdateItem built through an entity (a typed update, its condition on a typed path). P6T also measures dynamodb-toolbox
 * v2 on the same entity: `EntityParser.parse` + `marshall` (what its `PutItemCommand` hands the DocumentClient) and
 * `unmarshall` + `EntityFormatter.format`.
 */
import { isDeepStrictEqual } from "node:util"
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb"
import { Schema } from "effect"
import {
  binary,
  boolean,
  Entity as ToolboxEntity,
  EntityFormatter,
  EntityParser,
  item as toolboxItem,
  list,
  map,
  nul,
  number,
  set,
  string,
  Table as ToolboxTable
} from "dynamodb-toolbox"
import { Entity, TypedTable } from "dynofunc"
import { cpuRatio, measureSync, ratio, type Measured, type Settings } from "../harness.js"
import { formatNs, formatRatio, type Section } from "../report.js"
import { throughputRows } from "../p6/bench.js"
import { dynofunc as p1Plain } from "../p1/dynofunc.js"
import { makeItems } from "../p6/items.js"

const ITEMS = 1_000

const Order = Schema.Struct({ id: Schema.String, total: Schema.Number, items: Schema.Number })

/** P6's item as a Schema: ~20 attributes of every kind. */
const Profile = Schema.Struct({
  pk: Schema.String,
  sk: Schema.String,
  name: Schema.String,
  email: Schema.String,
  age: Schema.Number,
  balance: Schema.Number,
  score: Schema.Number,
  active: Schema.Boolean,
  createdAt: Schema.String,
  updatedAt: Schema.Number,
  tags: Schema.Array(Schema.String),
  roles: Schema.ReadonlySetFromSelf(Schema.String),
  address: Schema.Struct({
    street: Schema.String,
    city: Schema.String,
    zip: Schema.String,
    country: Schema.String,
    geo: Schema.Struct({ lat: Schema.Number, lon: Schema.Number })
  }),
  preferences: Schema.Struct({ theme: Schema.Literal("dark", "light"), notifications: Schema.Boolean, language: Schema.String }),
  lastLogins: Schema.Array(Schema.Number),
  orders: Schema.Array(Order),
  avatar: Schema.Uint8ArrayFromSelf,
  deletedAt: Schema.Null,
  loginCount: Schema.Number,
  lucky: Schema.ReadonlySetFromSelf(Schema.Number),
  bio: Schema.String,
  middleName: Schema.optional(Schema.String),
  version: Schema.Number
})

/** A table whose keys (`tpk`, `tsk`) are composed from the items' pk and sk fields. */
const bench = TypedTable.make({ name: "bench", partitionKey: "tpk", sortKey: "tsk" })
const Profiles = Entity.make({
  table: bench,
  name: "Profile",
  schema: Profile,
  primary: { partition: { prefix: "P", fields: ["pk"] }, sort: { prefix: "S", fields: ["sk"] } }
})

/** The same entity in dynamodb-toolbox v2 (its entity attribute on, like dynofunc's tag; no timestamps). */
const toolboxTable = new ToolboxTable({ name: "bench", partitionKey: { name: "pk", type: "string" }, sortKey: { name: "sk", type: "string" } })

const toolboxProfiles = new ToolboxEntity({
  name: "Profile",
  table: toolboxTable,
  timestamps: false,
  schema: toolboxItem({
    pk: string().key(),
    sk: string().key(),
    name: string(),
    email: string(),
    age: number(),
    balance: number(),
    score: number(),
    active: boolean(),
    createdAt: string(),
    updatedAt: number(),
    tags: list(string()),
    roles: set(string()),
    address: map({ street: string(), city: string(), zip: string(), country: string(), geo: map({ lat: number(), lon: number() }) }),
    preferences: map({ theme: string().enum("dark", "light"), notifications: boolean(), language: string() }),
    lastLogins: list(number()),
    orders: list(map({ id: string(), total: number(), items: number() })),
    avatar: binary(),
    deletedAt: nul(),
    loginCount: number(),
    lucky: set(number()),
    bio: string(),
    middleName: string().optional(),
    version: number()
  })
})

export const runP6Typed = (settings: Settings): Section => {
  const items = makeItems(ITEMS) as unknown as ReadonlyArray<typeof Profile.Type>
  const encode = Schema.encodeSync(Profile)
  const decode = Schema.decodeUnknownSync(Profile)
  const stored = items.map((item) => Profiles.put(item).description.Item!)
  const reader = Profiles.get({ pk: "user#0", sk: "profile#0" })
  const read = (av: (typeof stored)[number]) => {
    const result = reader.decode({ Item: av, $metadata: {} })
    if (result._tag === "Left") throw result.left
    return result.right.item
  }
  // Same data both ways (the entity adds its tag and the table's key attributes).
  items.forEach((item, i) => {
    const { _entity, tpk, tsk, ...rest } = stored[i]!
    if (!isDeepStrictEqual(rest, marshall(encode(item), { removeUndefinedValues: true })) || _entity?.S !== "Profile" || tpk === undefined || tsk === undefined) {
      throw new Error(`P6T: the entity stores item ${i} differently`)
    }
    if (!isDeepStrictEqual(read(stored[i]!), decode(unmarshall(stored[i]!)))) throw new Error(`P6T: item ${i} reads back differently`)
  })
  const parser = toolboxProfiles.build(EntityParser)
  const formatter = toolboxProfiles.build(EntityFormatter)
  const toolboxStored = items.map((item) => marshall(parser.parse(item).item, { removeUndefinedValues: true }))
  // The same attributes stored (each with its own entity tag, dynofunc also its composed keys), the same item read back.
  items.forEach((_, i) => {
    const { _et, ...toolboxAttributes } = toolboxStored[i]!
    const { _entity, tpk: _tpk, tsk: _tsk, ...attributes } = stored[i]!
    if (!isDeepStrictEqual(toolboxAttributes, attributes) || _et?.S !== "Profile") throw new Error(`P6T: dynamodb-toolbox stores item ${i} differently`)
    if (!isDeepStrictEqual(formatter.format(unmarshall(toolboxStored[i]!)), read(stored[i]!))) throw new Error(`P6T: dynamodb-toolbox reads item ${i} back differently`)
  })
  const results = measureSync(
    [
      { name: "Schema.encodeSync + marshall", run: () => items.map((item) => marshall(encode(item), { removeUndefinedValues: true })) },
      { name: "Entity put (encode + marshal)", run: () => items.map((item) => Profiles.put(item).description) },
      { name: "unmarshall + Schema.decodeUnknownSync", run: () => stored.map((av) => decode(unmarshall(av))) },
      { name: "Entity read (unmarshal + decode)", run: () => stored.map(read) },
      { name: "dynamodb-toolbox v2 parse + marshall", run: () => items.map((item) => marshall(parser.parse(item).item, { removeUndefinedValues: true })) },
      { name: "dynamodb-toolbox v2 unmarshall + format", run: () => toolboxStored.map((av) => formatter.format(unmarshall(av))) }
    ],
    settings
  )
  const [refWrite, typedWrite, refRead, typedRead, toolboxWrite, toolboxRead] = results as [Measured, Measured, Measured, Measured, Measured, Measured]
  const writeRatio = ratio(refWrite, typedWrite)
  const readRatio = ratio(refRead, typedRead)
  const toolboxWriteRatio = ratio(toolboxWrite, typedWrite)
  const toolboxReadRatio = ratio(toolboxRead, typedRead)
  return {
    id: "P6T",
    title: `typed values: ${ITEMS.toLocaleString("en")} items of ~20 attributes through an Entity`,
    rows: [
      ...throughputRows(ITEMS, [refWrite, typedWrite, refRead, typedRead], [writeRatio, readRatio]),
      ...[toolboxWrite, toolboxRead].map((m) => ({ contender: m.name, figure: `${Math.round((ITEMS * 1e9) / m.median / 1000)}k items/s`, ratio: "" }))
    ],
    targets: [
      { label: "typed encode+marshal vs Schema + util-dynamodb", value: writeRatio, target: "≥ 2.0×", met: writeRatio >= 2 },
      { label: "typed unmarshal+decode vs util-dynamodb + Schema", value: readRatio, target: "≥ 2.0×", met: readRatio >= 2 },
      { label: "typed encode+marshal vs dynamodb-toolbox v2 parse + marshall", value: toolboxWriteRatio, target: "≥ 1.0×", met: toolboxWriteRatio >= 1 },
      { label: "typed unmarshal+decode vs dynamodb-toolbox v2 unmarshall + format", value: toolboxReadRatio, target: "≥ 1.0×", met: toolboxReadRatio >= 1 }
    ],
    notes: [
      "the entity's write builds the whole PutItem (keys, entity tag) around the encoding; outputs checked equal first",
      `dynamodb-toolbox v2: parse (validation, its entity attribute) + marshall is what its PutItemCommand hands the DocumentClient; ratios ${formatRatio(toolboxWriteRatio)} (write) and ${formatRatio(toolboxReadRatio)} (read) = its time ÷ the entity's`
    ],
    data: { items: ITEMS, nsPerBatch: Object.fromEntries(results.map((m) => [m.name, m.median])), writeRatio, readRatio, toolboxWriteRatio, toolboxReadRatio }
  }
}

/** P1's update (see `p1/dynofunc.ts`) through an entity whose Schema has those fields. */
const Users = Entity.make({
  table: bench,
  name: "User",
  schema: Schema.Struct({
    pk: Schema.String,
    sk: Schema.String,
    name: Schema.String,
    status: Schema.String,
    address: Schema.Struct({ city: Schema.String, street: Schema.optional(Schema.String) }),
    visits: Schema.Number,
    tags: Schema.Array(Schema.String),
    version: Schema.Number
  }),
  primary: { partition: { fields: ["pk"] }, sort: { fields: ["sk"] } }
})

export const runP1Typed = (settings: Settings): Section => {
  const build = () =>
    Users.update(
      { pk: "user#1", sk: "profile" },
      { name: "Ada", status: "active", visits: Entity.increment(), tags: Entity.append(["new"]), address: { city: "London" } },
      { condition: Users.attr("version").equals(3) }
    ).description
  if (build().UpdateExpression === undefined) throw new Error("P1T: no update built")
  // P1's plain build, interleaved with the typed one: the ratio holds on a loaded machine where absolute times do not.
  const [typed, plain] = measureSync([{ name: "Entity update (P1's UpdateItem)", run: build }, { name: "plain update (P1's dynofunc build)", run: p1Plain.build }], settings) as [
    Measured,
    Measured
  ]
  const perRequest = typed.median
  return {
    id: "P1T",
    title: "typed request building: P1's UpdateItem through an Entity",
    rows: [
      {
        contender: typed.name,
        figure: `${formatNs(perRequest)} / request`,
        ratio: `${formatRatio(ratio(typed, plain))} the plain build's time`,
        note: `CPU ${formatNs(typed.cpuMedian)} / request, ${formatRatio(cpuRatio(typed, plain))} the plain build's`
      },
      { contender: plain.name, figure: `${formatNs(plain.median)} / request`, ratio: "1", note: `CPU ${formatNs(plain.cpuMedian)} / request` }
    ],
    targets: [{ label: "typed UpdateItem build time", value: perRequest / 1000, unit: "µs", target: "≤ 2 µs", met: perRequest <= 2000 }],
    notes: ["the entity's update also SETs address as a whole map (the Schema's field), and returns ALL_NEW"],
    data: { nsPerRequest: perRequest, plainNsPerRequest: plain.median, ratioToPlain: ratio(typed, plain) }
  }
}
