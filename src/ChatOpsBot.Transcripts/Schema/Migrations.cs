namespace ChatOpsBot.Transcripts.Schema;

/// <summary>
/// The schema, versioned in code: an ordered list of steps per provider. A step, once released, is never edited;
/// a change is a new step with the next version. Both providers have the same tables and columns; only the types
/// differ (SQLite stores timestamps as UTC unix milliseconds in an INTEGER, PostgreSQL as <c>timestamptz</c>
/// truncated to milliseconds). There is no column for a token, signature or credential, by design.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> Sqlite { get; } =
    [
        new(1, "sessions, transcript entries and interaction claims", """
            CREATE TABLE sessions (
                id                 TEXT    NOT NULL PRIMARY KEY,
                runbook            TEXT    NOT NULL,
                load_balancer      TEXT    NOT NULL,
                region             TEXT    NOT NULL,
                window_minutes     INTEGER NOT NULL,
                source             TEXT    NOT NULL,
                guild_id           TEXT    NULL,
                channel_id         TEXT    NULL,
                started_by_id      TEXT    NULL,
                started_by_name    TEXT    NOT NULL,
                created_at         INTEGER NOT NULL,
                status             TEXT    NOT NULL,
                machine_state      TEXT    NULL,
                root_cause         TEXT    NULL,
                outcome            TEXT    NULL,
                finished_at        INTEGER NULL,
                acknowledged_by    TEXT    NULL,
                acknowledged_at    INTEGER NULL,
                resolved_by        TEXT    NULL,
                resolved_at        INTEGER NULL,
                message_channel_id TEXT    NULL,
                message_id         TEXT    NULL,
                report_json        TEXT    NULL,
                owner              TEXT    NULL
            );
            CREATE INDEX ix_sessions_created_at ON sessions (created_at);
            CREATE INDEX ix_sessions_load_balancer_created_at ON sessions (load_balancer, created_at);
            CREATE INDEX ix_sessions_status ON sessions (status);

            CREATE TABLE transcript_entries (
                sequence   INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                session_id TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                at         INTEGER NOT NULL,
                kind       TEXT    NOT NULL,
                actor      TEXT    NOT NULL,
                text       TEXT    NOT NULL,
                data_json  TEXT    NULL
            );
            CREATE INDEX ix_transcript_entries_session_sequence ON transcript_entries (session_id, sequence);

            CREATE TABLE interaction_claims (
                interaction_id TEXT    NOT NULL PRIMARY KEY,
                owner          TEXT    NOT NULL,
                claimed_at     INTEGER NOT NULL,
                reply          BLOB    NULL
            );
            CREATE INDEX ix_interaction_claims_claimed_at ON interaction_claims (claimed_at);
            """),
        new(2, "charts of a session's evidence (JSON), drawn again for edits and exports", """
            CREATE TABLE session_charts (
                session_id  TEXT    NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
                charts_json TEXT    NOT NULL
            );
            """),
        new(3, "the account alias a session ran in", """
            ALTER TABLE sessions ADD COLUMN account TEXT NULL;
            """),
    ];

    public static IReadOnlyList<Migration> Postgres { get; } =
    [
        new(1, "sessions, transcript entries and interaction claims", """
            CREATE TABLE sessions (
                id                 text        NOT NULL PRIMARY KEY,
                runbook            text        NOT NULL,
                load_balancer      text        NOT NULL,
                region             text        NOT NULL,
                window_minutes     integer     NOT NULL,
                source             text        NOT NULL,
                guild_id           text        NULL,
                channel_id         text        NULL,
                started_by_id      text        NULL,
                started_by_name    text        NOT NULL,
                created_at         timestamptz NOT NULL,
                status             text        NOT NULL,
                machine_state      text        NULL,
                root_cause         text        NULL,
                outcome            text        NULL,
                finished_at        timestamptz NULL,
                acknowledged_by    text        NULL,
                acknowledged_at    timestamptz NULL,
                resolved_by        text        NULL,
                resolved_at        timestamptz NULL,
                message_channel_id text        NULL,
                message_id         text        NULL,
                report_json        text        NULL,
                owner              text        NULL
            );
            CREATE INDEX ix_sessions_created_at ON sessions (created_at);
            CREATE INDEX ix_sessions_load_balancer_created_at ON sessions (load_balancer, created_at);
            CREATE INDEX ix_sessions_status ON sessions (status);

            CREATE TABLE transcript_entries (
                sequence   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                session_id text        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                at         timestamptz NOT NULL,
                kind       text        NOT NULL,
                actor      text        NOT NULL,
                text       text        NOT NULL,
                data_json  text        NULL
            );
            CREATE INDEX ix_transcript_entries_session_sequence ON transcript_entries (session_id, sequence);

            CREATE TABLE interaction_claims (
                interaction_id text        NOT NULL PRIMARY KEY,
                owner          text        NOT NULL,
                claimed_at     timestamptz NOT NULL,
                reply          bytea       NULL
            );
            CREATE INDEX ix_interaction_claims_claimed_at ON interaction_claims (claimed_at);
            """),
        new(2, "charts of a session's evidence (JSON), drawn again for edits and exports", """
            CREATE TABLE session_charts (
                session_id  text        NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
                charts_json text        NOT NULL
            );
            """),
        new(3, "the account alias a session ran in", """
            ALTER TABLE sessions ADD COLUMN account text NULL;
            """),
    ];

    /// <summary>The latest version (both providers move together).</summary>
    public static int Latest => Sqlite[^1].Version;
}
