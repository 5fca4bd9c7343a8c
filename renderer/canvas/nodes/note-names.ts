import { createContext } from 'react';

/**
 * Whether notes show their author's name beside them: the room's setting for the session, given
 * by the editor, the audience view and the print view. Off until known, so no name flashes up.
 */
export const NoteNamesContext = createContext(false);
