// The time and place of an activity that is an event. Times are entered as the wall clock of the event's zone; the
// form turns them into instants with their offset (EventInput.startsAt), so "18:00 in Tokyo" stays 18:00 in Tokyo.
import { Field, type FieldErrors } from "../portal/fields";
import type { EventDraft } from "./activity-draft";

interface Props {
  event: EventDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<EventDraft>) => void;
}

export function EventFieldset({ event, errors, onChange }: Props) {
  return (
    <fieldset>
      <legend>Time and place</legend>
      <div className="form-grid">
        <Field label="Starts" name="event.startsAt" errors={errors} hint="local time at the event">
          {(p) => <input {...p} type="datetime-local" value={event.startsAt} onChange={(e) => onChange({ startsAt: e.target.value })} />}
        </Field>
        <Field label="Ends" name="event.endsAt" errors={errors} hint="local time at the event">
          {(p) => <input {...p} type="datetime-local" value={event.endsAt} onChange={(e) => onChange({ endsAt: e.target.value })} />}
        </Field>
        <Field label="Time zone" name="event.timeZone" errors={errors} hint="e.g. Europe/Vienna; online events: yours">
          {(p) => <input {...p} autoComplete="off" spellCheck={false} value={event.timeZone} onChange={(e) => onChange({ timeZone: e.target.value })} />}
        </Field>
        <Field label="Venue" name="event.venue" errors={errors} hint="optional">
          {(p) => <input {...p} value={event.venue} onChange={(e) => onChange({ venue: e.target.value })} />}
        </Field>
        <Field label="City" name="event.city" errors={errors} hint="optional">
          {(p) => <input {...p} value={event.city} onChange={(e) => onChange({ city: e.target.value })} />}
        </Field>
        <Field label="Country" name="event.countryCode" errors={errors} hint="two letters, e.g. AT; optional">
          {(p) => <input {...p} maxLength={2} autoComplete="off" value={event.countryCode} onChange={(e) => onChange({ countryCode: e.target.value.toUpperCase() })} />}
        </Field>
        <Field label="Join online at (URL)" name="event.joinUrl" errors={errors} hint="optional">
          {(p) => <input {...p} type="url" value={event.joinUrl} onChange={(e) => onChange({ joinUrl: e.target.value })} />}
        </Field>
      </div>
      <label className="inline-field">
        <input type="checkbox" checked={event.online} onChange={(e) => onChange({ online: e.target.checked })} /> People can take part online
      </label>
    </fieldset>
  );
}
