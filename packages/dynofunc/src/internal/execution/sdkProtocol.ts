/**
 * The SDK's DynamoDB wire protocol with one fix, used by the SDK clients dynofunc builds.
 *
 * The SDK's current JSON reader (`JsonShapeDeserializer2` in `@smithy/core` 3.41) reads maps in place and, on a key
 * named `__proto__`, redefines that key as `undefined` before reading its value: an item attribute named `__proto__`
 * (at the top level of `Item`, `Attributes`, `LastEvaluatedKey`, …) comes back `undefined`, its value lost. The SDK's
 * previous reader (`DynamoDBJsonCodec`) copies maps and keeps that attribute. Requests are still written by the current
 * writer; only responses are read by the previous reader.
 */
import { AwsJson1_0Protocol } from "@aws-sdk/core/protocols"
import { DynamoDBJsonCodec, DynamoDBJsonCodec2 } from "@aws-sdk/dynamodb-codec"
import { fromBase64 } from "../transport/wire.js"

type Deserializer = ReturnType<DynamoDBJsonCodec2["createDeserializer"]>

class Codec extends DynamoDBJsonCodec2 {
  override createDeserializer(): Deserializer {
    // Both readers turn the same JSON into the same output shapes; the protocol hands the serde context to this one.
    const deserializer = new DynamoDBJsonCodec().createDeserializer()
    const setSerdeContext = deserializer.setSerdeContext.bind(deserializer)
    // Binary attribute values are decoded as the lean transport decodes them: text that is not base64 stays text, and
    // the unmarshaller says where it is (the SDK's decoder throws, naming no place).
    deserializer.setSerdeContext = (context) => setSerdeContext({ ...context, base64Decoder: fromBase64 as (text: string) => Uint8Array })
    // The protocol hands its context to the response reader; an error's reader is made later and gets the codec's.
    deserializer.setSerdeContext(this.serdeContext!)
    return deserializer as unknown as Deserializer
  }
}

/**
 * `AwsJson1_0Protocol` taking the SDK's own settings (namespace, error registries, service target), with the codec
 * that keeps `__proto__` attributes.
 *
 * @example
 * import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
 * import { Protocol } from "./sdkProtocol.js"
 * new DynamoDBClient({ region: "eu-west-1", protocol: Protocol })
 */
export class Protocol extends AwsJson1_0Protocol {
  constructor(settings: ConstructorParameters<typeof AwsJson1_0Protocol>[0]) {
    super({ ...settings, jsonCodec: new Codec() })
  }
}
