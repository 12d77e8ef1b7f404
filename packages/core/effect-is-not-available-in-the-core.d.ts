// What `effect`, `effect/*` and `@effect/*` resolve to in the core's type-check (tsconfig.json `paths`): nothing.
// The core is the part of dynofunc that is the same for every Effect major, so it may not import Effect at all;
// an import of it fails here with "has no exported member". The Effect shells (packages/dynofunc) build on the core.
export {}
