import { demoPeople } from '@onething/registries';
import { maskResidentId } from '../../people/resident-id.ts';

/** A person the sandbox registries know, who a dry run applies as. */
export interface TestCitizen {
  /** The demo account's username (`citizen1`): the key a dry run names. */
  key: string;
  idNumber: string;
  name: string;
  mobile: string;
}

/**
 * The sandbox registries' demo citizens (registries seed, DESIGN.md's demo
 * accounts): the only people a dry run may apply as, since their records
 * exist only in the sandbox and writing to them harms nobody.
 */
export const TEST_CITIZENS: readonly TestCitizen[] = Object.entries(demoPeople.DEMO_CITIZENS).map(
  ([key, person]) => ({
    key,
    idNumber: person.idNumber,
    name: person.name,
    mobile: person.mobile ?? '13800000000',
  }),
);

export function testCitizen(key: string): TestCitizen | undefined {
  return TEST_CITIZENS.find((citizen) => citizen.key === key);
}

/** A test citizen as the Studio lists it: the ID number masked like everywhere else. */
export function listedCitizen(citizen: TestCitizen): { key: string; name: string; idNumber: string } {
  return { key: citizen.key, name: citizen.name, idNumber: maskResidentId(citizen.idNumber) };
}
