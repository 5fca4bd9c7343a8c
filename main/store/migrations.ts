/** Numbered, append-only. Never edit a migration that has shipped; add the next one. */
export interface Migration {
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_sessions_boards_nodes_edges',
    sql: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        client TEXT NOT NULL DEFAULT '',
        workshop_date TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_updated ON sessions (updated_at DESC);

      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        position INTEGER NOT NULL,
        revision INTEGER NOT NULL DEFAULT 0,
        viewport TEXT
      );
      CREATE INDEX boards_session ON boards (session_id, position);

      CREATE TABLE nodes (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        x REAL NOT NULL,
        y REAL NOT NULL,
        width REAL,
        height REAL,
        data TEXT NOT NULL CHECK (json_valid(data))
      );
      CREATE INDEX nodes_board ON nodes (board_id);

      CREATE TABLE edges (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        target_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
        data TEXT NOT NULL CHECK (json_valid(data))
      );
      CREATE INDEX edges_board ON edges (board_id);
      CREATE INDEX edges_source ON edges (source_id);
      CREATE INDEX edges_target ON edges (target_id);
    `,
  },
  {
    name: '0002_board_settings',
    sql: `ALTER TABLE boards ADD COLUMN settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings));`,
  },
  {
    // Agenda items are rows, one per step, so a deleted board unlinks its steps by foreign key.
    // frame_id has no foreign key: removing a frame is undoable, and the link comes back with it;
    // reads join it to a live frame of the item's board and report a dead link as no frame.
    //
    // A template is a frozen document (shared/fileformat), copied wholesale into every session made
    // from it and never edited op by op, so it is one JSON column, not rows. Built-in templates
    // ship with the code; this table holds the facilitator's own.
    name: '0003_agenda_items_templates',
    sql: `
      CREATE TABLE agenda_items (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        timebox_minutes INTEGER NOT NULL,
        board_id TEXT REFERENCES boards (id) ON DELETE SET NULL,
        frame_id TEXT,
        prompts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(prompts))
      );
      CREATE INDEX agenda_items_session ON agenda_items (session_id, position);
      CREATE INDEX agenda_items_board ON agenda_items (board_id);

      CREATE TABLE templates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        document TEXT NOT NULL CHECK (json_valid(document)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX templates_updated ON templates (updated_at DESC);
    `,
  },
  {
    // A restore point is a frozen SessionDocument, like a template: it is only ever written whole
    // and read whole, so it is one JSON column. node_count is kept beside it so the list never
    // parses documents.
    name: '0004_snapshots',
    sql: `
      CREATE TABLE snapshots (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        name TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL CHECK (reason IN ('auto', 'manual', 'before-restore', 'before-import', 'before-template')),
        created_at INTEGER NOT NULL,
        node_count INTEGER NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document))
      );
      CREATE INDEX snapshots_session ON snapshots (session_id, created_at DESC);
    `,
  },
  {
    // The room participants join from their phones. What must outlive a restart is here: the
    // room (so the same code, address and tokens work again), the participants (a token is kept
    // only as its SHA-256), their notes in the moderation queue and their votes. A vote is one
    // row per participant and note, so a repeated vote is the same row and a budget is a count.
    // node_id has no foreign key: a note removed from the board gives its dots back (a budget
    // counts only votes on notes still on a board), and an undone removal takes them again.
    name: '0005_room',
    sql: `
      CREATE TABLE rooms (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        host TEXT NOT NULL,
        port INTEGER NOT NULL,
        settings TEXT NOT NULL CHECK (json_valid(settings)),
        opened_at INTEGER NOT NULL,
        closed_at INTEGER
      );
      CREATE UNIQUE INDEX rooms_one_open ON rooms (closed_at IS NULL) WHERE closed_at IS NULL;

      CREATE TABLE room_participants (
        id TEXT PRIMARY KEY,
        room_id TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        joined_at INTEGER NOT NULL
      );
      CREATE INDEX room_participants_room ON room_participants (room_id);

      CREATE TABLE room_notes (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES room_participants (id) ON DELETE CASCADE,
        client_key TEXT NOT NULL,
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        category TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'merged')),
        node_id TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (participant_id, client_key)
      );
      CREATE INDEX room_notes_status ON room_notes (status, created_at);

      CREATE TABLE room_votes (
        participant_id TEXT NOT NULL REFERENCES room_participants (id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (participant_id, node_id)
      );
    `,
  },
  {
    // The ids of the batches each board has applied, so a batch sent again (its reply was lost)
    // is answered with its first acknowledgement instead of being applied twice.
    name: '0006_applied_batches',
    sql: `
      CREATE TABLE applied_batches (
        board_id TEXT NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
        batch_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        PRIMARY KEY (board_id, batch_id)
      );
      CREATE INDEX applied_batches_revision ON applied_batches (board_id, revision);
    `,
  },
  {
    // The team library (PostgreSQL, main/library), kept here so the gallery works offline: the
    // address, the list as last read and when, the versions used (their content, to make sessions
    // from again, and which session came from which, to say when a newer version is out), and
    // publishes waiting for the server, each with the id that makes a resend land once.
    name: '0007_team_library',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE library_versions (
        template_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        author TEXT NOT NULL,
        published_at INTEGER NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        note TEXT NOT NULL,
        PRIMARY KEY (template_id, version)
      );

      CREATE TABLE library_contents (
        template_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        PRIMARY KEY (template_id, version)
      );

      CREATE TABLE library_outbox (
        publish_id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        note TEXT NOT NULL,
        document TEXT NOT NULL CHECK (json_valid(document)),
        queued_at INTEGER NOT NULL
      );

      CREATE TABLE library_origins (
        session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        template_id TEXT NOT NULL,
        version INTEGER NOT NULL
      );
    `,
  },
  {
    // The drawing order of a board's nodes and edges, kept apart from rowid so that undoing a
    // removal puts the node or edge back at its old place (see ops' index). rowid was the order so far.
    name: '0008_draw_order',
    sql: `
      ALTER TABLE nodes ADD COLUMN draw_order INTEGER NOT NULL DEFAULT 0;
      UPDATE nodes SET draw_order = rowid;
      CREATE INDEX nodes_board_order ON nodes (board_id, draw_order);
      ALTER TABLE edges ADD COLUMN draw_order INTEGER NOT NULL DEFAULT 0;
      UPDATE edges SET draw_order = rowid;
      CREATE INDEX edges_board_order ON edges (board_id, draw_order);
    `,
  },
  {
    // Voting sessions and polls (main/room/voting.ts). A vote's dots are its own rows, apart from
    // the notes' counts, which change only when it ends (to its results, kept as JSON with it).
    // `voter` is a participant's id, or 'laptop:<name>' for a person voting from the facilitator's laptop.
    name: '0009_votes_and_polls',
    sql: `
      CREATE TABLE vote_sessions (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        board_id TEXT NOT NULL,
        frame_id TEXT,
        scope TEXT NOT NULL,
        notes TEXT NOT NULL CHECK (json_valid(notes)),
        dots_per_person INTEGER NOT NULL,
        max_per_note INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        ends_at INTEGER,
        ended_at INTEGER,
        results TEXT CHECK (results IS NULL OR json_valid(results))
      );
      CREATE INDEX vote_sessions_session ON vote_sessions (session_id, started_at);
      CREATE UNIQUE INDEX vote_sessions_one_running ON vote_sessions (session_id) WHERE ended_at IS NULL;

      CREATE TABLE vote_dots (
        vote_id TEXT NOT NULL REFERENCES vote_sessions (id) ON DELETE CASCADE,
        voter TEXT NOT NULL,
        node_id TEXT NOT NULL,
        dots INTEGER NOT NULL CHECK (dots > 0),
        PRIMARY KEY (vote_id, voter, node_id)
      );

      CREATE TABLE polls (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        choices TEXT NOT NULL CHECK (json_valid(choices)),
        started_at INTEGER NOT NULL,
        closed_at INTEGER,
        results TEXT CHECK (results IS NULL OR json_valid(results))
      );
      CREATE INDEX polls_session ON polls (session_id, started_at);
      CREATE UNIQUE INDEX polls_one_open ON polls (session_id) WHERE closed_at IS NULL;

      CREATE TABLE poll_answers (
        poll_id TEXT NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
        voter TEXT NOT NULL,
        choice INTEGER NOT NULL,
        PRIMARY KEY (poll_id, voter)
      );
    `,
  },
  {
    // Whether a note's author agreed to be named: the room showed names as the note was sent. A
    // note sent while the room was anonymous never carries its author's name onto the board.
    name: '0010_room_note_names',
    sql: `ALTER TABLE room_notes ADD COLUMN named INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    // A participant's note's turn in the room's queue (RoomStore.insertNotes): auto-accept takes
    // notes turn by turn. Notes sent before: each participant's nth note takes turn n.
    name: '0011_room_note_turns',
    sql: `
      ALTER TABLE room_notes ADD COLUMN turn INTEGER NOT NULL DEFAULT 0;
      UPDATE room_notes SET turn = (
        SELECT count(*) FROM room_notes o
        WHERE o.participant_id = room_notes.participant_id
          AND (o.created_at < room_notes.created_at OR (o.created_at = room_notes.created_at AND o.rowid <= room_notes.rowid))
      );
      CREATE INDEX room_notes_turn ON room_notes (participant_id, status, turn);
    `,
  },
];
