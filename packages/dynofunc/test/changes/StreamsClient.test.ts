/** `StreamsClient`'s Layers from Effect `Config` (the SDK Streams client; no request is sent). */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as A from "#adapter"
import * as T from "#test-effect"
import { StreamsClient } from "dynofunc"

const regionOf = Effect.map(StreamsClient.StreamsClient, (service) => service.region)

describe("StreamsClient.layerConfig", () => {
  it.effect("reads its settings from Config", () =>
    Effect.gen(function* () {
      const layer = StreamsClient.layerConfig({ region: A.configString("REGION"), endpoint: A.configString("ENDPOINT") })
      const region = yield* Effect.provide(regionOf, layer).pipe(T.withConfigValues({ REGION: "ap-south-1", ENDPOINT: "http://127.0.0.1:4567" }))
      expect(region).toBe("ap-south-1")
    }))

  it.effect("fails with a ConfigError naming the missing setting", () =>
    Effect.gen(function* () {
      const error = yield* Effect.provide(regionOf, StreamsClient.layerConfig({ region: A.configString("NO_SUCH_REGION_VAR") })).pipe(
        T.withConfigValues({}),
        Effect.flip
      )
      expect(T.isConfigError(error)).toBe(true)
      expect(String(error)).toContain("NO_SUCH_REGION_VAR")
    }))
})
