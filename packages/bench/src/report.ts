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

/** A section as readable text (Markdown tables). */
export const render = (section: Section): string => {
  const parts = [`## ${section.id} — ${section.title}`, ""]
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
