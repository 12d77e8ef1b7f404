/**
 * Realistic items for P6: ~20 top-level attributes of every kind DynamoDB stores (strings, integers, decimals,
 * booleans, null, binaries, string and number sets, lists, nested maps, lists of maps), generated from a seed so
 * every run marshals the same data. Numbers stay within what `@aws-sdk/util-dynamodb` reads without options.
 */

/** A small deterministic PRNG (mulberry32). */
const random = (seed: number) => {
  let state = seed >>> 0
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"]
const cities = ["London", "Paris", "Lisbon", "Berlin", "Oslo", "Rome", "Vienna", "Dublin"]

export const makeItem = (index: number, next: () => number): Record<string, unknown> => {
  const pick = <A>(values: ReadonlyArray<A>): A => values[Math.floor(next() * values.length)]!
  const int = (max: number) => Math.floor(next() * max)
  const cents = (max: number) => Math.round(next() * max * 100) / 100
  const created = 1_600_000_000_000 + int(200_000_000_000)
  const avatar = new Uint8Array(32)
  for (let i = 0; i < avatar.length; i++) avatar[i] = int(256)
  return {
    pk: `user#${index}`,
    sk: `profile#${int(1000)}`,
    name: `${pick(words)} ${pick(words)}`,
    email: `${pick(words)}.${index}@example.com`,
    age: 18 + int(70),
    balance: cents(10_000),
    score: next() * 100,
    active: next() < 0.5,
    createdAt: new Date(created).toISOString(),
    updatedAt: created + int(1_000_000_000),
    tags: [pick(words), pick(words), pick(words)],
    roles: new Set(["user", ...(next() < 0.3 ? ["admin"] : [])]),
    address: {
      street: `${1 + int(200)} ${pick(words)} street`,
      city: pick(cities),
      zip: String(10000 + int(89999)),
      country: "GB",
      geo: { lat: cents(180) - 90, lon: cents(360) - 180 }
    },
    preferences: { theme: next() < 0.5 ? "dark" : "light", notifications: next() < 0.5, language: "en" },
    lastLogins: Array.from({ length: 5 }, () => created + int(1_000_000_000)),
    orders: Array.from({ length: 2 }, (_, i) => ({ id: `order#${index}-${i}`, total: cents(500), items: 1 + int(9) })),
    avatar,
    deletedAt: null,
    loginCount: int(100_000),
    lucky: new Set([int(50), 50 + int(50)]),
    bio: Array.from({ length: 25 }, () => pick(words)).join(" "),
    middleName: index % 2 === 0 ? undefined : pick(words),
    version: 1 + int(20)
  }
}

/** `count` items from `seed`. */
export const makeItems = (count: number, seed = 42): Array<Record<string, unknown>> => {
  const next = random(seed)
  return Array.from({ length: count }, (_, index) => makeItem(index, next))
}
