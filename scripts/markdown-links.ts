/**
 * The relative links of a Markdown page and the ones that lead nowhere: a link's file must exist, and its `#anchor`
 * into a Markdown page must be one of that page's headings (as GitHub spells heading anchors). Used by the docs' link
 * test (`packages/examples/test/links.test.ts`) and by `pnpm run docs` over the generated API reference.
 */
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"

/** A page's text outside its fenced code blocks. */
const prose = (file: string) => readFileSync(file, "utf8").replace(/^```[\s\S]*?^```/gm, "")

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
export const anchor = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, "").replaceAll(" ", "-")

/** The anchors of a Markdown page's headings. */
export const anchorsOf = (file: string): ReadonlySet<string> => new Set([...prose(file).matchAll(/^#+ (.*)$/gm)].map((match) => anchor(match[1]!)))

/** One relative link of a page: as written, the file it points at (absolute) and its anchor. */
export interface Link {
  readonly link: string
  readonly file: string
  readonly hash: string | undefined
}

/** Every relative link of a page (an absolute path), outside code blocks. */
export const linksOf = (page: string): ReadonlyArray<Link> =>
  [...prose(page).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((link) => !/^[a-z]+:/.test(link))
    .map((link) => {
      const [target = "", hash] = link.split("#")
      return { link, file: target === "" ? page : path.resolve(path.dirname(page), target), hash }
    })

/** The relative links of a page (an absolute path) that lead to no file, or to no heading of a Markdown page. */
export const brokenLinks = (page: string): ReadonlyArray<string> => {
  // Each linked page's headings are read once, however many of its anchors the page links to.
  const anchors = new Map<string, ReadonlySet<string>>()
  const hasAnchor = (file: string, hash: string) => {
    let known = anchors.get(file)
    if (known === undefined) anchors.set(file, (known = anchorsOf(file)))
    return known.has(hash)
  }
  return linksOf(page)
    .filter(({ file, hash }) => !existsSync(file) || (hash !== undefined && file.endsWith(".md") && !hasAnchor(file, hash)))
    .map(({ link }) => link)
}
