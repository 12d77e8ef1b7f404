/**
 * The two factories most control-plane builders are made of. Most DynamoDB commands need nothing friendlier than
 * their SDK input: `passThrough` makes such a builder; `byName` one that also takes the single name or ARN the
 * command is about (`describeTimeToLive("users")`). Call them with `/* @__PURE__ *\/` so a bundle drops unused
 * builders.
 */
import { make, type CommandName, type InputOf, type Operation, type OutputOf } from "../../Operation.js"
import { guard, refuseArgument } from "../input/guard.js"

/** The builder's arguments: the input may be left out when none of its fields is required. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type InputArgs<Input> = {} extends Input ? [input?: Input] : [input: Input]

const identity = <A>(a: A): A => a

/**
 * A builder whose argument is the SDK input as is and whose result is the SDK output as is.
 *
 * @example
 * import { passThrough } from "./passThrough.js"
 * const describeLimits = passThrough("DescribeLimits")
 * describeLimits().description // {}
 */
export const passThrough =
  <Name extends CommandName>(name: Name) =>
  guard(name, (...[input]: InputArgs<InputOf<Name>>): Operation<Name, OutputOf<Name>> =>
    make({ name, description: { ...input } as InputOf<Name>, decode: identity }))

/** `target` as the SDK input: a string goes into `field`, an input object is copied. */
const withName = <Input>(target: string | Input, field: string): Input =>
  typeof target === "string" ? ({ [field]: target } as Input) : copied(target, field)

/** A copy of the SDK input `target`; anything else (a number, `null`) is refused as `part`. */
const copied = <Input>(target: Input, part: string): Input =>
  typeof target === "object" && target !== null
    ? { ...target }
    : refuseArgument(part, `expected a name or the SDK input, not ${target === null ? "null" : `the ${typeof target} ${String(target)}`}`)

/**
 * A builder for a command about one named thing: give the name (or ARN) alone, or the whole SDK input.
 * `field` is the input field the name goes into; `decode` turns the output into the result (default: as is).
 *
 * @example
 * import { byName } from "./passThrough.js"
 * const describeTimeToLive = byName("DescribeTimeToLive", "TableName")
 * describeTimeToLive("users").description // { TableName: "users" }
 */
export const byName =
  <Name extends CommandName, Result = OutputOf<Name>>(
    name: Name,
    field: keyof InputOf<Name> & string,
    decode: (output: OutputOf<Name>) => Result = identity as never
  ) =>
  guard(name, (target: string | InputOf<Name>): Operation<Name, Result> =>
    make({ name, description: withName(target, field), decode }))

/**
 * A builder with a friendly form (a name or ARN first, then more arguments) and the raw SDK input form.
 *
 * @example
 * import { friendly } from "./passThrough.js"
 * const updateTimeToLive = friendly("UpdateTimeToLive",
 *   (table: string, attribute: string, enabled: boolean) => ({
 *     TableName: table,
 *     TimeToLiveSpecification: { AttributeName: attribute, Enabled: enabled }
 *   }))
 */
export const friendly =
  <Name extends CommandName, Args extends ReadonlyArray<unknown>, Result = OutputOf<Name>>(
    name: Name,
    build: (target: string, ...args: Args) => InputOf<Name>,
    decode: (output: OutputOf<Name>) => Result = identity as never
  ): FriendlyBuilder<Name, Args, Result> =>
  guard(name, (target: string | InputOf<Name>, ...args: Args) =>
    make({
      name,
      description: typeof target === "string" ? build(target, ...args) : copied(target, "input"),
      decode
    })) as FriendlyBuilder<Name, Args, Result>

/** The two forms of a `friendly` builder. */
export interface FriendlyBuilder<Name extends CommandName, Args extends ReadonlyArray<unknown>, Result> {
  (target: string, ...args: Args): Operation<Name, Result>
  (input: InputOf<Name>): Operation<Name, Result>
}
