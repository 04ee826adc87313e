-- Tables every registry has. Runs with search_path set to the registry's schema.
create table idempotency_keys (
  key text primary key,
  request_hash text not null,
  state text not null check (state in ('in_progress', 'done')),
  status integer,
  response jsonb,
  claimed_at timestamptz not null default now(),
  completed_at timestamptz
);

create table documents (
  no text primary key,
  kind text not null,
  title text not null,
  issuer text not null,
  subject_id_number text not null,
  subject_name text not null,
  content jsonb not null,
  issued_at timestamptz not null
);
create index documents_subject on documents (subject_id_number);

create table document_accesses (
  id bigserial primary key,
  document_no text not null references documents (no),
  requester text,
  accessed_at timestamptz not null default now()
);

-- Record numbers: prefix + year + 8 digits from this sequence.
create sequence number_seq;
