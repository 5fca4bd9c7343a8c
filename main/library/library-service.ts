import type { MethodName } from '../../shared/api';
import { GroundworkError } from '../../shared/errors';
import { withFreshIds } from '../store/session-content';
import type { Store } from '../store/store';
import type { TemplateStore } from '../store/templates';
import type { EventHub } from '../service/events';
import type { Service } from '../service/methods';
import { LibraryCache } from './library-cache';
import { LibraryLink } from './library-link';

type LibraryMethods = Pick<Service, Extract<MethodName, `library.${string}`>>;

/** The library.* methods of the contract. `override` is `--library-url` or GROUNDWORK_LIBRARY_URL, which win over the stored setting. */
export function libraryService(store: Store, templates: TemplateStore, hub: EventHub, override: string | null): LibraryMethods {
  const cache = new LibraryCache(store.db);
  const link = new LibraryLink(cache, override);
  link.deliverWhileWaiting();
  return {
    'library.status': () => link.state(),
    'library.sync': () => link.sync(),
    'library.setUrl': ({ url }) => link.setUrl(url),
    'library.publish': ({ templateId, note }) => {
      if (templates.isBuiltIn(templateId)) {
        throw new GroundworkError('forbidden', 'Built-in templates come with every copy of Groundwork: duplicate one to publish your own version of it.', ['templateId']);
      }
      return link.publish(templateId, templates.document(templateId), note);
    },
    'library.use': async ({ templateId, version }) => {
      const document = await link.use(templateId, version);
      const session = store.db.transaction(() => {
        const made = store.insertSession({ title: document.template.name, client: '', workshopDate: null }, withFreshIds(document));
        cache.recordOrigin(made.id, templateId, version);
        return made;
      })();
      hub.publish('session.changed', { sessionId: session.id, deleted: false });
      return session;
    },
    'library.withdraw': ({ templateId }) => link.withdraw(templateId),
  };
}
