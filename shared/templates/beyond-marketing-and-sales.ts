import { below, BoardDraft, builtInTemplate, CONTENT_TOP, FOOTPRINT, FRAME_PADDING, GAP, type BuiltInTemplate, type FrameArea } from './build';

const board = new BoardDraft('bms-seven-processes', 'Seven processes');
board.heading('Seven steps, from make to close', { x: 0, y: 0 });

/** The seven processes in order; each line says what the step is for, in a few words. */
const STEPS: readonly [title: string, notes: string][] = [
  ['Make', 'Build it with buyers close to the people who make it.'],
  ['Wordsmine', 'Boil the value down to a message of a few words.'],
  ['Share words', 'Send that message to the people who already listen.'],
  ['Attract and search', 'Ask for referrals; try the message on likely buyers.'],
  ['Attune', 'Learn their world and their problems by asking.'],
  ['Educate', 'Show what it does and how they could use it.'],
  ['Close', 'Agree a deal only where it truly fits.'],
];
const pitch = FOOTPRINT.stage.width + GAP;
const stages = STEPS.map(([title, notes], i) => board.stage(i + 1, title, notes, { x: i * pitch, y: CONTENT_TOP }));
board.flow(stages);

// Each column of the frame sits under one step, so a note dropped there reads as belonging to it.
const underSteps = { columns: STEPS.length, cell: { width: FOOTPRINT.stage.width, height: FOOTPRINT.note.height } };
const current = board.frame('Current activities', { x: -FRAME_PADDING, y: CONTENT_TOP + FOOTPRINT.stage.height + GAP }, { ...underSteps, rows: 2 });
const missing = board.frame('Missing steps', { x: -FRAME_PADDING, y: below(current.rect) }, { ...underSteps, rows: 1 });
/** A note centred under its step. */
const under = (frame: FrameArea, step: number, row: number) => {
  const cell = frame.cell(step - 1, row);
  return { x: cell.x + (FOOTPRINT.stage.width - FOOTPRINT.note.width) / 2, y: cell.y };
};
board.note('Monthly newsletter to the whole customer list', 'idea', under(current, 3, 0));
board.note('Stand at the national trade fair', 'idea', under(current, 4, 0));
board.note('Who here hears a buyer’s problem before we build anything?', 'question', under(missing, 1, 0));

export const beyondMarketingAndSales: BuiltInTemplate = builtInTemplate('builtin-beyond-marketing-and-sales', 'bms', {
  name: 'Beyond marketing and sales',
  description:
    'For marketing and sales people who would rather draw buyers in than push messages at them. The group lays its current activities along seven steps, from making the thing to closing where it fits, and leaves knowing which steps it neglects and what it will try first.',
  boards: [board],
  agenda: [
    {
      title: 'Put the old words aside',
      minutes: 15,
      board,
      prompts: [
        'When did you last enjoy being sold to? What made that time different?',
        'For the rest of the session, try not to say marketing or sales: name the step instead.',
      ],
    },
    {
      title: 'Walk the seven steps',
      minutes: 20,
      board,
      prompts: ['For each step, who in our company does it today, if anyone?', 'Which step gets the most money and time, and which the least?'],
    },
    {
      title: 'Write down what we do today',
      minutes: 25,
      board,
      frame: current,
      prompts: ['One note per activity: campaigns, calls, events, content, offers.', 'Count what customers do for us too, such as referrals and reviews.'],
    },
    {
      title: 'Place each activity on its step',
      minutes: 30,
      board,
      frame: current,
      prompts: [
        'Move each note under the step it serves; if it serves two, choose the one it serves best.',
        'Which notes push a message at people, and which draw them in?',
        'Where do the notes pile up?',
      ],
    },
    {
      title: 'Find the missing steps',
      minutes: 30,
      board,
      frame: missing,
      prompts: [
        'Which steps have no notes, or only one?',
        'What happens to a buyer at that step today, while we are not there?',
        'Which gap costs us the most buyers who would have been a good fit?',
      ],
    },
    {
      title: 'Choose what to try',
      minutes: 25,
      board,
      frame: missing,
      prompts: [
        'Pick one gap and one small experiment to fill it within a month.',
        'Which pushy activity could we drop to make time for it?',
        'Who owns the experiment, and how will we know it worked?',
      ],
    },
  ],
});
