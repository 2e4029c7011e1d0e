// The supergraph: the hub's subgraph SDL composed (@apollo/composition) with the partner subgraphs listed in
// supergraph.config.json. Both the compose command and the gateway read the config through here.
import fs from "node:fs";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { z } from "zod";

const subgraphEntry = z.object({
  /** The subgraph's name in the supergraph (letters, digits, underscores; the hub is `hub`). */
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,49}$/, "a subgraph name is a letter, then letters, digits or _ (at most 50)"),
  /** Where the gateway (or Apollo Router) sends this subgraph's part of a query. */
  url: z.url({ protocol: /^https?$/, error: "url must be an http(s) URL of the subgraph's GraphQL endpoint" }),
  /** The subgraph's SDL (what its `_service { sdl }` answers), relative to the config file. */
  schema: z.string().min(1),
  /** The IDoR hub: the one subgraph that receives the caller's Authorization header (API keys are hub secrets). */
  hub: z.boolean().optional().default(false),
});

const configFile = z.object({
  /** Where `npm run supergraph:compose` writes the supergraph SDL, relative to the config file. */
  output: z.string().min(1).default("supergraph.graphql"),
  subgraphs: z
    .array(subgraphEntry)
    .min(1)
    .refine((list) => new Set(list.map((s) => s.name.toLowerCase())).size === list.length, "subgraph names must be unique")
    .refine((list) => list.filter((s) => s.hub).length === 1, 'exactly one subgraph is the hub ("hub": true)'),
});

export interface SubgraphDefinition {
  name: string;
  url: string;
  /** The SDL text. */
  sdl: string;
  hub: boolean;
}

export interface SupergraphConfig {
  /** Absolute path of the supergraph SDL the compose command writes. */
  output: string;
  subgraphs: SubgraphDefinition[];
}

export class SupergraphError extends Error {}

export function loadSupergraphConfig(file: string): SupergraphConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new SupergraphError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const parsed = configFile.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new SupergraphError(`${file} is not a valid supergraph config:\n${lines.join("\n")}`);
  }
  const dir = path.dirname(path.resolve(file));
  return {
    output: path.resolve(dir, parsed.data.output),
    subgraphs: parsed.data.subgraphs.map((s) => {
      const schemaFile = path.resolve(dir, s.schema);
      if (!fs.existsSync(schemaFile)) throw new SupergraphError(`subgraph ${s.name}: schema file ${schemaFile} does not exist`);
      return { name: s.name, url: s.url, hub: s.hub, sdl: fs.readFileSync(schemaFile, "utf8") };
    }),
  };
}

/** Composes the subgraphs; throws with composition's own error messages (code and text) when they do not compose. */
export function composeSupergraph(subgraphs: SubgraphDefinition[]): string {
  const services = subgraphs.map((s) => {
    try {
      return { name: s.name, url: s.url, typeDefs: parse(s.sdl) };
    } catch (err) {
      throw new SupergraphError(`subgraph ${s.name}: its SDL does not parse: ${(err as Error).message}`);
    }
  });
  const result = composeServices(services);
  if (result.errors) {
    const lines = result.errors.map((e) => `- [${String(e.extensions?.code ?? "COMPOSITION_ERROR")}] ${e.message}`);
    throw new SupergraphError(`the subgraphs do not compose:\n${lines.join("\n")}`);
  }
  return result.supergraphSdl;
}
