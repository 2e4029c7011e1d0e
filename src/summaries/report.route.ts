// GET /reports/{year}.{csv,md,json}: staff download an edition's summary with their key (the staff console's
// download buttons use it) — the same numbers as `summary` and `npm run report`.
import type { Request, RequestHandler, Response } from "express";
import type { Context } from "../context.js";
import { assertCan } from "../auth/permissions.js";
import { HubError } from "../shared/errors.js";
import { collectReport, inProcess } from "./report.collect.js";
import { FORMATS, type ReportFormat } from "./report.js";

const MEDIA_TYPES: Record<ReportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export function reportDownloadRoute(requestContext: (req: Request, res: Response) => Promise<Context>): RequestHandler {
  return async (req, res, next) => {
    try {
      const match = /^(\d{4})\.(csv|md|json)$/.exec(String(req.params.file));
      if (!match) {
        res.status(404).type("text/plain").send("Reports are at /reports/{year}.csv (or .md, .json), e.g. /reports/2020.csv\n");
        return;
      }
      let ctx: Context;
      try {
        ctx = await requestContext(req, res);
      } catch (err) {
        if (!(err instanceof HubError)) throw err;
        res.status(401).setHeader("www-authenticate", 'Bearer realm="idor-hub"').type("text/plain").send(`${err.message}\n`);
        return;
      }
      try {
        assertCan(ctx.viewer, "report:download");
      } catch (err) {
        if (!(err instanceof HubError)) throw err;
        const anonymous = err.extensions.code === "UNAUTHENTICATED";
        if (anonymous) res.setHeader("www-authenticate", 'Bearer realm="idor-hub"');
        res
          .status(anonymous ? 401 : 403)
          .type("text/plain")
          .send(anonymous ? "Send a staff API key: Authorization: Bearer <key>.\n" : "Only ESR staff may download reports.\n");
        return;
      }
      const includePending = req.query.includePending === "true";
      const report = await collectReport(inProcess(ctx), Number(match[1]), includePending);
      if (!report) {
        res.status(404).type("text/plain").send(`There is no IDoR edition ${match[1]} in the hub.\n`);
        return;
      }
      const format = match[2] as ReportFormat;
      res
        .status(200)
        .type(MEDIA_TYPES[format])
        .setHeader("Content-Disposition", `attachment; filename="idor-${match[1]}${includePending ? "-preview" : ""}.${format}"`)
        .send(FORMATS[format](report));
    } catch (err) {
      next(err);
    }
  };
}
