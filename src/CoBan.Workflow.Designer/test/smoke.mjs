// Smoke test of the built designer bundle in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; nothing is downloaded). `npm test` builds first, then runs this.
//
// It drives the real UI where it matters (properties panel input, palette, context pad) and the
// JS API the Blazor pages use for the rest, and prints one line per check and a closing
// "N passed, N failed" line; the exit code is non-zero when a check failed.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshots = path.join(here, 'screenshots');
// In the repository, so the test reads the same file on every machine.
const corpusCamunda = path.resolve(here, '../../../tests/CoBan.Workflow.Engine.Tests/Corpus/fixtures/bpmn-js__extension_camunda.bpmn');

const bundle = path.resolve(here, '../../CoBan.Workflow/wwwroot/designer/designer.js');
if (!fs.existsSync(bundle)) {
  console.error(`no bundle at ${bundle}: run "npm run build" first`);
  process.exit(2);
}

fs.mkdirSync(screenshots, { recursive: true });

const results = [];

async function check(name, fn) {
  try {
    await fn();
    results.push(true);
    console.log(`ok - ${name}`);
  } catch (error) {
    results.push(false);
    console.log(`not ok - ${name}\n    ${String(error && error.stack || error).split('\n').join('\n    ')}`);
  }
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function assertIncludes(text, fragment) {
  assert(text.includes(fragment), `expected the XML to contain ${fragment}`);
}

const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.COBAN_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'
  ]
});

const pageErrors = [];

async function openDevPage(query = '') {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', error => pageErrors.push(error.message));
  page.on('console', message => {
    if (message.type() === 'error') {
      pageErrors.push(message.text());
    }
  });
  await page.goto(`${base}/dev.html${query}`);
  await page.waitForFunction(() => window.designer && document.querySelector('.djs-element[data-element-id="Handle"]'));
  return page;
}

/** Opens XML through the API; returns the import warnings. */
function openXml(page, xml) {
  return page.evaluate(async (xml) => (await window.designer.open(xml)).warnings, xml);
}

function save(page) {
  return page.evaluate(() => window.designer.save());
}

/** Clicks an element on the canvas, as a user would, so the properties panel shows it. */
async function clickElement(page, id) {
  const isSelected = () => page.evaluate((id) => {
    const selection = window.designer.bpmnjs.get('selection').get();
    return selection.length === 1 && selection[0].id === id;
  }, id);

  // a second quick click on the selected element would be a double-click (label editing)
  if (await isSelected()) {
    return;
  }
  await page.click(`.djs-element[data-element-id="${id}"] .djs-hit`, { force: true });
  await page.waitForFunction((id) => {
    const selection = window.designer.bpmnjs.get('selection').get();
    return selection.length === 1 && selection[0].id === id;
  }, id);
}

/** Types into a properties panel entry and waits until the (debounced) edit reached the model. */
async function typeIntoEntry(page, entryId, value, elementId, attribute) {
  const input = page.locator(`#panel [data-entry-id="${entryId}"] input`);
  await input.fill(value);
  await page.waitForFunction(({ elementId, attribute, value }) => {
    const element = window.designer.bpmnjs.get('elementRegistry').get(elementId);
    return element.businessObject.get(attribute) === value;
  }, { elementId, attribute, value }, { timeout: 5000 });
}

/** Types into a located panel input and waits for the panel's debounce to pass. */
async function typeIntoEntryLocator(page, input, value) {
  await input.fill(value);
  await input.press('Tab'); // blur flushes the debounced value
}

const page = await openDevPage();
const sampleXml = fs.readFileSync(path.join(here, 'fixtures/coban-sample.bpmn'), 'utf8');
const camundaXml = fs.readFileSync(path.join(here, 'fixtures/camunda-modeler.bpmn'), 'utf8');

await check('the bpmn.io watermark is shown', async () => {
  assert(await page.locator('.bjs-powered-by').isVisible(), 'no visible .bjs-powered-by');
});

await check('palette offers user/service/send tasks but no script task, plain task or group', async () => {
  const actions = await page.$$eval('.djs-palette .entry', entries => entries.map(e => e.dataset.action));
  for (const wanted of [ 'create.user-task', 'create.service-task', 'create.send-task', 'create.start-event', 'create.exclusive-gateway' ]) {
    assert(actions.includes(wanted), `palette lacks ${wanted}: ${actions}`);
  }
  for (const unwanted of [ 'create.task', 'create.group' ]) {
    assert(!actions.includes(unwanted), `palette has ${unwanted}`);
  }
  assert(!actions.some(a => /script|rule|complex|transaction/.test(a)), `palette offers: ${actions}`);
  const classes = await page.$$eval('.djs-palette .entry', entries => entries.map(e => e.className).join(' '));
  assert(!/script/.test(classes), 'a palette entry has a script icon');
});

await check('palette and context pad are in Chinese', async () => {
  const title = await page.getAttribute('.djs-palette .entry[data-action="create.user-task"]', 'aria-label');
  assert(title === '创建人工任务', `palette title: ${title}`);
  await clickElement(page, 'SetStatus');
  const append = await page.getAttribute('.djs-context-pad .entry[data-action="append.user-task"]', 'title');
  assert(append === '追加人工任务', `context pad title: ${append}`);
  const hidden = await page.$$('.djs-context-pad .entry[data-action="append.append-task"]');
  assert(hidden.length === 0, 'the plain "append task" entry is still there');
});

await check('replace menu offers only what the engine runs', async () => {
  await clickElement(page, 'SetStatus');
  await page.click('.djs-context-pad .entry[data-action="replace"]');
  await page.waitForSelector('.djs-popup .entry');
  const ids = await page.$$eval('.djs-popup .entry', entries => entries.map(e => e.dataset.id));
  const labels = await page.$$eval('.djs-popup .entry', entries => entries.map(e => e.textContent.trim()));
  await page.screenshot({ path: path.join(screenshots, 'replace-menu.png') });
  await page.keyboard.press('Escape');
  for (const unwanted of [ 'replace-with-script-task', 'replace-with-rule-task', 'replace-with-task', 'replace-with-ad-hoc-subprocess', 'replace-with-collapsed-subprocess' ]) {
    assert(!ids.includes(unwanted), `menu offers ${unwanted}`);
  }
  assert(ids.includes('replace-with-user-task') && ids.includes('replace-with-call-activity'), `menu: ${ids}`);
  assert(labels.includes('人工任务'), `labels: ${labels}`);

  const boundaryAndEvents = await page.evaluate(() => {
    const modeler = window.designer.bpmnjs;
    const popupMenu = modeler.get('popupMenu');
    const end = modeler.get('elementRegistry').get('End');
    return Object.keys(popupMenu._getEntries(end, popupMenu._getProviders('bpmn-replace')));
  });
  for (const unwanted of [ 'replace-with-signal-end', 'replace-with-compensation-end', 'replace-with-cancel-end' ]) {
    assert(!boundaryAndEvents.includes(unwanted), `end event menu offers ${unwanted}`);
  }
  assert(boundaryAndEvents.includes('replace-with-terminate-end'), `end event menu: ${boundaryAndEvents}`);
});

await check('coban: model imports without warnings and shows its attributes in the panel', async () => {
  const warnings = await openXml(page, sampleXml);
  assert(warnings.length === 0, `warnings: ${warnings}`);
  await clickElement(page, 'Handle');
  const assignTo = await page.inputValue('#panel [data-entry-id="coban-assignTo"] select');
  assert(assignTo === 'caseOwner', `assignTo select shows ${assignTo}`);
  const groupLabels = await page.$$eval('#panel .bio-properties-panel-group-header-title', e => e.map(x => x.textContent));
  for (const label of [ '任务分派', '期限', '案件动作', '表单字段', '多实例' ]) {
    assert(groupLabels.includes(label), `panel groups: ${groupLabels}`);
  }
});

let changedEvents = 0;
await page.exposeFunction('smokeChanged', () => { changedEvents++; });
await page.evaluate(() => {
  window.designer.on('changed', () => window.smokeChanged());

  // what a Blazor DotNetObjectReference looks like from JS
  window.dotnetCalls = [];
  window.designer.on('changed', {
    invokeMethodAsync: (method, eventName, payload) => {
      window.dotnetCalls.push({ method, eventName, payload });
      return Promise.resolve();
    }
  }, 'OnDiagramChanged');
});

await check('coban:due set through the properties panel is saved', async () => {
  await clickElement(page, 'Handle');
  await typeIntoEntry(page, 'coban-due', 'P3WD', 'Handle', 'coban:due');
  await page.screenshot({ path: path.join(screenshots, 'panel-due.png') });
  const xml = await save(page);
  assertIncludes(xml, 'coban:due="P3WD"');
  assertIncludes(xml, '<coban:formField id="approved" label="是否通过" type="boolean" required="true" />');
  assertIncludes(xml, 'coban:collection="bureaus"');
  assertIncludes(xml, '<coban:param name="status" value="已受理" />');
  assertIncludes(xml, '<coban:in variables="all" />');
  assertIncludes(xml, 'coban:correlationKey="${caseNo}"');
  assert(changedEvents > 0, 'no "changed" event after the edit');
  const dotnet = await page.evaluate(() => window.dotnetCalls[0]);
  assert(dotnet && dotnet.method === 'OnDiagramChanged' && dotnet.eventName === 'changed' && dotnet.payload.canUndo === true,
    `.NET callback: ${JSON.stringify(dotnet)}`);
});

await check('form fields are added and removed through the panel', async () => {
  await clickElement(page, 'Handle');
  const group = page.locator('#panel [data-group-id="group-coban-form-fields"]');
  await group.locator('.bio-properties-panel-add-entry').click();
  const fieldCount = () => page.evaluate(() => window.designer.bpmnjs.get('elementRegistry').get('Handle')
    .businessObject.extensionElements.values.filter(v => v.$type === 'coban:FormField').length);
  assert(await fieldCount() === 3, 'no field added');
  // the new item opens with its first entry (the field id) focused
  await typeIntoEntryLocator(page, group.locator('[data-entry-id$="-label"] input').last(), '受理意见');
  const xml = await save(page);
  assertIncludes(xml, '<coban:formField id="field3" label="受理意见" type="string" />');
  await group.locator('.bio-properties-panel-remove-entry').last().click();
  assert(await fieldCount() === 2, 'field not removed');
});

await check('an invalid duration shows a message and is not written', async () => {
  const input = page.locator('#panel [data-entry-id="coban-remindBefore"] input');
  await input.fill('P3X');
  await page.waitForSelector('#panel [data-entry-id="coban-remindBefore"] .bio-properties-panel-error');
  await page.waitForTimeout(800); // longer than the panel's debounce
  const value = await page.evaluate(() =>
    window.designer.bpmnjs.get('elementRegistry').get('Handle').businessObject.get('coban:remindBefore'));
  assert(value === 'P1WD', `remindBefore became ${value}`);
  await input.fill('P1WD');
});

await check('Camunda Modeler model keeps its camunda: attributes through an edit and save', async () => {
  const warnings = await openXml(page, camundaXml);
  assert(warnings.length === 0, `warnings: ${warnings}`);
  await clickElement(page, 'Approve');
  await typeIntoEntry(page, 'coban-due', 'P3WD', 'Approve', 'coban:due');
  const xml = await save(page);
  assertIncludes(xml, 'xmlns:coban="http://coban.workflow/schema/bpmn/1.0"');
  assertIncludes(xml, 'coban:due="P3WD"');
  for (const fragment of [
    'camunda:assignee="${manager}"', 'camunda:candidateGroups="dutyLeader,supervisor"',
    'camunda:dueDate="${dueDate}"', 'camunda:asyncBefore="true"', 'camunda:class="org.example.NotifyDelegate"',
    'camunda:asyncAfter="true"', 'camunda:collection="${approvers}"', 'camunda:elementVariable="approver"',
    'camunda:versionTag="1.2"', 'camunda:historyTimeToLive="180"', 'camunda:initiator="requester"',
    '<camunda:formField id="approved" label="Approved?" type="boolean">', '<camunda:constraint name="required" />',
    'modeler:executionPlatform="Camunda Platform"'
  ]) {
    assertIncludes(xml, fragment);
  }
});

await check('Camunda extension elements from the corpus survive import and export', async () => {
  assert(corpusCamunda, 'bpmn-js__extension_camunda.bpmn not found');
  const warnings = await openXml(page, fs.readFileSync(corpusCamunda, 'utf8'));
  assert(warnings.length === 0, `warnings: ${warnings}`);
  const xml = await save(page);
  for (const fragment of [ '<camunda:inputOutput>', '<camunda:inputParameter name="var1">', '<camunda:entry key="a">',
    '<camunda:value>stringInListNestedInMap</camunda:value>', '<camunda:inputParameter name="var2">stringConstantValue</camunda:inputParameter>' ]) {
    assertIncludes(xml, fragment);
  }
});

await check('showProblems marks the element and returns problems not on the canvas', async () => {
  await openXml(page, sampleXml);
  const unplaced = await page.evaluate(() => window.designer.showProblems([
    { elementId: 'Handle', message: '办理期限格式不正确', severity: 'error' },
    { elementId: 'Reply', message: '未指定通知模板', severity: 'Warning' },
    { elementId: 'commitment_sample', message: '流程缺少说明', severity: 'warning' },
    { elementId: 'NoSuchElement', message: '引用了不存在的元素', severity: 'error' }
  ]));
  assert(unplaced.map(p => p.elementId).join() === 'commitment_sample,NoSuchElement', `unplaced: ${JSON.stringify(unplaced)}`);
  const handleClass = await page.getAttribute('.djs-element[data-element-id="Handle"]', 'class');
  assert(handleClass.includes('coban-problem-error'), `Handle classes: ${handleClass}`);
  const replyClass = await page.getAttribute('.djs-element[data-element-id="Reply"]', 'class');
  assert(replyClass.includes('coban-problem-warning'), `Reply classes: ${replyClass}`);
  const badge = page.locator('.coban-problem-badge[data-element-id="Handle"]');
  await badge.hover();
  const tooltip = badge.locator('.coban-problem-tooltip');
  assert(await tooltip.isVisible(), 'hover box not visible');
  assert((await tooltip.textContent()).includes('办理期限格式不正确'), 'hover box lacks the message');
  await page.screenshot({ path: path.join(screenshots, 'problems.png') });
  await page.evaluate(() => window.designer.clearProblems());
  assert(await page.locator('.coban-problem-badge').count() === 0, 'badges left after clearProblems');
  const cleared = await page.getAttribute('.djs-element[data-element-id="Handle"]', 'class');
  assert(!cleared.includes('coban-problem'), 'marker left after clearProblems');
});

await check('highlight marks active, completed and compare states', async () => {
  const missing = await page.evaluate(() => window.designer.highlight({
    active: [ 'SetStatus' ], completed: [ 'Start', 'Flow_1', 'Handle', 'Flow_2' ], changed: [ 'Reply' ],
    added: [ 'Joint' ], removed: [ 'Gone' ]
  }));
  assert(missing.join() === 'Gone', `missing: ${missing}`);
  const classOf = (id) => page.getAttribute(`.djs-element[data-element-id="${id}"]`, 'class');
  assert((await classOf('SetStatus')).includes('coban-active'), 'no active marker');
  assert((await classOf('Flow_1')).includes('coban-completed'), 'no completed marker on the flow');
  assert((await classOf('Reply')).includes('coban-changed'), 'no changed marker');
  await page.screenshot({ path: path.join(screenshots, 'highlight.png') });
  await page.evaluate(() => window.designer.clearHighlights());
  assert(!(await classOf('SetStatus')).includes('coban-active'), 'marker left after clearHighlights');
});

await check('read-only mode hides editing tools and ignores edits', async () => {
  await page.evaluate(() => window.designer.setReadOnly(true));
  assert(!(await page.locator('.djs-palette').isVisible()), 'palette still visible');
  await clickElement(page, 'Handle');
  assert(await page.locator('.djs-context-pad .entry').count() === 0 ||
    !(await page.locator('.djs-context-pad').isVisible()), 'context pad visible');
  await page.locator('#panel [data-entry-id="coban-due"] input').pressSequentially('9', { timeout: 2000 }).catch(() => {});
  await page.dblclick('.djs-element[data-element-id="Handle"] .djs-hit', { force: true });
  assert(!(await page.evaluate(() => window.designer.bpmnjs.get('directEditing').isActive())), 'label editor opened');
  await page.evaluate(() => {
    const modeler = window.designer.bpmnjs;
    modeler.get('modeling').updateProperties(modeler.get('elementRegistry').get('Handle'), { name: 'changed' });
  });
  await page.waitForTimeout(800);
  const state = await page.evaluate(() => {
    const bo = window.designer.bpmnjs.get('elementRegistry').get('Handle').businessObject;
    return { name: bo.name, due: bo.get('coban:due') };
  });
  assert(state.name === '办理' && state.due === undefined, `edited in read-only mode: ${JSON.stringify(state)}`);
  await page.screenshot({ path: path.join(screenshots, 'read-only.png') });
  await page.evaluate(() => window.designer.setReadOnly(false));
  assert(await page.locator('.djs-palette').isVisible(), 'palette hidden after leaving read-only');
});

await check('newDiagram makes a start → user task → end model with the coban namespace', async () => {
  const selections = [];
  await page.exposeFunction('smokeSelection', (ids) => selections.push(ids));
  await page.evaluate(() => window.designer.on('selection', (e) => window.smokeSelection(e.ids)));
  await page.evaluate(() => window.designer.newDiagram('desk_intake', '登记受理 & 分流'));
  const xml = await save(page);
  assertIncludes(xml, 'xmlns:coban="http://coban.workflow/schema/bpmn/1.0"');
  assertIncludes(xml, '<bpmn:process id="desk_intake" name="登记受理 &#38; 分流" isExecutable="true">');
  assertIncludes(xml, '<bpmn:userTask id="Activity_1" name="办理" coban:assignTo="caseOwner">');
  assertIncludes(xml, '<bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2">');
  await clickElement(page, 'Activity_1');
  assert(selections.some(ids => ids.includes('Activity_1')), `selection events: ${JSON.stringify(selections)}`);
  const svg = await page.evaluate(() => window.designer.saveSvg());
  assert(svg.startsWith('<?xml') && svg.includes('<svg'), 'saveSvg did not return SVG');
  await page.screenshot({ path: path.join(screenshots, 'new-diagram.png') });
});

await check('the viewer opens a model and highlights it', async () => {
  const missing = await page.evaluate(async (xml) => {
    const div = document.createElement('div');
    div.id = 'viewer';
    div.style.cssText = 'position:fixed;left:0;top:0;width:800px;height:300px;background:#fff;z-index:10';
    document.body.appendChild(div);
    const viewer = CoBanDesigner.createViewer(div, { lang: 'zh' });
    await viewer.open(xml);
    const result = viewer.highlight({ active: [ 'Reply' ], completed: [ 'Start', 'Flow_1' ] });
    window.smokeViewer = viewer;
    return result;
  }, sampleXml);
  assert(missing.length === 0, `missing: ${missing}`);
  assert(await page.locator('#viewer .djs-palette').count() === 0, 'the viewer has a palette');
  assert(await page.locator('#viewer .bjs-powered-by').isVisible(), 'no watermark in the viewer');
  await page.screenshot({ path: path.join(screenshots, 'viewer.png') });
  await page.evaluate(() => { window.smokeViewer.destroy(); document.getElementById('viewer').remove(); });
});

await check('English UI with lang=en', async () => {
  const english = await openDevPage('?lang=en');
  const title = await english.getAttribute('.djs-palette .entry[data-action="create.user-task"]', 'aria-label');
  assert(title === 'Create user task', `palette title: ${title}`);
  await clickElement(english, 'Handle');
  const groups = await english.$$eval('#panel .bio-properties-panel-group-header-title', e => e.map(x => x.textContent));
  assert(groups.includes('Assignment') && groups.includes('Deadlines'), `groups: ${groups}`);
  await english.close();
});

await check('no errors in the browser console', async () => {
  assert(pageErrors.length === 0, pageErrors.join('\n'));
});

await page.screenshot({ path: path.join(screenshots, 'designer.png') });
await browser.close();
server.close();

const passed = results.filter(Boolean).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
