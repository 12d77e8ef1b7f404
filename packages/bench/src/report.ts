/** Results of one benchmark, and how to print them. */

export interface Row {
  readonly contender: string
  /** The contender's figure, formatted (time per call, items/s, p50/p99…). */
  readonly figure: string
  /** Its ratio to the benchmark's reference, formatted; empty for the reference itself. */
  readonly ratio: string
  readonly note?: string | undefined
}

export interface Target {
  readonly label: string
  readonly value: number
  /** The unit of `value` when it is not a ratio (e.g. "µs"): printed after it instead of "×". */
  readonly unit?: string | undefined
  /** e.g. "≥ 10×" */
  readonly target: string
  readonly met: boolean
}

export interface Section {
  readonly id: string
  readonly title: string
  readonly rows: ReadonlyArray<Row>
  readonly targets: ReadonlyArray<Target>
  readonly notes: ReadonlyArray<string>
  /** Raw figures, for BENCHMARKS.md and charts. */
  readonly data: Record<string, unknown>
}

export const formatNs = (ns: number): string =>
  ns < 1_000 ? `${ns.toFixed(ns < 10 ? 2 : 0)} ns` : ns < 1_000_000 ? `${(ns / 1_000).toFixed(ns < 10_000 ? 2 : 1)} µs` : `${(ns / 1_000_000).toFixed(2)} ms`

export const formatRatio = (ratio: number): string => `${ratio.toFixed(ratio < 10 ? 3 : 1)}×`

/** A target's measured value with its unit: a ratio ("11.2×") unless the target names its own unit ("2.41 µs"). */
export const formatMeasured = (target: Target, digits: number = target.value < 10 ? 3 : 1): string =>
  `${target.value.toFixed(digits)}${target.unit === undefined ? "×" : ` ${target.unit}`}`

const pad = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - [...text].length))

const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? "")].length)))
  const line = (cells: ReadonlyArray<string>) => "| " + cells.map((c, i) => pad(c, widths[i]!)).join(" | ") + " |"
  return [line(header), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...rows.map(line)].join("\n")
}

/** A section as readable text (Markdown tables); `shell` (e.g. "Effect 4") is added to its heading when given. */
export const render = (section: Section, shell?: string): string => {
  const parts = [`## ${section.id}${shell === undefined ? "" : ` (${shell})`} — ${section.title}`, ""]
  parts.push(table(["contender", "figure", "ratio", "note"], section.rows.map((r) => [r.contender, r.figure, r.ratio, r.note ?? ""])))
  if (section.targets.length > 0) {
    parts.push("")
    parts.push(
      table(
        ["target", "measured", "wanted", "result"],
        section.targets.map((t) => [t.label, formatMeasured(t), t.target, t.met ? "PASS" : "MISS"])
      )
    )
  }
  for (const note of section.notes) parts.push("", `- ${note}`)
  return parts.join("\n")
}

/** One target measured on both shells. */
export interface ShellComparison {
  readonly id: string
  readonly label: string
  readonly effect3: Target
  readonly effect4: Target
  /**
   * Effect 4's figure relative to Effect 3's, oriented so that above 1 means Effect 4 does worse: Effect 3 ÷ Effect 4
   * for a "≥" target (a speed-up, a throughput), Effect 4 ÷ Effect 3 otherwise (a time, a size).
   */
  readonly cost: number
}

/** The most Effect 4 may do worse than Effect 3 on any target, as a `cost`. */
export const parityLimit = 1.05

/**
 * The targets measured on both shells, matched by benchmark id and label.
 *
 * @example
 * const worst = Math.max(...compareShells(effect3, effect4).map((c) => c.cost))
 */
export const compareShells = (effect3: ReadonlyArray<Section>, effect4: ReadonlyArray<Section>): Array<ShellComparison> =>
  effect3.flatMap((section) => {
    const other = effect4.find((s) => s.id === section.id)
    return section.targets.flatMap((target) => {
      const match = other?.targets.find((t) => t.label === target.label)
      if (match === undefined) return []
      const cost = target.target.startsWith("≥") ? target.value / match.value : match.value / target.value
      return [{ id: section.id, label: target.label, effect3: target, effect4: match, cost }]
    })
  })

/** The two shells side by side: each target's figure on Effect 3 and on Effect 4, and Effect 4's cost. */
export const renderComparison = (comparisons: ReadonlyArray<ShellComparison>): string =>
  [
    "## Effect 3 and Effect 4 side by side",
    "",
    table(
      ["benchmark", "target", "Effect 3", "Effect 4", "Effect 4 vs 3", `wanted ≤ ${formatRatio(parityLimit)}`],
      comparisons.map((c) => [
        c.id,
        c.label,
        `${formatMeasured(c.effect3)} ${c.effect3.met ? "PASS" : "MISS"}`,
        `${formatMeasured(c.effect4)} ${c.effect4.met ? "PASS" : "MISS"}`,
        formatRatio(c.cost),
        c.cost <= parityLimit ? "PASS" : "MISS"
      ])
    ),
    "",
    "- Effect 4 vs 3: Effect 4's figure relative to Effect 3's, above 1 when Effect 4 does worse (for a \"≥\" target, Effect 3's ÷ Effect 4's).",
    "- A target's figure is already a ratio to a reference that does not depend on the shell (the raw SDK, a peer library), measured in the same process: comparing the two shells' ratios cancels the machine's drift between their processes."
  ].join("\n")
