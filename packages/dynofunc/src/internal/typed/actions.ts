/**
 * Typed update actions: what `Entity.increment`, `Entity.append`, … build. Each is tied, in its type, to the kind of
 * field it may change; the entity encodes its operand with the field's Schema and turns it into the plain update
 * action.
 */
import * as Update from "@dynofunc/core/Update"
import type { UpdateAction } from "@dynofunc/core/Update"
import type { Action, ActionKind } from "../../Entity.js"

export const ActionId: unique symbol = Symbol.for("dynofunc/Entity/Action")

export const action = <Kind extends ActionKind, V>(kind: Kind, operand: unknown): Action<Kind, V> =>
  ({ [ActionId]: kind, operand }) as Action<Kind, V>

export const isAction = (value: unknown): value is Action<ActionKind, unknown> =>
  typeof value === "object" && value !== null && ActionId in value

/** How an action's operand is encoded: as the field's value itself, as a value of the field (a list, a set), or not. */
export const operandShape = (kind: ActionKind): "field" | "none" =>
  kind === "increment" || kind === "decrement" || kind === "remove" ? "none" : "field"

/** The plain update action for a typed one, given its encoded operand. */
export const toUpdate = (kind: ActionKind, operand: unknown): UpdateAction => {
  switch (kind) {
    case "increment":
      return Update.increment(operand as number | bigint)
    case "decrement":
      return Update.decrement(operand as number | bigint)
    case "append":
      return Update.append(operand)
    case "prepend":
      return Update.prepend(operand)
    case "add":
      return Update.add(Array.isArray(operand) ? new Set(operand) : operand)
    case "delete":
      return Update.deleteElements(Array.isArray(operand) ? new Set(operand) : operand)
    case "remove":
      return Update.remove()
    case "ifNotExists":
      return Update.ifNotExists(operand)
  }
}
