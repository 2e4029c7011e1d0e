// A federation gateway in Node: @apollo/gateway serving a composed supergraph. It forwards the caller's Authorization
// header to the hub subgraph only; partner subgraphs never see an IDoR API key. In production Apollo Router can take
// its place with the same supergraph SDL (see the README, "Running at scale").
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import { listen } from "../shared/listen.js";
import type { SubgraphDefinition } from "./supergraph.js";

/** What the gateway keeps of the incoming request for its subgraph calls. */
interface GatewayContext {
  authorization?: string;
}

class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly forwardAuthorization: boolean,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]) {
    if (this.forwardAuthorization && context.authorization) request.http?.headers.set("authorization", context.authorization);
  }
}

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the gateway on host:port (0 picks a free port), or on `httpServer` when the caller has claimed its port
 * already (the CLI does, before loading Apollo), for the supergraph SDL; `subgraphs` says which subgraph is the hub
 * (the only one that receives Authorization). Subgraph URLs come from the supergraph SDL.
 */
export async function startGateway(options: {
  supergraphSdl: string;
  subgraphs: Pick<SubgraphDefinition, "name" | "hub">[];
  port: number;
  host: string;
  httpServer?: http.Server;
}): Promise<RunningGateway> {
  // The port first (a rejected promise, not Apollo standalone's unhandled 'error' event): nothing is started for a
  // gateway that cannot listen.
  const httpServer = options.httpServer ?? http.createServer();
  if (!options.httpServer) await listen(httpServer, options.port, options.host);
  const hubNames = new Set(options.subgraphs.filter((s) => s.hub).map((s) => s.name));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new SubgraphSource(url!, hubNames.has(name)),
  });
  const server = new ApolloServer<GatewayContext>({
    // @apollo/gateway 2.14 implements server-gateway-interface 1; Apollo Server 5 declares 2, same shape for this use.
    gateway: gateway as unknown as GatewayInterface,
    introspection: true,
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    // A subgraph that cannot be reached: say so with the hub's code for it, without its internal address.
    formatError: (formatted) =>
      /^request to \S+ failed/.test(formatted.message)
        ? { message: "A subgraph is unavailable right now; retry later.", path: formatted.path, extensions: { code: "SERVICE_UNAVAILABLE" } }
        : formatted,
  });
  try {
    await server.start();
  } catch (err) {
    httpServer.close();
    throw err;
  }
  // What Apollo's standalone server does: open CORS, JSON bodies up to 50 MB, GraphQL on every path.
  const app = express();
  app.use(
    cors(),
    express.json({ limit: "50mb" }),
    expressMiddleware(server, { context: async ({ req }: { req: http.IncomingMessage }) => ({ authorization: req.headers.authorization }) }),
  );
  httpServer.on("request", app);
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return { url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`, stop: () => server.stop() };
}
