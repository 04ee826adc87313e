create table employers (
  credit_code text primary key,
  name text not null,
  address text not null,
  region_code text not null
);

create table employments (
  registration_no text primary key,
  id_number text not null,
  name text not null,
  employer_credit_code text not null references employers (credit_code),
  start_date date not null,
  end_date date,
  contract_type text not null check (contract_type in ('fixed-term', 'open-ended', 'task-based')),
  position text,
  monthly_salary numeric(12, 2) not null,
  status text not null check (status in ('active', 'ended')),
  registered_at timestamptz not null
);
create unique index employments_one_active on employments (id_number) where status = 'active';
create index employments_person on employments (id_number);

create table insurance_enrolments (
  enrolment_no text not null,
  type text not null check (type in ('pension', 'medical', 'unemployment')),
  scheme text not null check (scheme in ('employee', 'resident', 'retiree', 'unemployment')),
  id_number text not null,
  employer_credit_code text references employers (credit_code),
  contribution_base numeric(12, 2),
  start_date date not null,
  end_date date,
  status text not null check (status in ('active', 'ended')),
  primary key (enrolment_no, type)
);
create unique index enrolments_one_active on insurance_enrolments (id_number, type) where status = 'active';
create index enrolments_person on insurance_enrolments (id_number);

create table social_security_cards (
  card_no text primary key,
  id_number text not null,
  name text not null,
  mailing_address text,
  issued_at timestamptz not null,
  status text not null check (status in ('active', 'lost', 'cancelled'))
);
create unique index cards_one_active on social_security_cards (id_number) where status = 'active';

create table unemployment_registrations (
  registration_no text primary key,
  id_number text not null,
  last_employer_credit_code text not null references employers (credit_code),
  separation_date date not null,
  separation_reason text not null,
  status text not null check (status in ('active', 'ended')),
  registered_at timestamptz not null
);
create unique index unemployment_one_active on unemployment_registrations (id_number) where status = 'active';

create table unemployment_benefits (
  benefit_no text primary key,
  registration_no text not null unique references unemployment_registrations (registration_no),
  id_number text not null,
  monthly_amount numeric(12, 2) not null,
  months integer not null,
  start_month text not null,
  bank_name text not null,
  bank_account_number text not null
);

create table pension_eligibility_checks (
  check_no text primary key,
  id_number text not null,
  at_date date not null,
  eligible boolean not null,
  contribution_months integer not null,
  reasons jsonb not null,
  checked_at timestamptz not null
);

create table pension_claims (
  claim_no text primary key,
  id_number text not null unique,
  retirement_date date not null,
  monthly_amount numeric(12, 2) not null,
  start_month text not null,
  bank_name text not null,
  bank_account_number text not null,
  status text not null check (status in ('active', 'stopped'))
);

create table medical_continuations (
  continuation_no text primary key,
  id_number text not null,
  reason text not null check (reason in ('retirement', 'unemployment')),
  scheme text not null,
  effective_date date not null,
  unique (id_number, reason)
);

create table pension_stops (
  stop_no text primary key,
  claim_no text not null unique references pension_claims (claim_no),
  id_number text not null,
  death_certificate_no text not null,
  stopped_from_month text not null
);

create table funeral_grants (
  grant_no text primary key,
  deceased_id_number text not null unique,
  applicant_id_number text not null,
  death_certificate_no text not null,
  funeral_allowance numeric(12, 2) not null,
  survivor_benefit numeric(12, 2) not null,
  bank_name text not null,
  bank_account_number text not null
);

-- 社保卡卡号: A + 8 digits.
create sequence card_seq start 10000001;
