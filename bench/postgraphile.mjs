// PostGraphile 5 over the hub's tables, as a team would run it: the recommended (Amber) preset plus pg-aggregates,
// a pool of 10 connections like the hub's default. Started by run.mjs as its own process, so that its CPU and memory
// are measured alone. Usage: node postgraphile.mjs <port> <database url>
import { createServer } from "node:http";
import { PgAggregatesPreset } from "@graphile/pg-aggregates";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const [port, connectionString] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString, max: 10, application_name: "postgraphile" });

const preset = {
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  // Conditions and orders on every column, not only indexed ones (the dashboard filters activities by status, which
  // has no index of its own): the documented switch for that.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ pool, schemas: ["public"] })],
  grafserv: { port: Number(port), graphqlPath: "/graphql", watch: false, graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once("listening", () => console.log(`postgraphile listening on ${port}`));
serv.addTo(server).catch((e) => {
  console.error(e);
  process.exit(1);
});
await pgl.getSchema(); // build the schema before taking load
server.listen(Number(port), "127.0.0.1");
process.on("SIGTERM", async () => {
  server.close();
  await pgl.release();
  await pool.end();
  process.exit(0);
});
