import type { EventName, EventPayload } from '../../shared/api';

type EventListener = (name: EventName, payload: unknown) => void;

/** Fans events out to every connected client (windows, browser tabs) but the one that caused them. */
export class EventHub {
  private readonly listeners = new Map<string, EventListener>();
  private readonly leaveListeners = new Set<(clientId: string) => void>();
  /** Events published while a call's transaction is open, sent once it commits (see holdWhile). */
  private held: { name: EventName; payload: unknown; exceptClientId?: string }[] | null = null;

  /** The returned function unsubscribes: the client has gone (its socket or window closed). */
  subscribe(clientId: string, listener: EventListener): () => void {
    this.listeners.set(clientId, listener);
    return () => {
      this.listeners.delete(clientId);
      this.leaveListeners.forEach((left) => left(clientId));
    };
  }

  /** Hears each client leave (what it left behind, a selection say, is cleared). */
  onLeave(listener: (clientId: string) => void): () => void {
    this.leaveListeners.add(listener);
    return () => this.leaveListeners.delete(listener);
  }

  publish<E extends EventName>(name: E, payload: EventPayload<E>, exceptClientId?: string): void {
    if (this.held) {
      this.held.push({ name, payload, exceptClientId });
      return;
    }
    for (const [clientId, listener] of this.listeners) {
      if (clientId !== exceptClientId) listener(name, payload);
    }
  }

  /**
   * Runs `work` (synchronous: a call and its transaction) and sends what it published only once it
   * returns: a call that throws, and so rolls its writes back, announces nothing that did not happen.
   */
  holdWhile<T>(work: () => T): T {
    if (this.held) return work();
    const held: NonNullable<EventHub['held']> = [];
    this.held = held;
    let result: T;
    try {
      result = work();
    } finally {
      this.held = null;
    }
    // The work is committed: a listener that fails now must not turn its reply into an error, nor
    // keep the event from the others.
    for (const { name, payload, exceptClientId } of held) {
      for (const [clientId, listener] of this.listeners) {
        if (clientId === exceptClientId) continue;
        try {
          listener(name, payload);
        } catch (error) {
          console.error(`The ${name} event could not be sent to ${clientId} after the change was saved`, error);
        }
      }
    }
    return result;
  }

  get size(): number {
    return this.listeners.size;
  }
}
