/** P1's request built with dynofunc: `update(...).description` is the SDK input. */
import { attr, cand, path, Update, update } from "dynofunc"
import type { Builder } from "./peers.js"

export const dynofunc: Builder = {
  name: "dynofunc",
  document: false,
  build: () =>
    update(
      "bench",
      { pk: "user#1", sk: "profile" },
      [{ name: "Ada", status: "active", visits: Update.add(1), tags: Update.append(["new"]) }, path("address", "city").set("London")],
      { condition: cand(attr("pk").exists(), attr("version").equals(3)) }
    ).description as unknown as Record<string, unknown>
}
