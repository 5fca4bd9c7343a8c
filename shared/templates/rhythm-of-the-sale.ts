import { BoardDraft, builtInTemplate, CONTENT_TOP, FOOTPRINT, frameSize, GAP, type BuiltInTemplate } from './build';

const board = new BoardDraft('rhy-deal-review', 'Deal review');
board.heading('Deal under review: customer and opportunity', { x: 0, y: 0 });

/** The five moves of a customer conversation, each with what it asks of the seller. */
const MOVES: readonly [title: string, notes: string][] = [
  ['Be aware', 'Listen and look into their situation before offering anything.'],
  ['Be responsive', 'Answer what they said, not what you planned to say.'],
  ['Be flexible', 'Put the script down: understand first, then propose.'],
  ['Be patient', 'Give the customer time to reach the answer too.'],
  ['Be guiding', 'Arrive at the solution side by side.'],
];

// One column per move: its stage on top, and below it a frame for the room's notes on that move.
const notesColumn = { columns: 1, rows: 3 };
const columnWidth = frameSize(notesColumn).width;
const frameTop = CONTENT_TOP + FOOTPRINT.stage.height + GAP;
const moves = MOVES.map(([title, notes], i) => {
  const x = i * (columnWidth + GAP);
  const stage = board.stage(i + 1, title, notes, { x: x + (columnWidth - FOOTPRINT.stage.width) / 2, y: CONTENT_TOP });
  return { stage, frame: board.frame(title, { x, y: frameTop }, notesColumn) };
});
board.flow(moves.map((move) => move.stage));
const [aware, responsive, flexible, patient, guiding] = moves.map((move) => move.frame);
board.note('We read their last two annual reports before the first call.', 'story', aware.cell(0, 0));

export const rhythmOfTheSale: BuiltInTemplate = builtInTemplate('builtin-rhythm-of-the-sale', 'rhy', {
  name: 'Rhythm of the sale',
  description:
    'For sellers and their managers who want to review a live deal as a conversation with the customer rather than a checklist. The group walks one real opportunity through five moves, notes what happened at each, and leaves with the next step it will take with that customer.',
  boards: [board],
  agenda: [
    {
      title: 'Choose the deal',
      minutes: 15,
      board,
      prompts: [
        'Pick a live deal that matters and that we can still shape.',
        'In two minutes, the owner tells us who the customer is and where things stand.',
        'Write the customer and the opportunity into the heading.',
      ],
    },
    {
      title: 'Be aware',
      minutes: 25,
      board,
      frame: aware,
      prompts: ['What did we find out before we first spoke to them?', 'What have they told us that we have not acted on yet?'],
    },
    {
      title: 'Be responsive',
      minutes: 25,
      board,
      frame: responsive,
      prompts: ['In the last meeting, who did most of the talking, us or them?', 'Where did we give our standard pitch instead of an answer to their question?'],
    },
    {
      title: 'Be flexible',
      minutes: 25,
      board,
      frame: flexible,
      prompts: ['Which of our assumptions about this customer turned out wrong?', 'Where did we change course after listening, and where should we have?'],
    },
    {
      title: 'Be patient',
      minutes: 25,
      board,
      frame: patient,
      prompts: [
        'Are we ahead of the customer? What do they still need to learn before they are ready?',
        'What are we tempted to push now that would land better later?',
      ],
    },
    {
      title: 'Be guiding',
      minutes: 25,
      board,
      frame: guiding,
      prompts: ['Which part of the solution did the customer shape themselves?', 'What would the customer say we are working out together?'],
    },
    {
      title: 'The next move',
      minutes: 20,
      board,
      prompts: [
        'Does our next step build the relationship, bring a solution closer, or neither?',
        'What is the one thing we will do with this customer this week, and who does it?',
        'Across all our deals, which move is our weakest?',
      ],
    },
  ],
});
