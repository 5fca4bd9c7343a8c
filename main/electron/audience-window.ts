/** A key as Electron's 'before-input-event' reports it (the parts read here). */
export interface KeyInput {
  type: string;
  key: string;
  isAutoRepeat: boolean;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

/** The parts of the audience BrowserWindow this module touches; tests pass a fake. */
interface AudienceWindowLike {
  removeMenu(): void;
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
  webContents: {
    on(event: 'before-input-event', listener: (event: { preventDefault(): void }, input: KeyInput) => void): unknown;
  };
}

/** F11 alone, pressed (not held): the key the View menu's fullscreen role answers in the editor. */
export function isFullscreenKey(input: KeyInput): boolean {
  return input.type === 'keyDown' && input.key === 'F11' && !input.isAutoRepeat && !input.control && !input.alt && !input.meta && !input.shift;
}

/**
 * The audience window has no menu bar on Windows and Linux: the projector shows the board and
 * nothing of the app (macOS keeps its one menu at the top of the laptop's screen, where
 * removeMenu does nothing). Without a menu the View menu's F11 no longer reaches it, so the
 * window answers F11 itself: on one screen the facilitator still makes it fullscreen.
 */
export function prepareAudienceWindow(win: AudienceWindowLike): void {
  win.removeMenu();
  win.webContents.on('before-input-event', (event, input) => {
    if (!isFullscreenKey(input)) return;
    event.preventDefault();
    win.setFullScreen(!win.isFullScreen());
  });
}
