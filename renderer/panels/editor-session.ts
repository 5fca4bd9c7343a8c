import { createContext, useContext } from 'react';
import type { SessionDetail } from '../../shared/model';

/** The open session, for the panels beside the canvas: the canvas sits between the editor and them. */
export interface EditorSession {
  session: SessionDetail;
  reload(): Promise<void>;
}
export const EditorSessionContext = createContext<EditorSession | null>(null);
export const useEditorSession = () => useContext(EditorSessionContext);
