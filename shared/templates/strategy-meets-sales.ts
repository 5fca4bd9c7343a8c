import { BoardDraft, builtInTemplate, CONTENT_TOP, rightOf, type BuiltInTemplate } from './build';

const threeByTwo = { columns: 2, rows: 3 };

// --- Strategy and priorities: what the leaders have decided, explained rather than announced ---
const strategyBoard = new BoardDraft('sms-strategy', 'Strategy and priorities');
strategyBoard.heading('Where we are going, and why', { x: 0, y: 0 });
const strategy = strategyBoard.frame('Strategy', { x: 0, y: CONTENT_TOP }, threeByTwo);
const priorities = strategyBoard.frame('Target priorities', { x: rightOf(strategy.rect), y: CONTENT_TOP }, threeByTwo);
const bigPicture = strategyBoard.frame('The big picture', { x: rightOf(priorities.rect), y: CONTENT_TOP }, threeByTwo);
strategyBoard.note('Grow service contracts to a third of revenue within three years', 'idea', strategy.cell(0, 0));
strategyBoard.note('Mid-size food producers first: they buy service, not only parts', 'idea', priorities.cell(0, 0));
strategyBoard.note('Customers want fewer suppliers, each taking on more of the risk', 'idea', bigPicture.cell(0, 0));

// --- Field feedback: what the people who meet customers bring back ---
const fieldBoard = new BoardDraft('sms-field', 'Field feedback');
fieldBoard.heading('What the field is hearing', { x: 0, y: 0 });
const customers = fieldBoard.frame('What customers say', { x: 0, y: CONTENT_TOP }, threeByTwo);
const field = fieldBoard.frame('What we hear from the field', { x: rightOf(customers.rect), y: CONTENT_TOP }, threeByTwo);
fieldBoard.note('“We would sign for three years if you looked after the spare parts too.”', 'story', customers.cell(0, 0));
fieldBoard.note('Two rivals have started installing for free in the south.', 'weak-signal', field.cell(0, 0));

// --- The two-way loop: strategy goes out to the sellers, evidence comes back, the plan moves ---
const loopBoard = new BoardDraft('sms-loop', 'The two-way loop');
loopBoard.heading('Strategy and sales, both ways', { x: 0, y: 0 });
// Wide gaps, between the frames and between the rows, leave room for the labels on the loop.
const pair = { columns: 1, rows: 2, gap: 160 };
const strategists = loopBoard.frame('Strategists', { x: 0, y: CONTENT_TOP }, pair);
const sellers = loopBoard.frame('Sellers', { x: rightOf(strategists.rect, 320), y: CONTENT_TOP }, pair);
const direction = loopBoard.note('Set the direction and the target priorities, and say why', 'idea', strategists.cell(0, 0));
const accountPlans = loopBoard.note('Turn the priorities into account plans and calls', 'idea', sellers.cell(0, 0));
const report = loopBoard.note('Report what customers say and do, every month', 'idea', sellers.cell(0, 1));
const adjust = loopBoard.note('Change the plan when the evidence says so', 'idea', strategists.cell(0, 1));
loopBoard.relates(direction, accountPlans, 'explained face to face');
loopBoard.relates(accountPlans, report, 'tried with customers');
loopBoard.relates(report, adjust, 'evidence comes back');
loopBoard.relates(adjust, direction, 'the next round');

export const strategyMeetsSales: BuiltInTemplate = builtInTemplate('builtin-strategy-meets-sales', 'sms', {
  name: 'Strategy meets sales',
  description:
    'For the leaders who set strategy and the sellers who carry it to customers, together in one room. The group makes the strategy and its target priorities plain, gathers what the field is hearing, and leaves with a loop that brings that feedback back into the plan on a fixed rhythm.',
  boards: [strategyBoard, fieldBoard, loopBoard],
  agenda: [
    {
      title: 'The strategy in plain words',
      minutes: 30,
      board: strategyBoard,
      frame: strategy,
      prompts: [
        'Can each leader state the strategy in two sentences a new seller would follow?',
        'What are we choosing not to do?',
        'Sellers: which part of this is new to you today?',
      ],
    },
    {
      title: 'Target priorities',
      minutes: 25,
      board: strategyBoard,
      frame: priorities,
      prompts: [
        'Which customers and offers come first, and which can wait?',
        'When time is short, how should a seller choose between two deals?',
        'Which priority surprises the people who meet customers?',
      ],
    },
    {
      title: 'The big picture',
      minutes: 20,
      board: strategyBoard,
      frame: bigPicture,
      prompts: [
        'What is changing in our customers’ world that makes this strategy right?',
        'How would you answer a customer who asks where we are heading?',
      ],
    },
    {
      title: 'What customers say',
      minutes: 30,
      board: fieldBoard,
      frame: customers,
      prompts: [
        'What have customers asked for, complained about or praised this quarter? One note each, in their words.',
        'Which of these fit the strategy, and which pull against it?',
      ],
    },
    {
      title: 'What we hear from the field',
      minutes: 25,
      board: fieldBoard,
      frame: field,
      prompts: [
        'What are competitors, partners and distributors doing that the plan does not mention?',
        'What early hints of change have you noticed that nobody has asked you about?',
      ],
    },
    {
      title: 'Where the plan and the field disagree',
      minutes: 20,
      board: fieldBoard,
      prompts: [
        'Which part of the strategy does each field note challenge?',
        'Which disagreements need a decision from the leaders, and by when?',
      ],
    },
    {
      title: 'Draw the two-way loop',
      minutes: 30,
      board: loopBoard,
      prompts: [
        'How does strategy reach the sellers today: a kickoff, emails, something better?',
        'How does what sellers hear find its way back to the people who set the strategy?',
        'Where does the loop break, and who can mend it?',
      ],
    },
    {
      title: 'Agree the rhythm',
      minutes: 20,
      board: loopBoard,
      frame: sellers,
      prompts: [
        'How often will strategists and sellers sit down together, and in what form?',
        'Which leader makes sure the strategy is explained, not just sent?',
        'What will each side bring to the first of those meetings?',
      ],
    },
  ],
});
