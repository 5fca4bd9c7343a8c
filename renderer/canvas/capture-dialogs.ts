import { create } from 'zustand';

/** The small dialogs the capture keys open: the shortcut sheet and the type-ahead pickers. */
type CaptureDialog = 'help' | 'reportsTo' | 'timeSpan' | 'purchaseRole';

export const useCaptureDialog = create<{ open: CaptureDialog | null }>(() => ({ open: null }));

export const openCaptureDialog = (open: CaptureDialog | null) => useCaptureDialog.setState({ open });
