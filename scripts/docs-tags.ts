/**
 * Adds the `@since` and `@category` tags the API reference needs (`pnpm run docs`, built by `@effect/docgen`) to the doc
 * comments of every public module: the module's own comment gets `@since`, each export's comment `@since` and
 * `@category`. Tags already written are kept; only missing ones are added, so the script can be run again after any
 * merge (`pnpm docs:tags`). With `--check` it changes nothing and exits 1 listing what is missing (`pnpm run docs` runs
 * it so: docgen itself refuses a missing `@since`, but takes a missing `@category` for "utils").
 *
 * The category of an export comes from the rules below, in order: its name and kind first (errors, models, layers,
 * guards, constructors), then its module's default. An export without any doc comment is reported, never given an
 * empty one: it needs a description and an example written by hand.
 *
 * @example
 * // tsx scripts/docs-tags.ts          adds the missing tags
 * // tsx scripts/docs-tags.ts --check  lists them and fails
 */
import { readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import ts from "typescript"
import { publicModules, root } from "./public-modules.js"

/** The version an export without history appeared in: the packages' first version. */
const since = "0.1.0"

/** A module's category for the exports no name or kind rule places. */
const moduleDefaults: Readonly<Record<string, string>> = {
  AwsCredentials: "constructors",
  BatchGet: "execution",
  BatchWrite: "execution",
  ChangeRecord: "constructors",
  ChangeStream: "streams",
  Checkpoint: "constructors",
  CompositeKey: "combinators",
  Condition: "combinators",
  Cursor: "constructors",
  Entity: "combinators",
  Execute: "execution",
  Expression: "utils",
  KeyCondition: "utils",
  Operation: "combinators",
  Pages: "streams",
  Path: "constructors",
  Retry: "combinators",
  StreamEvent: "constructors",
  Table: "constructors",
  TypedTable: "execution",
  Update: "combinators",
  Value: "conversions",
  Wait: "execution"
}

type Kind = "class" | "function" | "const" | "type" | "namespace"

/** The category of one export: the first rule that matches, then the module's default, then "utils". */
const categoryOf = (module: string, name: string, kind: Kind, inOperations: boolean): string => {
  if (/Error$/.test(name)) return "errors"
  if (kind === "type") return "models"
  if (name === module) return "services"
  if (kind === "class") return "models"
  if (/^layer/.test(name)) return "layers"
  if (/^is[A-Z]/.test(name)) return "guards"
  if (inOperations) return "operations"
  if (/^(make|from[A-Z])/.test(name)) return "constructors"
  if (/^[A-Z][A-Za-z]*Id$|^[A-Z0-9_]+$/.test(name)) return "constants"
  return moduleDefaults[module] ?? "utils"
}

/** One doc comment to complete: where it is, and the tags it must have. */
interface Target {
  readonly what: string
  readonly comment: ts.CommentRange | undefined
  readonly tags: ReadonlyArray<readonly [tag: string, value: string]>
  /** Where a new comment goes when there is none and one can be given without words: a re-exported name. */
  readonly insertAt?: number
}

const jsDocOf = (text: string, node: ts.Node): ts.CommentRange | undefined =>
  (ts.getLeadingCommentRanges(text, node.pos) ?? []).filter((range) => text.startsWith("/**", range.pos)).at(-1)

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)

/** The declarations of a module (or namespace body) that need tags, each with its name and kind. */
const declarationsOf = (statements: ts.NodeArray<ts.Statement>): ReadonlyArray<{ node: ts.Node; name: string; kind: Kind }> =>
  statements.filter(isExported).flatMap((statement): Array<{ node: ts.Node; name: string; kind: Kind }> => {
    if (ts.isFunctionDeclaration(statement) && statement.name) return [{ node: statement, name: statement.name.text, kind: "function" as const }]
    if (ts.isClassDeclaration(statement) && statement.name) return [{ node: statement, name: statement.name.text, kind: "class" as const }]
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))) return [{ node: statement, name: statement.name.text, kind: "type" as const }]
    if (ts.isEnumDeclaration(statement)) return [{ node: statement, name: statement.name.text, kind: "const" as const }]
    if (ts.isModuleDeclaration(statement)) return [{ node: statement, name: statement.name.getText(), kind: "namespace" as const }]
    if (ts.isVariableStatement(statement)) {
      const first = statement.declarationList.declarations[0]
      return first && ts.isIdentifier(first.name) ? [{ node: statement, name: first.name.text, kind: "const" as const }] : []
    }
    return []
  })

/** The doc comments of one module that must carry tags. */
const targetsOf = (file: string, text: string): ReadonlyArray<Target> => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)
  const module = path.basename(file, ".ts")
  const inOperations = file.includes("/operations/")
  const first = source.statements[0]
  const moduleComment = first && (ts.getLeadingCommentRanges(text, first.pos) ?? [])[0]
  const targets: Array<Target> = [{
    what: `${file}: the module's doc comment`,
    comment: moduleComment && text.startsWith("/**", moduleComment.pos) ? moduleComment : undefined,
    tags: [["since", since]]
  }]
  const visit = (statements: ts.NodeArray<ts.Statement>, prefix: string) => {
    for (const { node, name, kind } of declarationsOf(statements)) {
      const comment = jsDocOf(text, node)
      // An overload, or a type merged with a value of its name, is documented by the first declaration's comment.
      if (comment === undefined && targets.some((t) => t.what.endsWith(`#${prefix}${name}`))) continue
      targets.push({
        what: `${file}#${prefix}${name}`,
        comment,
        tags: [["since", since], ["category", categoryOf(module, name, kind, inOperations)]]
      })
      if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) visit(node.body.statements, `${prefix}${name}.`)
    }
  }
  visit(source.statements, "")
  // docgen reads a re-exported name's doc from a comment before it, inside the braces.
  for (const statement of source.statements.filter(ts.isExportDeclaration)) {
    const clause = statement.exportClause
    if (!clause || !ts.isNamedExports(clause)) continue
    for (const specifier of clause.elements) {
      const name = specifier.name.text
      targets.push({
        what: `${file}#${name}`,
        comment: jsDocOf(text, specifier),
        tags: [["since", since], ["category", categoryOf(module, name, statement.isTypeOnly || specifier.isTypeOnly ? "type" : "const", inOperations)]],
        insertAt: specifier.getStart()
      })
    }
  }
  return targets
}

/**
 * Each `export { … } from` list of a module one name a line, so that each name can have its comment; the comment of
 * a one-name list moves inside, before its name, where docgen reads it.
 */
const withSpecifiersOnLines = (file: string, text: string): string => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)
  return source.statements.filter(ts.isExportDeclaration).reverse().reduce((out, statement) => {
    const clause = statement.exportClause
    if (!clause || !ts.isNamedExports(clause) || clause.getText().includes("\n")) return out
    const outer = jsDocOf(text, statement)
    const moved = outer && clause.elements.length === 1
      ? `${text.slice(outer.pos, outer.end).split("\n").map((line) => `  ${line.trimStart().startsWith("*") ? " " : ""}${line.trim()}`).join("\n")}\n`
      : ""
    const names = clause.elements.map((element) => `${moved}  ${element.getText()}`).join(",\n")
    const edited = `${out.slice(0, clause.getStart())}{\n${names}\n}${out.slice(clause.getEnd())}`
    return moved === "" || !outer ? edited : `${edited.slice(0, outer.pos)}${edited.slice(statement.getStart())}`
  }, text)
}

/** A comment with the missing tags added before its end, in its own indentation; single-line comments are opened up. */
const completed = (comment: string, indent: string, tags: ReadonlyArray<readonly [string, string]>): string => {
  const missing = tags.filter(([tag]) => !new RegExp(`@${tag}\\b`).test(comment))
  if (missing.length === 0) return comment
  const [head = "", ...rest] = comment.replace(/^\/\*\*/, "").replace(/\s*\*\/$/, "").split("\n")
  const lines = [...(head.trim() === "" ? [] : [head.trim()]), ...rest.map((line) => line.replace(/^\s*\* ?/, ""))]
  const last = lines.at(-1) ?? ""
  const separate = last.trim() !== "" && !/^@(since|category)\b/.test(last)
  const all = [...lines, ...(separate ? [""] : []), ...missing.map(([tag, value]) => `@${tag} ${value}`)]
  return `/**\n${all.map((line) => `${indent} *${line === "" ? "" : ` ${line}`}`).join("\n")}\n${indent} */`
}

/**
 * An operation's file (one builder each, all re-exported by `dynofunc`) opened by a module comment if it has none:
 * its reference page needs one, and what it would say is the same for each.
 */
const withOperationModuleComment = (file: string, text: string): string =>
  !file.includes("/operations/") || text.startsWith("/**")
    ? text
    : `/**\n * The \`${path.basename(file, ".ts")}\` operation builder, re-exported by \`dynofunc\`.\n *\n * @since ${since}\n */\n${text}`

const check = process.argv.includes("--check")
const problems: Array<string> = []
for (const file of publicModules()) {
  const original = readFileSync(`${root}${file}`, "utf8")
  const text = withSpecifiersOnLines(file, withOperationModuleComment(file, original))
  if (check && text !== original) problems.push(`${file}: a module comment or a one-name-a-line export list to add`)
  let out = text
  // One comment may serve two targets (a module's comment that is also its first export's): their tags merged.
  const inserts: Array<{ at: number; tags: ReadonlyArray<readonly [string, string]> }> = []
  const byComment = new Map<number, { comment: ts.CommentRange; what: string; tags: Array<readonly [string, string]> }>()
  for (const target of targetsOf(file, text)) {
    if (target.comment === undefined) {
      if (target.insertAt === undefined) problems.push(`${target.what}: no doc comment`)
      else if (check) problems.push(`${target.what}: missing @since, @category`)
      else inserts.push({ at: target.insertAt, tags: target.tags })
      continue
    }
    const known = byComment.get(target.comment.pos)
    if (known) known.tags.push(...target.tags.filter(([tag]) => !known.tags.some(([t]) => t === tag)))
    else byComment.set(target.comment.pos, { comment: target.comment, what: target.what, tags: [...target.tags] })
  }
  const edits = [
    ...[...byComment.values()].map((target) => ({ at: target.comment.pos, target })),
    ...inserts.map((insert) => ({ at: insert.at, insert }))
  ].sort((a, b) => b.at - a.at)
  for (const edit of edits) {
    if ("insert" in edit) {
      const lineStart = text.lastIndexOf("\n", edit.at) + 1
      const indent = text.slice(lineStart, edit.at)
      out = `${out.slice(0, edit.at)}${completed("/** */", indent, edit.insert.tags).replace("/**\n" + indent + " *\n", "/**\n")}\n${indent}${out.slice(edit.at)}`
      continue
    }
    const target = edit.target
    const comment = text.slice(target.comment.pos, target.comment.end)
    const lineStart = text.lastIndexOf("\n", target.comment.pos) + 1
    const indent = text.slice(lineStart, target.comment.pos).replace(/\S.*$/, "")
    const done = completed(comment, indent, target.tags)
    if (done === comment) continue
    if (check) problems.push(`${target.what}: missing ${target.tags.map(([tag]) => `@${tag}`).filter((tag) => !new RegExp(`${tag}\\b`).test(comment)).join(", ")}`)
    out = out.slice(0, target.comment.pos) + done + out.slice(target.comment.end)
  }
  if (!check && out !== original) writeFileSync(`${root}${file}`, out)
}
for (const problem of problems.sort()) console.error(problem)
process.exit(problems.length === 0 ? 0 : 1)
