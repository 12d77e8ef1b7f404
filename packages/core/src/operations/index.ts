/** The original library's operations, under its names. */
export * from "./add.js"
export * from "./create.js"
export * from "./describe.js"
export * from "./find.js"
export * from "./query.js"
export * from "./remove.js"
export * from "./scan.js"
export * from "./update.js"
/** Every DynamoDB API operation under its camelCase name. */
export * from "./commands.js"
