import { randomUUID } from 'node:crypto';
import type { TemplateDocument } from '../../shared/fileformat/document';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { parseLibraryUrl } from '../../main/library/connection';
import { initLibrary } from '../../main/library/init';
import { TeamLibrary, type Publication } from '../../main/library/team-library';
import type { PgCluster } from './pg-cluster';

/** A database with the library set up, two trainers (ann, ben) and an administrator (ada), each with their own password. */
export async function setUpLibrary(cluster: PgCluster, database: string): Promise<{ as: (user: 'ann' | 'ben' | 'ada') => TeamLibrary; url: (user: string) => string }> {
  cluster.psql(`CREATE DATABASE ${database}`);
  await initLibrary(parseLibraryUrl(cluster.url('postgres', 'postgres', database)));
  for (const [user, role] of [
    ['ann', 'groundwork_trainer'],
    ['ben', 'groundwork_trainer'],
    ['ada', 'groundwork_admin'],
  ]) {
    cluster.psql(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${user}') THEN CREATE ROLE ${user} LOGIN PASSWORD '${user}-secret' IN ROLE ${role}; END IF; END $$`);
  }
  const url = (user: string) => cluster.url(user, `${user}-secret`, database);
  return { as: (user) => new TeamLibrary(parseLibraryUrl(url(user))), url };
}

/** A built-in's document under a new name, as a trainer's own template would be. */
export function ownTemplate(name: string, description = `${name}: a workshop of our own`): TemplateDocument {
  const document = structuredClone(BUILT_IN_TEMPLATES[0].document);
  return { ...document, template: { name, description } };
}

export function publication(templateId: string, document: TemplateDocument, note: string): Publication {
  return { publishId: randomUUID(), templateId, document, note };
}
