import type { AgendaItem } from '../../shared/model';

/** "22 November 2026": a workshop day, read the same in every time zone. */
export function formatWorkshopDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "1:05" for 65 minutes into the workshop. */
export function clockOffset(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Each agenda item with its start, in minutes from the beginning of the workshop. */
export function agendaWithStarts(items: readonly AgendaItem[]): (AgendaItem & { start: number })[] {
  const result: (AgendaItem & { start: number })[] = [];
  let start = 0;
  for (const item of items) {
    result.push({ ...item, start });
    start += item.timeboxMinutes;
  }
  return result;
}
