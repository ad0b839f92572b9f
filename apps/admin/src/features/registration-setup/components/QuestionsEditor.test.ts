import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { createAdminI18n } from '../../../i18n';
import type { QuestionModel } from '../questions-editor';
import QuestionsEditor from './QuestionsEditor.vue';

const checkbox = (id: string): QuestionModel => ({
  id,
  type: 'checkbox',
  label: { ko: '', en: 'Join the cluster tour?' },
  help: { ko: '', en: '' },
  required: false,
  choices: [],
  showIf: null,
});

function mountEditor(initial: QuestionModel[]) {
  const wrapper = mount(QuestionsEditor, {
    props: {
      modelValue: initial,
      'onUpdate:modelValue': (v: QuestionModel[]) => wrapper.setProps({ modelValue: v }),
      errorFor: (path: string) => (path === '1.id' ? 'Each question needs its own id' : undefined),
    },
    global: { plugins: [createAdminI18n('en'), PrimeVue] },
    attachTo: document.body,
  });
  return wrapper;
}

const current = (w: ReturnType<typeof mountEditor>) => w.props('modelValue') as QuestionModel[];

describe('QuestionsEditor', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('adds questions, offers a condition on an earlier one, and drops it when moved above', async () => {
    const wrapper = mountEditor([checkbox('tour')]);
    expect(wrapper.get('#question-0-condition').attributes('disabled')).toBeDefined();

    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Add a question')!
      .trigger('click');
    expect(current(wrapper).map((q) => q.id)).toEqual(['tour', 'question_2']);
    expect(wrapper.get('label[for="question-1-id"]').text()).toBe('Question id');
    expect(wrapper.get('#question-1-id-error').text()).toBe('Each question needs its own id');

    await wrapper.get('#question-1-condition').setValue(true);
    expect(current(wrapper)[1]?.showIf).toEqual({ questionId: 'tour', equals: true });

    await wrapper.get('button[aria-label="Move question 2 up"]').trigger('click');
    expect(current(wrapper).map((q) => [q.id, q.showIf])).toEqual([
      ['question_2', null],
      ['tour', null],
    ]);

    await wrapper.get('button[aria-label="Remove question 1"]').trigger('click');
    expect(current(wrapper).map((q) => q.id)).toEqual(['tour']);
    wrapper.unmount();
  });
});
