// What a stored figure covers: one channel (`channel`), a named set (`channels`), or everything (both null).
import { CHANNELS, type Channel } from "../db/enums.js";

export function coverageOfRow(row: { channel: Channel | null; channels?: Channel[] | null }): Channel[] | null {
  if (row.channel) return [row.channel];
  if (row.channels?.length) return CHANNELS.filter((c) => row.channels!.includes(c));
  return null;
}
