import type { EventName, EventPayload } from '../../shared/api';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Fans events out to every connected client (windows, browser tabs) but the one that caused them. */
export class EventHub {
  private readonly listeners = new Map<string, EventListener>();

  subscribe(clientId: string, listener: EventListener): () => void {
    this.listeners.set(clientId, listener);
    return () => this.listeners.delete(clientId);
  }

  publish<E extends EventName>(name: E, payload: EventPayload<E>, exceptClientId?: string): void {
    for (const [clientId, listener] of this.listeners) {
      if (clientId !== exceptClientId) listener(name, payload);
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
