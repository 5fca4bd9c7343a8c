import type { PrintOptions } from '../../shared/export/print-options';
import type { Board, SessionDetail } from '../../shared/model';
import { agendaWithStarts, clockOffset, formatWorkshopDate } from './cover-text';

/** The first page: what the session was, for whom, when, with whom, and its agenda. */
export function CoverPage({ session, boards, options }: { session: SessionDetail; boards: readonly Board[]; options: PrintOptions }) {
  const boardTitle = new Map(boards.map((b) => [b.id, b.title]));
  const agenda = agendaWithStarts(session.agenda);
  const elapsed = agenda.reduce((sum, item) => sum + item.timeboxMinutes, 0);
  return (
    <section className="print-page print-cover" aria-label="Cover">
      <p className="print-kicker">Workshop handout</p>
      <h1>{session.title}</h1>
      <dl className="print-facts">
        {session.client && (
          <>
            <dt>Group</dt>
            <dd>{session.client}</dd>
          </>
        )}
        {session.workshopDate && (
          <>
            <dt>Date</dt>
            <dd>{formatWorkshopDate(session.workshopDate)}</dd>
          </>
        )}
        {options.facilitator && (
          <>
            <dt>Facilitator</dt>
            <dd>{options.facilitator}</dd>
          </>
        )}
        <dt>Boards</dt>
        <dd>{boards.map((b) => b.title).join(' · ') || 'None'}</dd>
      </dl>
      {agenda.length > 0 && (
        <table className="print-agenda">
          <caption>Agenda ({elapsed} minutes)</caption>
          <thead>
            <tr>
              <th scope="col">Start</th>
              <th scope="col">Item</th>
              <th scope="col">Board</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {agenda.map((item) => (
              <tr key={item.id}>
                <td>{clockOffset(item.start)}</td>
                <td>{item.title}</td>
                <td>{(item.boardId && boardTitle.get(item.boardId)) ?? ''}</td>
                <td>{item.timeboxMinutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
