import { createContext } from 'react';

/** A board only shown, on the projector or a printed page: cards leave out the controls only the editor uses. */
export const ShownOnlyContext = createContext(false);
