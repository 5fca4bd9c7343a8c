import { GroundworkError } from '../../shared/errors';
import type { TemplateDocument } from '../../shared/fileformat/document';
import type { LibraryState } from '../../shared/model/library';
import { isUnreachable, parseLibraryUrl, type LibraryUrl } from './connection';
import type { LibraryCache } from './library-cache';
import { TeamLibrary } from './team-library';

/**
 * The laptop's side of the team library: offline-first. Reads come from the local cache, which a
 * sync refreshes; a publish goes to the outbox first and leaves it once the library has it.
 * Calls run one at a time, so a sync never delivers a publish that another is delivering.
 */
export class LibraryLink {
  private problem: { message: string; offline: boolean } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly cache: LibraryCache,
    /** `--library-url` or GROUNDWORK_LIBRARY_URL, which win over the stored setting. */
    private readonly override: string | null = null,
    private readonly now: () => number = Date.now,
  ) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }

  private urlText(): string | null {
    return this.override ?? this.cache.storedUrl();
  }

  /** The library, or a message saying none is set. */
  private library(): TeamLibrary {
    const text = this.urlText();
    if (!text) throw new GroundworkError('not_found', 'No team library is set. Give its address (postgresql://…) in Team library settings.');
    return new TeamLibrary(parseLibraryUrl(text));
  }

  state(): LibraryState {
    const text = this.urlText();
    let url: LibraryUrl | null = null;
    if (text) {
      try {
        url = parseLibraryUrl(text);
      } catch {
        url = null;
      }
    }
    return {
      address: url && `${url.user}@${url.where}`,
      addressFrom: this.override ? 'command line' : text ? 'setting' : null,
      caller: this.cache.caller() ?? (url && { name: url.user, admin: false }),
      versions: this.cache.versions(),
      syncedAt: this.cache.syncedAt(),
      waiting: this.cache.outbox().map((p) => ({ templateId: p.templateId, name: p.document.template.name, note: p.note })),
      origins: this.cache.origins(),
      problem: this.problem?.message ?? null,
      offline: this.problem?.offline ?? false,
    };
  }

  /** Checks and stores the address (null forgets it); the next sync reads the new library. */
  setUrl(text: string | null): LibraryState {
    if (text !== null) parseLibraryUrl(text);
    this.cache.storeUrl(text);
    this.problem = null;
    return this.state();
  }

  /**
   * While publishes wait in the outbox, tries to deliver them every `everyMs`, so a publish made
   * offline goes once the library is reachable again without anyone pressing Sync. Returns the stop.
   */
  deliverWhileWaiting(everyMs = 30_000): () => void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      let waiting: boolean;
      try {
        waiting = this.cache.outbox().length > 0 && this.urlText() !== null;
      } catch {
        // The database closed under it (the app is stopping): nothing more to deliver from here.
        return clearInterval(timer);
      }
      if (!waiting) return;
      busy = true;
      // sync() reports the library's errors in the state; what it throws is the database closing under it.
      this.sync()
        .catch(() => clearInterval(timer))
        .finally(() => (busy = false));
    }, everyMs);
    timer.unref?.();
    return () => clearInterval(timer);
  }

  /** Delivers the outbox, then reads the list; a library that cannot be reached leaves the cache as it was and says so. */
  sync(): Promise<LibraryState> {
    return this.serial(async () => {
      await this.syncNow();
      return this.state();
    });
  }

  private async syncNow(): Promise<GroundworkError[]> {
    const refused: GroundworkError[] = [];
    if (!this.urlText()) return refused;
    try {
      const library = this.library();
      for (const publication of this.cache.outbox()) {
        try {
          await library.publish(publication);
        } catch (error) {
          if (isUnreachable(error) || !(error instanceof GroundworkError)) throw error;
          // Refused for good (not the owner, a library too new): sending it again would change nothing.
          refused.push(new GroundworkError(error.code, `"${publication.document.template.name}" was not published: ${error.message}`));
        }
        this.cache.settle(publication.publishId);
      }
      this.cache.replaceVersions(await library.list(), await library.caller(), this.now());
      this.problem = refused.length ? { message: refused.map((e) => e.message).join(' '), offline: false } : null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.problem = { message, offline: isUnreachable(error) };
    }
    return refused;
  }

  /**
   * Publishes the next version of an own template: into the outbox first (nothing is lost if the
   * app stops now), then to the library if it can be reached. A refusal is thrown; offline, the
   * publish waits and the state says so.
   */
  publish(templateId: string, document: TemplateDocument, note: string): Promise<LibraryState> {
    return this.serial(async () => {
      this.library();
      this.cache.queue(templateId, document, note, this.now());
      const refused = await this.syncNow();
      if (refused.length) throw refused[0];
      return this.state();
    });
  }

  /** A version's content: from the cache when this laptop used it before, else from the library (and kept). */
  use(templateId: string, version: number): Promise<TemplateDocument> {
    return this.serial(async () => {
      const cached = this.cache.content(templateId, version);
      if (cached) return cached;
      const document = await this.library().fetch(templateId, version);
      this.cache.keepContent(templateId, version, document);
      return document;
    });
  }

  /** Withdraws a template from the library (the database decides who may); needs the server. */
  withdraw(templateId: string): Promise<LibraryState> {
    return this.serial(async () => {
      await this.library().withdraw(templateId);
      await this.syncNow();
      return this.state();
    });
  }
}
