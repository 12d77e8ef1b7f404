/**
 * The relative links of README.md, the package README and docs/*.md lead somewhere: each file exists, and each
 * `#anchor` into a Markdown page is one of its headings (as GitHub spells heading anchors).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { root } from "./support/typecheck.js"

const pages = ["README.md", "packages/dynofunc/README.md", ...readdirSync(`${root}docs`).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)]

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
const anchor = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, "").replaceAll(" ", "-")

const anchorsOf = (file: string) =>
  new Set([...readFileSync(file, "utf8").replace(/^```[\s\S]*?^```/gm, "").matchAll(/^#+ (.*)$/gm)].map((match) => anchor(match[1]!)))

/** Every relative link of a page (outside code blocks), with the file and anchor it points at. */
const linksOf = (page: string) =>
  [...readFileSync(`${root}${page}`, "utf8").replace(/^```[\s\S]*?^```/gm, "").matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((link) => !/^[a-z]+:/.test(link))
    .map((link) => {
      const [target = "", hash] = link.split("#")
      return { link, file: target === "" ? `${root}${page}` : path.resolve(path.dirname(`${root}${page}`), target), hash }
    })

describe("the documentation's links", () => {
  it("every page links to the guides", () => {
    expect(linksOf("README.md").length).toBeGreaterThan(20)
  })

  it.each(pages)("every relative link of %s leads to a file, and to a heading of it", (page) => {
    const broken = linksOf(page).filter(({ file, hash }) =>
      !existsSync(file) || (hash !== undefined && file.endsWith(".md") && !anchorsOf(file).has(hash)))
    expect(broken.map(({ link }) => link)).toEqual([])
  })
})
