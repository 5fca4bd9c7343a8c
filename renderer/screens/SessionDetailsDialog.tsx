import { useState } from 'react';
import type { Session } from '../../shared/model';
import { Dialog, Field } from '../ui/Dialog';

interface SessionDetails {
  title: string;
  client: string;
  workshopDate: string | null;
}

interface Props {
  heading: string;
  submitLabel: string;
  initial?: Session;
  onSubmit(details: SessionDetails): Promise<void>;
  onClose(): void;
}

/** Title, group or client, and workshop date: for a new session and for editing one. */
export function SessionDetailsDialog({ heading, submitLabel, initial, onSubmit, onClose }: Props) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [client, setClient] = useState(initial?.client ?? '');
  const [date, setDate] = useState(initial?.workshopDate ?? '');
  return (
    <Dialog title={heading} submitLabel={submitLabel} onClose={onClose} onSubmit={() => onSubmit({ title, client, workshopDate: date || null })}>
      <Field label="Title" value={title} onChange={setTitle} required autoFocus />
      <Field label="Group or client" value={client} onChange={setClient} />
      <Field label="Workshop date" type="date" value={date} onChange={setDate} />
    </Dialog>
  );
}
