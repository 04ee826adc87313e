import type { DictionaryField } from './dictionary.types.ts';
import { EVERY_DEPARTMENT, choiceField, dateField, from, privacy, t, textField } from './field-builders.ts';
import { DEATH_PLACE_TYPE_OPTIONS } from './options.ts';

// 身后一件事: the death and the funeral. The deceased's identity is `deceased.*` in
// person.fields.ts; the relative applying is `applicant.*` with `applicant.relationship`.

const death = privacy('personal', ...EVERY_DEPARTMENT);
const deathRecord = (field: string) => from(`health.deathRecord.${field}`, 'deceased.idNumber');
const cremation = (field: string) => from(`civil.cremation.${field}`, 'deceased.idNumber');

export const DEATH_FIELDS: readonly DictionaryField[] = [
  dateField('deceased.deathDate', t('死亡日期', 'Date of death'), {
    privacy: death,
    past: true,
    source: deathRecord('deathDate'),
  }),
  choiceField('deceased.deathPlaceType', t('死亡地点类型', 'Where the death occurred'), {
    privacy: death,
    options: DEATH_PLACE_TYPE_OPTIONS,
    source: deathRecord('placeType'),
  }),
  textField('deceased.deathPlace', t('死亡地点', 'Place of death'), {
    privacy: death,
    validate: { maxLength: 200 },
    source: deathRecord('place'),
  }),
  textField('deceased.deathCause', t('死亡原因', 'Cause of death'), {
    // Health data: only the department that certifies the death sees it.
    privacy: privacy('sensitive', 'health'),
    validate: { maxLength: 200 },
    source: deathRecord('cause'),
  }),
  textField('funeral.home', t('殡仪馆', 'Funeral home'), {
    privacy: privacy('personal', 'civil', 'hr'),
    validate: { maxLength: 100 },
    source: cremation('funeralHome'),
  }),
  dateField('funeral.cremationDate', t('火化日期', 'Date of cremation'), {
    privacy: privacy('personal', 'civil', 'hr'),
    required: false,
    past: true,
    source: cremation('date'),
  }),
  textField('funeral.cremationCertificateNo', t('火化证明编号', 'Cremation certificate number'), {
    privacy: privacy('personal', 'civil', 'hr'),
    required: false,
    validate: { maxLength: 50 },
    source: cremation('certificateNo'),
  }),
];
