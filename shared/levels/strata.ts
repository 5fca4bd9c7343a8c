import type { Stratum, TimeSpan, TimeSpanUnit } from '../model/levels';
import type { RoleData } from '../model/nodes';

/** What the app knows about one stratum of work (DOMAIN.md §1). */
interface StratumInfo {
  stratum: Stratum;
  roman: string;
  /** Time-span range in months: minMonths inclusive, maxMonths exclusive (Infinity for VIII). */
  minMonths: number;
  maxMonths: number;
  /** The range in words, as the stratum picker and the bands show it. */
  range: string;
  typicalRoles: string[];
  /** What a person at this level spends their attention on. */
  focus: string;
  /** Words a seller can use to speak at this person's level. */
  languageHints: string[];
}

export const STRATA: readonly StratumInfo[] = [
  {
    stratum: 1,
    roman: 'I',
    minMonths: 0,
    maxMonths: 3,
    range: 'up to 3 months',
    typicalRoles: ['sales rep', 'inside sales', 'customer service'],
    focus: 'the calls of the day and the orders due this week',
    languageHints: ["this week's orders", 'saves you time on every call', 'ready to use tomorrow', 'fewer steps per order'],
  },
  {
    stratum: 2,
    roman: 'II',
    minMonths: 3,
    maxMonths: 12,
    range: '3 months to 1 year',
    typicalRoles: ['sales team lead', 'key-account manager'],
    focus: 'hitting the quarter, planning key accounts, coaching the team',
    languageHints: ["this quarter's number", 'account plan', 'coaching your team', 'pipeline you can trust'],
  },
  {
    stratum: 3,
    roman: 'III',
    minMonths: 12,
    maxMonths: 24,
    range: '1 to 2 years',
    typicalRoles: ['regional sales manager', 'sales manager', 'marketing manager'],
    focus: 'the annual plan, how the sales process runs, how territories are cut',
    languageHints: ['the annual plan', 'a repeatable process', 'territory design', "next year's capacity"],
  },
  {
    stratum: 4,
    roman: 'IV',
    minMonths: 24,
    maxMonths: 60,
    range: '2 to 5 years',
    typicalRoles: ['VP sales', 'VP marketing', 'general manager'],
    focus: 'the product and market portfolio, and trade-offs between functions',
    languageHints: ['three-year portfolio', 'trade-offs across functions', 'where to invest next', 'margin mix'],
  },
  {
    stratum: 5,
    roman: 'V',
    minMonths: 60,
    maxMonths: 120,
    range: '5 to 10 years',
    typicalRoles: ['business-unit president', 'managing director'],
    focus: 'the business model and the position the business holds in its market',
    languageHints: ['business model', 'market position', 'return on the whole business', 'the next five years'],
  },
  {
    stratum: 6,
    roman: 'VI',
    minMonths: 120,
    maxMonths: 240,
    range: '10 to 20 years',
    typicalRoles: ['group executive', 'executive vice president of a group'],
    focus: 'shaping a family of businesses, what to buy and what to sell',
    languageHints: ["the group's shape", 'acquisitions and exits', 'a decade of growth', 'synergy between businesses'],
  },
  {
    stratum: 7,
    roman: 'VII',
    minMonths: 240,
    maxMonths: 600,
    range: '20 to 50 years',
    typicalRoles: ['CEO of a large corporation'],
    focus: 'strategic intent and where the whole industry is heading',
    languageHints: ['strategic intent', 'the future of the industry', 'a lasting franchise', 'a generation of leaders'],
  },
  {
    stratum: 8,
    roman: 'VIII',
    minMonths: 600,
    maxMonths: Infinity,
    range: 'over 50 years',
    typicalRoles: ['head of a super-corporation'],
    focus: 'institutions that outlive generations and their place in society',
    languageHints: ['the coming generations', 'the role in society', 'an institution that lasts', 'values that endure'],
  },
];

function stratumInfo(stratum: Stratum): StratumInfo {
  return STRATA[stratum - 1];
}

const MONTHS_PER_UNIT: Record<TimeSpanUnit, number> = {
  days: 1 / 30.44,
  weeks: 12 / 52,
  months: 1,
  years: 12,
};

export function timeSpanInMonths(timeSpan: TimeSpan): number {
  return timeSpan.value * MONTHS_PER_UNIT[timeSpan.unit];
}

export function stratumForTimeSpan(timeSpan: TimeSpan): Stratum {
  const months = timeSpanInMonths(timeSpan);
  return (STRATA.find((s) => months < s.maxMonths) ?? STRATA[STRATA.length - 1]).stratum;
}

export function timeSpanFits(stratum: Stratum, timeSpan: TimeSpan): boolean {
  return stratumForTimeSpan(timeSpan) === stratum;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** A time-span as the person typed it: "18 months", "1 year". */
export function describeTimeSpan(timeSpan: TimeSpan): string {
  return plural(timeSpan.value, timeSpan.unit.slice(0, -1));
}

/** A duration in the unit a person would say it in: weeks under a month, months under two years. */
function durationInWords(months: number): string {
  if (months < 1) {
    const weeks = Math.round((months * 52) / 12);
    return weeks >= 1 ? plural(weeks, 'week') : plural(Math.max(1, Math.round(months * 30.44)), 'day');
  }
  if (Math.round(months) < 24) return plural(Math.round(months), 'month');
  const years = months / 12;
  // Half years carry meaning up to a decade ("2.5 years"); past it nobody counts them.
  return plural(years < 10 ? Math.round(years * 2) / 2 : Math.round(years), 'year');
}

/**
 * How long it would take to notice and recover from a bad hire or a bad call in this role: its
 * time-span when stated, else the longest time-span its stratum allows.
 */
export function recoveryHorizon(role: Pick<RoleData, 'stratum' | 'timeSpan'>): string | null {
  if (role.timeSpan) return `about ${durationInWords(timeSpanInMonths(role.timeSpan))}`;
  if (role.stratum === null) return null;
  const { maxMonths, range } = stratumInfo(role.stratum);
  if (maxMonths === Infinity) return range;
  return `up to ${maxMonths % 12 === 0 ? plural(maxMonths / 12, 'year') : plural(maxMonths, 'month')}`;
}

const ROMAN_TO_STRATUM = new Map(STRATA.map((s) => [s.roman, s.stratum]));

/** Reads "III", "iii", "3", "Stratum III", "Str. 3", "S3" or "Level IV"; null when it is not a stratum. */
export function parseStratum(text: string): Stratum | null {
  const match = /^(?:stratum|str\.?|level|s)?\s*([ivx]+|\d+)$/i.exec(text.trim());
  if (!match) return null;
  const token = match[1].toUpperCase();
  if (/^\d+$/.test(token)) {
    const value = Number(token);
    return value >= 1 && value <= 8 ? value : null;
  }
  return ROMAN_TO_STRATUM.get(token) ?? null;
}

const UNIT_WORDS: [RegExp, TimeSpanUnit][] = [
  [/^(?:d|days?)$/, 'days'],
  [/^(?:w|wks?|weeks?)$/, 'weeks'],
  [/^(?:m|mos?|mths?|months?)$/, 'months'],
  [/^(?:y|yrs?|years?)$/, 'years'],
];

/** Reads "18 months", "2y", "3 weeks", "1.5 years", "1,5 years" or "90 days"; null otherwise. */
export function parseTimeSpan(text: string): TimeSpan | null {
  const match = /^(\d+(?:[.,]\d+)?)\s*([a-z]+)$/i.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1].replace(',', '.'));
  const unit = UNIT_WORDS.find(([pattern]) => pattern.test(match[2].toLowerCase()))?.[1];
  if (!unit || !(value > 0) || value > 10_000) return null;
  return { value, unit };
}
