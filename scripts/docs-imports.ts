/**
 * Writes out the imports of the `@example`s in the sources of @dynofunc/core, dynofunc and @dynofunc/testing, as a
 * user writes them: a name an example uses but neither imports nor declares is imported from the first of its own
 * module, `dynofunc`, `@dynofunc/testing`, `effect` and `@aws-sdk/client-dynamodb` that exports it. A name of the
 * example's own module is imported the way the package's entry point offers it: by its name, or through the namespace
 * the entry point exports the module as (`layer(…)` becomes `DynamoClient.layer(…)`); an internal module's own names
 * stay a relative import. Examples are then checked as written (`examples.test.ts`, `pnpm run docs` builds the reference from them);
 * this script is only the fixer, to run after a merge brings examples written the old way (`pnpm docs:imports`).
 *
 * @example
 * // tsx scripts/docs-imports.ts
 */
import { readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import ts from "typescript"
import { examples, type Example } from "../packages/examples/test/support/docExamples.js"
import { root, workspaceOptions } from "../packages/examples/test/support/typecheck.js"

/** The libraries an example may import from, in the order a name is looked up (after its own module). */
const libraries = ["dynofunc", "@dynofunc/testing", "effect", "@aws-sdk/client-dynamodb"]

/** The entry point a package's users import its names from. */
const entryOf = (module: string) => (module.includes("packages/testing/") ? "@dynofunc/testing" : "dynofunc")

/** How an entry point offers one module's export: the name to import, and the expression that reaches it. */
interface Access {
  readonly specifier: string
  readonly binding: string
  readonly expression: string
  readonly isValue: boolean
}

const probe = `${root}packages/examples/src/__exports.ts`
const host = ts.createCompilerHost(workspaceOptions())
const readFile = host.readFile.bind(host)
const fileExists = host.fileExists.bind(host)
host.readFile = (file) => (file === probe ? libraries.map((l, i) => `export * as l${i} from "${l}"`).join("\n") : readFile(file))
host.fileExists = (file) => file === probe || fileExists(file)
const modules = [...new Set(examples.map((example) => example.module))]
const program = ts.createProgram([probe, ...modules], workspaceOptions(), host)
const checker = program.getTypeChecker()
const resolved = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol)
const isValue = (symbol: ts.Symbol) => (resolved(symbol).flags & ts.SymbolFlags.Value) !== 0
const exportsOf = (symbol: ts.Symbol | undefined) => (symbol ? checker.getExportsOfModule(symbol) : [])
const librarySymbols = program.getSourceFile(probe)!.statements.map((statement) =>
  checker.getSymbolAtLocation((statement as ts.ExportDeclaration).moduleSpecifier!))
const libraryNames = new Map(libraries.map((library, i) => [library, new Map(exportsOf(librarySymbols[i]).map((s) => [s.name, isValue(s)]))]))

/** Each entry point's direct exports (by the symbol they stand for) and the modules it exports as namespaces. */
const entries = new Map(["dynofunc", "@dynofunc/testing"].map((entry) => {
  const direct = new Map<ts.Symbol, Array<string>>()
  const namespaces = new Map<ts.Symbol, string>()
  for (const symbol of exportsOf(librarySymbols[libraries.indexOf(entry)])) {
    const target = resolved(symbol)
    if (target.flags & ts.SymbolFlags.ValueModule && target.valueDeclaration && ts.isSourceFile(target.valueDeclaration)) {
      namespaces.set(target, symbol.name)
    } else direct.set(target, [...(direct.get(target) ?? []), symbol.name])
  }
  return [entry, { direct, namespaces }] as const
}))

/** The package subpath a public module is imported by when its entry point does not export the name (core's `./*`, `dynofunc/sdk`). */
const subpathOf = (module: string): string | undefined => {
  const relative = path.relative(root, module)
  if (/^packages\/core\/src\/[A-Z]\w*\.ts$/.test(relative)) return `@dynofunc/core/${path.basename(module, ".ts")}`
  return relative === "packages/dynofunc/src/Sdk.ts" ? "dynofunc/sdk" : undefined
}

/** How a user reaches `name` of `module`, or the relative import an internal module's example keeps. */
const accessOf = (module: string, name: string): Access | undefined => {
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(module)!)
  const symbol = exportsOf(moduleSymbol).find((s) => s.name === name)
  if (!symbol || !moduleSymbol) return undefined
  const { direct, namespaces } = entries.get(entryOf(module))!
  const value = isValue(symbol)
  // The module's own name when the entry point exports it so (`remove`, not its alias `delete`).
  const names = direct.get(resolved(symbol)) ?? []
  const exported = names.includes(name) ? name : names.find((n) => ts.identifierToKeywordKind(ts.factory.createIdentifier(n)) === undefined)
  if (exported !== undefined) return { specifier: entryOf(module), binding: exported, expression: exported, isValue: value }
  const namespace = namespaces.get(moduleSymbol)
  if (namespace !== undefined) return { specifier: entryOf(module), binding: namespace, expression: `${namespace}.${name}`, isValue: true }
  return { specifier: subpathOf(module) ?? `./${path.basename(module, ".ts")}.js`, binding: name, expression: name, isValue: value }
}

const inType = (node: ts.Node): boolean =>
  node.parent !== undefined && !ts.isSourceFile(node.parent) && (ts.isTypeNode(node.parent) || inType(node.parent))

/** Whether an identifier refers to something (rather than naming a member, a property, a label or a declaration). */
const isReference = (node: ts.Identifier): boolean => {
  const parent = node.parent
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node
  if (ts.isQualifiedName(parent)) return parent.left === node
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false
  if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent)) return false
  if (ts.isBindingElement(parent)) return parent.initializer === node
  const named = ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent) ||
    ts.isMethodSignature(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent) || ts.isVariableDeclaration(parent) ||
    ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) ||
    ts.isTypeAliasDeclaration(parent) || ts.isTypeParameterDeclaration(parent) || ts.isEnumMember(parent) ||
    ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent)
  return !(named && parent.name === node)
}

const probeFile = program.getSourceFile(probe)!
const globalValues = new Set(checker.getSymbolsInScope(probeFile, ts.SymbolFlags.Value).map((s) => s.name))
const globalTypes = new Set(checker.getSymbolsInScope(probeFile, ts.SymbolFlags.Type).map((s) => s.name))

/** The example's code with its missing imports written out and its own module's names reached as a user reaches them. */
const writtenOut = (example: Example): string => {
  const file = ts.createSourceFile("example.ts", example.code, ts.ScriptTarget.ES2022, true)
  const bound = new Set<string>()
  const imports = new Map<string, ts.ImportDeclaration>()
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      if (clause?.name) bound.add(clause.name.text)
      const bindings = clause?.namedBindings
      if (bindings && ts.isNamespaceImport(bindings)) bound.add(bindings.name.text)
      if (bindings && ts.isNamedImports(bindings)) {
        bindings.elements.forEach((element) => bound.add(element.name.text))
        imports.set((statement.moduleSpecifier as ts.StringLiteral).text, statement)
      }
    } else if (ts.isVariableStatement(statement)) {
      statement.declarationList.declarations.forEach((d) => ts.isIdentifier(d.name) && bound.add(d.name.text))
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement)) && statement.name) {
      bound.add(statement.name.text)
    }
  }
  // A name declared anywhere in the example (a parameter, a local) is its own, never imported.
  const declare = (node: ts.Node): void => {
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node) || ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node)) && node.name && ts.isIdentifier(node.name)) bound.add(node.name.text)
    ts.forEachChild(node, declare)
  }
  declare(file)
  const free: Array<ts.Identifier> = []
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !bound.has(node.text) && isReference(node)) {
      const global = globalValues.has(node.text) || (globalTypes.has(node.text) && inType(node))
      if (!global) free.push(node)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  const added = new Map<string, Set<string>>()
  const edits: Array<{ start: number; end: number; text: string }> = []
  for (const node of free) {
    const own = accessOf(example.module, node.text)
    const library = own ? undefined : libraries.find((l) => libraryNames.get(l)!.has(node.text))
    const access: Access | undefined = own ??
      (library ? { specifier: library, binding: node.text, expression: node.text, isValue: libraryNames.get(library)!.get(node.text)! } : undefined)
    if (!access) continue
    const binding = access.isValue ? access.binding : `type ${access.binding}`
    added.set(access.specifier, (added.get(access.specifier) ?? new Set()).add(binding))
    if (access.expression !== node.text) {
      const shorthand = ts.isShorthandPropertyAssignment(node.parent)
      edits.push({ start: node.getStart(), end: node.getEnd(), text: shorthand ? `${node.text}: ${access.expression}` : access.expression })
    }
  }
  // A value binding makes the type-only one of the same name redundant.
  for (const names of added.values()) for (const name of names) if (!name.startsWith("type ") && names.has(`type ${name}`)) names.delete(`type ${name}`)
  const newLines: Array<string> = []
  for (const [specifier, names] of added) {
    const existing = imports.get(specifier)
    const bindings = existing?.importClause?.namedBindings
    if (existing && bindings && ts.isNamedImports(bindings)) {
      const last = bindings.elements.at(-1)!
      edits.push({ start: last.getEnd(), end: last.getEnd(), text: `, ${[...names].join(", ")}` })
    } else newLines.push(`import { ${[...names].join(", ")} } from "${specifier}"`)
  }
  const lastImport = [...imports.values(), ...file.statements.filter(ts.isImportDeclaration)].reduce((end, s) => Math.max(end, s.getEnd()), -1)
  if (newLines.length > 0) {
    edits.push(lastImport < 0 ? { start: 0, end: 0, text: `${newLines.join("\n")}\n` } : { start: lastImport, end: lastImport, text: `\n${newLines.join("\n")}` })
  }
  return edits.sort((a, b) => b.start - a.start).reduce((code, e) => code.slice(0, e.start) + e.text + code.slice(e.end), example.code)
}

let changed = 0
for (const module of modules) {
  const lines = readFileSync(module, "utf8").split("\n")
  // From the last example up, so that the line numbers of the ones above hold.
  for (const example of examples.filter((e) => e.module === module).sort((a, b) => b.line - a.line)) {
    const code = writtenOut(example)
    if (code === example.code) continue
    changed++
    const count = example.code.split("\n").length
    const prefix = lines[example.line - 1]!.match(/^\s*\*/)![0]
    lines.splice(example.line - 1, count, ...code.split("\n").map((line) => (line === "" ? prefix : `${prefix} ${line}`)))
  }
  writeFileSync(module, lines.join("\n"))
}
console.log(`${changed} example(s) given their imports`)
