/** Chat times the way WeCom shows them: 刚刚, 今天 10:30, 昨天 10:30, 3月5日 10:30, 2023年3月5日. */
export type TimeLabel =
  | { key: 'justNow'; params: Record<string, never> }
  | { key: 'today' | 'yesterday'; params: { time: string } }
  | { key: 'thisYear'; params: { month: number; day: number; time: string } }
  | { key: 'older'; params: { year: number; month: number; day: number } };

const pad = (n: number) => String(n).padStart(2, '0');
const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();

export function timeLabel(iso: string, now: Date): TimeLabel {
  const at = new Date(iso);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const diff = now.getTime() - at.getTime();
  if (diff >= -60_000 && diff < 60_000) return { key: 'justNow', params: {} };
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000);
  if (days === 0) return { key: 'today', params: { time } };
  if (days === 1) return { key: 'yesterday', params: { time } };
  if (at.getFullYear() === now.getFullYear())
    return { key: 'thisYear', params: { month: at.getMonth() + 1, day: at.getDate(), time } };
  return { key: 'older', params: { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() } };
}

/** The shorter form of the conversation list: 10:30, 昨天, 3/5, 2023/3/5. */
export function listTimeLabel(iso: string, now: Date): { key: string; params: Record<string, string | number> } {
  const label = timeLabel(iso, now);
  switch (label.key) {
    case 'justNow':
    case 'today': {
      const at = new Date(iso);
      return { key: 'listToday', params: { time: `${pad(at.getHours())}:${pad(at.getMinutes())}` } };
    }
    case 'yesterday':
      return { key: 'listYesterday', params: {} };
    case 'thisYear':
      return { key: 'listThisYear', params: { month: label.params.month, day: label.params.day } };
    case 'older':
      return { key: 'listOlder', params: label.params };
  }
}

export type ChatRow<M> =
  | { type: 'time'; key: string; at: string }
  | { type: 'message'; key: string; message: M; continued: boolean };

/** Message rows with a time divider when more than `gapMinutes` passed; `continued` = same sender as the row above. */
export function groupMessages<M extends { id: string; createdAt: string; sender: { id: string } | null }>(
  items: M[],
  gapMinutes = 5,
): ChatRow<M>[] {
  const rows: ChatRow<M>[] = [];
  let previous: M | undefined;
  for (const message of items) {
    const gap = previous
      ? new Date(message.createdAt).getTime() - new Date(previous.createdAt).getTime() > gapMinutes * 60_000
      : true;
    if (gap) rows.push({ type: 'time', key: `time-${message.id}`, at: message.createdAt });
    const continued = !gap && previous?.sender?.id === message.sender?.id && message.sender !== null;
    rows.push({ type: 'message', key: message.id, message, continued });
    previous = message;
  }
  return rows;
}
