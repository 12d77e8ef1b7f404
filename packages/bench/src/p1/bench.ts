/**
 * P1 — request building: the UpdateItem of `peers.ts` built by dynofunc, by each peer, and written by hand (the
 * floor). Every request is first checked for the same meaning as the hand-written one (`meaning.ts`); a peer
 * whose request means something else is still timed, and flagged.
 */
import { measureSync, ratio, type Measured, type Settings } from "../harness.js"
import { formatNs, formatRatio, type Section } from "../report.js"
import { dynofunc } from "./dynofunc.js"
import { canonicalUpdate, compare, type Verdict } from "./meaning.js"
import { literal, peers, type Builder } from "./peers.js"

const verdictText = (verdict: Verdict): string =>
  verdict.same
    ? verdict.allowed.length === 0
      ? "same meaning"
      : `same meaning, besides: ${verdict.allowed.join("; ")}`
    : `DIFFERENT: ${verdict.differences.join("; ")}`

export const runP1 = (settings: Settings): Section => {
  const reference = canonicalUpdate(literal.build(), { document: false })
  const verdicts = new Map<Builder, Verdict>()
  for (const builder of [dynofunc, ...peers]) {
    verdicts.set(builder, compare(reference, canonicalUpdate(builder.build(), { document: builder.document }), builder.allowances))
  }
  const dynofuncVerdict = verdicts.get(dynofunc)!
  if (!dynofuncVerdict.same || dynofuncVerdict.allowed.length > 0) {
    throw new Error(`P1: dynofunc's request does not mean what the literal means: ${verdictText(dynofuncVerdict)}`)
  }

  const builders = [literal, dynofunc, ...peers]
  const results = measureSync(builders.map((b) => ({ name: b.name, run: b.build })), settings)
  const byName = new Map(results.map((m) => [m.name, m]))
  const measured = (b: Builder): Measured => byName.get(b.name)!
  const dyno = measured(dynofunc)
  const fastestPeer = peers.map(measured).reduce((a, b) => (a.median <= b.median ? a : b))
  const speedup = ratio(fastestPeer, dyno)

  return {
    id: "P1",
    title: "request building: UpdateItem with 3 SETs (one nested), ADD, list append and a 2-part condition",
    rows: builders.map((b) => {
      const m = measured(b)
      const verdict = verdicts.get(b)
      return {
        contender: b.name,
        figure: `${formatNs(m.median)} / request`,
        ratio: b === dynofunc ? "1" : b === literal ? `${formatRatio(ratio(dyno, m))} faster than dynofunc` : `${formatRatio(ratio(m, dyno))} dynofunc's time`,
        note:
          b === literal
            ? "the floor"
            : verdict === undefined
              ? undefined
              : !verdict.same
                ? "DIFFERENT meaning (see below)"
                : verdict.allowed.length > 0
                  ? "same meaning, with extras (see below)"
                  : "same meaning"
      }
    }),
    targets: [
      { label: `dynofunc speed vs the fastest peer (${fastestPeer.name})`, value: speedup, target: "≥ 10×", met: speedup >= 10 }
    ],
    notes: [
      ...[...verdicts]
        .filter(([, v]) => !v.same || v.allowed.length > 0)
        .map(([b, v]) => `${b.name}: ${verdictText(v)}${b.note === undefined ? "" : ` — ${b.note}`}`),
      "each request is built from scratch per call; dynamodb-toolbox and ElectroDB return DocumentClient input (values not yet marshalled: lib-dynamodb does that at send time), the others return AttributeValues",
      "meaning check: placeholders substituted, action/operand order ignored, unused or undefined placeholders flagged"
    ],
    data: {
      nsPerRequest: Object.fromEntries(results.map((m) => [m.name, m.median])),
      speedupVsFastestPeer: speedup,
      fastestPeer: fastestPeer.name,
      meanings: Object.fromEntries([...verdicts].map(([b, v]) => [b.name, verdictText(v)]))
    }
  }
}
