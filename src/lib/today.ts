/**
 * The build's one idea of "today", which decides which meetings are upcoming or overdue and
 * which follow-ups are late. Set `PORTAL_TODAY=YYYY-MM-DD` for a reproducible build; otherwise
 * it is the day the build runs, in UTC. Nothing else in the site may read the clock.
 */
import { parsePeriod } from "../schemas/period.ts";

const TODAY_ENV = "PORTAL_TODAY";

/** Where today's date came from, for the build log. */
export interface Today {
  readonly date: string;
  readonly source: "PORTAL_TODAY" | "the build date (UTC)";
}

export function resolveToday(env: Readonly<Record<string, string | undefined>> = process.env, now = new Date()): Today {
  const given = env[TODAY_ENV];
  if (given === undefined || given === "")
    return { date: now.toISOString().slice(0, 10), source: "the build date (UTC)" };
  if (parsePeriod(given)?.kind !== "date")
    throw new Error(`${TODAY_ENV} must be a date written YYYY-MM-DD, such as 2024-03-31; got ${JSON.stringify(given)}`);
  return { date: given, source: "PORTAL_TODAY" };
}

/** Today as an ISO date (YYYY-MM-DD). */
export const today = (): string => resolveToday().date;
