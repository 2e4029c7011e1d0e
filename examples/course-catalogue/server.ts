// An example partner subgraph: a national society's course catalogue that extends the hub's Society with `courses`
// and references the hub's Edition by year. Plain @apollo/subgraph and Apollo Server, no hub code: a partner could
// write it in any language with a Federation v2 library. Run it on its own with `npm run example:courses`.
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, type GraphQLSchema } from "graphql";
import { COURSES, type CourseRow } from "./courses.js";

export const COURSE_CATALOGUE_SDL = fs.readFileSync(new URL("./schema.graphql", import.meta.url), "utf8");

export function courseCatalogueSchema(): GraphQLSchema {
  return buildSubgraphSchema([
    {
      typeDefs: parse(COURSE_CATALOGUE_SDL),
      resolvers: {
        Query: {
          courses: (_: unknown, args: { societySlug?: string | null }) =>
            COURSES.filter((c) => args.societySlug == null || c.societySlug === args.societySlug),
        },
        Course: {
          __resolveReference: (ref: { id: string }) => COURSES.find((c) => c.id === ref.id) ?? null,
          society: (course: CourseRow) => ({ slug: course.societySlug }),
          edition: (course: CourseRow) => (course.editionYear === null ? null : { year: course.editionYear }),
        },
        Society: {
          __resolveReference: (ref: { slug: string }) => ({ slug: ref.slug }),
          courses: (society: { slug: string }) => COURSES.filter((c) => c.societySlug === society.slug),
        },
      },
    },
  ]);
}

/** Starts the catalogue on host:port (0 picks a free port); resolves to its URL and a stop function. */
export async function startCourseCatalogue(port: number, host = "127.0.0.1"): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({ schema: courseCatalogueSchema(), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port, host } });
  return { url, stop: () => server.stop() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 4001);
  const { url } = await startCourseCatalogue(port, process.env.HOST ?? "127.0.0.1");
  console.log(`course catalogue subgraph ready at ${url}`);
}
