import type { FormSchema } from '@onething/forms';

/** The form key of the follow-up of a low rating (a form of the platform, not of a bundle). */
export const RATING_FOLLOW_UP_FORM_KEY = 'onething:platform:rating-follow-up';

/**
 * What a supervisor records after following up a low rating (差评回访): how it
 * ended and a note, which becomes a comment on the application.
 */
export const RATING_FOLLOW_UP_FORM: FormSchema = {
  type: 'default',
  id: 'Form_Platform_RatingFollowUp',
  schemaVersion: 19,
  components: [
    {
      type: 'text',
      id: 'Text_Heading',
      text: '## 差评回访 (follow-up of a low rating)\n评分：{{rating.score}} 分。{{rating.comment}}',
    },
    {
      type: 'select',
      id: 'Field_followUp_outcome',
      key: 'followUp.outcome',
      label: '回访结果 (outcome)',
      values: [
        { value: 'resolved', label: '问题已解决 (resolved)' },
        { value: 'explained', label: '已解释说明 (explained)' },
        { value: 'unreachable', label: '无法联系 (unreachable)' },
      ],
      validate: { required: true },
    },
    {
      type: 'textarea',
      id: 'Field_followUp_note',
      key: 'followUp.note',
      label: '回访记录 (note)',
      validate: { required: true, maxLength: 1000 },
    },
  ],
};
