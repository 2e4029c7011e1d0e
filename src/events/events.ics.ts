// The iCalendar (RFC 5545) feed of an edition's approved events, written by ical-generator (folding, escaping, CRLF).
import { ICalCalendarMethod, default as ical } from "ical-generator";
import type { ActivityRow, EditionRow } from "../db/schema.js";
import { toGlobalId } from "../shared/global-id.js";

export function editionEventsCalendar(edition: EditionRow, events: ActivityRow[], baseUrl: string): string {
  const calendar = ical({
    name: `International Day of Radiology ${edition.year} — events`,
    description: edition.theme ? `IDoR ${edition.year}: ${edition.theme}` : `IDoR ${edition.year}`,
    prodId: { company: "IDoR Hub", product: "events", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    url: `${baseUrl}/editions/${edition.year}/events.ics`,
  });
  for (const event of events) {
    const place = [event.eventVenue, event.eventCity, event.eventCountryCode].filter(Boolean).join(", ");
    const lines = [event.description, event.eventOnline && event.eventJoinUrl ? `Join online: ${event.eventJoinUrl}` : null];
    calendar.createEvent({
      id: `${toGlobalId("Activity", event.id)}@idor-hub`,
      sequence: event.version - 1,
      start: event.eventStartsAt!,
      end: event.eventEndsAt!,
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      created: event.createdAt,
      summary: event.title,
      description: lines.filter(Boolean).join("\n\n") || undefined,
      location: place || (event.eventOnline ? "Online" : undefined),
      url: event.url ?? event.eventJoinUrl ?? undefined,
    });
  }
  // ical-generator joins lines with CRLF but leaves the last one bare; RFC 5545 §3.1 ends every content line with CRLF.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
