-- Spring Session's tables with room for 256-bit ids (43 characters in base64url).
CREATE TABLE spring_session (
    primary_id            varchar(64) NOT NULL PRIMARY KEY,
    session_id            varchar(64) NOT NULL,
    creation_time         bigint      NOT NULL,
    last_access_time      bigint      NOT NULL,
    max_inactive_interval int         NOT NULL,
    expiry_time           bigint      NOT NULL,
    principal_name        varchar(100)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id varchar(64)  NOT NULL REFERENCES spring_session (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);

-- Spring Modulith's event publication registry (it does not create its own table).
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Fixed-window request counters per client address, shared by every server node.
CREATE TABLE rate_limit_windows (
    bucket       text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    hits         int         NOT NULL
);
