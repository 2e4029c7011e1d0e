// GET /editions/{year}/events.ics: the edition's approved events as an iCalendar feed people subscribe to.
import type { RequestHandler, Response } from "express";
import type { Context } from "../context.js";
import { editionByYear } from "../editions/edition.service.js";
import { editionEventsCalendar } from "./events.ics.js";
import { eventsOfEdition } from "./event.service.js";

export function eventsFeedRoute(publicContext: (res: Response) => Context): RequestHandler {
  return async (req, res, next) => {
    try {
      const raw = String(req.params.year);
      if (!/^\d{4}$/.test(raw)) {
        res.status(400).type("text/plain").send("The year must have four digits, e.g. /editions/2020/events.ics\n");
        return;
      }
      const ctx = publicContext(res);
      const edition = await editionByYear(ctx, Number(raw));
      if (!edition) {
        res.status(404).type("text/plain").send(`There is no IDoR edition ${raw} in the hub.\n`);
        return;
      }
      const events = await eventsOfEdition(ctx, edition.id);
      const base = `${req.protocol}://${req.get("host") ?? "localhost"}`;
      res
        .status(200)
        .type("text/calendar; charset=utf-8")
        .setHeader("Content-Disposition", `inline; filename="idor-${edition.year}-events.ics"`)
        .send(editionEventsCalendar(edition, events, base));
    } catch (err) {
      next(err);
    }
  };
}
