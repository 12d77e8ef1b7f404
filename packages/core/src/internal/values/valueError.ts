/**
 * A JS value DynamoDB cannot store: the `ValueError` that refuses it, the words its messages use for a value, and
 * where the value lies inside the one given (its path, filled in as the error unwinds; a cycle named as one).
 */

/**
 * A value DynamoDB cannot store exactly. `path` locates it inside the value given to the converter (map keys and
 * list positions), filled in while the error unwinds: nothing is tracked while converting succeeds.
 */
export class ValueError extends Error {
  readonly path: Array<string | number> = []
  /** The part of the request the value is, when the caller named it (`Item`, `Key`, `Parameters[2]`). */
  prefix = "value"
}

/** `error`, thrown from inside `segment`, as a `ValueError` located there (a throwing getter is one too). */
export const within = (error: unknown, segment: string | number): ValueError => {
  const located = error instanceof ValueError ? error : new ValueError(`reading it threw: ${error instanceof Error ? error.message : String(error)}`)
  located.path.unshift(segment)
  return located
}

/** Throws a `ValueError` saying `message` (its path is filled in as it unwinds). */
export const refuse = (message: string): never => {
  throw new ValueError(message)
}

/** The name of `value`'s constructor, if it has one (what tells classes apart across realms). */
export const constructorName = (value: object): unknown => (value as { constructor?: { name?: unknown } }).constructor?.name

/** A short name for what `value` is, for messages. */
export const describe = (value: unknown): string => {
  if (value === null) return "null"
  if (typeof value === "object") {
    const name = constructorName(value)
    return typeof name === "string" && name !== "" ? `a ${name}` : "an object"
  }
  if (typeof value === "function") return "a function"
  return `a ${typeof value}`
}

/**
 * Why converting `root` failed, with the path of the offending value: nesting past the limit is reported as a
 * cycle when the path comes back to an object it went through (found by walking the path, only on failure).
 */
export const explained = (error: unknown, root: unknown): ValueError => {
  const located = error instanceof ValueError ? error : new ValueError(error instanceof Error ? error.message : String(error))
  if (located.message.startsWith("maps and lists nest")) {
    const seen: Array<unknown> = []
    let current: unknown = root
    for (let i = 0; i < located.path.length && typeof current === "object" && current !== null; i++) {
      const earlier = seen.indexOf(current)
      if (earlier >= 0) {
        located.path.length = i
        located.message = `a circular structure: this refers back to ${earlier === 0 ? "the value itself" : formatPath("", located.path.slice(0, earlier))}`
        return located
      }
      seen.push(current)
      const segment = located.path[i]!
      current = current instanceof Map ? current.get(segment) : (current as Record<string | number, unknown>)[segment]
    }
  }
  return located
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/

/** `prefix` followed by the path: `.name` for names that read as one, `["a.b"]` for others, `[3]` for positions. */
export const formatPath = (prefix: string, path: ReadonlyArray<string | number>): string => {
  let out = prefix
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : identifier.test(segment) ? (out === "" ? segment : `.${segment}`) : `[${JSON.stringify(segment)}]`
  }
  return out
}
