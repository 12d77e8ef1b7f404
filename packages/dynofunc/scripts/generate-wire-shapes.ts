/**
 * Derives `src/internal/transport/shapes.generated.ts` from the installed `@aws-sdk/client-dynamodb`'s schemas: the
 * shape of every command's output and of every error with members, as far as the lean transport's reader needs it
 * to answer what the SDK answers (which members exist, which are timestamps, where AttributeValues are).
 *
 * Run: `pnpm --filter dynofunc generate`. A test renders it again and compares, so the shapes never drift from the SDK.
 */
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import * as Sdk from "@aws-sdk/client-dynamodb"
import { readSdkCommands } from "../../core/scripts/generate-commands.js"

/** A schema as the SDK writes it: a number for simple types, an array for the others, a thunk for a reference. */
type Schema = number | string | ReadonlyArray<unknown> | (() => Schema)

/**
 * A shape reference in the generated table: `0` keep as is, `1` timestamp (epoch seconds → `Date`), `2`
 * AttributeValue, `n ≥ 3` the composite shape `shapes[n - 3]`.
 */
type Ref = number

/** A composite shape: a structure (its members), a list (`["L", element]`) or a map (`["M", value]`). */
type Shape = { readonly [member: string]: Ref } | readonly ["L" | "M", Ref]

const timestamp = (type: number) => type === 4 || (type >= 5 && type <= 7)

/** Builds the table of composite shapes, each once, in order of first use. */
const builder = () => {
  const shapes: Array<Shape> = []
  const seen = new Map<unknown, Ref>()
  const ref = (schema: Schema): Ref => {
    let resolved = schema
    while (typeof resolved === "function") resolved = resolved()
    // `"unit"`: an output with no members (TagResource), read as `{}` like any other.
    if (typeof resolved === "string") return 0
    if (typeof resolved === "number") return timestamp(resolved) ? 1 : 0
    // `[schema, traits]`: a member's schema with its traits.
    if (resolved.length === 2) return ref(resolved[0] as Schema)
    const kind = resolved[0] as number
    const name = `${String(resolved[1])}#${String(resolved[2])}`
    if (name.endsWith("#AttributeValue")) return 2
    const known = seen.get(name)
    if (known !== undefined) return known
    const index = shapes.length
    seen.set(name, index + 3)
    shapes.push({})
    let shape: Shape
    if (kind === 1) shape = ["L", ref(resolved[4] as Schema)]
    else if (kind === 2) shape = ["M", ref(resolved[5] as Schema)]
    else {
      const members: { [member: string]: Ref } = {}
      const names = resolved[4] as ReadonlyArray<string>
      const types = resolved[5] as ReadonlyArray<Schema>
      names.forEach((member, i) => (members[member] = ref(types[i] as Schema)))
      shape = members
    }
    shapes[index] = shape
    // Lists and maps of simple values need no walk at all.
    if (Array.isArray(shape) && shape[1] === 0) {
      shapes.pop()
      seen.set(name, 0)
      return 0
    }
    return index + 3
  }
  return { shapes, ref }
}

/** An SDK error schema that carries more than a message (`[-3, namespace, name, traits, members, schemas]`). */
const carriesMore = (schema: unknown): boolean =>
  Array.isArray(schema) &&
  schema[0] === -3 &&
  (schema[4] as ReadonlyArray<string>).some((member) => member !== "message" && member !== "Message")

/**
 * The tables the reader needs, as plain data: every composite shape an output or such an error holds (each once, in
 * order of first use), each command's output shape, and the shape of each error that carries more than a message.
 */
export const tables = (): {
  readonly shapes: ReadonlyArray<Shape>
  readonly outputs: Readonly<Record<string, Ref>>
  readonly errors: Readonly<Record<string, Ref>>
} => {
  const sdk = Sdk as unknown as Record<string, ReadonlyArray<unknown> | undefined>
  const { shapes, ref } = builder()
  // In the SDK's order of commands, as `commandNames` has them: the generated module holds the references alone.
  const outputs = Object.fromEntries(
    readSdkCommands().map(({ name }) => [name, ref((sdk[`${name}$`] as ReadonlyArray<unknown>)[5] as Schema)])
  )
  const errors = Object.fromEntries(
    Object.entries(sdk)
      .filter(([key, schema]) => key.endsWith("Exception$") && carriesMore(schema))
      .map(([key, schema]) => [key.slice(0, -1), ref(schema as ReadonlyArray<unknown>)])
  )
  return { shapes, outputs, errors }
}

/** `n` in base 36, two digits: every reference and member number is below 36² (the generator refuses more). */
const twoDigits = (n: number): string => {
  if (n >= 36 * 36) throw new Error(`${n} does not fit two base-36 digits`)
  return n.toString(36).padStart(2, "0")
}

/** The generated module's text: the tables encoded compactly (a bundle carries them), and their decoder. */
export const render = (): string => {
  const { shapes, outputs, errors } = tables()
  const members = [...new Set(shapes.flatMap((shape) => (Array.isArray(shape) ? [] : Object.keys(shape))))]
  const encoded = shapes.map((shape) =>
    Array.isArray(shape)
      ? `${shape[0]}${twoDigits(shape[1])}`
      : Object.entries(shape as Readonly<Record<string, Ref>>).map(([member, ref]) => twoDigits(members.indexOf(member)) + twoDigits(ref)).join(""))
  for (const member of members) if (!/^[A-Za-z0-9]+$/.test(member)) throw new Error(`member ${member} is not a plain name`)
  // Member names share their words (`Table`, `Capacity`, `DateTime`…): each word once, each name as its words' numbers.
  const wordsOf = (member: string) => member.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
  const words = [...new Set(members.flatMap(wordsOf))]
  const names = members.map((member) => wordsOf(member).map((word) => twoDigits(words.indexOf(word))).join(""))
  return [
    "// Generated by scripts/generate-wire-shapes.ts from @aws-sdk/client-dynamodb's schemas. Do not edit by hand.",
    "// test/transport/wire.test.ts fails when this file and the installed SDK disagree.",
    "import { commandNames } from \"@dynofunc/core/internal/builders/commands.generated\"",
    "",
    "/**",
    " * A shape reference: `0` keep as is, `1` timestamp (epoch seconds → `Date`), `2` AttributeValue, `n ≥ 3` the",
    " * composite shape `shapes[n - 3]`.",
    " */",
    "export type Ref = number",
    "",
    "/** A structure (its members and theirs), a list (`[\"L\", element]`) or a map (`[\"M\", value]`). */",
    "export type Shape = { readonly [member: string]: Ref } | readonly [\"L\" | \"M\", Ref]",
    "",
    "/** The number written as two base-36 digits at `index` in `code`. */",
    "const at = (code: string, index: number): number => parseInt(code.slice(index, index + 2), 36)",
    "",
    "/** The words of the structures' member names, each once. */",
    `const words = ${JSON.stringify(words.join(","))}.split(",")`,
    "",
    "/** The structures' member names, each once: comma-separated, each its words' numbers (two base-36 digits each). */",
    "const members = /* @__PURE__ */ (() =>",
    `  ${JSON.stringify(names.join(","))}`,
    "    .split(\",\")",
    "    .map((code) => {",
    "      let name = \"\"",
    "      for (let index = 0; index < code.length; index += 2) name += words[at(code, index)]",
    "      return name",
    "    }))()",
    "",
    "/**",
    " * Every composite shape an output or an error holds, held compact: comma-separated, a list as `L` and its element's",
    " * reference, a map as `M` and its values', a structure as its members, each a member number and a reference (every",
    " * number two base-36 digits).",
    " */",
    "export const shapes: ReadonlyArray<Shape> = /* @__PURE__ */ (() =>",
    `  ${JSON.stringify(encoded.join(","))}`,
    "    .split(\",\")",
    "    .map((code): Shape => {",
    "      if (code[0] === \"L\" || code[0] === \"M\") return [code[0], at(code, 1)]",
    "      const shape: Record<string, Ref> = {}",
    "      for (let index = 0; index < code.length; index += 4) shape[members[at(code, index)]!] = at(code, index + 2)",
    "      return shape",
    "    }))()",
    "",
    "/** Each command's output shape (two base-36 digits per command, in `commandNames` order). */",
    "export const outputs: { readonly [command: string]: Ref } = /* @__PURE__ */ (() =>",
    `  Object.fromEntries(commandNames.map((name, index) => [name, at(${JSON.stringify(Object.values(outputs).map(twoDigits).join(""))}, index * 2)])))()`,
    "",
    "/** The shape of each error that carries more than a message, by AWS code. */",
    "export const errors: { readonly [code: string]: Ref } = {",
    ...Object.entries(errors).map(([name, shape], index, all) => `  ${name}: ${shape}${index === all.length - 1 ? "" : ","}`),
    "}",
    ""
  ].join("\n")
}

/** Where the generated module lives. */
export const target = fileURLToPath(new URL("../src/internal/transport/shapes.generated.ts", import.meta.url))

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(target, render())
  console.log(`wrote ${target}`)
}
