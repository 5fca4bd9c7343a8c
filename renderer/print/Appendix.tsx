import { useContext } from 'react';
import type { PrintOptions } from '../../shared/export/print-options';
import { checkBoard } from '../../shared/levels/checks';
import { NOTE_CATEGORY_NAMES, type Board, type NodeOfKind } from '../../shared/model';
import { createDoc } from '../../shared/ops/doc';
import { NoteNamesContext } from '../canvas/nodes/note-names';

type Note = NodeOfKind<'note'>;
/** The top-voted signals page lists at most this many. */
const TOP_SIGNALS = 15;

const notesOf = (board: Board) => board.nodes.filter((n): n is Note => n.kind === 'note');
const byVotes = (a: Note, b: Note) => b.data.votes - a.data.votes || a.data.text.localeCompare(b.data.text);
const votes = (count: number) => `${count} ${count === 1 ? 'vote' : 'votes'}`;

function Findings({ boards }: { boards: readonly Board[] }) {
  const perBoard = boards.map((board) => ({ board, findings: checkBoard(createDoc(board.nodes, board.edges)) })).filter((b) => b.findings.length > 0);
  return (
    <section className="print-appendix" aria-label="Findings">
      <h2>Findings</h2>
      <p className="print-lede">What the live checks found on the org maps and decision-maker boards: compressions, gaps, missing purchase roles.</p>
      {perBoard.length === 0 && <p>No findings on any board.</p>}
      {perBoard.map(({ board, findings }) => (
        <div key={board.id} className="print-appendix-group">
          <h3>{board.title}</h3>
          <ul>
            {findings.map((f) => (
              <li key={f.id}>{f.message}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function TopSignals({ boards }: { boards: readonly Board[] }) {
  const top = boards
    .flatMap((board) => notesOf(board).map((note) => ({ board, note })))
    .filter(({ note }) => note.data.votes > 0)
    .sort((a, b) => byVotes(a.note, b.note))
    .slice(0, TOP_SIGNALS);
  return (
    <section className="print-appendix" aria-label="Top-voted signals">
      <h2>Top-voted signals</h2>
      {top.length === 0 ? (
        <p>No votes were cast.</p>
      ) : (
        <table className="print-signals">
          <thead>
            <tr>
              <th scope="col">Votes</th>
              <th scope="col">Signal</th>
              <th scope="col">Kind</th>
              <th scope="col">Board</th>
            </tr>
          </thead>
          <tbody>
            {top.map(({ board, note }) => (
              <tr key={note.id}>
                <td>{note.data.votes}</td>
                <td>{note.data.text}</td>
                <td>{NOTE_CATEGORY_NAMES[note.data.category]}</td>
                <td>{board.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AllNotes({ boards }: { boards: readonly Board[] }) {
  const namesShown = useContext(NoteNamesContext);
  const withNotes = boards.map((board) => ({ board, notes: notesOf(board).sort(byVotes) })).filter((b) => b.notes.length > 0);
  return (
    <section className="print-appendix" aria-label="All notes">
      <h2>All notes</h2>
      {withNotes.length === 0 && <p>No notes on any board.</p>}
      {withNotes.map(({ board, notes }) => (
        <div key={board.id} className="print-appendix-group">
          <h3>{board.title}</h3>
          <ul className="print-notes">
            {notes.map((note) => (
              <li key={note.id}>
                <span className="print-note-kind">{NOTE_CATEGORY_NAMES[note.data.category]}</span> {note.data.text}
                {namesShown && note.data.author && <span className="print-note-author"> — {note.data.author}</span>}
                {note.data.votes > 0 && <span className="print-note-votes"> ({votes(note.data.votes)})</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The pages after the boards, as the export dialog asked: findings, top-voted signals, every note. */
export function Appendix({ boards, options }: { boards: readonly Board[]; options: PrintOptions }) {
  return (
    <>
      {options.findings && <Findings boards={boards} />}
      {options.signals && <TopSignals boards={boards} />}
      {options.notes && <AllNotes boards={boards} />}
    </>
  );
}
