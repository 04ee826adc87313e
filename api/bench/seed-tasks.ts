import { newbornData } from '../test/support/newborn-application.ts';
import type { BenchPlatform } from './bench-platform.ts';

const GROUPS = ['window', 'hr', 'tax', 'health', 'civil'];

/**
 * Adds `count` task rows in one statement, as a long-running deployment would
 * hold them: spread over the five groups, one in ten open (a tenth of those
 * claimed), the rest completed over the past weeks, each with its variables
 * encrypted like the bridge writes them (a real newborn application).
 */
export async function seedTasks(platform: BenchPlatform, count: number): Promise<void> {
  const cipher = platform.personalData.encrypt(JSON.stringify(newbornData()));
  await platform.query(
    `insert into app.user_task (id, job_key, process_instance_key, bpmn_process_id, element_id, name,
        candidate_groups, assignee_id, assignee_name, form_key, due_date, application_id, bundle_key, state,
        variables_cipher, job_deadline, created_at, completed_at, completed_by)
     select gen_random_uuid(), 'bench-' || g, (9000000000000 + g)::text, 'onething-newborn',
        'Task_WindowAccept', '综窗受理', array[($1::text[])[1 + g % 5]],
        case when g % 100 = 0 then (select id from app.user_account where username = 'hr1') end,
        case when g % 100 = 0 then 'hr1' end,
        'onething:form:newborn/window-accept', now() + interval '3 days', gen_random_uuid(), 'newborn',
        case when g % 10 = 0 then 'open' else 'completed' end,
        $2, now() + interval '1 day',
        now() - make_interval(secs => g * 20),
        case when g % 10 = 0 then null else now() - make_interval(secs => g * 20 - 600) end,
        case when g % 10 = 0 then null else 'bench' end
     from generate_series(1, $3::int) g`,
    [GROUPS, cipher, count],
  );
  await platform.query('analyze app.user_task');
}
