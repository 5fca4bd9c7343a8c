import { describe, expect, it, vi } from 'vitest';
import type { MethodOutput, Reply } from '../../../shared/api';
import { MAX_FILE_BYTES, type TemplateDocument } from '../../../shared/fileformat/document';
import { describeDocument, groundworkFileFromArgv, openGroundworkFile, type OpenFileEffects } from '../../../main/electron/open-file';
import { sampleSessionDocument, sampleTemplateDocument } from '../../helpers/documents';

describe('groundworkFileFromArgv', () => {
  it('finds a .groundwork file a double-click passes, in a packaged app and in development', () => {
    expect(groundworkFileFromArgv(['C:\\Program Files\\Groundwork\\Groundwork.exe', 'C:\\Users\\kim\\Acme kickoff.groundwork'])).toBe('C:\\Users\\kim\\Acme kickoff.groundwork');
    expect(groundworkFileFromArgv(['/usr/bin/electron', '.', 'exports/acme.GROUNDWORK'])).toBe('exports/acme.GROUNDWORK');
    expect(groundworkFileFromArgv(['Groundwork.exe', 'notes.groundwork.txt', 'groundwork', '/home/kim/.groundwork'])).toBeNull();
  });

  it('still finds a file saved under the earlier .groundwork.json name', () => {
    expect(groundworkFileFromArgv(['C:\\Program Files\\Groundwork\\Groundwork.exe', 'C:\\Users\\kim\\Acme kickoff.groundwork.json'])).toBe(
      'C:\\Users\\kim\\Acme kickoff.groundwork.json',
    );
    expect(groundworkFileFromArgv(['/usr/bin/electron', '.', 'exports/acme.GROUNDWORK.JSON'])).toBe('exports/acme.GROUNDWORK.JSON');
  });

  it('skips the flags Chromium adds to a second instance, and other files', () => {
    expect(groundworkFileFromArgv(['Groundwork.exe', '--allow-file-access-from-files', '--original-process-start-time=1', 'a.groundwork.json'])).toBe('a.groundwork.json');
    expect(groundworkFileFromArgv(['Groundwork.exe', '--open=x.groundwork.json', 'notes.json', 'report.pdf'])).toBeNull();
    expect(groundworkFileFromArgv(['Groundwork.exe'])).toBeNull();
  });
});

describe('describeDocument', () => {
  it('says what a session holds', () => {
    expect(describeDocument(sampleSessionDocument())).toBe('a session “Acme kickoff” with 2 boards and an agenda of 3 items');
  });

  it('says what a template holds, in the singular where it fits', () => {
    const full = sampleTemplateDocument('Org map');
    const template: TemplateDocument = { ...full, boards: full.boards.slice(0, 1), agenda: [] };
    expect(describeDocument(template)).toBe('a template “Org map” with 1 board and no agenda');
    expect(describeDocument({ ...template, agenda: full.agenda.slice(0, 1) })).toBe(
      'a template “Org map” with 1 board and an agenda of 1 item',
    );
  });
});

type ImportReply = Reply<MethodOutput<'file.import'>>;

function fakeEffects(options: { text?: string; size?: number; answer?: boolean; reply?: ImportReply } = {}) {
  const text = options.text ?? JSON.stringify(sampleSessionDocument());
  const reply: ImportReply = options.reply ?? {
    ok: true,
    result: { kind: 'session', session: { id: 's_new', title: 'Acme kickoff', client: 'Acme', workshopDate: null, createdAt: 1, updatedAt: 1, boards: [], agenda: [] } },
  };
  return {
    fileSize: vi.fn(async () => options.size ?? text.length),
    readText: vi.fn(async () => text),
    confirm: vi.fn(async () => options.answer ?? true),
    showError: vi.fn(),
    importDocument: vi.fn(async () => reply),
    openSession: vi.fn(),
  } satisfies OpenFileEffects;
}

describe('openGroundworkFile', () => {
  it('says what the file holds, imports it once confirmed, and opens the new session', async () => {
    const effects = fakeEffects();
    expect(await openGroundworkFile('/home/kim/acme.groundwork.json', effects)).toBe('imported');
    expect(effects.confirm).toHaveBeenCalledWith({
      message: 'Import a session “Acme kickoff” with 2 boards and an agenda of 3 items?',
      detail: expect.stringContaining('/home/kim/acme.groundwork.json'),
    });
    expect(effects.importDocument).toHaveBeenCalledWith(sampleSessionDocument());
    expect(effects.openSession).toHaveBeenCalledWith('s_new');
    expect(effects.showError).not.toHaveBeenCalled();
  });

  it('imports nothing when the facilitator cancels', async () => {
    const effects = fakeEffects({ answer: false });
    expect(await openGroundworkFile('acme.groundwork.json', effects)).toBe('cancelled');
    expect(effects.importDocument).not.toHaveBeenCalled();
    expect(effects.openSession).not.toHaveBeenCalled();
  });

  it('refuses a file over 20 MB without reading it', async () => {
    const effects = fakeEffects({ size: MAX_FILE_BYTES + 1 });
    expect(await openGroundworkFile('huge.groundwork.json', effects)).toBe('refused');
    expect(effects.readText).not.toHaveBeenCalled();
    expect(effects.showError).toHaveBeenCalledWith('“huge.groundwork.json” was not imported', expect.stringMatching(/20,971,521 bytes[\s\S]*Nothing was imported/));
  });

  it('refuses a broken file before asking, naming the problem and its path', async () => {
    const effects = fakeEffects({ text: '{"format": "groundwork", "version": 7}' });
    expect(await openGroundworkFile('future.groundwork.json', effects)).toBe('refused');
    expect(effects.confirm).not.toHaveBeenCalled();
    expect(effects.showError).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('$.version: This file was written by a newer Groundwork (version 7)'));
  });

  it('says why when the file cannot be read or main refuses it', async () => {
    const unreadable = fakeEffects();
    unreadable.fileSize.mockRejectedValueOnce(new Error('EACCES: permission denied'));
    expect(await openGroundworkFile('locked.groundwork.json', unreadable)).toBe('refused');
    expect(unreadable.showError).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('permission denied'));

    const refused = fakeEffects({ reply: { ok: false, error: { code: 'internal', path: [], message: 'Something went wrong' } } });
    expect(await openGroundworkFile('acme.groundwork.json', refused)).toBe('refused');
    expect(refused.openSession).not.toHaveBeenCalled();
  });

  it('imports a template without opening a session', async () => {
    const reply: ImportReply = {
      ok: true,
      result: { kind: 'template', template: { id: 't_1', name: 'Org map', description: '', builtIn: false, boardCount: 1, totalMinutes: 0, preview: { nodes: [] }, updatedAt: 1 } },
    };
    const effects = fakeEffects({ text: JSON.stringify(sampleTemplateDocument('Org map')), reply });
    expect(await openGroundworkFile('org.groundwork.json', effects)).toBe('imported');
    expect(effects.confirm).toHaveBeenCalledWith(expect.objectContaining({ detail: expect.stringContaining('added to your templates') }));
    expect(effects.openSession).not.toHaveBeenCalled();
  });
});
