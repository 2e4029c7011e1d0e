// The first import of every entry point (src/main.ts, src/cli/*) and of src/schema.ts. type-graphql's decorators read
// and write the Reflect metadata API while their modules load; imported later, the process crashes at start-up.
// One module, so that an entry point names one thing first and tests/entry-points.test.ts can check that each does.
import "reflect-metadata";
