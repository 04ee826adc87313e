/**
 * A 2027 State Council holiday notice in the form of `holidays-<year>.json`
 * (ONETHING_HOLIDAYS_DIR): the real 2027 notice is not published yet, so its
 * dates here are only shaped like one.
 */
export const sampleNotice2027 = {
  year: 2027,
  provisional: false,
  source: {
    title: '国务院办公厅关于2027年部分节假日安排的通知',
    number: null,
    issuer: '国务院办公厅',
    issuedOn: null,
  },
  holidays: [{ name: '春节', nameEn: 'Spring Festival', from: '2027-02-05', to: '2027-02-11' }],
  makeUpWorkdays: [{ date: '2027-02-14', for: '春节' }],
};
