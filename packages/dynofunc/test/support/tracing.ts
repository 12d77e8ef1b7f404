import { Context, DefaultServices, Tracer } from "effect"

/** A tracer that keeps every span it opens (Effect's own spans underneath), as any real tracer would. */
export const recordingTracer = () => {
  const spans: Array<Tracer.Span> = []
  const builtIn = Context.get(DefaultServices.liveServices, Tracer.Tracer)
  const tracer = Tracer.make({
    span: (...args) => {
      const span = builtIn.span(...args)
      spans.push(span)
      return span
    },
    context: (f) => f()
  })
  return { spans, tracer }
}
