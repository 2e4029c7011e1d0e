// The floor of HTTP serving on this machine: bare Node http answering a fixed 1 KB JSON body.
// Usage: node floor-http.mjs <port>
import { createServer } from "node:http";

const body = Buffer.from(JSON.stringify({ data: { society: { name: "x".repeat(1000) } } }).slice(0, 1024));
const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
});
server.listen(Number(process.argv[2]), "127.0.0.1", () => console.log(`floor-http listening on ${process.argv[2]}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
