/** Alert counts per day as a gapless series: days without alerts between the first and last count 0. */
export type DayCount = { day: string; count: number };

const DAY_MS = 86_400_000;

export function gaplessDays(counts: readonly DayCount[]): DayCount[] {
  if (counts.length === 0) return [];
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  const first = Date.parse(`${counts[0]?.day}T00:00:00Z`);
  const last = Date.parse(`${counts[counts.length - 1]?.day}T00:00:00Z`);
  const out: DayCount[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, count: byDay.get(day) ?? 0 });
  }
  return out;
}
