import { create } from 'zustand';
import { GroundworkError } from '../../shared/errors';

interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show(toast) {
    const id = nextId++;
    // The same words twice (two calls refused for one reason) are one toast, shown afresh.
    const others = get().toasts.filter((t) => t.message !== toast.message || t.tone !== toast.tone);
    set({ toasts: [...others.slice(-3), { ...toast, id }] });
    setTimeout(() => get().dismiss(id), toast.action ? 8000 : 6000);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

/** What went wrong, in the words the UI shows. */
export function errorMessage(error: unknown): string {
  return error instanceof GroundworkError || error instanceof Error ? error.message : String(error);
}

export function showError(error: unknown): void {
  const message = errorMessage(error);
  // Shown to the facilitator already; the console keeps the code and path for whoever debugs it.
  console.warn(error);
  useToasts.getState().show({ message, tone: 'error' });
}

export function showInfo(message: string, action?: Toast['action']): void {
  useToasts.getState().show({ message, tone: 'info', action });
}
