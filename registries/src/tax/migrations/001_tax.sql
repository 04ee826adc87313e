create table employers (
  credit_code text primary key,
  name text not null,
  tax_authority text not null
);

create table taxpayers (
  id_number text primary key,
  taxpayer_no text not null unique,
  name text not null,
  status text not null check (status in ('active', 'deceased')),
  registered_at timestamptz not null
);

create table withholding_registrations (
  registration_no text primary key,
  employer_credit_code text not null references employers (credit_code),
  id_number text not null references taxpayers (id_number),
  start_date date not null,
  status text not null check (status in ('active', 'ended'))
);
create unique index withholding_one_active on withholding_registrations (employer_credit_code, id_number) where status = 'active';

create table deductions (
  deduction_no text primary key,
  id_number text not null references taxpayers (id_number),
  type text not null check (type in ('infant-care', 'children-education')),
  child_id_number text not null,
  child_name text not null,
  share_percent integer not null check (share_percent in (50, 100)),
  monthly_amount numeric(12, 2) not null,
  start_month text not null,
  end_month text,
  status text not null check (status in ('active', 'closed'))
);
create unique index deductions_one_active on deductions (id_number, type, child_id_number) where status = 'active';
create index deductions_child on deductions (child_id_number);

create table pension_income_statuses (
  status_no text primary key,
  id_number text not null unique references taxpayers (id_number),
  effective_month text not null,
  pension_claim_no text
);

create table deduction_closures (
  closure_no text primary key,
  id_number text not null unique references taxpayers (id_number),
  death_certificate_no text not null,
  last_month text not null,
  closed_deduction_nos jsonb not null
);
