import { failure, success, UpstreamUnavailableError, type Outcome } from '../errors.ts';
import type { Sex } from './id-number.ts';
import type { PeerClient } from './peer-client.ts';

/** Typed readers of the other registries' query answers (OPERATIONS.md), checked field by field. */

export interface PersonView {
  readonly idNumber: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly alive: boolean;
  readonly householdNumber: string | null;
}

export interface RelationsView {
  readonly fatherIdNumber: string | null;
  readonly motherIdNumber: string | null;
  readonly childIdNumbers: readonly string[];
}

export interface BirthCertificateView {
  readonly birthCertificateNo: string;
  readonly childName: string;
  readonly childSex: Sex;
  readonly childBirthDate: string;
  readonly motherIdNumber: string;
  readonly motherName: string;
  readonly fatherIdNumber: string | null;
  readonly fatherName: string | null;
}

export interface DeathCertificateView {
  readonly deathCertificateNo: string;
  readonly deceasedIdNumber: string;
  readonly deceasedName: string;
  readonly deathDate: string;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(body: Json, key: string): string {
  const value = body[key];
  if (typeof value !== 'string')
    throw new UpstreamUnavailableError(`registry answer lacks the text field ${key}`);
  return value;
}

function optionalText(body: Json, key: string): string | null {
  const value = body[key];
  return typeof value === 'string' ? value : null;
}

function sex(body: Json, key: string): Sex {
  const value = text(body, key);
  if (value !== 'male' && value !== 'female')
    throw new UpstreamUnavailableError(`registry answer has an unknown sex in ${key}`);
  return value;
}

async function read<T>(
  peers: PeerClient,
  dept: Parameters<PeerClient['get']>[0],
  path: string,
  parse: (body: Json) => T,
): Promise<T | null> {
  const answer = await peers.get(dept, path);
  if (answer.status === 404 && isRecordNotFound(answer.body)) return null;
  if (answer.status !== 200 || !isRecord(answer.body))
    throw new UpstreamUnavailableError(`${dept} registry answered ${answer.status} to ${path}`);
  return parse(answer.body);
}

/**
 * Only a registry's own "no such record" answer means not found; a bare 404 (no such
 * route, a registry not mounted, a proxy) means the registry cannot answer.
 */
function isRecordNotFound(body: unknown): boolean {
  if (!isRecord(body) || !isRecord(body.error)) return false;
  const code = body.error.code;
  return typeof code === 'string' && code.endsWith('_NOT_FOUND') && code !== 'ROUTE_NOT_FOUND';
}

export function lookupPerson(peers: PeerClient, idNumber: string): Promise<PersonView | null> {
  return read(peers, 'civil', `/persons/${encodeURIComponent(idNumber)}`, (body) => ({
    idNumber: text(body, 'idNumber'),
    name: text(body, 'name'),
    sex: sex(body, 'sex'),
    birthDate: text(body, 'birthDate'),
    alive: text(body, 'status') === 'alive',
    householdNumber: optionalText(body, 'householdNumber'),
  }));
}

export function lookupRelations(peers: PeerClient, idNumber: string): Promise<RelationsView | null> {
  const idOf = (value: unknown): string | null =>
    isRecord(value) && typeof value.idNumber === 'string' ? value.idNumber : null;
  return read(peers, 'civil', `/persons/${encodeURIComponent(idNumber)}/relations`, (body) => ({
    fatherIdNumber: idOf(body.father),
    motherIdNumber: idOf(body.mother),
    childIdNumbers: Array.isArray(body.children)
      ? body.children.map(idOf).filter((id): id is string => id !== null)
      : [],
  }));
}

export function lookupBirthCertificate(peers: PeerClient, no: string): Promise<BirthCertificateView | null> {
  return read(peers, 'health', `/birth-certificates/${encodeURIComponent(no)}`, (body) => ({
    birthCertificateNo: text(body, 'birthCertificateNo'),
    childName: text(body, 'childName'),
    childSex: sex(body, 'childSex'),
    childBirthDate: text(body, 'childBirthDate'),
    motherIdNumber: text(body, 'motherIdNumber'),
    motherName: text(body, 'motherName'),
    fatherIdNumber: optionalText(body, 'fatherIdNumber'),
    fatherName: optionalText(body, 'fatherName'),
  }));
}

export function lookupDeathCertificate(peers: PeerClient, no: string): Promise<DeathCertificateView | null> {
  return read(peers, 'health', `/death-certificates/${encodeURIComponent(no)}`, (body) => ({
    deathCertificateNo: text(body, 'deathCertificateNo'),
    deceasedIdNumber: text(body, 'deceasedIdNumber'),
    deceasedName: text(body, 'deceasedName'),
    deathDate: text(body, 'deathDate'),
  }));
}

/** The person in the civil registry, with the name checked when given; rejects the deceased unless allowed. */
export async function verifyPerson(
  peers: PeerClient,
  idNumber: string,
  options: { name?: string; allowDeceased?: boolean; role?: string } = {},
): Promise<Outcome<PersonView>> {
  const person = await lookupPerson(peers, idNumber);
  const who = options.role ?? idNumber;
  if (!person) return failure('PERSON_NOT_FOUND', who);
  if (options.name !== undefined && person.name !== options.name) return failure('NAME_MISMATCH', who);
  if (!person.alive && !options.allowDeceased) return failure('PERSON_DECEASED', who);
  return success(person);
}

/** The death certificate, checked to be for `idNumber`. */
export async function verifyDeathCertificate(
  peers: PeerClient,
  no: string,
  idNumber: string,
): Promise<Outcome<DeathCertificateView>> {
  const certificate = await lookupDeathCertificate(peers, no);
  if (!certificate) return failure('DEATH_CERTIFICATE_NOT_FOUND', no);
  if (certificate.deceasedIdNumber !== idNumber) return failure('DEATH_CERTIFICATE_MISMATCH', no);
  return success(certificate);
}
