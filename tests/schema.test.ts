import fs from "node:fs";
import path from "node:path";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { hubSchema, schemaSdl } from "../src/schema.js";

describe("the GraphQL contract", () => {
  it("schema/schema.graphql matches the schema the code builds (run `npm run schema:print` after a change)", async () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, "../schema/schema.graphql"), "utf8");
    expect(committed).toBe(await schemaSdl());
  });

  it("describes every type, field, argument and enum value", async () => {
    const schema = await hubSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
