import { layer } from "@effect/vitest"
import { Dynalite } from "@dynofunc/testing"
import { engineScenarios } from "./scenarios.js"

layer(Dynalite.layer({}, { maxAttempts: 1 }), { timeout: "60 seconds", excludeTestServices: true })("operations on dynalite", (it) => {
  for (const [title, scenario] of engineScenarios("dynalite")) it.effect(title, () => scenario)
})
