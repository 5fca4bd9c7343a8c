import { beyondMarketingAndSales } from './beyond-marketing-and-sales';
import type { BuiltInTemplate } from './build';
import { levelsOfWork } from './levels-of-work';
import { rhythmOfTheSale } from './rhythm-of-the-sale';
import { startWithWhy } from './start-with-why';
import { strategyMeetsSales } from './strategy-meets-sales';

export type { BuiltInTemplate } from './build';

/** The workshop formats of DOMAIN.md, in the order the gallery shows them; read-only, duplicate one to change it. */
export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [levelsOfWork, startWithWhy, beyondMarketingAndSales, rhythmOfTheSale, strategyMeetsSales];
