import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  applyForBirthCertificate,
  completeTask,
  diagramBadge,
  elementMarker,
  refreshUntilMarker,
  newestRunningInstance,
  registryFaults,
  retryIncidentInBrowser,
  signInInBrowser,
  waitForDiagram,
  waitForIncident,
} from './steps/monitor.steps.ts';
import { chartWidths, cutOffElements, sidewaysOverflow } from './steps/layout.steps.ts';
import { apiSession } from './steps/session.steps.ts';
import { screenshot } from './support/browser.ts';
import { usePlatformSession } from './support/platform-session.ts';

const ADMIN_TOKEN = randomBytes(24).toString('hex');

const session = usePlatformSession({ registriesAdminToken: ADMIN_TOKEN });
const baseUrl = () => session.baseUrl();
const openPage = () => session.openPage();

describe('the Monitor', () => {
  it('shows a supervisor where an application is on the diagram and retries its incident from the UI', async () => {
    // given an application accepted and reviewed while the health registry is down
    const faults = registryFaults(session.registriesUrl(), ADMIN_TOKEN);
    await faults.outage('health');
    const citizen = await apiSession(baseUrl(), 'citizen1');
    const applicationId = await applyForBirthCertificate(citizen);
    await completeTask(await apiSession(baseUrl(), 'window1'), applicationId, {
      acceptance: { decision: 'accept', comment: '材料齐全' },
    });
    await completeTask(await apiSession(baseUrl(), 'health1'), applicationId, {
      review: { decision: 'approve', comment: '信息无误' },
    });
    const supervisor = await apiSession(baseUrl(), 'supervisor1');
    const instanceKey = await newestRunningInstance(supervisor, 'onething-newborn');
    const incident = await waitForIncident(supervisor, instanceKey, 'Task_BirthCertificate');

    // when the supervisor opens the instance from the list
    const page = await openPage();
    await signInInBrowser(page, baseUrl(), 'supervisor1', '/monitor/instances');
    await page.getByLabel('状态').selectOption('ACTIVE');
    await page.getByRole('link', { name: `查看实例 ${instanceKey}` }).click();
    await page.waitForURL((url) => url.pathname === `/monitor/instances/${instanceKey}`);
    await waitForDiagram(page);

    // then the diagram shows the accepted window task, the review, and the failing task in red
    expect(await elementMarker(page, 'Task_WindowAccept')).toBe('ot-element--completed');
    expect(await elementMarker(page, 'Task_BirthCertificateReview')).toBe('ot-element--completed');
    expect(await elementMarker(page, 'Task_BirthCertificate')).toBe('ot-element--incident');
    expect(await diagramBadge(page, 'Task_BirthCertificate', 'incident')).toBe('1');
    expect(await diagramBadge(page, 'Task_BirthCertificate', 'active')).toBe('1');
    const incidentRow = page.locator(`[data-incident-key="${incident.key}"]`);
    await expect.poll(() => incidentRow.textContent()).toContain('任务重试次数耗尽');
    await expect.poll(() => incidentRow.textContent()).toContain('REGISTRY_UNAVAILABLE');
    const history = page.getByTestId('instance-history');
    await expect.poll(() => history.textContent()).toContain('综窗受理');
    await screenshot(page, 'monitor-instance-incident');

    // when the registry is back and the supervisor retries from the incidents page
    await faults.clear('health');
    await page
      .getByRole('navigation', { name: '运行监管导航' })
      .getByRole('link', { name: '运行异常' })
      .click();
    await page.waitForURL((url) => url.pathname === '/monitor/incidents');
    await expect.poll(() => page.locator(`[data-incident-key="${incident.key}"]`).count()).toBe(1);
    await screenshot(page, 'monitor-incidents');
    await retryIncidentInBrowser(page, incident.key);

    // then the incident is gone and the instance moves on to delivering the results
    await expect.poll(() => page.locator(`[data-incident-key="${incident.key}"]`).count()).toBe(0);
    await page.goto(`${baseUrl()}/monitor/instances/${instanceKey}`);
    await refreshUntilMarker(page, 'Task_BirthCertificate', 'ot-element--completed', 30_000);
    await expect.poll(() => elementMarker(page, 'Task_DeliverResults')).toBe('ot-element--active');
    expect(await diagramBadge(page, 'Task_BirthCertificate', 'incident')).toBeNull();
    const incidents = page.getByTestId('instance-incidents');
    await expect
      .poll(() => incidents.locator(`[data-incident-key="${incident.key}"]`).textContent())
      .toContain('已解决');
    expect(await incidents.getByTestId('retry-incident').count()).toBe(0);
    await screenshot(page, 'monitor-instance-after-retry');
  });
  it('shows the overview charts with their data tables, and the time limits', async () => {
    // given the application of the test above, submitted today
    const page = await openPage();

    // when
    await signInInBrowser(page, baseUrl(), 'supervisor1', '/monitor');

    // then every chart has its summary; the drawn ones are SVG images with a text alternative
    const perDay = page.locator('[data-chart="perDay"]');
    await expect.poll(() => perDay.getByTestId('chart-summary').textContent()).toMatch(/共提交申请 \d+ 件/);
    await perDay.locator('[role="img"] svg').waitFor();
    expect(await perDay.locator('[role="img"]').getAttribute('aria-label')).toContain('每日申请量');
    await perDay.getByText('查看数据表').click();
    expect(await perDay.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-chart]').count()).toBe(5);
    await screenshot(page, 'monitor-overview');

    // when
    await page
      .getByRole('navigation', { name: '运行监管导航' })
      .getByRole('link', { name: '超时预警' })
      .click();

    // then nothing is late yet: the time limits run in working days from today's acceptance
    await expect
      .poll(() => page.getByTestId('breach-totals').textContent())
      .toContain('目前没有超期或即将到期的办件');
    await screenshot(page, 'monitor-breaches');
  });

  it('fits a 375 px phone in English: nothing cut off, tables scroll, charts follow the width', async () => {
    // given an application accepted today, so the lists and charts have something to show
    const citizen = await apiSession(baseUrl(), 'citizen1');
    const applicationId = await applyForBirthCertificate(citizen);
    await completeTask(await apiSession(baseUrl(), 'window1'), applicationId, {
      acceptance: { decision: 'accept', comment: '材料齐全' },
    });
    const supervisor = await apiSession(baseUrl(), 'supervisor1');
    const instanceKey = await newestRunningInstance(supervisor, 'onething-newborn');
    const page = await openPage();
    await signInInBrowser(page, baseUrl(), 'supervisor1', '/monitor');
    await page.getByRole('button', { name: /^用户菜单/ }).click();
    await page.getByRole('menuitem', { name: /English/ }).click();
    await expect.poll(() => page.locator('[data-chart] [role="img"] svg').count()).toBeGreaterThan(0);

    // when the window narrows to a phone's width
    await page.setViewportSize({ width: 375, height: 800 });

    // then the charts redraw at the panel's width and nothing sticks out
    await expect
      .poll(async () =>
        (await chartWidths(page)).every((chart) => chart.svg <= chart.panel && chart.svg > 200),
      )
      .toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Overview');
    for (const details of await page.locator('[data-chart] details').all())
      await details.locator('summary').click();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await cutOffElements(page)).toEqual([]);
    await screenshot(page, 'monitor-overview-phone-en');

    for (const [section, path] of [
      ['Process instances', '/monitor/instances'],
      ['Incidents', '/monitor/incidents'],
      ['Time limits', '/monitor/breaches'],
    ] as const) {
      // when
      await page
        .getByRole('navigation', { name: 'Monitor sections' })
        .getByRole('link', { name: section })
        .click();
      await page.waitForURL((url) => url.pathname === path);
      await page.locator('main section[aria-busy="false"]').first().waitFor();

      // then wide tables scroll inside their frame, the page does not
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
      expect(await cutOffElements(page), path).toEqual([]);
      await screenshot(page, `monitor-${path.split('/').pop() ?? ''}-phone-en`);
    }

    // when the supervisor opens the instance
    await page.goto(`${baseUrl()}/monitor/instances/${instanceKey}`);
    await waitForDiagram(page);

    // then
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await cutOffElements(page)).toEqual([]);
    await screenshot(page, 'monitor-instance-phone-en');
  });
});
