import { describe, expect, it } from "@effect/vitest"
import { Effect, Exit, Option, Redacted, Stream } from "effect"
import * as A from "#adapter"
import fc from "fast-check"
import { Cursor, Pages, attr, execute, query, scan } from "dynofunc"
import { itemsOf, pagedTable, range } from "./support/pagedTable.js"

const cursors = Cursor.make(Redacted.make("a key of at least 32 random bytes, in real life"))
const op = scan("things", { limit: 10 })
const page = (lastKey: Record<string, unknown> | undefined) => ({ raw: { LastEvaluatedKey: lastKey as never } })

describe("Cursor", () => {
  it.effect("a cursor taken after a page resumes exactly after it", () =>
    Effect.gen(function* () {
      const table = pagedTable(35)
      const first = yield* execute(op).pipe(Effect.provide(table.layer))
      const cursor = cursors.after(op, first)
      expect(cursor).toEqual(expect.stringMatching(/^[\w-]+\.[\w-]+$/))
      const resumed = yield* cursors.resume(op, cursor!)
      expect(resumed.description).toEqual({ ...op.description, ExclusiveStartKey: { id: { N: "9" } } })
      const rest = yield* Stream.runCollect(Pages.items(resumed)).pipe(Effect.provide(table.layer))
      expect(Array.from(rest)).toEqual(itemsOf(range(35).slice(10)))
    }))

  it("there is no cursor after the last page", () => {
    expect(cursors.after(op, page(undefined))).toBeUndefined()
    expect(cursors.after(op, page({}))).toBeUndefined()
  })

  it.effect("string, number and binary key attributes come back as they were", () =>
    Effect.gen(function* () {
      const key = { pk: { S: "user#1" }, sk: { N: "12345678901234567890.5" }, gsi: { B: new Uint8Array([0, 1, 254, 255]) } }
      const resumed = yield* cursors.resume(op, cursors.after(op, page(key))!)
      expect(resumed.description.ExclusiveStartKey).toEqual(key)
    }))

  it.effect("a parallel scan's position round-trips", () =>
    Effect.gen(function* () {
      const position = ["done", { after: { id: { N: "7" } } }, "start", { after: { id: { N: "42" } } }] as const
      expect(yield* cursors.position(op, cursors.ofPosition(op, position))).toEqual(position)
    }))

  const reasonOf = (effect: Effect.Effect<unknown, Cursor.InvalidCursorError>) =>
    Effect.map(Effect.flip(effect), (error) => {
      expect(error).toBeInstanceOf(Cursor.InvalidCursorError)
      return error.reason
    })

  it.effect("a cursor from another table, index, operation or segment is refused as OtherTarget", () =>
    Effect.gen(function* () {
      const cursor = cursors.after(op, page({ id: { N: "1" } }))!
      expect(yield* reasonOf(cursors.resume(scan("others"), cursor))).toBe("OtherTarget")
      expect(yield* reasonOf(cursors.resume(scan("things", { index: "by-date" }), cursor))).toBe("OtherTarget")
      expect(yield* reasonOf(cursors.resume(query("things", attr("id").equals(1)), cursor))).toBe("OtherTarget")
      expect(yield* reasonOf(cursors.resume(scan("things", { segment: { segment: 1, of: 4 } }), cursor))).toBe("OtherTarget")
      const error = yield* Effect.flip(cursors.resume(scan("others"), cursor))
      expect(error.message).toBe('invalid cursor: taken from table "things", used on "others"')
      // The limit, filter and projection may change between pages: a cursor is bound to what it points into.
      expect((yield* cursors.resume(scan("things", { limit: 50, filter: attr("even").equals(true) }), cursor)).description.ExclusiveStartKey).toEqual({ id: { N: "1" } })
    }))

  it.effect("a cursor signed with another key is refused as Tampered; a page cursor is no scan position", () =>
    Effect.gen(function* () {
      const other = Cursor.make(Redacted.make("another key"))
      const cursor = other.after(op, page({ id: { N: "1" } }))!
      expect(yield* reasonOf(cursors.resume(op, cursor))).toBe("Tampered")
      expect(yield* reasonOf(cursors.position(op, cursors.after(op, page({ id: { N: "1" } }))!))).toBe("Malformed")
    }))

  it.effect.each(["", "abc", "a.b.c", ".", "x.", "!!!.???", "eyJ9.AAAA"])("%j is refused as Malformed or Tampered", (text) =>
    Effect.gen(function* () {
      expect(["Malformed", "Tampered"]).toContain(yield* reasonOf(cursors.resume(op, text)))
    }))

  it.effect("a well-signed payload that is not a cursor's is Malformed, never a defect", () =>
    Effect.gen(function* () {
      const { createHmac } = yield* Effect.promise(() => import("node:crypto"))
      const signed = (payload: unknown) => {
        const body = Buffer.from(JSON.stringify(payload)).toString("base64url")
        return `${body}.${createHmac("sha256", "k").update(body).digest("base64url")}`
      }
      const withK = Cursor.make(Redacted.make("k"))
      const target = ["Scan", "things", null, null, null]
      for (const payload of [
        null,
        [1, target, "page", []],
        [1, target, "page", [["id", "BOOL", "true"]]],
        [1, target, "page", [["id", "S", "a"], ["id", "S", "b"]]],
        [2, target, "page", [["id", "S", "a"]]],
        [1, ["Scan"], "page", [["id", "S", "a"]]],
        [1, target, "scan", []],
        [1, target, "scan", ["started"]]
      ]) {
        expect(yield* reasonOf(withK.resume(op, signed(payload)))).toBe("Malformed")
      }
    }))

  it.effect("any change to a cursor's text is refused with InvalidCursorError (property)", () =>
    Effect.sync(() => {
      const cursor = cursors.after(op, page({ id: { N: "41" }, sk: { S: "z" } }))!
      fc.assert(
        fc.property(
          fc.nat({ max: cursor.length - 1 }),
          fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.="),
          (at, char) => {
            const changed = cursor.slice(0, at) + char + cursor.slice(at + 1)
            fc.pre(changed !== cursor)
            const exit = Effect.runSyncExit(cursors.resume(op, changed))
            // Base64url's last character carries spare bits: a change there may decode to the same bytes.
            if (Exit.isSuccess(exit)) return Buffer.from(changed.split(".")[1] ?? "", "base64url").equals(Buffer.from(cursor.split(".")[1]!, "base64url"))
            return Exit.isFailure(exit) && Option.getOrUndefined(A.failureOption(exit.cause))?._tag === "InvalidCursorError"
          }
        ),
        { numRuns: 500 }
      )
    }))
})
