/**
 * The `@example`s of the sources of @dynofunc/core, dynofunc and @dynofunc/testing, as snippets to type-check. An example may use,
 * without importing them, the exports of its own module, then of `dynofunc`, `@dynofunc/testing`, `effect` and
 * `@aws-sdk/client-dynamodb` (the first that has the name): the imports are added (type-only for types); anything
 * else it uses must be imported or declared in the example itself.
 */
import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import ts from "typescript"
import { root, workspaceOptions, type Snippet } from "./typecheck.js"

const sourceFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : []
  })

const modules = ["packages/core/src", "packages/dynofunc/src", "packages/testing/src"].flatMap((dir) => sourceFiles(`${root}${dir}`))

interface Example {
  readonly module: string
  readonly line: number
  readonly code: string
}

/** The `@example` sections of a file's doc comments: the lines after the tag, up to the next tag or the comment's end. */
const examplesOf = (module: string): ReadonlyArray<Example> => {
  const lines = readFileSync(module, "utf8").split("\n")
  const examples: Array<Example> = []
  let current: { line: number; code: Array<string> } | undefined
  const close = () => {
    if (current !== undefined) examples.push({ module, line: current.line, code: current.code.join("\n") })
    current = undefined
  }
  lines.forEach((text, index) => {
    const inComment = /^\s*\*(?!\/)/.test(text)
    const body = text.replace(/^\s*\* ?/, "")
    if (!inComment) return close()
    if (/^@example\b/.test(body)) {
      close()
      current = { line: index + 2, code: [] }
    } else if (/^@\w/.test(body)) {
      close()
    } else {
      current?.code.push(body)
    }
  })
  close()
  return examples
}

/** Every example of the sources. */
export const examples = modules.flatMap(examplesOf)

/** The modules whose exports examples may use, in the order a name is looked up (after the example's own module). */
const libraries = ["dynofunc", "@dynofunc/testing", "effect", "@aws-sdk/client-dynamodb"]

/** What an example may use without importing it. */
interface Scope {
  /** The export names of each module and library, each with whether it is a value (or only a type). */
  readonly names: ReadonlyMap<string, ReadonlyMap<string, boolean>>
  /** The global values (`Array`, `Promise`, …): never shadowed by an added import. */
  readonly globalValues: ReadonlySet<string>
  /** The global types (`Record`, `Console`, …): shadowed only by the import of a name the example uses as a value. */
  readonly globalTypes: ReadonlySet<string>
}

/** The names examples may use, read by the TypeScript checker. */
const scope = (): Scope => {
  const probe = `${root}packages/examples/src/__exports.ts`
  const probeCode = libraries.map((library, i) => `export * as l${i} from "${library}"`).join("\n")
  const host = ts.createCompilerHost(workspaceOptions())
  const readFile = host.readFile.bind(host)
  const fileExists = host.fileExists.bind(host)
  host.readFile = (file) => (file === probe ? probeCode : readFile(file))
  host.fileExists = (file) => file === probe || fileExists(file)
  const program = ts.createProgram([probe, ...modules], workspaceOptions(), host)
  const checker = program.getTypeChecker()
  const isValue = (symbol: ts.Symbol) =>
    ((symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol).flags & ts.SymbolFlags.Value) !== 0
  const namesOf = (symbol: ts.Symbol | undefined) =>
    new Map(symbol ? checker.getExportsOfModule(symbol).map((s) => [s.name, isValue(s)] as const) : [])
  const names = new Map<string, ReadonlyMap<string, boolean>>()
  for (const module of modules) names.set(module, namesOf(checker.getSymbolAtLocation(program.getSourceFile(module)!)))
  program.getSourceFile(probe)!.statements.forEach((statement, i) => {
    const specifier = (statement as ts.ExportDeclaration).moduleSpecifier!
    names.set(libraries[i]!, namesOf(checker.getSymbolAtLocation(specifier)))
  })
  const inScope = (flags: ts.SymbolFlags) =>
    new Set(checker.getSymbolsInScope(program.getSourceFile(probe)!, flags).map((symbol) => symbol.name))
  return { names, globalValues: inScope(ts.SymbolFlags.Value), globalTypes: inScope(ts.SymbolFlags.Type) }
}

/** The names an example imports or declares at its top level, the names it refers to, and which of those as values. */
const namesIn = (code: string) => {
  const file = ts.createSourceFile("example.ts", code, ts.ScriptTarget.ES2022, true)
  const bound = new Set<string>()
  const used = new Set<string>()
  const usedAsValue = new Set<string>()
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause
      if (clause?.name) bound.add(clause.name.text)
      const bindings = clause?.namedBindings
      if (bindings && ts.isNamespaceImport(bindings)) bound.add(bindings.name.text)
      if (bindings && ts.isNamedImports(bindings)) bindings.elements.forEach((element) => bound.add(element.name.text))
    } else if (ts.isVariableStatement(statement)) {
      statement.declarationList.declarations.forEach((declaration) => {
        if (ts.isIdentifier(declaration.name)) bound.add(declaration.name.text)
      })
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement)) && statement.name
    ) {
      bound.add(statement.name.text)
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent
      const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) || (ts.isQualifiedName(parent) && parent.right === node) ||
        (ts.isPropertySignature(parent) && parent.name === node)
      if (!isMemberName) used.add(node.text)
      if (!isMemberName && !inType(node)) usedAsValue.add(node.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return { bound, used, usedAsValue }
}

const inType = (node: ts.Node): boolean =>
  node.parent !== undefined && !ts.isSourceFile(node.parent) && (ts.isTypeNode(node.parent) || inType(node.parent))

/** The example with imports for the names it uses but neither imports nor declares. */
const withImports = (example: Example, { names, globalValues, globalTypes }: Scope): string => {
  const { bound, used, usedAsValue } = namesIn(example.code)
  const own = path.relative(`${root}packages/examples/src`, example.module).replace(/\.ts$/, ".js")
  const sources = [[example.module, own.startsWith(".") ? own : `./${own}`] as const, ...libraries.map((l) => [l, l] as const)]
  const imports = new Map<string, Array<string>>()
  for (const name of used) {
    if (bound.has(name) || globalValues.has(name) || (globalTypes.has(name) && !usedAsValue.has(name))) continue
    const source = sources.find(([key]) => names.get(key)?.has(name))
    const binding = source && (names.get(source[0])!.get(name) ? name : `type ${name}`)
    if (source && binding) imports.set(source[1], [...(imports.get(source[1]) ?? []), binding])
  }
  const prelude = [...imports].map(([specifier, list]) => `import { ${list.join(", ")} } from "${specifier}"`).join("; ")
  // The prelude stays on the example's first line so that diagnostics keep the example's line numbers.
  return `${prelude}; ${example.code}`
}

/** Every example, with the imports it needs, reporting diagnostics at its lines in its source file. */
export const docSnippets = (): ReadonlyArray<Snippet> => {
  const inScope = scope()
  return examples.map((example) => ({
    code: withImports(example, inScope),
    where: (line) => `${path.relative(root, example.module)}:${example.line + line}`
  }))
}
