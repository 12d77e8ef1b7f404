/**
 * The relative links of README.md, the package README and docs/*.md lead somewhere: each file exists, and each
 * `#anchor` into a Markdown page is one of its headings (as GitHub spells heading anchors).
 */
import { readdirSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { brokenLinks, linksOf } from "../../../scripts/markdown-links.js"
import { root } from "./support/typecheck.js"

const pages = ["README.md", "packages/dynofunc/README.md", ...readdirSync(`${root}docs`).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)]

describe("the documentation's links", () => {
  it("every page links to the guides", () => {
    expect(linksOf(`${root}README.md`).length).toBeGreaterThan(20)
  })

  it.each(pages)("every relative link of %s leads to a file, and to a heading of it", (page) => {
    expect(brokenLinks(`${root}${page}`)).toEqual([])
  })
})
