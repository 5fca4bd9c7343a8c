import { bandTop } from '../levels/bands';
import { BoardDraft, builtInTemplate, CONTENT_TOP, FOOTPRINT, rightOf, type BuiltInTemplate } from './build';

/**
 * A worked example from one fictitious client, Alder & Finch, a building-supply wholesaler buying
 * a pricing and quoting tool for its sales team: the same people show up on the org map and among
 * the decision-makers, so the room sees how the two boards read each other.
 */

// --- Client org map: a requisite sales organisation, one stratum per reporting line ---
const orgMap = new BoardDraft('low-org-map', 'Client org map', true);
/** Wider than a role card, so cards that grow with a long name still keep apart. */
const COLUMN = 280;

orgMap.heading('Alder & Finch: sales organisation', { x: 0, y: bandTop(5) + 40 });
orgMap.label('Worked example: clear it, then draw your client', { x: 0, y: bandTop(5) + 120 });

const maria = orgMap.role(
  { person: 'Maria Keller', title: 'VP Sales', stratum: 4, timeSpan: { value: 3, unit: 'years' }, notes: 'Answers for where the whole sales team stands three years from now.' },
  1.25 * COLUMN,
);
const tom = orgMap.role(
  { person: 'Tom Achebe', title: 'Regional sales manager', stratum: 3, timeSpan: { value: 18, unit: 'months' }, notes: 'Writes the annual plan for the west and decides how its territories are cut.' },
  1.25 * COLUMN,
);
const jonas = orgMap.role(
  { person: 'Jonas Berg', title: 'Inside sales team lead', stratum: 2, timeSpan: { value: 9, unit: 'months' }, notes: 'Coaches the inside team and is measured on the quarter.' },
  0.5 * COLUMN,
);
const priya = orgMap.role(
  { person: 'Priya Nair', title: 'Key-account manager', stratum: 2, timeSpan: { value: 10, unit: 'months' }, notes: 'Keeps a yearly plan for each of the five largest customers.' },
  2 * COLUMN,
);
const lea = orgMap.role(
  { person: 'Lea Fontaine', title: 'Inside sales rep', stratum: 1, timeSpan: { value: 6, unit: 'weeks' }, notes: 'Works through the day’s calls and quote requests.' },
  0,
);
const sam = orgMap.role(
  { person: 'Sam Okafor', title: 'Inside sales rep', stratum: 1, timeSpan: { value: 2, unit: 'months' }, notes: 'Looks after repeat orders from smaller trade customers.' },
  COLUMN,
);
orgMap.reportsTo(maria, tom);
orgMap.reportsTo(tom, jonas);
orgMap.reportsTo(tom, priya);
orgMap.reportsTo(jonas, lea);
orgMap.reportsTo(jonas, sam);

// --- Decision-makers: three people in the purchase, and what sways them ---
const deciders = new BoardDraft('low-decision-makers', 'Decision-makers');
deciders.heading('Alder & Finch: the pricing tool decision', { x: 0, y: 0 });
// A wider gap in the buying centre leaves room for the influence arrows and their labels.
const buyingCentre = deciders.frame('Buying centre', { x: 0, y: CONTENT_TOP }, { columns: 2, rows: 2, cell: FOOTPRINT.decisionMaker, gap: 80 });
const influence = deciders.frame('Influence', { x: rightOf(buyingCentre.rect), y: CONTENT_TOP }, { columns: 2, rows: 2 });

const economicBuyer = deciders.decisionMaker(
  {
    name: 'Maria Keller',
    title: 'VP Sales',
    organisation: 'Alder & Finch',
    purchaseRole: 'economic-buyer',
    stance: 'neutral',
    influence: 5,
    stratum: 4,
    challenge: 'Margin fell two points last year, and she cannot see where in the regions the discounts go.',
    progress: 'One view of price and margin by region that she can steer the next three years with.',
    showLanguage: false,
  },
  buyingCentre.cell(0.5, 0),
);
const champion = deciders.decisionMaker(
  {
    name: 'Tom Achebe',
    title: 'Regional sales manager',
    organisation: 'Alder & Finch',
    purchaseRole: 'champion',
    stance: 'supporter',
    influence: 3,
    stratum: 3,
    challenge: 'His reps build quotes in spreadsheets after hours, and the mistakes reach customers.',
    progress: 'Quotes out the same day, at prices he can stand behind in next year’s plan.',
    showLanguage: false,
  },
  buyingCentre.cell(0, 1),
);
const evaluator = deciders.decisionMaker(
  {
    name: 'Henrik Dahl',
    title: 'Head of IT applications',
    organisation: 'Alder & Finch',
    purchaseRole: 'technical-evaluator',
    stance: 'sceptic',
    influence: 4,
    stratum: 3,
    challenge: 'Departments bought three tools of their own in two years, and his small team now keeps all of them running.',
    progress: 'Fewer systems, each one talking to the ERP and passing the security review.',
    showLanguage: false,
  },
  buyingCentre.cell(1, 1),
);
deciders.influences(champion, economicBuyer, 3, 'brings the case from the field');
deciders.influences(evaluator, economicBuyer, 4, 'signs off on security and fit');
deciders.note('Maria asks her finance director before any spend the budget did not foresee.', 'story', influence.cell(0, 0));
deciders.note('Who will use the tool every day, and does anyone here speak for them?', 'question', influence.cell(1, 0));

// --- Signals wall: what the room has been hearing, sorted and voted on ---
const signals = new BoardDraft('low-signals', 'Signals wall');
signals.heading('What are we hearing?', { x: 0, y: 0 });
const column = { columns: 2, rows: 3 };
const weak = signals.frame('Weak signals', { x: 0, y: CONTENT_TOP }, column);
const attractors = signals.frame('Strong attractors', { x: rightOf(weak.rect), y: CONTENT_TOP }, column);
const stories = signals.frame('Stories', { x: rightOf(attractors.rect), y: CONTENT_TOP }, column);
signals.note('Two buyers asked this month about paying per use, not per unit.', 'weak-signal', weak.cell(0, 0));
signals.note('A competitor has quietly dropped its entry-level range.', 'weak-signal', weak.cell(1, 0));
signals.note('Customers keep going with whoever replies first, even at a higher price.', 'strong-attractor', attractors.cell(0, 0));
signals.note('A distributor won back a lost account by calling every week for a year.', 'story', stories.cell(0, 0));

export const levelsOfWork: BuiltInTemplate = builtInTemplate('builtin-levels-of-work', 'low', {
  name: 'Levels of work & pattern recognition',
  description:
    'For a sales or marketing team that wants to understand a customer’s organisation before the next big deal. The group maps the client’s roles by stratum, spots compression and gaps, charts who decides and who sways them, and leaves with a wall of signals it has clustered and voted on.',
  boards: [orgMap, deciders, signals],
  agenda: [
    {
      title: 'Levels of work, briefly',
      minutes: 20,
      board: orgMap,
      prompts: [
        'Think of the longest task you are trusted with: how long before anyone can tell whether it went well?',
        'Which roles in your own company work on this week, and which on the next five years?',
        'How long would it take to undo a bad hire in your own role?',
      ],
    },
    {
      title: 'Read the worked example',
      minutes: 20,
      board: orgMap,
      prompts: [
        'Every manager here sits one band above their reports: what does that give the people below them?',
        'What would change if Lea and Sam reported straight to Tom?',
        'Where would a new head of e-commerce sit on this map?',
      ],
    },
    {
      title: 'Draw your client’s organisation',
      minutes: 35,
      board: orgMap,
      prompts: [
        'Clear the example, then place the roles you know at your client, each in the band of its horizon.',
        'Who sets the plan your contact works to, and who checks it?',
        'Which roles are you guessing at? Mark them so someone can find out.',
      ],
    },
    {
      title: 'Spot compression and gaps',
      minutes: 25,
      board: orgMap,
      prompts: [
        'Where do a manager and a report sit in the same band, and how would we notice it when we sell to them?',
        'Where is a layer missing, and who quietly carries that work today?',
        'What does each finding tell us about how long a decision takes there?',
      ],
    },
    {
      title: 'Map the buying centre',
      minutes: 35,
      board: deciders,
      frame: buyingCentre,
      prompts: [
        'Who signs, who speaks for us, who tests the fit, and who will use it every day?',
        'What challenge is each of them living right now, in their own words?',
        'Which stratum is each person in, and are we talking at their level?',
      ],
    },
    {
      title: 'Trace the influence',
      minutes: 25,
      board: deciders,
      frame: influence,
      prompts: [
        'Who listens to whom before this decision is made?',
        'If our only supporter left tomorrow, who would speak for us?',
        'Who outside the buying centre could stall the deal or speed it up?',
      ],
    },
    {
      title: 'Collect signals',
      minutes: 30,
      board: signals,
      frame: weak,
      prompts: [
        'What did you hear from buyers, peers or competitors in the last month that surprised you?',
        'Is it a faint hint of change, a pull that keeps coming back, or a story worth retelling?',
        'One note per signal, in the words you heard it.',
      ],
    },
    {
      title: 'Cluster and vote',
      minutes: 20,
      board: signals,
      frame: attractors,
      prompts: [
        'Which notes belong together? Move them side by side.',
        'Three votes each, for the patterns that matter most next quarter.',
        'Which weak signal could grow into an attractor, and what would tell us first?',
      ],
    },
    {
      title: 'What we will do differently',
      minutes: 15,
      board: signals,
      frame: stories,
      prompts: ['Which story will you retell to a customer this month?', 'What will each of us listen for before we meet again?'],
    },
  ],
});
