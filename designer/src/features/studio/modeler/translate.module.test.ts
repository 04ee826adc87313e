import { describe, expect, it } from 'vitest';
import { createTranslate, translateModule } from './translate.module.ts';

describe('modeler translate module', () => {
  it('shows the palette and context pad in Chinese for zh-CN', () => {
    // given
    const [, translate] = translateModule('zh-CN').translate;

    // when
    const texts = ['Create task', 'Append gateway', 'Change element'].map((text) => translate(text));

    // then
    expect(texts).toEqual(['创建任务', '追加网关', '更改元素类型']);
  });

  it('keeps the English text where the dictionary has none, with its placeholders filled', () => {
    // given
    const translate = createTranslate({ 'Hello {name}': '你好，{name}' });

    // when
    const known = translate('Hello {name}', { name: '张三' });
    const unknown = translate('Unknown {thing} stays', { thing: 'text' });

    // then
    expect(known).toBe('你好，张三');
    expect(unknown).toBe('Unknown text stays');
  });

  it('leaves the modeler English when the user chose English', () => {
    // given
    const [, translate] = translateModule('en').translate;

    // when
    const text = translate('Create task');

    // then
    expect(text).toBe('Create task');
  });
});
