import { BoardDraft, builtInTemplate, CONTENT_TOP, rectOf, rightOf, type BuiltInTemplate } from './build';

// --- Golden circle: the questions the room answers, from the outside in, then read inside out ---
const circleBoard = new BoardDraft('why-golden-circle', 'Golden circle');
circleBoard.heading('Our golden circle', { x: 0, y: 0 });
const circle = circleBoard.goldenCircle(
  {
    why: 'What do we believe? Why do we exist, beyond profit?',
    how: 'How do we work that others do not?',
    what: 'What do we make, and for whom?',
  },
  { x: 0, y: CONTENT_TOP },
);
const drafts = circleBoard.frame('Drafts', { x: rightOf(rectOf(circle)), y: CONTENT_TOP }, { columns: 2, rows: 2 });
circleBoard.note('Would a customer say this about us without being asked?', 'question', drafts.cell(0, 0));

// --- Value or waste: every activity tested against the circle ---
const sorting = new BoardDraft('why-value-or-waste', 'Value or waste');
sorting.heading('Value or waste?', { x: 0, y: 0 });
const value = sorting.frame('Value', { x: 0, y: CONTENT_TOP }, { columns: 2, rows: 3 });
const waste = sorting.frame('Waste', { x: rightOf(value.rect), y: CONTENT_TOP }, { columns: 2, rows: 3 });
sorting.note('A joint session where a buyer and our engineers solved a live problem', 'value', value.cell(0, 0));
sorting.note('Reprinting a brochure no customer has asked for in a year', 'waste', waste.cell(0, 0));

export const startWithWhy: BuiltInTemplate = builtInTemplate('builtin-start-with-why', 'why', {
  name: 'Start with why',
  description:
    'For a company’s sales and marketing people who want every campaign and every call to start from the same purpose. The group drafts its why, how and what together, then sorts its current activities into value and waste and leaves with a short list of things to stop.',
  boards: [circleBoard, sorting],
  agenda: [
    {
      title: 'From the inside out',
      minutes: 15,
      board: circleBoard,
      prompts: [
        'Think of a brand you stay loyal to: is it for what they sell, or for what they stand for?',
        'When we introduce ourselves to a customer, do we start at the centre of the circle or at its edge?',
      ],
    },
    {
      title: 'What we make and sell',
      minutes: 20,
      board: circleBoard,
      prompts: ['Name what we sell in the words a customer uses, not the ones in our catalogue.', 'Which of these would a customer miss most if it disappeared?'],
    },
    {
      title: 'How we work',
      minutes: 25,
      board: circleBoard,
      prompts: [
        'What do we do that a competitor would find hard to copy?',
        'What do our best customers mention when they recommend us?',
        'Which of these do we really do every week, and which only in the brochure?',
      ],
    },
    {
      title: 'What we believe',
      minutes: 40,
      board: circleBoard,
      frame: drafts,
      prompts: [
        'Why did each of you join this company, and why do you stay?',
        'Finish the sentence on a note: we believe that …',
        'Which draft would still be true in ten years?',
        'Which draft would make some customers walk away? That can be a good sign.',
      ],
    },
    {
      title: 'Say it from the centre out',
      minutes: 20,
      board: circleBoard,
      frame: drafts,
      prompts: ['Read the why, then the how, then the what aloud: does it hold together?', 'Would our newest seller tell it the same way tomorrow?'],
    },
    {
      title: 'List our activities',
      minutes: 25,
      board: sorting,
      prompts: [
        'One note for each campaign, event, document or meeting we spent time on last quarter.',
        'Include the routines nobody questions any more.',
      ],
    },
    {
      title: 'Sort value from waste',
      minutes: 35,
      board: sorting,
      frame: value,
      prompts: [
        'Who does this activity help, and what does it help them do next?',
        'Does it serve the customer our why is written for?',
        'When the room is unsure, what evidence would settle it: a reply, an order, a referral?',
      ],
    },
    {
      title: 'Decide what to stop',
      minutes: 25,
      board: sorting,
      frame: waste,
      prompts: [
        'Which waste note costs us the most time or money?',
        'What would we do with that time instead?',
        'Who has to agree before we stop it, and by when?',
      ],
    },
    {
      title: 'Close the loop with evidence',
      minutes: 15,
      board: sorting,
      prompts: [
        'How will we know a change worked, from what customers do rather than from what we think?',
        'When do we meet again to look at that evidence?',
      ],
    },
  ],
});
