// The README is part of the contract: what it lists must match what the hub does.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { APOLLO_REQUEST_CODES } from "../src/http/errors.js";
import { ERROR_CODES } from "../src/shared/errors.js";

const readme = fs.readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the README", () => {
  it("lists every error code the hub can answer with", () => {
    const codes = [...Object.keys(ERROR_CODES), ...APOLLO_REQUEST_CODES];
    const missing = codes.filter((code) => !readme.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
