/**
 * The `DynamoClient` service's Tag and shape, with nothing of the AWS SDK at run time: `execute` and the lean
 * `HttpClient` need only this, so a program on the lean Layer neither loads nor bundles the SDK client (nor the
 * public `DynamoClient` class, whose SDK Layers a bundler cannot drop from the class).
 */
import type { Effect } from "effect"
import { genericTag, type Tag } from "#adapter"
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb"
import type { DynamoClient as Identifier } from "../../DynamoClient.js"
import type { CommandName, InputOf, OutputOf } from "@dynofunc/core/Operation"

/**
 * One request as a `DynamoClient` sees it: the operation's name and its input (the SDK command input). The SDK Layer
 * finds the operation's command class by its name; the lean `HttpClient` needs only the name.
 */
export interface Request<Name extends CommandName = CommandName> {
  readonly operation: Name
  readonly input: InputOf<Name>
}

/** What the service does: send one request, failing with whatever the transport failed with. */
export interface DynamoClientService {
  /**
   * Sends `request`. The failure is the raw cause (an SDK exception, a network error, a test's error);
   * `execute` turns it into a tagged `DynamoError`. Interrupting the effect aborts the HTTP request.
   */
  readonly send: <Name extends CommandName>(request: Request<Name>) => Effect.Effect<OutputOf<Name>, unknown>
  /** The SDK client underneath, when there is one: for raw SDK calls next to dynofunc's. */
  readonly sdk: DynamoDBClient | undefined
  /** The AWS region the client sends to, when known: recorded as `cloud.region` on each call's span. */
  readonly region?: string | undefined
}

/** The service's identifier: the public `DynamoClient` class. */
export type DynamoClient = Identifier

/**
 * The Tag of the `DynamoClient` service: the same key as the public `DynamoClient` class, so either finds the service
 * the other provided.
 *
 * @example
 * Effect.flatMap(DynamoClient, (client) => Effect.succeed(client.region))
 */
export const DynamoClient: Tag<Identifier, DynamoClientService> = genericTag("dynofunc/DynamoClient")
