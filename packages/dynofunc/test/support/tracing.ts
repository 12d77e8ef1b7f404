import * as T from "#test-effect"

/** A tracer that keeps every span it opens (Effect's own spans underneath), as any real tracer would. */
export const recordingTracer = () => {
  const spans: Array<T.Span> = []
  return { spans, tracer: T.tracerCalling((span) => spans.push(span)) }
}
