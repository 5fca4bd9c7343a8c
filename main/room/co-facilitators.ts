import { GroundworkError } from '../../shared/errors';
import { newId } from '../../shared/model';
import type { CoFacilitator, Invitation } from '../../shared/model/co-facilitator';
import { CO_FACILITATOR_CODE_LENGTH, PAIRING_CODE_MINUTES } from '../../shared/api/co-facilitator-paths';
import { hashToken, newJoinCode, newToken } from './codes';
import { RateLimiter } from './rate-limit';

/** Who holds a co-facilitator token: one person, for one session, while the room stays open. */
export interface CoFacilitatorHolder {
  id: string;
  name: string;
  sessionId: string;
}

interface Pairing {
  sessionId: string;
  expiresAt: number;
  used: boolean;
}

/** A few wrong codes per address a minute: a typo passes, guessing 31⁸ codes does not. */
const WRONG_CODES = { capacity: 5, perSecond: 0.1 };

/**
 * The co-facilitators of the open room, in memory only: codes and tokens are kept as hashes, and
 * die with the room (closing it, or stopping the app, ends every co-facilitator's access).
 */
export class CoFacilitators {
  private readonly pairings = new Map<string, Pairing>();
  private readonly holders = new Map<string, CoFacilitatorHolder>();
  /** Each holder's open sockets, closed at once when they are revoked. */
  private readonly sockets = new Map<string, Set<() => void>>();
  private readonly wrongCodes = new RateLimiter(WRONG_CODES.capacity, WRONG_CODES.perSecond);

  constructor(private readonly now: () => number = Date.now) {}

  /** A code for the room's session, valid a few minutes and once; `pairingUrl` is the room's pairing page. */
  invite(sessionId: string, pairingUrl: string): Invitation {
    const code = newJoinCode() + newJoinCode().slice(0, CO_FACILITATOR_CODE_LENGTH - 6);
    const expiresAt = this.now() + PAIRING_CODE_MINUTES * 60_000;
    this.pairings.set(hashToken(code), { sessionId, expiresAt, used: false });
    return { code, url: `${pairingUrl}#code=${code}`, expiresAt };
  }

  /** Exchanges a code (already in canonical form) for a token; says plainly why one is refused. */
  pair(code: string, name: string, address: string): { token: string; holder: CoFacilitatorHolder } {
    if (!this.wrongCodes.allows(address)) throw new GroundworkError('rate_limited', 'Too many wrong codes: wait a minute, then check the code on the host’s screen', ['code']);
    const pairing = this.pairings.get(hashToken(code));
    if (!pairing) {
      this.wrongCodes.take(address);
      throw new GroundworkError('forbidden', 'That code is not one the host made: check it on the host’s screen', ['code']);
    }
    if (pairing.used) throw new GroundworkError('forbidden', 'That code was used already: ask the host for a new one', ['code']);
    if (this.now() > pairing.expiresAt) throw new GroundworkError('forbidden', 'That code has expired: ask the host for a new one', ['code']);
    pairing.used = true;
    const token = newToken();
    const holder = { id: newId('cofac'), name, sessionId: pairing.sessionId };
    this.holders.set(hashToken(token), holder);
    return { token, holder };
  }

  holderOf(token: string | undefined): CoFacilitatorHolder | null {
    if (!token || token.length > 100) return null;
    return this.holders.get(hashToken(token)) ?? null;
  }

  /** Registers an open socket of a holder; the returned function forgets it. */
  connected(holder: CoFacilitatorHolder, close: () => void): () => void {
    const set = this.sockets.get(holder.id) ?? new Set();
    this.sockets.set(holder.id, set);
    set.add(close);
    return () => {
      set.delete(close);
      if (set.size === 0) this.sockets.delete(holder.id);
    };
  }

  list(): CoFacilitator[] {
    return [...this.holders.values()].map((h) => ({ id: h.id, name: h.name, connected: this.sockets.has(h.id) }));
  }

  revoke(id: string): void {
    const entry = [...this.holders].find(([, h]) => h.id === id);
    if (!entry) throw new GroundworkError('not_found', 'No co-facilitator with that id: they may have been revoked already', ['id']);
    this.holders.delete(entry[0]);
    this.closeSockets(id);
  }

  /** The room closed: every code and token dies, every socket closes. */
  revokeAll(): void {
    this.pairings.clear();
    this.holders.clear();
    for (const id of [...this.sockets.keys()]) this.closeSockets(id);
  }

  private closeSockets(id: string): void {
    const set = this.sockets.get(id);
    this.sockets.delete(id);
    for (const close of set ?? []) close();
  }
}
